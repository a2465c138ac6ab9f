/**
 * Generated Stardex persons in the read shape (GET /v1/persons/{id}), for property tests here and for
 * the simulator's contract tests. Values come from small pools, so that equal values, equivalent
 * encodings ("42" / "42.0", a day / a timestamp on that day) and reorders collide often; every record
 * respects specs/stardex.yaml (uuids, the custom field data types, one item per attribute).
 */
import { fc } from "@fast-check/vitest";
import { CUSTOM_FIELD_KINDS } from "../src/custom-fields.ts";
import type {
  StardexContactValue,
  StardexCustomFieldDefinition,
  StardexCustomFieldValue,
  StardexPerson,
} from "../src/index.ts";

type DataType = StardexCustomFieldValue["data_type"];

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** Team members a team-member field can hold. */
export const TEAM_MEMBER_IDS: readonly string[] = [uuid(0xa1), uuid(0xa2), uuid(0xa3), uuid(0xa4)];

const tags = (attribute: number, names: string[]) =>
  names.map((name, i) => ({ id: uuid(attribute * 0x100 + i), name, color: null, description: null }));

type Definition = StardexCustomFieldDefinition & { data_type: DataType };

const definitions: Omit<Definition, "description" | "job_id" | "list_id">[] = [
  { id: uuid(1), name: "Notes", data_type: "text", tags: [] },
  { id: uuid(2), name: "Expected salary", data_type: "number", tags: [] },
  { id: uuid(3), name: "Available from", data_type: "date", tags: [] },
  { id: uuid(4), name: "Portfolio", data_type: "url", tags: [] },
  { id: uuid(5), name: "Seniority", data_type: "single-select", tags: tags(5, ["Junior", "Senior", "Lead"]) },
  {
    id: uuid(6),
    name: "Skills",
    data_type: "multi-select",
    tags: tags(6, ["Python", "TypeScript", "Go", "Rust", "SQL", "Kubernetes"]),
  },
  {
    id: uuid(7),
    name: "Industries",
    data_type: "multi-select",
    tags: tags(7, ["Remote", "Fintech", "Banking"]),
  },
  { id: uuid(8), name: "Owners", data_type: "team-member", tags: [] },
];

/**
 * The custom attributes generated persons carry, one per data type and two multi-selects, as
 * `GET /v1/custom-fields/persons` lists them: a simulator can serve these definitions as they are.
 */
export const CUSTOM_FIELD_DEFINITIONS: readonly Definition[] = definitions.map((d) => ({
  description: null,
  job_id: null,
  list_id: null,
  ...d,
}));

/** Values of the scalar kinds; several encode the same number or day. */
const SCALARS: Record<"text" | "number" | "date" | "url", readonly string[]> = {
  text: ["", "Prefers remote", "Relocating", "Ünïcødé ✓ «quotes»"],
  number: ["42", "42.0", "4.2e1", "0042", "7", "0", "-0", "120000.50"],
  date: ["2030-01-02", "2030-01-02T09:00:00Z", "2030-01-02T23:00:00-05:00", "2030-01-03", "2031-12-31"],
  url: ["https://sam.example", "https://sam.example/", "https://ada.example/portfolio"],
};

/** The read value of one custom attribute; `null` / `[]` (empty) and left-out values are weighted in. */
function storedValue(def: Definition): fc.Arbitrary<StardexCustomFieldValue> {
  const base = { attribute_id: def.id, data_type: def.data_type };
  switch (def.data_type) {
    case "multi-select":
      return fc
        .array(fc.constantFrom(...def.tags.map((t) => t.name)), { maxLength: 6, size: "medium" })
        .map((values) => ({ ...base, values }));
    case "team-member":
      return fc.array(fc.constantFrom(...TEAM_MEMBER_IDS), { maxLength: 5, size: "medium" }).map((ids) => ({
        ...base,
        team_member_ids: ids,
      }));
    case "single-select":
      return fc
        .option(fc.constantFrom(...def.tags.map((t) => t.name)), { nil: null, freq: 4 })
        .map((value) => ({ ...base, value }));
    default:
      return fc
        .option(fc.constantFrom(...SCALARS[def.data_type]), { nil: null, freq: 4 })
        .map((value) => ({ ...base, value }));
  }
}

/** The attribute emptied: `null` for the scalar kinds, `[]` for the list kinds. */
function emptyValue(def: Definition): StardexCustomFieldValue {
  const { carrier } = CUSTOM_FIELD_KINDS[def.data_type];
  return { attribute_id: def.id, data_type: def.data_type, [carrier]: carrier === "value" ? null : [] };
}

const definitionOf = (attribute_id: string) => CUSTOM_FIELD_DEFINITIONS.find((d) => d.id === attribute_id);

/** A person's custom field values: at most one per attribute, in any order, mostly several. */
const customFields: fc.Arbitrary<StardexCustomFieldValue[]> = fc
  .oneof(
    { arbitrary: fc.shuffledSubarray([...CUSTOM_FIELD_DEFINITIONS], { maxLength: 2 }), weight: 1 },
    { arbitrary: fc.shuffledSubarray([...CUSTOM_FIELD_DEFINITIONS], { minLength: 3 }), weight: 3 },
  )
  .chain((defs) => fc.tuple(...defs.map(storedValue)));

const contact = (labels: readonly string[], values: readonly string[]): fc.Arbitrary<StardexContactValue> =>
  fc.record({ contact_data_type: fc.constantFrom(...labels), value: fc.constantFrom(...values) });

/** Email entries: the same address under two labels, and a case variant, are different entries. */
const emails: fc.Arbitrary<StardexContactValue[]> = fc.array(
  contact(["work", "personal", "other"], ["sam@widgets.example", "sam@home.example", "SAM@widgets.example"]),
  { maxLength: 4 },
);

/** Phone entries, with a number written two ways (different values for the API). */
const phones: fc.Arbitrary<StardexContactValue[]> = fc.array(
  contact(["mobile", "work", "home"], ["+351910000000", "+351 910 000 000", "+14155550123"]),
  { maxLength: 4 },
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

/** Pools of the writable scalars of the read shape (`null` is weighted in by `maybe`). */
const TEXTS = {
  first_name: ["Sam", "Ada", "", "Zoë"],
  last_name: ["Placeholder", "Lovelace", "O'Brien"],
  current_job_title: ["Backend Engineer", "Staff Engineer", "CTO"],
  current_company_name: ["Example Widgets", "Analytical Engines Ltd", ""],
  linkedin_location: ["Lisbon, Portugal", "London, United Kingdom"],
  linkedin_headline: ["Backend engineer at Example Widgets", "Building things"],
  address: ["1 Main St, Springfield", "Rua Augusta 1, Lisboa"],
} as const;

/** Public ids that write valid LinkedIn URLs (non-ASCII included). */
const LINKEDIN_IDS = ["sam-placeholder", "ada-lovelace-1815", "josé-garcía"] as const;

const scalars = {
  ...(Object.fromEntries(Object.entries(TEXTS).map(([k, pool]) => [k, maybe(fc.constantFrom(...pool))])) as {
    [K in keyof typeof TEXTS]: fc.Arbitrary<string | null>;
  }),
  linkedin_public_id: maybe(fc.constantFrom(...LINKEDIN_IDS)),
};

/** Writable keys a record may leave out (GET may omit them; a desired record leaves them as they are). */
const OPTIONAL_WRITABLE_KEYS = [...Object.keys(scalars), "custom_fields"] as (keyof StardexPerson)[];

/** One of a few fixed values, a fresh copy each time (so that freezing one record freezes no other). */
const oneOf = <T>(...values: T[]): fc.Arbitrary<T> =>
  fc.constantFrom(...values).map((v) => structuredClone(v));

const readOnly = {
  candidate_id: maybe(fc.constantFrom(uuid(0xc1), uuid(0xc2))),
  current_company_id: maybe(fc.constantFrom(uuid(0xd1), uuid(0xd2))),
  external_source_id: maybe(fc.constantFrom("hris-1", "ats-42")),
  work_experience: oneOf<NonNullable<StardexPerson["work_experience"]>>(
    [],
    [{ company_name: "Example Widgets", duration_in_months: 18, positions: [{ title: "Engineer" }] }],
  ),
  education_experience: oneOf<NonNullable<StardexPerson["education_experience"]>>(
    [],
    [{ company_name: "Universidade de Lisboa", degree: "MSc" }],
  ),
  certifications: oneOf<NonNullable<StardexPerson["certifications"]>>(
    [],
    [{ name: "CKA", credential_id: "cka-1" }],
  ),
  candidates: oneOf<NonNullable<StardexPerson["candidates"]>>(
    [],
    [{ candidate_id: uuid(0xc1), job_id: uuid(0xe1), job_name: "Staff Engineer", is_archived: false }],
  ),
};

/** A stored person, as GET returns it (optional keys may be missing). */
export const stardexPerson: fc.Arbitrary<StardexPerson> = fc.record(
  {
    id: fc.constantFrom(uuid(0xf1), uuid(0xf2)),
    name: fc.constantFrom("Sam Placeholder", "Ada Lovelace", "Zoë Ω"),
    ...scalars,
    emails,
    phones,
    ...readOnly,
    custom_fields: customFields,
  },
  { requiredKeys: ["id", "name", "emails", "phones"] },
);

/** A desired value of one custom attribute given its stored value: kept, re-encoded, changed or emptied. */
function desiredValue(def: Definition, stored: StardexCustomFieldValue | undefined) {
  const options: fc.Arbitrary<StardexCustomFieldValue>[] = [storedValue(def)];
  if (stored) {
    options.push(fc.constant(structuredClone(stored)), equivalentValue(stored));
    // Leaves the value out: the attribute stays as it is.
    options.push(fc.constant({ attribute_id: def.id, data_type: def.data_type }));
    options.push(fc.constant(emptyValue(def)));
    const list = stored.values ?? stored.team_member_ids;
    if (list) options.push(tweaked(stored, list), tweaked(stored, list));
  }
  return fc.oneof(...options);
}

/** A list value with some of its elements kept and some others added: a delta both ways. */
function tweaked(stored: StardexCustomFieldValue, list: string[]): fc.Arbitrary<StardexCustomFieldValue> {
  const def = definitionOf(stored.attribute_id);
  const pool = def?.data_type === "multi-select" ? def.tags.map((t) => t.name) : [...TEAM_MEMBER_IDS];
  const key = stored.values ? "values" : "team_member_ids";
  return fc
    .tuple(fc.subarray(list), fc.subarray(pool, { maxLength: 3 }))
    .map(([kept, added]) => ({ ...structuredClone(stored), [key]: [...kept, ...added] }));
}

/** Mostly nothing, sometimes a few keys: left-out keys are common but should not hide the rest. */
const someKeys = fc.oneof(fc.constant([]), fc.subarray(OPTIONAL_WRITABLE_KEYS, { maxLength: 4 }));

/**
 * A desired person for `before`: each writable key kept, changed, or left out (not managed); it never
 * asks for what cannot be written (null over a scalar, another data type), which named cases cover.
 */
function desiredPerson(before: StardexPerson): fc.Arbitrary<StardexPerson> {
  const keep = <T>(v: T) => fc.constant(structuredClone(v));
  const scalar = (k: keyof typeof scalars) => {
    const b = before[k];
    const pool = k === "linkedin_public_id" ? LINKEDIN_IDS : TEXTS[k];
    const set = fc.constantFrom<string | null | undefined>(...pool);
    // null only where it changes nothing: clearing a value is a validation case.
    return b == null ? fc.oneof(set, fc.constant(b), fc.constant(null)) : fc.oneof(set, keep(b));
  };
  const stored = new Map((before.custom_fields ?? []).map((f) => [f.attribute_id, f]));
  // Mostly the stored attributes (changes are where the hard cases are), plus a few new ones.
  const fresh = CUSTOM_FIELD_DEFINITIONS.filter((d) => !stored.has(d.id));
  const fields = fc
    .tuple(
      fc.subarray(CUSTOM_FIELD_DEFINITIONS.filter((d) => stored.has(d.id))),
      fc.subarray(fresh, { maxLength: Math.min(2, fresh.length) }),
    )
    .chain(([kept, added]) =>
      fc.shuffledSubarray([...kept, ...added], { minLength: kept.length + added.length }),
    )
    .chain((defs) => fc.tuple(...defs.map((d) => desiredValue(d, stored.get(d.id)))));
  const record = fc.record({
    name: fc.oneof(keep(before.name), fc.constantFrom("Sam Placeholder", "Ada Lovelace", "")),
    ...(Object.fromEntries(Object.keys(scalars).map((k) => [k, scalar(k as keyof typeof scalars)])) as {
      [K in keyof typeof scalars]: fc.Arbitrary<string | null | undefined>;
    }),
    emails: fc.oneof(keep(before.emails), emails, reordered(before.emails)),
    phones: fc.oneof(keep(before.phones), phones, reordered(before.phones)),
    custom_fields: fc.oneof({ arbitrary: fields, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }),
    drop: someKeys,
  });
  return record.map(({ drop, ...values }) => {
    const after = { ...structuredClone(before), ...values } as StardexPerson;
    for (const k of drop) delete after[k];
    for (const [k, v] of Object.entries(after)) if (v === undefined) delete after[k as keyof StardexPerson];
    return after;
  });
}

/** A stored person and a desired one. */
export const personPair: fc.Arbitrary<[StardexPerson, StardexPerson]> = stardexPerson.chain((before) =>
  fc.tuple(fc.constant(before), desiredPerson(before)),
);

const reordered = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length });

/** Another encoding of the same number or day; a list value reordered with a duplicate. */
function equivalentValue(field: StardexCustomFieldValue): fc.Arbitrary<StardexCustomFieldValue> {
  const v = field.value;
  if (field.data_type === "number" && v != null && Number.isFinite(Number(v))) {
    const n = Number(v);
    const padded = Number.isInteger(n) ? `${n}.0` : `${n}0`; // "42.0", "120000.500"
    return fc.constantFrom(String(n), padded, `+${n}`, v).map((value) => ({ ...field, value }));
  }
  if (field.data_type === "date" && v != null) {
    const day = new Date(v.length > 10 ? v : `${v}T00:00:00Z`).toISOString().slice(0, 10);
    return fc
      .constantFrom(day, `${day}T12:00:00Z`, `${day}T00:00:00.000+00:00`)
      .map((value) => ({ ...field, value }));
  }
  if (field.values) {
    return reordered(field.values).map((values) => ({
      ...field,
      values: [...values, ...values.slice(0, 1)],
    }));
  }
  if (field.team_member_ids) {
    return reordered(field.team_member_ids).map((ids) => ({
      ...field,
      team_member_ids: [...ids, ...ids.slice(0, 1)],
    }));
  }
  return fc.constant(structuredClone(field));
}

/**
 * The same writable state as `record` in another form: other read-only values, contact lists and custom
 * fields reordered, numbers and days re-encoded, list values duplicated, empty attributes added or their
 * values left out, optional keys left out. Diffing `record` against it must send nothing.
 */
export function equivalentPerson(record: StardexPerson): fc.Arbitrary<StardexPerson> {
  const stored = new Set((record.custom_fields ?? []).map((f) => f.attribute_id));
  const emptyNew = CUSTOM_FIELD_DEFINITIONS.filter((d) => !stored.has(d.id)).map(emptyValue);
  const fields = (record.custom_fields ?? []).map((f) =>
    fc.oneof(equivalentValue(f), fc.constant({ attribute_id: f.attribute_id, data_type: f.data_type })),
  );
  return fc
    .record({
      readOnly: fc.record(readOnly),
      emails: reordered(record.emails),
      phones: reordered(record.phones),
      fields: fc.tuple(...fields),
      added: fc.subarray(emptyNew),
      drop: someKeys,
      id: fc.constantFrom(uuid(0xf1), uuid(0xf2)),
    })
    .chain(({ fields, added, ...rest }) =>
      fc.shuffledSubarray([...fields, ...added], { minLength: fields.length + added.length }).map((all) => ({
        ...rest,
        custom_fields: all,
      })),
    )
    .map(({ readOnly, emails, phones, custom_fields, drop, id }) => {
      const r = { ...structuredClone(record), ...readOnly, id, emails, phones } as StardexPerson;
      if (record.custom_fields !== undefined || custom_fields.length > 0) r.custom_fields = custom_fields;
      for (const k of drop) delete r[k];
      return r;
    });
}

/** The definition of a generated attribute (for a reference `apply`). */
export const dataTypeOf = (attribute_id: string): DataType | undefined =>
  definitionOf(attribute_id)?.data_type;

// ——— Contract pairs: the hard cases of a Stardex PATCH, weighted in (test/contract.test.ts) ———

/** The attributes of one data type. */
const definitionsOf = (type: DataType) => CUSTOM_FIELD_DEFINITIONS.filter((d) => d.data_type === type);

/** Team members as the simulator's catalogue takes them. */
export const TEAM_MEMBERS = TEAM_MEMBER_IDS.map((id, i) => ({
  id,
  name: `Member ${i + 1}`,
  email: `m${i + 1}@t.example`,
}));

type Edit = (p: StardexPerson) => fc.Arbitrary<StardexPerson>;

/** `p` with its custom value of `def` replaced (added when it has none), order kept. */
function withField(p: StardexPerson, value: StardexCustomFieldValue): StardexPerson {
  const fields = [...(p.custom_fields ?? [])];
  const at = fields.findIndex((f) => f.attribute_id === value.attribute_id);
  if (at >= 0) fields[at] = value;
  else fields.push(value);
  return { ...p, custom_fields: fields };
}

const storedOf = (p: StardexPerson, def: Definition) =>
  p.custom_fields?.find((f) => f.attribute_id === def.id);

/** Emails written as another address or label, or a new first entry: "a new primary". */
const contactEdits: Edit[] = [
  // A pure reorder of both lists (no change for Stardex: labels carry the meaning).
  (p) =>
    fc.tuple(reordered(p.emails), reordered(p.phones)).map(([emails, phones]) => ({ ...p, emails, phones })),
  // A new primary: a new work address first, the old work entries dropped or kept.
  (p) =>
    fc
      .tuple(fc.constantFrom("sam@new.example", "sam@widgets.example"), fc.boolean(), reordered(p.emails))
      .map(([value, drop, rest]) => ({
        ...p,
        emails: [
          { contact_data_type: "work", value },
          ...rest.filter((e) => !drop || e.contact_data_type !== "work"),
        ],
      })),
  // One entry relabelled, the list reordered.
  (p) =>
    p.phones.length === 0
      ? fc.constant(p)
      : fc
          .tuple(fc.nat(p.phones.length - 1), fc.constantFrom("mobile", "work", "home"), reordered(p.phones))
          .map(([i, label, list]) => ({
            ...p,
            phones: list.map((c, j) => (j === i ? { ...c, contact_data_type: label } : c)),
          })),
];

/** A multi-select or team-member value moved by a delta both ways (possibly to empty). */
const listEdit =
  (type: "multi-select" | "team-member"): Edit =>
  (p) =>
    fc.constantFrom(...definitionsOf(type)).chain((def) => {
      const key = type === "multi-select" ? "values" : "team_member_ids";
      const pool = type === "multi-select" ? def.tags.map((t) => t.name) : [...TEAM_MEMBER_IDS];
      const list = storedOf(p, def)?.[key] ?? [];
      return fc
        .tuple(fc.subarray(list), fc.subarray(pool, { maxLength: 3 }), fc.boolean())
        .map(([kept, added, shuffled]) => {
          const next = [...kept, ...added];
          return withField(p, {
            attribute_id: def.id,
            data_type: def.data_type,
            [key]: shuffled ? next.reverse() : next,
          });
        });
    });

/** An attribute the person has, emptied (`null` / `[]`), or the whole list `null` (read: empties all). */
const emptied: Edit = (p) => {
  const present = (p.custom_fields ?? []).filter((f) => definitionOf(f.attribute_id));
  const none = fc.constant({ ...p, custom_fields: null } as unknown as StardexPerson);
  if (!present.length) return none;
  return fc.oneof(
    {
      arbitrary: fc
        .constantFrom(...present)
        .map((f) => withField(p, emptyValue(definitionOf(f.attribute_id)!))),
      weight: 4,
    },
    { arbitrary: none, weight: 1 },
  );
};

/** A number in another encoding (the same value or a new one), as a string. */
const numberEdit: Edit = (p) =>
  fc
    .constantFrom("42", "42.0", "+42", "4.2e1", "0042", "42.50", "0.5", ".5", "-0", "0", "1e3", "1000")
    .map((value) =>
      withField(p, { attribute_id: definitionsOf("number")[0]!.id, data_type: "number", value }),
    );

/** A date against timestamps: the same UTC day, an offset that crosses midnight, another day. */
const dateEdit: Edit = (p) =>
  fc
    .constantFrom(
      "2030-01-02",
      "2030-01-02T00:00:00Z",
      "2030-01-02T00:00:00.000+00:00",
      "2030-01-02T23:59:59.999Z",
      "2030-01-02T23:00:00-05:00",
      "2030-01-03T01:00:00+02:00",
      "2030-01-02T23:30:00", // zoneless: its own date
      "2030-01-03",
    )
    .map((value) => withField(p, { attribute_id: definitionsOf("date")[0]!.id, data_type: "date", value }));

/** A changed scalar, title or employer (the renamed field), or a new LinkedIn public id. */
const scalarEdit: Edit = (p) =>
  fc.oneof(
    fc.constantFrom(...TEXTS.current_job_title).map((current_job_title) => ({ ...p, current_job_title })),
    fc
      .constantFrom(...TEXTS.current_company_name)
      .map((current_company_name) => ({ ...p, current_company_name })),
    fc.constantFrom(...LINKEDIN_IDS).map((linkedin_public_id) => ({ ...p, linkedin_public_id })),
  );

const HARD_EDITS: Edit[] = [
  ...contactEdits,
  listEdit("multi-select"),
  listEdit("multi-select"),
  listEdit("team-member"),
  emptied,
  numberEdit,
  dateEdit,
  scalarEdit,
];

/** `before` with one to four hard-case edits applied in turn. */
function hardDesired(before: StardexPerson): fc.Arbitrary<StardexPerson> {
  return fc
    .array(fc.constantFrom(...HARD_EDITS), { minLength: 1, maxLength: 4 })
    .chain((edits) =>
      edits.reduce<fc.Arbitrary<StardexPerson>>(
        (acc, edit) => acc.chain((p) => edit(p)),
        fc.constant(structuredClone(before)),
      ),
    );
}

/**
 * A stored person and a desired one, for the contract tests: half the general pairs of `personPair`,
 * half targeted at the hard cases (reorders, a new primary email, multi-select and team-member deltas,
 * emptied custom fields, numbers as strings, dates against timestamps, contact relabels).
 */
export const contractPair: fc.Arbitrary<[StardexPerson, StardexPerson]> = fc.oneof(
  personPair,
  stardexPerson.chain((before) => fc.tuple(fc.constant(before), hardDesired(before))),
);

/** Values a number, date or url field cannot hold, beside valid ones: what a sloppy source system sends. */
const SLOPPY: Record<"number" | "date" | "url", readonly string[]> = {
  number: ["n/a", "", "12,5", "1e999", "0x10", "Infinity", "42", "4.2e1"],
  date: [
    "soon",
    "",
    "2030-02-30",
    "02/01/2030",
    "2030-01-02T25:00:00Z",
    "2030-01-02",
    "2030-01-02T09:00:00Z",
  ],
  url: ["example", "", "not a url", "https://sam.example"],
};

/** Public ids a source may hold that do not read back from a URL as themselves, beside good ones. */
const SLOPPY_LINKEDIN_IDS = [
  "%",
  ".",
  "..",
  "a%2Fb",
  "sam%20p",
  "sam\\p",
  "sam:p",
  "SAM-P",
  "ünï-1",
  "sam-p",
];

/**
 * A stored person and a desired one whose number, date or url values, or LinkedIn public id, may be
 * ones the API cannot take: `diffPerson` must refuse those (PatchValidationError) rather than send a
 * body the API refuses or reads back as something else.
 */
export const sloppyPair: fc.Arbitrary<[StardexPerson, StardexPerson]> = stardexPerson.chain((before) =>
  fc
    .tuple(
      fc.array(
        fc.constantFrom("number", "date", "url").chain((type) =>
          fc.constantFrom(...SLOPPY[type]).map(
            (value): StardexCustomFieldValue => ({
              attribute_id: definitionsOf(type)[0]!.id,
              data_type: type,
              value,
            }),
          ),
        ),
        { maxLength: 3 },
      ),
      fc.option(fc.constantFrom(...SLOPPY_LINKEDIN_IDS), { nil: undefined }),
    )
    .map(([values, id]) => {
      const after = values.reduce(withField, structuredClone(before));
      return [before, id === undefined ? after : { ...after, linkedin_public_id: id }];
    }),
);
