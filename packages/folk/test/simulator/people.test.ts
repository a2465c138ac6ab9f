import { describe, expect, it } from "vitest";
import { type FolkPerson, type FolkPersonPatch, unwrap } from "../../src/index.ts";
import { folkId } from "../arbitraries.ts";
import {
  ACME,
  ADA,
  APOLLO,
  BOB,
  connect,
  G1,
  G2,
  G3,
  G4,
  GRACE,
  HR,
  JANE,
  LEE,
  NOW,
  SAM,
  simulator,
  TECH,
  TRANSPORTS,
} from "./fixtures.ts";

const params = (personId: string) => ({ params: { path: { personId } } });

describe.each(TRANSPORTS)("people operations (%s)", (transport) => {
  it("GET returns a seeded person in the read shape, as seeded", async () => {
    const { folk } = await connect(simulator({ records: [ADA] }), transport);
    const { data } = await unwrap(folk.GET("/v1/people/{personId}", params(ADA.id)));
    expect(data).toEqual(ADA);
  });

  it("POST creates a person: server-set id, createdAt and createdBy; write forms read back", async () => {
    const sim = simulator();
    const { folk } = await connect(sim, transport);
    const { data } = await unwrap(
      folk.POST("/v1/people", {
        body: {
          firstName: "Katherine",
          lastName: "Johnson",
          groups: [{ id: G1 }],
          companies: [{ name: "NACA" }, { id: ACME.id }],
          emails: ["katherine@naca.example"],
          customFieldValues: { [G1]: { "Years of experience": 33, Owner: [{ email: "JANE@example.com" }] } },
        },
      }),
    );
    expect(data.id).toMatch(/^per_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data).toMatchObject({
      fullName: "Katherine Johnson", // assumed: derived when not given
      birthday: null,
      createdAt: NOW.toISOString(),
      createdBy: SAM,
      groups: [{ id: G1, name: "Engineering candidates" }],
      companies: [{ id: expect.stringMatching(/^com_/), name: "NACA" }, ACME],
      customFieldValues: { [G1]: { "Years of experience": "33", Owner: [JANE], Stage: null } },
      interactionMetadata: {
        user: { approximateCount: 0, lastInteractedAt: null },
        workspace: { approximateCount: 0, lastInteractedAt: null, lastInteractedBy: [] },
      },
    });
    expect(sim.get(data.id)).toEqual(data);
    expect((await unwrap(folk.GET("/v1/people/{personId}", params(data.id)))).data).toEqual(data);
  });

  it("server-set ids are the same for the same seed, and differ for another", async () => {
    const create = async (seed: number) => {
      const { folk } = await connect(simulator({ seed }), transport);
      const { data } = await unwrap(folk.POST("/v1/people", { body: { companies: [{ name: "NACA" }] } }));
      return [data.id, data.companies[0]!.id];
    };
    expect(await create(7)).toEqual(await create(7));
    expect(await create(7)).not.toEqual(await create(8));
  });

  it("DELETE removes the person and returns its id; it is gone from GET, the list and contact values", async () => {
    const referenced: FolkPerson = {
      ...ADA,
      customFieldValues: {
        ...ADA.customFieldValues,
        [G1]: {
          ...ADA.customFieldValues[G1],
          "Referred by": [{ id: GRACE.id, fullName: GRACE.fullName, entityType: "person" }],
        },
      },
    };
    const sim = simulator({ records: [referenced, GRACE] });
    const { folk } = await connect(sim, transport);
    expect(sim.get(ADA.id)?.customFieldValues[G1]?.["Referred by"]).toEqual([
      { id: GRACE.id, fullName: "Grace Hopper", entityType: "person" },
    ]);
    expect((await unwrap(folk.DELETE("/v1/people/{personId}", params(GRACE.id)))).data).toEqual({
      id: GRACE.id,
    });
    expect((await folk.GET("/v1/people/{personId}", params(GRACE.id))).response.status).toBe(404);
    expect((await folk.DELETE("/v1/people/{personId}", params(GRACE.id))).response.status).toBe(404);
    expect(sim.all().map((p) => p.id)).toEqual([ADA.id]);
    // A reference to a deleted person is left out; the field reads as unset once none is left.
    expect(sim.get(ADA.id)?.customFieldValues[G1]?.["Referred by"]).toBeNull();
  });

  it("GET /v1/groups and a group's custom fields list the workspace", async () => {
    const { folk } = await connect(simulator(), transport);
    const groups = await unwrap(folk.GET("/v1/groups"));
    expect(groups.data.items.map((g) => g.name)).toEqual([
      "Engineering candidates",
      "Investors",
      "Newsletter",
      "Board",
    ]);
    expect(groups.data.pagination).toEqual({});
    const fields = await unwrap(
      folk.GET("/v1/groups/{groupId}/custom-fields/person", { params: { path: { groupId: G2 } } }),
    );
    expect(fields.data.items[0]).toEqual({
      name: "Ticket",
      type: "numericField",
      config: { format: "currency", currency: "EUR" },
    });
    expect(fields.data.items.map((f) => f.type)).toEqual([
      "numericField",
      "singleSelect",
      "multipleSelect",
      "objectField",
      "magicField",
    ]);
  });
});

// ——— PATCH semantics: [name, { before, body, want }], `want` a part of the person read back ———

type Case = {
  before?: FolkPerson;
  body: FolkPersonPatch;
  want: Partial<FolkPerson> | ((p: FolkPerson) => void);
};
const BOTH = [{ id: G1 }, { id: G2 }];
const g1 = (values: object) => ({ ...ADA.customFieldValues[G1], ...values });

const patches: [string, Case][] = [
  ["an empty body changes nothing", { body: {}, want: ADA }],
  [
    "keys left out keep their values; scalars are set",
    { body: { jobTitle: "CTO", firstName: "" }, want: { ...ADA, jobTitle: "CTO", firstName: "" } },
  ],
  ["birthday null clears it", { body: { birthday: null }, want: { birthday: null } }],
  [
    "lists are replaced whole, in the order sent (the first is primary)",
    {
      body: { emails: ["ada@work.example.org", "new@example.com"], phones: [], urls: ["https://a.example"] },
      want: {
        emails: ["ada@work.example.org", "new@example.com"],
        phones: [],
        urls: ["https://a.example"],
        addresses: ADA.addresses,
      },
    },
  ],
  [
    "groups are written { id } and read back { id, name }, in the order sent",
    {
      body: { groups: [{ id: G3 }, ...BOTH] },
      want: {
        groups: [
          { id: G3, name: "Newsletter" },
          { id: G1, name: "Engineering candidates" },
          { id: G2, name: "Investors" },
        ],
      },
    },
  ],
  [
    "a group added reads back with every field of it unset",
    {
      body: { groups: [...BOTH, { id: G3 }, { id: G4 }] },
      want: { customFieldValues: { ...ADA.customFieldValues, [G3]: { Topics: null }, [G4]: {} } },
    },
  ],
  [
    "a group removed takes its custom values (and its strongest connection) with it",
    {
      body: { groups: [{ id: G2 }] },
      want: {
        groups: [ADA.groups[1]!],
        customFieldValues: { [G2]: ADA.customFieldValues[G2]! },
        strongestConnection: {},
      },
    },
  ],
  [
    "custom values merge per field: fields not sent are kept",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Stage: "Offer", Notes: "Call back" } } },
      want: {
        customFieldValues: { ...ADA.customFieldValues, [G1]: g1({ Stage: "Offer", Notes: "Call back" }) },
      },
    },
  ],
  [
    "null, [] and '' unset a field",
    {
      body: {
        groups: BOTH,
        customFieldValues: { [G1]: { Stage: null, Skills: [], Owner: [] }, [G2]: { Summary: "" } },
      },
      want: {
        customFieldValues: {
          [G1]: g1({ Stage: null, Skills: null, Owner: null }),
          [G2]: { ...ADA.customFieldValues[G2], Summary: null },
        },
      },
    },
  ],
  [
    "a numericField reads back as a numeric string, in canonical form",
    {
      body: {
        groups: BOTH,
        customFieldValues: { [G1]: { "Years of experience": 8 }, [G2]: { Ticket: "1250.50" } },
      },
      want: {
        customFieldValues: {
          [G1]: g1({ "Years of experience": "8" }),
          [G2]: { ...ADA.customFieldValues[G2], Ticket: "1250.5" },
        },
      },
    },
  ],
  [
    "a userField takes ids and emails (any case) and reads back whole users",
    {
      body: {
        groups: BOTH,
        customFieldValues: { [G1]: { Owner: [{ id: JANE.id }, { email: "LEE@example.org" }] } },
      },
      want: { customFieldValues: { ...ADA.customFieldValues, [G1]: g1({ Owner: [JANE, LEE] }) } },
    },
  ],
  [
    "contact and object fields take { id } and read back { id, fullName, entityType }",
    {
      body: {
        groups: BOTH,
        customFieldValues: {
          [G1]: { "Referred by": [{ id: HR.id }, { id: GRACE.id }] },
          [G2]: { Project: [{ id: APOLLO.id }] },
        },
      },
      want: (p) => {
        expect(p.customFieldValues[G1]?.["Referred by"]).toEqual([
          HR,
          { id: GRACE.id, fullName: "Grace Hopper", entityType: "person" },
        ]);
        expect(p.customFieldValues[G2]?.Project).toEqual([APOLLO]);
      },
    },
  ],
  [
    "select fields take option labels; a multipleSelect keeps each label once",
    {
      body: { groups: BOTH, customFieldValues: { [G1]: { Stage: "Lead", Skills: ["Rust", "Go", "Rust"] } } },
      want: {
        customFieldValues: { ...ADA.customFieldValues, [G1]: g1({ Stage: "Lead", Skills: ["Rust", "Go"] }) },
      },
    },
  ],
  [
    "a company by name links the existing one; by id, reordered, changes the primary",
    {
      body: { companies: [{ id: TECH.id }, { name: ACME.name }] },
      want: { companies: [TECH, ACME] },
    },
  ],
  [
    "a company listed twice is linked once (the vendor's example: Tech Corp by name and by id)",
    { body: { companies: [{ name: TECH.name }, { id: TECH.id }] }, want: { companies: [TECH] } },
  ],
  [
    "a company by an unknown name is created",
    {
      body: { companies: [{ name: "Brand New Ltd" }, { id: ACME.id }] },
      want: (p) => {
        expect(p.companies).toEqual([
          { id: expect.stringMatching(/^com_[0-9a-f-]{36}$/), name: "Brand New Ltd" },
          ACME,
        ]);
      },
    },
  ],
  [
    "a person referenced by a contactField reads with its current fullName",
    {
      before: { ...ADA, customFieldValues: { ...ADA.customFieldValues, [G1]: g1({ "Referred by": [BOB] }) } },
      body: {
        groups: BOTH,
        customFieldValues: { [G1]: { "Referred by": [{ id: GRACE.id }, { id: BOB.id }] } },
      },
      want: (p) =>
        expect(p.customFieldValues[G1]?.["Referred by"]).toEqual([
          { id: GRACE.id, fullName: "Grace Hopper", entityType: "person" },
          BOB,
        ]),
    },
  ],
];

describe("PATCH semantics", () => {
  it.each(patches)("%s", async (_name, { before = ADA, body, want }) => {
    const sim = simulator({ records: [before, GRACE] });
    const { folk } = await connect(sim, "in-process");
    const { data } = await unwrap(folk.PATCH("/v1/people/{personId}", { ...params(before.id), body }));
    // The PATCH response is the person as GET now returns it.
    expect(data).toEqual(sim.get(before.id));
    if (typeof want === "function") want(data);
    else expect(data).toMatchObject(want);
  });

  it("a company created by name is found by that name afterwards, not created twice", async () => {
    const sim = simulator({ records: [ADA, GRACE] });
    const { folk } = await connect(sim, "in-process");
    const body = { companies: [{ name: "Brand New Ltd" }] };
    const a = await unwrap(folk.PATCH("/v1/people/{personId}", { ...params(ADA.id), body }));
    const g = await unwrap(folk.PATCH("/v1/people/{personId}", { ...params(GRACE.id), body }));
    expect(g.data.companies).toEqual(a.data.companies);
    expect(sim.workspace().companies.filter((c) => c.name === "Brand New Ltd")).toHaveLength(1);
  });

  it("a refused PATCH changes nothing, not even its valid parts", async () => {
    const sim = simulator({ records: [ADA] });
    const { folk } = await connect(sim, "in-process");
    const body = {
      jobTitle: "CTO",
      companies: [{ name: "Brand New Ltd" }],
      customFieldValues: { [G1]: { Stage: "Offer" } },
    };
    const { response } = await folk.PATCH("/v1/people/{personId}", { ...params(ADA.id), body });
    expect(response.status).toBe(422);
    expect(sim.get(ADA.id)).toEqual(ADA);
    expect(sim.workspace().companies.map((c) => c.name)).not.toContain("Brand New Ltd");
  });

  it("a group removed and added back in another request reads back with its fields unset", async () => {
    const sim = simulator({ records: [ADA] });
    const { folk } = await connect(sim, "in-process");
    await unwrap(folk.PATCH("/v1/people/{personId}", { ...params(ADA.id), body: { groups: [{ id: G2 }] } }));
    const { data } = await unwrap(
      folk.PATCH("/v1/people/{personId}", { ...params(ADA.id), body: { groups: BOTH } }),
    );
    expect(Object.values(data.customFieldValues[G1]!).every((v) => v === null)).toBe(true);
    expect(data.customFieldValues[G2]).toEqual(ADA.customFieldValues[G2]);
  });

  it("the request log records each request", async () => {
    const sim = simulator({ records: [ADA] });
    const { folk } = await connect(sim, "in-process");
    await folk.PATCH("/v1/people/{personId}", { ...params(ADA.id), body: { jobTitle: "CTO" } });
    await folk.GET("/v1/people/{personId}", params(folkId("per", 9)));
    expect(sim.requests.map(({ method, path, status, body }) => ({ method, path, status, body }))).toEqual([
      { method: "PATCH", path: `/v1/people/${ADA.id}`, status: 200, body: { jobTitle: "CTO" } },
      { method: "GET", path: `/v1/people/${folkId("per", 9)}`, status: 404, body: undefined },
    ]);
  });
});
