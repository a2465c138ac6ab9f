import { describe, expect, it } from "vitest";
import { createFolkClient, PatchwiseApiError, unwrap } from "../../src/index.ts";
import { folkId } from "../arbitraries.ts";
import { ADA, connect, errorOf, G1, G2, G3, NOW, simulator, TRANSPORTS } from "./fixtures.ts";

const PERSON = `/v1/people/${ADA.id}`;
const BOTH = [{ id: G1 }, { id: G2 }];

/** [name, { body, issues }]: a PATCH body and the issues of Folk's 422, as `path` and `code`. */
const invalidBodies: [string, { body: unknown; issues: { path: (string | number)[]; code: string }[] }][] = [
  [
    "an unknown key",
    { body: { nickname: "Ada" }, issues: [{ path: ["nickname"], code: "unrecognized_keys" }] },
  ],
  [
    "a read-only key",
    { body: { createdAt: NOW.toISOString() }, issues: [{ path: ["createdAt"], code: "unrecognized_keys" }] },
  ],
  [
    "firstName over 500",
    { body: { firstName: "a".repeat(501) }, issues: [{ path: ["firstName"], code: "too_big" }] },
  ],
  ["fullName null", { body: { fullName: null }, issues: [{ path: ["fullName"], code: "invalid_type" }] }],
  [
    "birthday not a day",
    { body: { birthday: "1990-02-30" }, issues: [{ path: ["birthday"], code: "invalid_string" }] },
  ],
  [
    "an email that is not one",
    {
      body: { emails: ["ada@example.com", "ada"] },
      issues: [{ path: ["emails", 1], code: "invalid_string" }],
    },
  ],
  [
    "21 phones",
    {
      body: { phones: Array.from({ length: 21 }, (_, i) => `+${i}`) },
      issues: [{ path: ["phones"], code: "too_big" }],
    },
  ],
  [
    "a group written with its name",
    {
      body: { groups: [{ id: G1, name: "Eng" }] },
      issues: [{ path: ["groups", 0, "name"], code: "unrecognized_keys" }],
    },
  ],
  [
    "a group id not 40 characters",
    { body: { groups: [{ id: "grp_1" }] }, issues: [{ path: ["groups", 0, "id"], code: "too_small" }] },
  ],
  [
    "a group not in the workspace",
    {
      body: { groups: [{ id: folkId("grp", 99) }] },
      issues: [{ path: ["groups", 0, "id"], code: "custom" }],
    },
  ],
  [
    "a company by id and name",
    {
      body: { companies: [{ id: folkId("com", 1), name: "Acme" }] },
      issues: [{ path: ["companies", 0], code: "invalid_union" }],
    },
  ],
  [
    "an unknown company id",
    {
      body: { companies: [{ name: "Fine" }, { id: folkId("com", 99) }] },
      issues: [{ path: ["companies", 1, "id"], code: "custom" }],
    },
  ],
  [
    "custom values of a group not in groups of the same request",
    {
      body: { groups: [{ id: G1 }], customFieldValues: { [G2]: { Ticket: 1 } } },
      issues: [{ path: ["customFieldValues", G2], code: "custom" }],
    },
  ],
  [
    "custom values without groups at all",
    {
      body: { customFieldValues: { [G1]: { Stage: "Offer" } } },
      issues: [{ path: ["customFieldValues", G1], code: "custom" }],
    },
  ],
  [
    "an unknown custom field (names with dots and spaces stay whole)",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { "Score v2.1 (beta)": 1 } } },
      issues: [{ path: ["customFieldValues", G1, "Score v2.1 (beta)"], code: "custom" }],
    },
  ],
  [
    "a label not among the options",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Stage: "Hired" } } },
      issues: [{ path: ["customFieldValues", G1, "Stage"], code: "invalid_type" }],
    },
  ],
  [
    "a multipleSelect label not among the options",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Skills: ["Go", "COBOL"] } } },
      issues: [{ path: ["customFieldValues", G1, "Skills", 1], code: "invalid_enum_value" }],
    },
  ],
  [
    "a dateField timestamp",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { "Available from": "2026-01-01T10:00:00Z" } } },
      issues: [{ path: ["customFieldValues", G1, "Available from"], code: "invalid_type" }],
    },
  ],
  [
    "a numericField that is no number",
    {
      body: { groups: BOTH, customFieldValues: { [G2]: { Ticket: "forty-two" } } },
      issues: [{ path: ["customFieldValues", G2, "Ticket"], code: "invalid_type" }],
    },
  ],
  [
    "a textField number",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Notes: 7 } } },
      issues: [{ path: ["customFieldValues", G1, "Notes"], code: "invalid_type" }],
    },
  ],
  [
    "a userField email no user has",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Owner: [{ email: "nobody@example.com" }] } } },
      issues: [{ path: ["customFieldValues", G1, "Owner", 0], code: "custom" }],
    },
  ],
  [
    "an objectField given a contact",
    {
      body: { groups: BOTH, customFieldValues: { [G2]: { Project: [{ id: folkId("per", 101) }] } } },
      issues: [{ path: ["customFieldValues", G2, "Project", 0], code: "custom" }],
    },
  ],
  [
    "a custom group given as null",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: null } },
      issues: [{ path: ["customFieldValues", G1], code: "invalid_type" }],
    },
  ],
  ["a body that is not an object", { body: [], issues: [{ path: [], code: "invalid_type" }] }],
  [
    "several issues at once, each named",
    {
      body: {
        groups: [{ id: G1 }],
        customFieldValues: { [G1]: { Stage: "Nope" }, [G3]: { Topics: ["Hiring"] } },
      },
      issues: [
        { path: ["customFieldValues", G1, "Stage"], code: "invalid_type" },
        { path: ["customFieldValues", G3], code: "custom" },
      ],
    },
  ],
];

describe.each(TRANSPORTS)("errors (%s)", (transport) => {
  it.each(invalidBodies)("422 for %s, naming the path", async (_name, { body, issues }) => {
    const sim = simulator({ records: [ADA] });
    const { raw } = await connect(sim, transport);
    const response = await raw("PATCH", PERSON, { body: JSON.stringify(body) });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "UNPROCESSABLE_ENTITY", message: "Invalid request body" });
    expect(error.details?.issues).toEqual(issues.map((i) => ({ ...i, message: expect.any(String) })));
    expect(sim.get(ADA.id)).toEqual(ADA);
  });

  it("the envelope has Folk's fields: code, message, documentationUrl, requestId, timestamp", async () => {
    const { raw } = await connect(simulator(), transport);
    const error = await errorOf(await raw("GET", `/v1/people/${folkId("per", 9)}`));
    expect(error).toEqual({
      code: "RESOURCE_NOT_FOUND",
      message: `Person ${folkId("per", 9)} not found`,
      documentationUrl: "https://developer.folk.app/api-reference/errors#not-found",
      requestId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      timestamp: NOW.toISOString(),
    });
  });

  it.each([
    ["no Authorization header", {}],
    ["another key", { authorization: "Bearer not-the-key" }],
    ["another scheme", { authorization: "Basic dGVzdC1rZXk6" }],
  ])("401 UNAUTHORIZED for %s", async (_name, headers) => {
    const sim = simulator({ records: [ADA] });
    const { base } = await connect(sim, transport);
    const send = transport === "http" ? fetch : sim.fetch;
    const response = await send(`${base}${PERSON}`, { headers });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({
      code: "UNAUTHORIZED",
      message: "No valid API key provided.",
    });
  });

  it("401 through the client, as PatchwiseApiError without the key", async () => {
    const sim = simulator({ records: [ADA] });
    const { base } = await connect(sim, transport);
    const folk = createFolkClient({
      apiKey: "wrong-key-4711",
      ...(transport === "http" ? { baseUrl: base } : { fetch: sim.fetch }),
    });
    const error = await unwrap(
      folk.GET("/v1/people/{personId}", { params: { path: { personId: ADA.id } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED", requestId: expect.any(String) });
    expect(JSON.stringify(error)).not.toContain("wrong-key-4711");
  });

  it.each([
    ["GET", PERSON.replace(ADA.id, folkId("per", 9))],
    ["PATCH", PERSON.replace(ADA.id, folkId("per", 9))],
    ["DELETE", PERSON.replace(ADA.id, folkId("per", 9))],
    ["GET", `/v1/groups/${folkId("grp", 9)}/custom-fields/person`],
    ["GET", "/v1/companies"],
  ])("404 RESOURCE_NOT_FOUND for %s %s", async (method, path) => {
    const { raw } = await connect(simulator({ records: [ADA] }), transport);
    const response = await raw(method, path, method === "PATCH" ? { body: "{}" } : {});
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: "RESOURCE_NOT_FOUND" });
  });

  it.each([
    ["a body that is not JSON", "{ jobTitle: CTO }", "Malformed JSON body"],
    ["no body", undefined, "A JSON body is required"],
  ])("400 INVALID_REQUEST for %s", async (_name, body, message) => {
    const { raw } = await connect(simulator({ records: [ADA] }), transport);
    const response = await raw("PATCH", PERSON, body === undefined ? {} : { body });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "INVALID_REQUEST", message });
  });

  it.each([
    ["limit=0", "/v1/people?limit=0", ["limit"], "too_small"],
    ["limit=101", "/v1/people?limit=101", ["limit"], "too_big"],
    ["limit=ten", "/v1/people?limit=ten", ["limit"], "invalid_type"],
    ["limit=2.5", "/v1/groups?limit=2.5", ["limit"], "invalid_type"],
    ["a cursor over 128 characters", `/v1/people?cursor=${"c".repeat(129)}`, ["cursor"], "too_big"],
    ["combinator=xor", "/v1/people?combinator=xor", ["combinator"], "invalid_enum_value"],
    [
      "an unknown filter attribute",
      "/v1/people?filter[nickname][eq]=Ada",
      ["filter", "nickname", "eq"],
      "custom",
    ],
    [
      "an operator the attribute does not take",
      "/v1/people?filter[emails][gt]=a",
      ["filter", "emails", "gt"],
      "custom",
    ],
    ["a filter not of the form", "/v1/people?filter[emails]=a", ["filter"], "custom"],
    [
      "an unknown custom field",
      `/v1/people?filter[customFieldValues.${G1}.Nope][eq]=1`,
      ["filter", `customFieldValues.${G1}.Nope`, "eq"],
      "custom",
    ],
    [
      "a number filter that is no number",
      `/v1/people?filter[customFieldValues.${G2}.Ticket][gt]=lots`,
      ["filter", `customFieldValues.${G2}.Ticket`, "gt"],
      "custom",
    ],
    [
      "a person id not 40 characters",
      `/v1/people/${folkId("per", 1)}0`,
      ["personId"],
      "too_big+invalid_string",
    ],
    [
      "a person id of another kind",
      `/v1/people/${folkId("com", 1).replace("com_", "cmp_")}`,
      ["personId"],
      "invalid_string",
    ],
    ["a malformed group id", "/v1/groups/grp_1/custom-fields/person", ["groupId"], "too_small"],
  ])("422 for %s, naming the parameter", async (_name, path, at, code) => {
    const { raw } = await connect(simulator({ records: [ADA] }), transport);
    const response = await raw("GET", path);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("UNPROCESSABLE_ENTITY");
    const codes = code.split("+");
    expect(error.details?.issues).toEqual(
      codes.map((c) => ({ path: at, code: c, message: expect.any(String) })),
    );
  });

  it("400 for a cursor that is not one of Folk's", async () => {
    const { raw } = await connect(simulator(), transport);
    const response = await raw("GET", "/v1/people?cursor=not-a-cursor");
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: "INVALID_REQUEST",
      details: { issues: [{ path: ["cursor"] }] },
    });
  });

  it("422 for a malformed X-API-Version header; a date is accepted", async () => {
    const { raw } = await connect(simulator({ records: [ADA] }), transport);
    expect((await raw("GET", PERSON, { headers: { "x-api-version": "2025-06-09" } })).status).toBe(200);
    const response = await raw("GET", PERSON, { headers: { "x-api-version": "2025-13-01" } });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).details?.issues).toMatchObject([
      { path: ["X-API-Version"], code: "invalid_string" },
    ]);
  });

  it("a PATCH body is checked before the person is looked up: 422 before 404", async () => {
    const { raw } = await connect(simulator(), transport);
    const response = await raw("PATCH", `/v1/people/${folkId("per", 9)}`, { body: '{"nickname":"x"}' });
    expect(response.status).toBe(422);
  });

  it("POST checks its body the same way", async () => {
    const sim = simulator();
    const { raw } = await connect(sim, transport);
    const response = await raw("POST", "/v1/people", {
      body: JSON.stringify({ customFieldValues: { [G1]: { Stage: "Lead" } } }),
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).details?.issues).toMatchObject([{ path: ["customFieldValues", G1] }]);
    expect(sim.all()).toEqual([]);
  });
});
