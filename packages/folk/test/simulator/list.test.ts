import { describe, expect, it } from "vitest";
import { type FolkPeopleQuery, type FolkPerson, unwrap } from "../../src/index.ts";
import { folkId } from "../arbitraries.ts";
import {
  ACME,
  ADA,
  collect,
  connect,
  G1,
  G2,
  GRACE,
  HR,
  JANE,
  simulator,
  TECH,
  TRANSPORTS,
} from "./fixtures.ts";

/** `n` people numbered from 10, in no group. */
const people = (n: number): FolkPerson[] =>
  Array.from({ length: n }, (_, i) => ({
    ...GRACE,
    id: folkId("per", 10 + i),
    fullName: `Person ${i}`,
    emails: [`p${i}@example.com`],
  }));

describe.each(TRANSPORTS)("lists (%s)", (transport) => {
  it("people: pages of `limit` linked by nextLink, a full URL with Folk's cursor, to the last page", async () => {
    const all = people(5);
    const { folk, base } = await connect(simulator({ records: all }), transport);
    const first = await unwrap(folk.GET("/v1/people", { params: { query: { limit: 2 } } }));
    expect(first.data.items.map((p) => p.id)).toEqual(all.slice(0, 2).map((p) => p.id));
    // Folk's cursor is base64 JSON of an offset (its spec's example: eyJvZmZzZXQiOjN9 is {"offset":3}).
    expect(first.data.pagination.nextLink).toBe(`${base}/v1/people?limit=2&cursor=${btoa('{"offset":2}')}`);
    const cursor = new URL(first.data.pagination.nextLink!).searchParams.get("cursor")!;
    const second = await unwrap(folk.GET("/v1/people", { params: { query: { limit: 2, cursor } } }));
    expect(second.data.items.map((p) => p.id)).toEqual(all.slice(2, 4).map((p) => p.id));
    const last = await unwrap(
      folk.GET("/v1/people", { params: { query: { limit: 2, cursor: btoa('{"offset":4}') } } }),
    );
    expect(last.data).toEqual({ items: [all[4]], pagination: {} });
    expect(await collect(folk.iterate.people({ limit: 2 }))).toEqual(all);
  });

  it("people: 20 a page by default; a cursor past the end gives an empty last page", async () => {
    const { folk } = await connect(simulator({ records: people(25) }), transport);
    const first = await unwrap(folk.GET("/v1/people"));
    expect(first.data.items).toHaveLength(20);
    expect(await collect(folk.iterate.people())).toHaveLength(25);
    const past = await unwrap(
      folk.GET("/v1/people", { params: { query: { cursor: btoa('{"offset":99}') } } }),
    );
    expect(past.data).toEqual({ items: [], pagination: {} });
  });

  it("people: nextLink keeps the filter and the combinator", async () => {
    const { folk } = await connect(simulator({ records: people(5) }), transport);
    const query: FolkPeopleQuery = {
      limit: 1,
      combinator: "or",
      filter: { emails: { like: "@example.com" } },
    };
    const seen: string[] = [];
    for await (const p of folk.iterate.people(query)) seen.push(p.id);
    expect(seen).toHaveLength(5);
  });

  it("people: an empty store is one empty page", async () => {
    const { folk } = await connect(simulator(), transport);
    expect((await unwrap(folk.GET("/v1/people"))).data).toEqual({ items: [], pagination: {} });
  });

  it("groups and custom fields page the same way", async () => {
    const { folk } = await connect(simulator(), transport);
    const first = await unwrap(folk.GET("/v1/groups", { params: { query: { limit: 3 } } }));
    expect(first.data.items).toHaveLength(3);
    expect(first.data.pagination.nextLink).toMatch(/\/v1\/groups\?limit=3&cursor=/);
    expect((await collect(folk.iterate.groups({ limit: 3 }))).map((g) => g.id)).toEqual([
      G1,
      G2,
      folkId("grp", 3),
      folkId("grp", 4),
    ]);
    const fields = await collect(folk.iterate.groupCustomFields(G1, { limit: 2 }));
    expect(fields.map((f) => f.name)).toEqual([
      "Stage",
      "Skills",
      "Years of experience",
      "Available from",
      "Owner",
      "Referred by",
      "Notes",
    ]);
  });
});

// ——— filters: [name, { filter, combinator?, want }] over ADA, GRACE and one more ———

const LIN: FolkPerson = {
  ...GRACE,
  id: folkId("per", 3),
  firstName: "Lin",
  lastName: "Example",
  fullName: "Lin Example",
  jobTitle: "Software Engineer",
  birthday: "1990-05-01",
  emails: ["Lin@Example.com", "lin@home.example.net"],
  phones: ["+33 1 23 45 67 89"],
  companies: [ACME],
  groups: [{ id: G2, name: "Investors" }],
  customFieldValues: {
    [G2]: { Ticket: "250000", Stage: "Closed", Tags: ["B2B", "Fintech"], Project: null, Summary: null },
  },
};
const ALL = [ADA, GRACE, LIN];
const ids = (...list: FolkPerson[]) => list.map((p) => p.id);

const filters: [string, { query: FolkPeopleQuery; want: string[] }][] = [
  [
    "emails eq: the natural key a sync looks a person up by",
    { query: { filter: { emails: { eq: "ada@work.example.org" } } }, want: ids(ADA) },
  ],
  [
    "emails eq ignores case (assumed)",
    { query: { filter: { emails: { eq: "lin@example.COM" } } }, want: ids(LIN) },
  ],
  ["emails eq is not a substring match", { query: { filter: { emails: { eq: "ada@example" } } }, want: [] }],
  [
    "emails like: contains, any item, without case",
    { query: { filter: { emails: { like: "EXAMPLE.NET" } } }, want: ids(LIN) },
  ],
  [
    "emails not_eq: no item equals",
    { query: { filter: { emails: { not_eq: "ada@example.com" } } }, want: ids(GRACE, LIN) },
  ],
  ["fullName eq is exact", { query: { filter: { fullName: { eq: "grace hopper" } } }, want: [] }],
  ["fullName not_like", { query: { filter: { fullName: { not_like: "ace" } } }, want: ids(LIN) }],
  ["jobTitle like", { query: { filter: { jobTitle: { like: "engineer" } } }, want: ids(LIN) }],
  ["phones empty", { query: { filter: { phones: { empty: "" } } }, want: ids(GRACE) }],
  ["phones not_empty", { query: { filter: { phones: { not_empty: "" } } }, want: ids(ADA, LIN) }],
  ["birthday gt", { query: { filter: { birthday: { gt: "1900-01-01" } } }, want: ids(LIN) }],
  [
    "groups in (ids)",
    { query: { filter: { groups: { in: { id: [G1, folkId("grp", 3)] } } } }, want: ids(ADA) },
  ],
  ["groups empty", { query: { filter: { groups: { empty: "" } } }, want: ids(GRACE) }],
  ["companies not_in", { query: { filter: { companies: { not_in: { id: TECH.id } } } }, want: ids(LIN) }],
  [
    "a numericField gt (numbers given as strings)",
    { query: { filter: { [`customFieldValues.${G2}.Ticket`]: { gt: "100" } } }, want: ids(LIN) },
  ],
  [
    "a dateField gt",
    {
      query: { filter: { [`customFieldValues.${G1}.Available from`]: { gt: "2025-01-01" } } },
      want: ids(ADA),
    },
  ],
  [
    "a singleSelect in (labels)",
    {
      query: { filter: { [`customFieldValues.${G1}.Stage`]: { in: ["Lead", "Interview"] } } },
      want: ids(ADA),
    },
  ],
  [
    "a multipleSelect in: any label",
    { query: { filter: { [`customFieldValues.${G2}.Tags`]: { in: ["Fintech"] } } }, want: ids(LIN) },
  ],
  [
    "a userField in, by email",
    {
      query: { filter: { [`customFieldValues.${G1}.Owner`]: { in: { email: "SAM@example.com" } } } },
      want: ids(ADA),
    },
  ],
  [
    "a userField not_in, by id",
    {
      query: { filter: { [`customFieldValues.${G1}.Owner`]: { not_in: { id: JANE.id } } } },
      want: ids(ADA, GRACE, LIN),
    },
  ],
  [
    "a contactField in, by id",
    {
      query: { filter: { [`customFieldValues.${G1}.Referred by`]: { in: { id: [HR.id] } } } },
      want: ids(ADA),
    },
  ],
  [
    "a custom field empty: unset, or the person is not in the group",
    { query: { filter: { [`customFieldValues.${G2}.Stage`]: { empty: "" } } }, want: ids(ADA, GRACE) },
  ],
  [
    "conditions combine with and by default",
    {
      query: { filter: { emails: { like: "example" }, companies: { in: { id: ACME.id } } } },
      want: ids(ADA, LIN),
    },
  ],
  [
    "and: every condition",
    { query: { filter: { groups: { not_empty: "" }, birthday: { gt: "1950-01-01" } } }, want: ids(LIN) },
  ],
  [
    "or: any condition",
    {
      query: { combinator: "or", filter: { groups: { empty: "" }, birthday: { gt: "1950-01-01" } } },
      want: ids(GRACE, LIN),
    },
  ],
];

describe("filters", () => {
  it.each(filters)("%s", async (_name, { query, want }) => {
    const { folk } = await connect(simulator({ records: ALL }), "in-process");
    expect((await collect(folk.iterate.people(query))).map((p) => p.id)).toEqual(want);
  });

  it("over HTTP too, with names that need encoding", async () => {
    const { folk } = await connect(simulator({ records: ALL }), "http");
    const query = { filter: { [`customFieldValues.${G1}.Years of experience`]: { gt: "5" } } };
    expect((await collect(folk.iterate.people(query))).map((p) => p.id)).toEqual(ids(ADA));
  });
});
