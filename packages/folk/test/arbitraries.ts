/**
 * Generated Folk people in the read shape, and desired records derived from them, within the spec's
 * limits and weighted toward the hard cases: small value pools (so values collide), reorders, new
 * primaries, removed groups that hold custom values, read forms against write forms. Shared with the
 * simulator's contract tests: the pools double as the workspace's groups, users and companies.
 */
import fc from "fast-check";
import type { FolkEntityRef, FolkUser } from "../src/generated/schema.ts";
import type {
  FolkCompany,
  FolkCustomFieldDefinition,
  FolkCustomFieldValueDesired,
  FolkCustomFieldValues,
  FolkGroup,
  FolkPerson,
  FolkPersonDesired,
} from "../src/index.ts";
import type { FolkWorkspace } from "../src/testing.ts";

type FolkCustomFieldValue = FolkCustomFieldValues[string][string];

/** A 40-character Folk id: `prefix_` and a UUID made from `n`. */
export const folkId = (prefix: "per" | "grp" | "com" | "usr" | "obj", n: number): string =>
  `${prefix}_${n.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** Workspace users (userField values, `createdBy`). */
export const USERS: readonly FolkUser[] = [
  { id: folkId("usr", 1), fullName: "Sam Recruiter", email: "sam@example.com" },
  { id: folkId("usr", 2), fullName: "Jane Doe", email: "jane@example.com" },
  { id: folkId("usr", 3), fullName: "Lee Sample", email: "lee@example.org" },
];

/** People and companies that contactField values reference. */
const CONTACTS: readonly FolkEntityRef[] = [
  { id: folkId("per", 101), fullName: "Bob Smith", entityType: "person" },
  { id: folkId("per", 102), fullName: "Ann Other", entityType: "person" },
  { id: folkId("com", 101), fullName: "HR services", entityType: "company" },
];

/** Custom objects that objectField values reference. */
const OBJECTS: readonly FolkEntityRef[] = [
  { id: folkId("obj", 1), fullName: "Project Apollo", entityType: "object" },
  { id: folkId("obj", 2), fullName: "Project Gemini", entityType: "object" },
];

/** Companies a person can be linked to (names are unique). */
export const COMPANIES: readonly FolkCompany[] = [
  { id: folkId("com", 1), name: "Example Corp" },
  { id: folkId("com", 2), name: "Tech Corp" },
  { id: folkId("com", 3), name: "Analytical Engines Ltd" },
  { id: folkId("com", 4), name: "Acme" },
];

/** A company no one is linked to yet: desired by name, Folk creates it. */
export const NEW_COMPANY = "Brand New Ltd";

const options = (...labels: string[]) => labels.map((label) => ({ label, color: "#3b82f6" }));

/** A workspace group and the person custom fields it defines. */
export interface GroupFixture extends FolkGroup {
  fields: FolkCustomFieldDefinition[];
}

/** The workspace's groups: every custom field type, and a group without fields. */
export const GROUPS: readonly GroupFixture[] = [
  {
    id: folkId("grp", 1),
    name: "Engineering candidates",
    fields: [
      { name: "Stage", type: "singleSelect", options: options("Lead", "Interview", "Offer") },
      { name: "Skills", type: "multipleSelect", options: options("TypeScript", "Go", "Rust", "Python") },
      { name: "Years of experience", type: "numericField", config: { format: "number" } },
      { name: "Available from", type: "dateField" },
      { name: "Owner", type: "userField" },
      { name: "Referred by", type: "contactField" },
      { name: "Notes", type: "textField" },
    ],
  },
  {
    id: folkId("grp", 2),
    name: "Investors",
    fields: [
      { name: "Ticket", type: "numericField", config: { format: "currency", currency: "EUR" } },
      { name: "Stage", type: "singleSelect", options: options("Intro", "Diligence", "Closed") },
      { name: "Tags", type: "multipleSelect", options: options("B2B", "B2C", "Fintech") },
      { name: "Project", type: "objectField" },
      { name: "Summary", type: "magicField" },
    ],
  },
  {
    id: folkId("grp", 3),
    name: "Newsletter",
    fields: [{ name: "Topics", type: "multipleSelect", options: options("Hiring", "Product") }],
  },
  { id: folkId("grp", 4), name: "Board", fields: [] },
];

/** The definition of a field of a group, when the workspace has it. */
export const fieldOf = (groupId: string, name: string): FolkCustomFieldDefinition | undefined =>
  GROUPS.find((g) => g.id === groupId)?.fields.find((f) => f.name === name);

const labelsOf = (def: FolkCustomFieldDefinition) => (def.options ?? []).map((o) => o.label);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** A text that reads as neither a number nor a date (their equalities are by value, not by text). */
const text = fc.oneof(
  fc.constantFrom("Met at a meetup", "Call back in May", "Prefers email", "007 fan", "Émilie's notes"),
  fc.string({ maxLength: 12 }).filter((s) => !/^\s*[+-]?[\d.]|^\d{4}-\d\d-\d\d/.test(s)),
);

/** A custom field value as GET returns it (unset reads as null). */
function readValue(def: FolkCustomFieldDefinition): fc.Arbitrary<FolkCustomFieldValue> {
  switch (def.type) {
    case "textField":
    case "magicField":
      return maybe(text);
    case "numericField":
      // Folk reads numbers back as strings, in canonical form.
      return maybe(fc.constantFrom(0, 7, 42, -3.5, 1_000_000).map(String));
    case "dateField":
      return maybe(fc.constantFrom("2021-01-01", "2025-09-01", "2030-12-31"));
    case "singleSelect":
      return maybe(fc.constantFrom(...labelsOf(def)));
    case "multipleSelect":
      return maybe(fc.subarray(labelsOf(def)));
    case "userField":
      return maybe(fc.subarray([...USERS]));
    case "contactField":
      return maybe(fc.subarray([...CONTACTS]));
    case "objectField":
      return maybe(fc.subarray([...OBJECTS]));
  }
}

/** The same state as a read value, written another way: number for numeric string, refs as `{ id }` / `{ email }`, reordered lists, a timestamp on the same UTC day, `[]` for null. */
function equivalentValue(
  def: FolkCustomFieldDefinition,
  v: FolkCustomFieldValue,
): fc.Arbitrary<FolkCustomFieldValueDesired> {
  if (v === null || (Array.isArray(v) && v.length === 0))
    return fc.constantFrom<FolkCustomFieldValueDesired>(v, null, []);
  const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length });
  switch (def.type) {
    case "numericField":
      return fc.constantFrom(v, Number(v));
    case "dateField":
      return fc.constantFrom(v, `${v}T00:00:00.000Z`, `${v}T12:30:00Z`, `${v}T23:00:00+02:00`);
    case "multipleSelect":
      return shuffled(v as string[]);
    case "userField":
      return shuffled(v as FolkUser[]).chain((users) =>
        fc.tuple(
          ...users.map((u) =>
            fc.constantFrom<object>(u, { id: u.id }, { email: u.email }, { email: u.email.toUpperCase() }),
          ),
        ),
      ) as fc.Arbitrary<FolkCustomFieldValueDesired>;
    case "contactField":
    case "objectField":
      return shuffled(v as FolkEntityRef[]).chain((refs) =>
        fc.tuple(...refs.map((r) => fc.constantFrom<object>(r, { id: r.id }))),
      ) as fc.Arbitrary<FolkCustomFieldValueDesired>;
    default:
      return fc.constant(v);
  }
}

/** A new desired value for a field: any read value, in read or equivalent write form (dates plain), or `[]`. */
function desiredValue(def: FolkCustomFieldDefinition): fc.Arbitrary<FolkCustomFieldValueDesired> {
  // A new date is written as a plain date: only an existing date tells the diff the field is a date.
  const written =
    def.type === "dateField" ? fc.constant : (v: FolkCustomFieldValue) => equivalentValue(def, v);
  return fc.oneof(
    { arbitrary: readValue(def).chain(written), weight: 5 },
    { arbitrary: fc.constant<FolkCustomFieldValueDesired>([]), weight: 1 },
  );
}

/** One group's values as GET returns them: every field of the group, some unset. */
const groupValues = (group: GroupFixture) =>
  fc.record(Object.fromEntries(group.fields.map((f) => [f.name, readValue(f)]))) as fc.Arbitrary<
    Record<string, FolkCustomFieldValue>
  >;

/** Lists with up to 20 items (the PATCH limit), mostly short. */
const list = (pool: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: fc.uniqueArray(pool, { maxLength: 3 }), weight: 8 },
    { arbitrary: fc.uniqueArray(pool, { minLength: 18, maxLength: 20 }), weight: 1 },
  );
const emailPool = fc.oneof(
  fc.constantFrom("ada@example.com", "ada@work.example.org", "a.lovelace@example.net"),
  fc.nat(40).map((n) => `user${n}@example.com`),
);
const phonePool = fc.oneof(
  fc.constantFrom("+15550100100", "+44 20 7946 0000", "ext. 42"),
  fc.nat(40).map((n) => `+3312345${n}`),
);
const urlPool = fc.oneof(
  fc.constantFrom("https://example.com/ada", "https://linkedin.com/in/ada"),
  fc.nat(40).map((n) => `https://example.com/${n}`),
);
const addressPool = fc.oneof(
  fc.constantFrom("1 Sample Street, Springfield", "12 Rue Exemple, Paris"),
  fc.nat(40).map((n) => `${n} Main St`),
);

/** A name, sometimes at its 500-character limit, sometimes empty. */
const name = (...names: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 8 },
    { arbitrary: fc.constantFrom("", "n".repeat(500)), weight: 1 },
  );
const day = fc.constantFrom("1815-12-10", "1988-04-12", "1990-01-01", "2000-02-29");

/** A person as GET /v1/people/{personId} returns it. */
export const person: fc.Arbitrary<FolkPerson> = fc
  .record({
    id: fc.nat(3).map((n) => folkId("per", n + 1)),
    firstName: name("Ada", "Grace", "Émilie"),
    lastName: name("Lovelace", "Hopper", "du Châtelet"),
    fullName: fc.constantFrom("Ada Lovelace", "Grace Hopper", ""),
    description: fc.oneof(
      { arbitrary: fc.constantFrom("", "Met at a meetup."), weight: 8 },
      { arbitrary: fc.constant("d".repeat(5000)), weight: 1 },
    ),
    birthday: maybe(day),
    jobTitle: fc.constantFrom("", "Software Engineer", "CTO"),
    createdAt: fc.constantFrom("2025-01-15T10:00:00.000Z", null),
    createdBy: fc.constantFrom(...USERS),
    groups: fc.shuffledSubarray([...GROUPS]).map((gs) => gs.map(({ id, name }) => ({ id, name }))),
    companies: fc.shuffledSubarray([...COMPANIES], { maxLength: 3 }),
    addresses: list(addressPool),
    emails: list(emailPool),
    phones: list(phonePool),
    urls: list(urlPool),
    interactionMetadata: fc.constant<FolkPerson["interactionMetadata"]>({
      user: { approximateCount: 3, lastInteractedAt: "2025-05-01T00:00:00Z" },
      workspace: { approximateCount: 5, lastInteractedAt: null, lastInteractedBy: [USERS[0]!] },
    }),
    strongestConnection: fc.constantFrom({}, { [folkId("grp", 1)]: USERS[1]! }),
  })
  .chain((p) =>
    fc.tuple(...p.groups.map((g) => groupValues(GROUPS.find((x) => x.id === g.id)!))).map((values) => ({
      ...p,
      // A group the person belongs to appears even when its fields are empty.
      customFieldValues: Object.fromEntries(p.groups.map((g, i) => [g.id, values[i]!])),
    })),
  );

/** Marks a key left out of the desired record. */
const ABSENT = Symbol("absent");
type Maybe<T> = T | typeof ABSENT;
/** `arb`, or the key left out (`absentWeight` in 10). */
const optional = <T>(arb: fc.Arbitrary<T>, absentWeight = 2): fc.Arbitrary<Maybe<T>> =>
  fc.oneof(
    { arbitrary: fc.constant<typeof ABSENT>(ABSENT), weight: absentWeight },
    { arbitrary: arb, weight: 10 - absentWeight },
  );

/** A record with every ABSENT key left out. */
function present<T extends object>(record: Readonly<Record<string, unknown>>): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ABSENT)) as T;
}

const reversed = <T>(xs: readonly T[]) => [...xs].reverse();
const rotated = <T>(xs: readonly T[]) => (xs.length < 2 ? [...xs] : [...xs.slice(1), xs[0]!]);

/** An ordered list as desired: same, reordered, a new primary, one more, one less, emptied. */
function desiredList(current: readonly string[], pool: fc.Arbitrary<string>) {
  const grown = pool.map((x) =>
    current.includes(x) || current.length >= 20 ? [...current] : [x, ...current],
  );
  return fc.oneof(
    fc.constant([...current]),
    fc.constant(reversed(current)),
    fc.constant(rotated(current)),
    grown,
    fc.shuffledSubarray([...current]),
    fc.constantFrom<string[] | null>(null, []),
  );
}

/** The groups the person should be in: same (as read or `{ id }`), reordered, one more, one less, none. */
const desiredGroups = (current: readonly FolkGroup[]) =>
  fc.oneof(
    fc.constant(current.map((g) => ({ ...g }))),
    fc.constant(reversed(current).map((g) => ({ id: g.id }))),
    fc.shuffledSubarray([...current]),
    fc.shuffledSubarray([...GROUPS]).map((gs) => gs.map((g) => ({ id: g.id, name: g.name }))),
    fc.constantFrom<FolkPersonDesired["groups"]>(null, []),
  );

/** The companies the person should be linked to: by id or by name, reordered, a new one by name. */
const desiredCompanies = (current: readonly FolkCompany[]) => {
  const form = (c: FolkCompany) =>
    fc.constantFrom<NonNullable<FolkPersonDesired["companies"]>[number]>(c, { id: c.id }, { name: c.name });
  return fc.oneof(
    fc.constant(current.map((c) => ({ ...c }))),
    fc.tuple(...current.map(form)),
    fc.shuffledSubarray([...COMPANIES], { maxLength: 3 }).chain((cs) => fc.tuple(...cs.map(form))),
    fc.constant([{ name: NEW_COMPANY }, ...current.map((c) => ({ id: c.id }))]),
    fc.constantFrom<FolkPersonDesired["companies"]>(null, []),
  );
};

/** Desired custom values: for groups before or after the update (and one the person is in neither), some fields, some groups null. */
function desiredCustomFields(before: FolkPerson): fc.Arbitrary<FolkPersonDesired["customFieldValues"]> {
  const group = (g: GroupFixture) =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: 1 },
      {
        arbitrary: fc.record(
          Object.fromEntries(
            g.fields.map((f) => {
              const current = before.customFieldValues[g.id]?.[f.name];
              const same = current === undefined ? desiredValue(f) : equivalentValue(f, current);
              return [f.name, fc.oneof(same, desiredValue(f))];
            }),
          ),
          { requiredKeys: [] },
        ),
        weight: 8,
      },
    );
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc
        .shuffledSubarray([...GROUPS], { minLength: 1 })
        .chain((gs) =>
          fc
            .tuple(...gs.map(group))
            .map((values) => Object.fromEntries(gs.map((g, i) => [g.id, values[i]!]))),
        ),
      weight: 9,
    },
  ) as fc.Arbitrary<FolkPersonDesired["customFieldValues"]>;
}

/** A desired record for `before`: each writable key absent (most often), kept, changed, cleared or re-encoded. */
function desired(before: FolkPerson): fc.Arbitrary<FolkPersonDesired> {
  // Most keys left out, so that one change at a time is common (minimality bites there).
  const absent = <T>(arb: fc.Arbitrary<T>, absentWeight = 7) => optional(arb, absentWeight);
  return fc
    .record({
      firstName: absent(
        fc.oneof(
          fc.constant(before.firstName),
          fc.constantFrom<string | null>("Augusta", "", null, "a".repeat(500)),
        ),
      ),
      lastName: absent(
        fc.oneof(fc.constant(before.lastName), fc.constantFrom<string | null>("King", "", null)),
      ),
      fullName: absent(fc.constantFrom(before.fullName, "Augusta Ada King", "")),
      description: absent(fc.constantFrom(before.description, "Prefers email.", "", "e".repeat(5000))),
      birthday: absent(
        fc.oneof(
          fc.constant(before.birthday),
          fc.constant(before.birthday && `${before.birthday}T12:00:00Z`),
          maybe(day),
          day.map((d) => `${d}T23:30:00-05:00`),
        ),
      ),
      jobTitle: absent(fc.constantFrom(before.jobTitle, "Staff Engineer", "")),
      groups: absent(desiredGroups(before.groups), 5),
      companies: absent(desiredCompanies(before.companies)),
      addresses: absent(desiredList(before.addresses, addressPool)),
      emails: absent(desiredList(before.emails, emailPool)),
      phones: absent(desiredList(before.phones, phonePool)),
      urls: absent(desiredList(before.urls, urlPool)),
      customFieldValues: absent(desiredCustomFields(before), 3),
    })
    .map((r) => present<FolkPersonDesired>(r));
}

/** A person and a desired record for it. */
export const personPair: fc.Arbitrary<[FolkPerson, FolkPersonDesired]> = person.chain((p) =>
  fc.tuple(fc.constant(p), desired(p)),
);

/**
 * A desired record in the same state as `before`: read-only fields changed (ids, timestamps, names of
 * groups, companies and references), keys left out, groups and labels reordered, equivalent encodings
 * (numbers for numeric strings, `{ id }` / `{ email }` references, same-day timestamps, `[]` for null).
 */
export function equivalent(before: FolkPerson): fc.Arbitrary<FolkPersonDesired> {
  const absent = optional;
  const custom = fc
    .tuple(
      ...Object.entries(before.customFieldValues).map(([groupId, fields]) =>
        fc
          .tuple(
            ...Object.entries(fields).map(([field, v]) => {
              const def = fieldOf(groupId, field);
              return (def ? equivalentValue(def, v) : fc.constant(v)).map((x) => [field, x] as const);
            }),
          )
          .map((entries) => [groupId, Object.fromEntries(entries)] as const),
      ),
    )
    .map((groups) => Object.fromEntries(groups));
  return fc
    .record({
      id: absent(fc.constant(folkId("per", 999))),
      createdAt: absent(fc.constant("2020-01-01T00:00:00Z")),
      createdBy: absent(fc.constant(USERS[2]!)),
      interactionMetadata: absent(
        fc.constant({
          user: { approximateCount: 99, lastInteractedAt: null },
          workspace: { approximateCount: 99, lastInteractedAt: null, lastInteractedBy: [] },
        }),
      ),
      strongestConnection: absent(fc.constant({})),
      firstName: absent(fc.constant(before.firstName || null)),
      lastName: absent(fc.constant(before.lastName || null)),
      fullName: absent(fc.constant(before.fullName)),
      description: absent(fc.constant(before.description)),
      jobTitle: absent(fc.constant(before.jobTitle)),
      birthday: absent(
        fc.constantFrom(before.birthday, before.birthday && `${before.birthday}T08:00:00+02:00`),
      ),
      groups: absent(
        fc
          .shuffledSubarray([...before.groups], { minLength: before.groups.length })
          .chain((gs) =>
            fc.tuple(
              ...gs.map((g) =>
                fc.constantFrom<FolkGroup | { id: string }>(
                  { id: g.id },
                  { id: g.id, name: `${g.name} (renamed)` },
                ),
              ),
            ),
          ),
      ),
      companies: absent(
        fc.tuple(
          ...before.companies.map((c) =>
            fc.constantFrom<FolkCompany | { id: string } | { name: string }>(
              { id: c.id },
              { name: c.name },
              { id: c.id, name: "Renamed Inc" },
            ),
          ),
        ),
      ),
      addresses: absent(fc.constant(before.addresses.length ? [...before.addresses] : null)),
      emails: absent(fc.constantFrom([...before.emails], ...(before.emails.length ? [] : [null]))),
      phones: absent(fc.constant([...before.phones])),
      urls: absent(fc.constant([...before.urls])),
      customFieldValues: absent(custom),
    })
    .map((r) => present<FolkPersonDesired>(r));
}

/**
 * `before` with only read-only data changed: the record's id, timestamps, creator, interaction metadata
 * and strongest connections, and the display names that ride along on groups, companies and references.
 */
export function readOnlyChanged(before: FolkPerson): fc.Arbitrary<FolkPerson> {
  const rename = <T extends object>(x: T, key: keyof T & ("name" | "fullName")) => ({
    ...x,
    [key]: `${String(x[key])} (renamed)`,
  });
  const values = Object.fromEntries(
    Object.entries(before.customFieldValues).map(([g, fields]) => [
      g,
      Object.fromEntries(
        Object.entries(fields).map(([f, v]) => [
          f,
          Array.isArray(v) ? v.map((x) => (typeof x === "object" ? rename(x, "fullName") : x)) : v,
        ]),
      ),
    ]),
  ) as FolkPerson["customFieldValues"];
  return fc
    .record({
      id: fc.constant(folkId("per", 999)),
      createdAt: fc.constantFrom<string | null>(null, "2020-01-01T00:00:00.000Z"),
      createdBy: fc.constantFrom(...USERS),
      interactionMetadata: fc.constant<FolkPerson["interactionMetadata"]>({
        user: { approximateCount: 99, lastInteractedAt: null },
        workspace: {
          approximateCount: 99,
          lastInteractedAt: "2026-01-01T00:00:00Z",
          lastInteractedBy: [...USERS],
        },
      }),
      strongestConnection: fc.constantFrom({}, { [folkId("grp", 2)]: USERS[2]! }),
      names: fc.boolean(),
    })
    .map(({ names, ...readOnly }) => ({
      ...before,
      ...readOnly,
      ...(names && {
        groups: before.groups.map((g) => rename(g, "name")),
        companies: before.companies.map((c) => rename(c, "name")),
        customFieldValues: values,
      }),
    }));
}

// ——— the simulator's workspace and the hard cases of the contract tests ———

/** The workspace the fixtures above describe, as `createFolkSimulator({ workspace })` takes it. */
export const WORKSPACE: FolkWorkspace = {
  groups: GROUPS,
  users: USERS,
  companies: COMPANIES,
  contacts: CONTACTS,
  objects: OBJECTS,
};

const LIST_KEYS = ["addresses", "emails", "phones", "urls"] as const;
const POOLS: Record<(typeof LIST_KEYS)[number], fc.Arbitrary<string>> = {
  addresses: addressPool,
  emails: emailPool,
  phones: phonePool,
  urls: urlPool,
};

/** One hard edit of a desired record `d` for `before`. */
type Edit = (before: FolkPerson, d: FolkPersonDesired) => fc.Arbitrary<FolkPersonDesired>;

const groupsOf = (before: FolkPerson, d: FolkPersonDesired) =>
  d.groups === undefined ? before.groups : (d.groups ?? []);
/** Some desired values for a group's fields (maybe none), new or equal to the current ones. */
const valuesFor = (g: GroupFixture) =>
  fc.record(Object.fromEntries(g.fields.map((f) => [f.name, desiredValue(f)])), { requiredKeys: [] });
const withValues = (
  d: FolkPersonDesired,
  groupId: string,
  values: Partial<Record<string, FolkCustomFieldValueDesired>>,
): FolkPersonDesired => ({
  ...d,
  customFieldValues: {
    ...d.customFieldValues,
    [groupId]: { ...d.customFieldValues?.[groupId], ...values } as Record<
      string,
      FolkCustomFieldValueDesired
    >,
  },
});

/** The hard edits: reorders, new primaries, groups added or removed with values, numbers, companies by name. */
const EDITS: readonly Edit[] = [
  // A reorder of an ordered list (the first item is primary, so it is a change).
  (b, d) =>
    fc.constantFrom(...LIST_KEYS).chain((k) => {
      const cur = b[k];
      if (cur.length < 2)
        return POOLS[k].filter((x) => !cur.includes(x)).map((x) => ({ ...d, [k]: [...cur, x] }));
      return fc
        .constantFrom(reversed(cur), rotated(cur), [cur[1]!, cur[0]!, ...cur.slice(2)])
        .map((v) => ({ ...d, [k]: v }));
    }),
  // A new primary item.
  (b, d) =>
    fc
      .constantFrom(...LIST_KEYS)
      .chain((k) =>
        POOLS[k].filter((x) => !b[k].includes(x)).map((x) => ({ ...d, [k]: [x, ...b[k]].slice(0, 20) })),
      ),
  // A group added, with custom values for it.
  (b, d) => {
    const current = groupsOf(b, d);
    const free = GROUPS.filter((g) => !current.some((x) => x.id === g.id));
    if (!free.length) return fc.constant(d);
    return fc
      .constantFrom(...free)
      .chain((g) =>
        valuesFor(g).map((values) => withValues({ ...d, groups: [...current, { id: g.id }] }, g.id, values)),
      );
  },
  // A group removed (preferably one holding values), with desired values for it that must not be sent.
  (b, d) => {
    const current = groupsOf(b, d);
    if (!current.length) return fc.constant(d);
    const held = current.filter((g) =>
      Object.values(b.customFieldValues[g.id] ?? {}).some(
        (v) => v !== null && !(Array.isArray(v) && !v.length),
      ),
    );
    return fc
      .constantFrom(...(held.length ? held : current))
      .chain((gone) =>
        valuesFor(GROUPS.find((g) => g.id === gone.id)!).map((values) =>
          withValues({ ...d, groups: current.filter((g) => g.id !== gone.id) }, gone.id, values),
        ),
      );
  },
  // Numbers for numeric fields (read back as strings): the same value or a new one.
  (b, d) => {
    const numeric = groupsOf(b, d).flatMap((g) =>
      (GROUPS.find((x) => x.id === g.id)?.fields ?? [])
        .filter((f) => f.type === "numericField")
        .map((f) => [g.id, f.name] as const),
    );
    if (!numeric.length) return fc.constant(d);
    return fc
      .tuple(
        ...numeric.map(([g, f]) => {
          const current = b.customFieldValues[g]?.[f];
          const same = typeof current === "string" ? [Number(current)] : [];
          return fc.constantFrom(...same, 0, 7, 42, -3.5, 1_000_000, 8.25);
        }),
      )
      .map((ns) => numeric.reduce((acc, [g, f], i) => withValues(acc, g, { [f]: ns[i]! }), d));
  },
  // Companies by name: the current ones reordered, a new one as primary, or a known one not yet linked.
  (b, d) =>
    fc
      .oneof<fc.Arbitrary<NonNullable<FolkPersonDesired["companies"]>>[]>(
        fc
          .shuffledSubarray([...b.companies], { minLength: b.companies.length })
          .map((cs) => cs.map((c) => ({ name: c.name }))),
        fc.constant([{ name: NEW_COMPANY }, ...b.companies.map((c) => ({ name: c.name }))]),
        fc
          .constantFrom(...COMPANIES)
          .map((c) => [
            { name: c.name },
            ...b.companies.filter((x) => x.id !== c.id).map((x) => ({ id: x.id })),
          ]),
      )
      .map((companies) => ({ ...d, companies })),
];

/** A desired record for `before` with one to three hard edits, on an empty or a full desired record. */
function hardDesired(before: FolkPerson): fc.Arbitrary<FolkPersonDesired> {
  const start = fc.constantFrom<FolkPersonDesired>({}, structuredClone(before));
  return fc
    .shuffledSubarray([...EDITS], { minLength: 1, maxLength: 3 })
    .chain((edits) =>
      edits.reduce(
        (arb, edit) => arb.chain((d) => edit(before, d)),
        start as fc.Arbitrary<FolkPersonDesired>,
      ),
    );
}

/** A person and a desired record with hard edits. */
const hardPair: fc.Arbitrary<[FolkPerson, FolkPersonDesired]> = person.chain((p) =>
  fc.tuple(fc.constant(p), hardDesired(p)),
);

/** The pairs of the contract tests: any desired record, and the hard cases as often. */
export const contractPair: fc.Arbitrary<[FolkPerson, FolkPersonDesired]> = fc.oneof(personPair, hardPair);

/** A person and a desired record in the same state: itself, read-only changes, or equivalent encodings. */
export const sameStatePair: fc.Arbitrary<[FolkPerson, FolkPersonDesired]> = person.chain((p) =>
  fc.oneof(
    fc.constant<[FolkPerson, FolkPersonDesired]>([p, structuredClone(p)]),
    fc.tuple(fc.constant(p), readOnlyChanged(p)),
    fc.tuple(fc.constant(p), equivalent(p)),
  ),
);
