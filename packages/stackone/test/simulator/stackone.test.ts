import { describe, expect, it } from "vitest";
import { PatchwiseApiError, type StackOneCandidate, unwrap } from "../../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_CUSTOM_FIELD_DEFINITIONS,
  type StackOneSimulatorOptions,
} from "../../src/testing.ts";
import {
  ACCOUNT,
  BASIC,
  candidate,
  clock,
  collect,
  connect,
  KEY,
  NOTICE_ID,
  START,
  TRANSPORTS,
  thrown,
  withoutCustomFields,
} from "./fixtures.ts";

const URL_LIST = "/unified/ats/candidates";
const URL_ONE = "/unified/ats/candidates/{id}";
const URL_DEFINITIONS = "/unified/ats/custom_field_definitions/candidates";
const NOW = new Date(START).toISOString();

const RECORD = candidate(1);
const params = { path: { id: RECORD.id } };
const withFields = { ...params, query: { include: "custom_fields" } };

/** A simulator at a fixed clock with `RECORD` seeded, and a connection to it. */
async function setUp(transport: (typeof TRANSPORTS)[number], options: StackOneSimulatorOptions = {}) {
  const time = clock();
  const sim = createStackOneSimulator({ apiKey: KEY, now: time.now, records: [RECORD], ...options });
  return { sim, time, ...(await connect(sim, transport)) };
}

/** The JSON of a raw response, with its status. */
async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(TRANSPORTS)("operations (%s)", (transport) => {
  it("GET a candidate: { data } in the read shape; custom fields only with include=custom_fields", async () => {
    const { client, sim } = await setUp(transport);
    expect(await unwrap(client.GET(URL_ONE, { params }))).toEqual({ data: withoutCustomFields(RECORD) });
    expect(await unwrap(client.GET(URL_ONE, { params: withFields }))).toEqual({ data: RECORD });
    expect(sim.get(RECORD.id)).toEqual(RECORD); // the store reader gives the same read shape
    const listed = await unwrap(
      client.GET(URL_ONE, { params: { ...params, query: { include: "tags, custom_fields" } } }),
    );
    expect(listed.data.custom_fields).toEqual(RECORD.custom_fields);
  });

  it("GET with fields returns only those fields, and raw=true adds the ATS's requests", async () => {
    const { client } = await setUp(transport);
    const query = { fields: "id,email,custom_fields", include: "custom_fields", raw: true };
    const got = await unwrap(client.GET(URL_ONE, { params: { ...params, query } }));
    expect(got).toEqual({
      data: { id: RECORD.id, email: RECORD.email, custom_fields: RECORD.custom_fields },
      raw: [{ method: "GET", url: "https://ats.example.invalid/v1/candidates/48001" }],
    });
  });

  it("reads date-times back as UTC instants with milliseconds, whatever encoding they were stored in", async () => {
    const seeded = candidate(2, {
      hired_at: "2021-01-01T02:01:01+01:00",
      created_at: "2024-03-04T09:15:00Z",
      updated_at: "2024-05-20T16:42:10.123456Z",
    });
    const { client, sim } = await setUp(transport, { records: [seeded] });
    const { data } = await unwrap(client.GET(URL_ONE, { params: { path: { id: seeded.id } } }));
    expect(data).toMatchObject({
      hired_at: "2021-01-01T01:01:01.000Z",
      created_at: "2024-03-04T09:15:00.000Z",
      updated_at: "2024-05-20T16:42:10.123Z",
    });
    expect(sim.get(seeded.id)?.hired_at).toBe("2021-01-01T01:01:01.000Z");
  });

  it("lists candidates 25 a page by default, following next to the last page (next: null)", async () => {
    const records = Array.from({ length: 60 }, (_, i) => candidate(i + 1));
    const { client, sim } = await setUp(transport, { records });
    const first = await unwrap(client.GET(URL_LIST));
    expect(first.data).toHaveLength(25);
    expect(first.next).toEqual(expect.any(String));
    const pages = [first];
    while (pages.at(-1)?.next) {
      const next = pages.at(-1)?.next ?? "";
      pages.push(await unwrap(client.GET(URL_LIST, { params: { query: { next } } })));
    }
    expect(pages.map((p) => p.data.length)).toEqual([25, 25, 10]);
    expect(pages.at(-1)?.next).toBeNull();
    expect(pages.flatMap((p) => p.data)).toEqual(records.map(withoutCustomFields));
    expect(sim.requests.map((r) => r.query.next ?? "")).toEqual(["", first.next, pages[1]?.next]);
  });

  it("iterate.candidates walks every page at page_size=100, with custom fields when included", async () => {
    const records = Array.from({ length: 230 }, (_, i) => candidate(i + 1));
    const { client, sim } = await setUp(transport, { records });
    expect(await collect(client.iterate.candidates({ include: "custom_fields" }))).toEqual(records);
    expect(sim.requests.map((r) => r.query.page_size)).toEqual(["100", "100", "100"]);
    const small = await unwrap(client.GET(URL_LIST, { params: { query: { page_size: 1 } } }));
    expect(small.data).toHaveLength(1);
  });

  it("an empty list is one page with next: null", async () => {
    const { client } = await setUp(transport, { records: [] });
    expect(await unwrap(client.GET(URL_LIST))).toEqual({ next: null, data: [] });
  });

  it("filter[email] finds a candidate by its email or any of its emails, ignoring case", async () => {
    const records = [candidate(1), candidate(2, { email: null }), candidate(3)];
    const { client, sim } = await setUp(transport, { records });
    const byEmail = async (email: string) =>
      (await collect(client.iterate.candidates({ filter: { email } }))).map((c) => c.id);
    expect(await byEmail("alex1@example.com")).toEqual([records[0]?.id]);
    expect(await byEmail("alex2@work.example")).toEqual([records[1]?.id]);
    expect(await byEmail("ALEX3@Example.com")).toEqual([records[2]?.id]);
    expect(await byEmail("nobody@example.com")).toEqual([]);
    expect(sim.requests.at(-1)?.query).toEqual({ page_size: "100", "filter[email]": "nobody@example.com" });
  });

  it("filter[updated_after] and filter[created_after] keep candidates changed strictly after the instant", async () => {
    const records = [1, 2, 3, 4].map((n) => candidate(n, { created_at: `2024-0${n}-01T00:00:00Z` }));
    const { client } = await setUp(transport, { records });
    const ids = async (filter: Record<string, string>) =>
      (await collect(client.iterate.candidates({ filter }))).map((c) => c.id);
    // updated_at of candidate(n) is 2025-01-0n (UTC midnight).
    expect(await ids({ updated_after: "2025-01-02T00:00:00Z" })).toEqual([records[2]?.id, records[3]?.id]);
    expect(await ids({ updated_after: "2025-01-02T00:30:00+01:00" })).toEqual(
      [records[1], records[2], records[3]].map((r) => r?.id),
    );
    expect(await ids({ created_after: "2024-03-01T00:00:00.000Z" })).toEqual([records[3]?.id]);
  });

  it("a PATCH moves a candidate into filter[updated_after]", async () => {
    const { client, time } = await setUp(transport);
    const filter = { updated_after: new Date(START).toISOString() };
    expect(await collect(client.iterate.candidates({ filter }))).toEqual([]);
    time.advance(1000);
    await unwrap(client.PATCH(URL_ONE, { params, body: { title: "Staff Engineer" } }));
    const [changed] = await collect(client.iterate.candidates({ filter }));
    expect(changed).toMatchObject({
      id: RECORD.id,
      title: "Staff Engineer",
      updated_at: "2026-01-15T09:00:01.000Z",
    });
  });

  it("POST creates a candidate: 201 with ids only; GET shows it with server-set fields", async () => {
    const { client, sim } = await setUp(transport);
    const body = {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
      phone_number: "+447700900999",
      social_links: [{ type: "github", url: "https://github.com/ada", extra: 1 } as never],
      hired_at: "2026-02-01T09:00:00+01:00",
      custom_fields: [{ id: NOTICE_ID, value: "2 weeks" }],
      unified_custom_fields: { source_ref: "REF-1" },
      passthrough: { other_known_names: "Augusta" },
    };
    const { data, response } = await client.POST(URL_LIST, { body });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      statusCode: 201,
      message: "Record created successfully.",
      timestamp: NOW,
      data: {
        id: expect.stringMatching(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/),
        remote_id: "100001",
      },
    });
    const id = data?.data.id ?? "";
    expect(sim.get(id)).toEqual({
      id,
      remote_id: "100001",
      name: "Ada Lovelace",
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
      emails: [{ type: "personal", value: "ada@example.com" }],
      social_links: [{ type: "github", url: "https://github.com/ada" }],
      phone: "+447700900999",
      phone_numbers: [{ type: "personal", phone: "+447700900999" }],
      company: null,
      title: null,
      country: null,
      application_ids: [],
      remote_application_ids: [],
      hired_at: "2026-02-01T08:00:00.000Z",
      custom_fields: [{ id: NOTICE_ID, value: "2 weeks" }],
      unified_custom_fields: { source_ref: "REF-1" },
      tags: [],
      created_at: NOW,
      updated_at: NOW,
    });
    const again = await unwrap(client.POST(URL_LIST, { body: { name: "Bob" } }));
    expect(again.data.remote_id).toBe("100002");
    expect(sim.get(again.data.id ?? "")).toMatchObject({ name: "Bob", email: null, emails: [] });
  });

  it("server-set ids are deterministic: the same seed gives the same ids", async () => {
    const ids = async (seed: number) => {
      const { client } = await setUp(transport, { seed });
      return [
        (await unwrap(client.POST(URL_LIST, { body: { name: "A" } }))).data.id,
        (await unwrap(client.POST(URL_LIST, { body: { name: "B" } }))).data.id,
      ];
    };
    const first = await ids(7);
    expect(await ids(7)).toEqual(first);
    expect(await ids(8)).not.toEqual(first);
  });

  it("PATCH answers 200 with ids only, sets what is sent, and leaves the rest", async () => {
    const { client, sim, time } = await setUp(transport);
    time.advance(60_000);
    const body = {
      title: "Staff Engineer",
      company: null,
      phone_numbers: [{ type: "work" as const, phone: "+12025550143" }],
      hired_at: "2026-02-01T09:00:00+01:00",
    };
    const { data, response } = await client.PATCH(URL_ONE, { params, body });
    expect(response.status).toBe(200);
    expect(data).toEqual({
      statusCode: 200,
      message: "Record updated successfully.",
      timestamp: "2026-01-15T09:01:00.000Z",
      data: { id: RECORD.id, remote_id: "48001" },
    });
    expect(sim.get(RECORD.id)).toEqual({
      ...RECORD,
      ...body,
      hired_at: "2026-02-01T08:00:00.000Z", // stored as sent, read back as a UTC instant
      updated_at: "2026-01-15T09:01:00.000Z",
    });
  });

  it("PATCH: null clears a field; every list is replaced whole; [] empties it", async () => {
    const { client, sim } = await setUp(transport);
    const body = {
      name: null,
      social_links: null,
      application_ids: [],
      phone_numbers: [{ type: null, phone: "+1" }, { phone: "+2" }],
      custom_fields: [{ id: NOTICE_ID, value: "3 months", value_id: null }],
    };
    await unwrap(client.PATCH(URL_ONE, { params, body }));
    expect(sim.get(RECORD.id)).toMatchObject(body);
  });

  it("PATCH: unified_custom_fields is replaced whole, not merged", async () => {
    const { client, sim } = await setUp(transport, {
      records: [candidate(1, { unified_custom_fields: { a: 1, b: { c: 2 } } })],
    });
    await unwrap(client.PATCH(URL_ONE, { params, body: { unified_custom_fields: { b: { d: 3 } } } }));
    expect(sim.get(RECORD.id)?.unified_custom_fields).toEqual({ b: { d: 3 } });
    await unwrap(client.PATCH(URL_ONE, { params, body: { unified_custom_fields: null } }));
    expect(sim.get(RECORD.id)?.unified_custom_fields).toBeNull();
  });

  it("PATCH: passthrough is accepted and never read back; unknown keys and item keys are dropped", async () => {
    const { client, sim } = await setUp(transport);
    const body = {
      passthrough: { other_known_names: "John Doe" },
      tags: [{ name: "VIP" }],
      emails: [{ type: "work", value: "alex1@work.example", primary: true }],
    } as never;
    await unwrap(client.PATCH(URL_ONE, { params, body }));
    const got = sim.get(RECORD.id) as Record<string, unknown>;
    expect(got).not.toHaveProperty("passthrough");
    expect(got.tags).toEqual(RECORD.tags);
    expect(got.emails).toEqual([{ type: "work", value: "alex1@work.example" }]);
  });

  it("PATCH: email and emails are separate fields; one sent alone leaves the other as it is", async () => {
    const { client, sim } = await setUp(transport);
    await unwrap(client.PATCH(URL_ONE, { params, body: { email: "alex1@work.example" } }));
    expect(sim.get(RECORD.id)).toMatchObject({ email: "alex1@work.example", emails: RECORD.emails });
    await unwrap(
      client.PATCH(URL_ONE, { params, body: { emails: [{ type: "other", value: "x@example.org" }] } }),
    );
    expect(sim.get(RECORD.id)).toMatchObject({
      email: "alex1@work.example",
      emails: [{ type: "other", value: "x@example.org" }],
    });
    const both = { email: "new@example.org", emails: [{ type: "work", value: "new@example.org" }] };
    await unwrap(client.PATCH(URL_ONE, { params, body: both }));
    expect(sim.get(RECORD.id)).toMatchObject(both);
    await unwrap(client.PATCH(URL_ONE, { params, body: { email: null, emails: [] } }));
    expect(sim.get(RECORD.id)).toMatchObject({ email: null, emails: [] });
  });

  it("an empty PATCH body is a valid write that changes only updated_at", async () => {
    const { client, sim, time } = await setUp(transport);
    time.advance(1000);
    await unwrap(client.PATCH(URL_ONE, { params, body: {} }));
    expect(sim.get(RECORD.id)).toEqual({ ...RECORD, updated_at: "2026-01-15T09:00:01.000Z" });
  });

  it("logs every request with its body", async () => {
    const { client, sim } = await setUp(transport);
    await unwrap(client.PATCH(URL_ONE, { params, body: { title: "CTO" } }));
    expect(sim.requests).toEqual([
      expect.objectContaining({
        method: "PATCH",
        path: `/unified/ats/candidates/${RECORD.id}`,
        status: 200,
        body: { title: "CTO" },
        requestBytes: 15,
      }),
    ]);
    sim.clearLog();
    expect(sim.requests).toEqual([]);
  });

  it("lists the custom field definitions, paged, with the ones seeded records use", async () => {
    const extra = candidate(2, {
      custom_fields: [{ id: "cf_extra", remote_id: "799", name: "Extra", value: 1.5 }],
    });
    const { client, sim, time } = await setUp(transport, { records: [extra] });
    const all = await collect(client.iterate.customFieldDefinitions());
    expect(all).toEqual([
      ...STACKONE_CUSTOM_FIELD_DEFINITIONS,
      {
        id: "cf_extra",
        remote_id: "799",
        name: "Extra",
        description: null,
        type: { value: "float", source_value: "float" },
        options: null,
      },
    ]);
    expect(sim.customFieldDefinitions()).toEqual(all);
    const first = await unwrap(
      client.GET(URL_DEFINITIONS, { params: { query: { page_size: 5, fields: "id,name" } } }),
    );
    expect(first.data).toEqual(
      STACKONE_CUSTOM_FIELD_DEFINITIONS.slice(0, 5).map(({ id, name }) => ({ id, name })),
    );
    const rest = await unwrap(
      client.GET(URL_DEFINITIONS, { params: { query: { page_size: 5, next: first.next ?? "" } } }),
    );
    expect(rest.data).toHaveLength(3);
    expect(rest.next).toBeNull();
    time.advance(1000);
    sim.seedCustomFieldDefinitions([{ id: "cf_new", name: "New" }]);
    const filter = { updated_after: new Date(START).toISOString() };
    expect(await collect(client.iterate.customFieldDefinitions({ filter }))).toEqual([
      { id: "cf_new", name: "New" },
    ]);
  });

  it("seed replaces a candidate in place and rejects one without an id", async () => {
    const { sim } = await setUp(transport, { records: [candidate(1), candidate(2)] });
    sim.seed([candidate(1, { title: "CTO" })]);
    expect(sim.all().map((c) => [c.id, c.title])).toEqual([
      [candidate(1).id, "CTO"],
      [candidate(2).id, "Data Engineer"],
    ]);
    expect(() => sim.seed([{ name: "no id" } as never])).toThrow(/string id/);
    expect(sim.get("unknown")).toBeUndefined();
  });
});

describe.each(TRANSPORTS)("errors (%s)", (transport) => {
  const envelope = (statusCode: number, message: string | RegExp) => ({
    statusCode,
    message: typeof message === "string" ? message : expect.stringMatching(message),
    timestamp: NOW,
  });

  it("400 names every field that breaks the spec, in StackOne's envelope", async () => {
    const { raw, client, sim } = await setUp(transport);
    const body = JSON.stringify({
      name: 42,
      hired_at: "next Monday",
      phone_numbers: [{ type: "pager", phone: "1" }],
      emails: "alex@example.com",
    });
    const response = await answer(await raw("PATCH", `${URL_LIST}/${RECORD.id}`, { body }));
    expect(response).toEqual({
      status: 400,
      body: envelope(
        400,
        'Bad Request: name: must be string or null (got integer); hired_at: must be a valid date-time (got "next Monday"); phone_numbers[0].type: must be one of "personal", "work", "mobile", "home", "unknown", "other", "unmapped_value", null (got "pager"); emails: must be array or null (got string)',
      ),
    });
    const error = await thrown(() =>
      unwrap(client.PATCH(URL_ONE, { params, body: { hired_at: "2021-01-01" } })),
    );
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("hired_at") });
    expect(sim.get(RECORD.id)).toEqual(RECORD);
  });

  it("400 for a POST body that breaks the spec, a body that is not JSON, and no body", async () => {
    const { raw } = await setUp(transport);
    expect(
      await answer(await raw("POST", URL_LIST, { body: JSON.stringify({ social_links: [1] }) })),
    ).toEqual({
      status: 400,
      body: envelope(400, "Bad Request: social_links[0]: must be object (got integer)"),
    });
    expect(await answer(await raw("PATCH", `${URL_LIST}/${RECORD.id}`, { body: "{" }))).toEqual({
      status: 400,
      body: envelope(400, "Bad Request: Malformed JSON body"),
    });
    expect(await answer(await raw("POST", URL_LIST))).toEqual({
      status: 400,
      body: envelope(400, "Bad Request: A JSON body is required"),
    });
    expect((await answer(await raw("PATCH", `${URL_LIST}/${RECORD.id}`, { body: "[]" }))).body.message).toBe(
      "Bad Request: (body): must be object (got array)",
    );
  });

  it("400 names each query parameter out of the spec", async () => {
    const { raw } = await setUp(transport);
    const cases: [string, string][] = [
      ["page_size=101", "page_size: must be at most 100 (got 101)"],
      ["page_size=0", "page_size: must be at least 1 (got 0)"],
      ["page_size=ten", "page_size: must be integer (got string)"],
      ["next=bm9wZQ", 'next: must be the next cursor of a previous page (got "bm9wZQ")'],
      [
        "filter[updated_after]=yesterday",
        'filter[updated_after]: must be a valid date-time (got "yesterday")',
      ],
      ["filter[phone]=1", "filter[phone]: is not allowed (allowed: updated_after, created_after, email)"],
      ["raw=maybe", "raw: must be boolean (got string)"],
      ["sort=name", "sort: is not allowed"],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await answer(await raw("GET", `${URL_LIST}?${query}`));
      expect(status, query).toBe(400);
      expect(body.message, query).toContain(`Bad Request: ${message}`);
    }
    const single = await answer(await raw("GET", `${URL_LIST}/${RECORD.id}?page_size=2`));
    expect(single.status).toBe(400);
    expect(single.body.message).toContain("page_size: is not allowed");
    const patch = await raw("PATCH", `${URL_LIST}/${RECORD.id}?include=custom_fields`, { body: "{}" });
    expect((await answer(patch)).body.message).toBe("Bad Request: include: is not allowed");
  });

  it("422 when email conflicts with the emails sent with it, with the ATS's answer in provider_errors", async () => {
    const { client, sim } = await setUp(transport);
    const body = { email: "alex@new.example", emails: [{ type: "work", value: "alex@old.example" }] };
    const { response, error } = await client.PATCH(URL_ONE, { params, body });
    expect(response.status).toBe(422);
    expect(error).toEqual({
      ...envelope(
        422,
        'Unprocessable Entity: email: must be the value of one of the emails sent with it (got "alex@new.example")',
      ),
      provider_errors: [
        {
          status: 422,
          url: "https://ats.example.invalid/v1/candidates/48001",
          raw: {
            error: "Validation failed",
            errors: [
              {
                field: "email",
                rule: "conflicts-with",
                message:
                  'email: must be the value of one of the emails sent with it (got "alex@new.example")',
              },
            ],
          },
          headers: { "content-type": "application/json" },
        },
      ],
    });
    const cleared = await client.PATCH(URL_ONE, { params, body: { email: "a@b.example", emails: null } });
    expect(cleared.response.status).toBe(422);
    expect(sim.get(RECORD.id)).toEqual(RECORD);
  });

  it("422 for a custom field the account does not define", async () => {
    const { client } = await setUp(transport);
    const body = {
      custom_fields: [
        { id: NOTICE_ID, value: "x" },
        { id: "cf_unknown", value: 1 },
      ],
    };
    const { response, error } = await client.PATCH(URL_ONE, { params, body });
    expect(response.status).toBe(422);
    expect(error?.message).toBe(
      'Unprocessable Entity: custom_fields[1].id: must be the id of a candidate custom field definition (got "cf_unknown")',
    );
    // A custom field without an id is left to the ATS to match (by remote_id or name).
    expect(
      (await client.PATCH(URL_ONE, { params, body: { custom_fields: [{ name: "Notice period" }] } })).response
        .status,
    ).toBe(200);
  });

  it("401 for a missing or wrong key, or another scheme", async () => {
    const { raw, sim } = await setUp(transport);
    for (const authorization of [null, `Basic ${btoa("sk_wrong:")}`, `Bearer ${KEY}`, "Basic !!!"]) {
      const response = await raw("GET", URL_LIST, { headers: { authorization } });
      expect(await answer(response), String(authorization)).toEqual({
        status: 401,
        body: envelope(401, "Unauthorized"),
      });
    }
    // Any password is accepted with the right key, as the key is the user name.
    expect(
      (await raw("GET", URL_LIST, { headers: { authorization: `Basic ${btoa(`${KEY}:x`)}` } })).status,
    ).toBe(200);
    const other = await connect(sim, transport, { apiKey: "sk_other" });
    const error = await thrown(() => unwrap(other.client.GET(URL_ONE, { params })));
    expect(error).toMatchObject({ status: 401, message: expect.stringContaining("Unauthorized") });
    expect(JSON.stringify(error)).not.toContain("sk_other");
  });

  it("400 for a missing x-account-id, as StackOne answers it", async () => {
    const { raw } = await setUp(transport);
    for (const value of [null, " "]) {
      expect(await answer(await raw("GET", URL_LIST, { headers: { "x-account-id": value } }))).toEqual({
        status: 400,
        body: envelope(400, "Missing x-account-id header in request"),
      });
    }
    // Auth comes first: no key and no account is a 401.
    const neither = await raw("GET", URL_LIST, { headers: { authorization: null, "x-account-id": null } });
    expect(neither.status).toBe(401);
    expect((await raw("GET", URL_LIST, { headers: { "x-account-id": "another-account" } })).status).toBe(200);
  });

  it("403 without a User-Agent when requireUserAgent is set; the client always sends one", async () => {
    const { raw, client } = await setUp(transport, { requireUserAgent: true });
    if (transport === "in-process") {
      expect(await answer(await raw("GET", URL_LIST))).toEqual({
        status: 403,
        body: envelope(403, "Forbidden: requests need a User-Agent header"),
      });
    }
    expect((await raw("GET", URL_LIST, { headers: { "user-agent": "my-sync/1.0" } })).status).toBe(200);
    expect((await client.GET(URL_LIST)).response.status).toBe(200);
  });

  it("404 for an unknown candidate (after the body is checked) and an unknown route", async () => {
    const { client, raw } = await setUp(transport);
    const missing = { path: { id: "c0a8012e-0000-4000-8000-000000000000" } };
    const got = await client.GET(URL_ONE, { params: missing });
    expect(got.response.status).toBe(404);
    expect(got.error).toEqual(envelope(404, "Candidate c0a8012e-0000-4000-8000-000000000000 not found"));
    expect((await client.PATCH(URL_ONE, { params: missing, body: { title: "x" } })).response.status).toBe(
      404,
    );
    expect(
      (await client.PATCH(URL_ONE, { params: missing, body: { title: 1 } as never })).response.status,
    ).toBe(400);
    expect(await answer(await raw("DELETE", `${URL_LIST}/${RECORD.id}`))).toEqual({
      status: 404,
      body: envelope(404, `Cannot DELETE /unified/ats/candidates/${RECORD.id}`),
    });
    expect((await raw("GET", "/unified/ats/jobs")).status).toBe(404);
  });
});

describe("store readers", () => {
  it("get and all give copies: changing them changes nothing", () => {
    const sim = createStackOneSimulator({ records: [RECORD] });
    const got = sim.get(RECORD.id) as StackOneCandidate & { title: string };
    got.title = "changed";
    sim.all()[0]?.emails?.pop();
    expect(sim.get(RECORD.id)).toEqual(RECORD);
    expect(sim.apiKey).toBe("test-key");
  });

  it("keeps its own copy of seeded records", () => {
    const record = structuredClone(RECORD);
    const sim = createStackOneSimulator({ records: [record], customFieldDefinitions: [] });
    record.emails?.pop();
    expect(sim.get(RECORD.id)).toEqual(RECORD);
    // A seeded record's custom field joins an empty catalogue.
    expect(sim.customFieldDefinitions().map((d) => d.id)).toEqual([NOTICE_ID]);
  });

  it("accepts the account of any client: one store for every x-account-id", async () => {
    const sim = createStackOneSimulator({ apiKey: KEY, records: [RECORD] });
    const a = await connect(sim, "in-process", { accountId: ACCOUNT });
    const b = await connect(sim, "in-process", { accountId: "another" });
    expect(await unwrap(a.client.GET(URL_ONE, { params }))).toEqual(
      await unwrap(b.client.GET(URL_ONE, { params })),
    );
    expect(BASIC).toBe(`Basic ${btoa(`${KEY}:`)}`);
  });
});
