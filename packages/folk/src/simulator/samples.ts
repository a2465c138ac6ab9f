/**
 * Realistic, deterministic Folk people for the CLI demo and the benchmarks, drawn from the simulator's
 * default workspace (`FOLK_WORKSPACE`), and desired versions of them as a sync would hold them.
 */
import { mulberry32, type Random, uuidFrom } from "@patchwise/core/testing";
import type { FolkCustomFieldValueDesired } from "../custom-fields.ts";
import type {
  FolkCompany,
  FolkCustomFieldDefinition,
  FolkCustomFieldValue,
  FolkEntityRef,
  FolkPerson,
  FolkUser,
} from "../generated/schema.ts";
import { diffPerson, type FolkPersonDesired } from "../person-rules.ts";
import { FOLK_WORKSPACE, type FolkGroupDefinition } from "./workspace.ts";

/** Options of `sampleFolkRecords`. */
export interface SampleRecordsOptions {
  /** The same seed gives the same records (default 1). */
  seed?: number;
}

/** Options of `sampleFolkChanges`. */
export interface SampleChangesOptions {
  /** The same seed and records give the same desired records (default 1). */
  seed?: number;
  /** Share of records really changed (default 1/3); the others are unchanged or only re-encoded. */
  changedRatio?: number;
}

const FIRST = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Linus",
  "Margaret",
  "Tim",
  "Barbara",
  "Ken",
  "Frances",
  "Dennis",
  "Radia",
  "Guido",
  "Hedy",
  "Bjarne",
  "Sophie",
  "Yukihiro",
  "Annie",
  "Rasmus",
  "Joan",
  "Émilie",
  "Léa",
  "Mateo",
  "Aiko",
  "Noah",
  "Zara",
  "Oskar",
  "Amara",
  "Luca",
  "Ingrid",
];
const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Torvalds",
  "Hamilton",
  "Berners-Lee",
  "Liskov",
  "Thompson",
  "Allen",
  "Ritchie",
  "Perlman",
  "van Rossum",
  "Lamarr",
  "Stroustrup",
  "Wilson",
  "Matsumoto",
  "Easley",
  "Lerdorf",
  "Clarke",
  "du Châtelet",
  "Moreau",
  "García",
  "Sato",
  "Schmidt",
  "Okafor",
  "Nilsson",
  "Mensah",
  "Bianchi",
  "Larsen",
];
const TITLES = [
  "Software Engineer",
  "Senior Backend Engineer",
  "Staff Engineer",
  "Engineering Manager",
  "Product Manager",
  "Account Executive",
  "Sales Development Representative",
  "Head of Sales",
  "CTO",
  "VP Engineering",
  "Data Scientist",
  "Designer",
  "General Partner",
  "Angel investor",
  "Founder & CEO",
];
/** Streets and their city, for addresses. */
const ADDRESSES = [
  ["Main St", "Springfield, USA"],
  ["Rue de Rivoli", "75001 Paris, France"],
  ["Friedrichstraße", "10117 Berlin, Germany"],
  ["Baker Street", "London NW1, UK"],
  ["Rua Augusta", "1100-048 Lisbon, Portugal"],
  ["Damrak", "1012 Amsterdam, Netherlands"],
  ["Calle de Alcalá", "28014 Madrid, Spain"],
  ["Via Torino", "20123 Milan, Italy"],
  ["Drottninggatan", "111 51 Stockholm, Sweden"],
  ["Queen Street West", "Toronto, ON, Canada"],
] as const;
const NOTES = [
  "Met at a meetup; strong systems background.",
  "Referred by a former colleague.",
  "Prefers email over calls.",
  "Open to relocation within the EU.",
  "Call back after the summer.",
  "Great culture add; asked about the on-call rotation.",
  "Interested in leadership roles only.",
  "Follow up with the portfolio deck.",
  "Wants a remote-first team.",
  "Spoke at JSConf about compilers.",
];
const SUMMARIES = [
  "Experienced engineer with a track record of scaling platforms from zero to millions of users.",
  "Early-stage investor focused on developer tools and B2B SaaS in Europe.",
  "Pragmatic leader who has built and grown distributed teams across three time zones.",
  "Seasoned seller with consistent over-achievement on enterprise quotas.",
  "Advisor with deep go-to-market experience in regulated industries.",
];
const NEW_COMPANIES = [
  "Lumen Labs",
  "Northstar Robotics",
  "Quietwave",
  "Brightforge",
  "Kestrel Analytics",
  "Orchid Health",
  "Tidal Systems",
  "Copperleaf",
  "Nimbus Works",
  "Fernway",
];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
/** `n` distinct items of `list`, in drawn order. */
function some<T>(random: Random, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}
const day = (random: Random, from: number, to: number) =>
  `${int(random, from, to)}-${String(int(random, 1, 12)).padStart(2, "0")}-${String(int(random, 1, 28)).padStart(2, "0")}`;
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
const domainOf = (company: string) => `${ascii(company)}.example`;

const workspace = FOLK_WORKSPACE;
const entityOfCompany = (c: FolkCompany): FolkEntityRef => ({
  id: c.id,
  fullName: c.name,
  entityType: "company",
});
const CONTACT_TARGETS: readonly FolkEntityRef[] = [
  ...workspace.contacts,
  ...workspace.companies.slice(0, 8).map(entityOfCompany),
];
/** The groups with custom fields: a sample person is in three of them. */
const FIELD_GROUPS = workspace.groups.filter((g) => g.fields.length > 0);

/** A read-form value for a custom field, realistic for its type and name. */
function valueFor(random: Random, def: FolkCustomFieldDefinition): FolkCustomFieldValue {
  const labels = (def.options ?? []).map((o) => o.label);
  switch (def.type) {
    case "textField":
      return pick(random, NOTES);
    case "magicField":
      return pick(random, SUMMARIES);
    case "numericField": {
      const format = def.config?.format;
      // Folk reads numbers back as numeric strings.
      if (format === "currency") return String(int(random, 40, 400) * 1000);
      if (format === "percent") return String(int(random, 0, 150));
      return String(int(random, 0, 25));
    }
    case "dateField":
      return day(random, 2025, 2027);
    case "singleSelect":
      return pick(random, labels);
    case "multipleSelect":
      return some(random, labels, int(random, 1, 3));
    case "userField":
      return some(random, workspace.users, int(random, 1, 2)).map((u) => ({ ...u }));
    case "contactField":
      return some(random, CONTACT_TARGETS, int(random, 1, 2)).map((e) => ({ ...e }));
    case "objectField":
      return some(random, workspace.objects, int(random, 1, 2)).map((e) => ({ ...e }));
  }
}

/** A group's values as GET returns them: every field, `filled` of them set (the others null). */
function groupValues(random: Random, group: FolkGroupDefinition, filled: number) {
  const set = new Set(some(random, group.fields, filled).map((f) => f.name));
  return Object.fromEntries(group.fields.map((f) => [f.name, set.has(f.name) ? valueFor(random, f) : null]));
}

function samplePerson(random: Random): FolkPerson {
  const [first, last] = [pick(random, FIRST), pick(random, LAST)];
  const companies = some(random, workspace.companies, 2).map((c) => ({ ...c }));
  const handle = `${ascii(first)}.${ascii(last)}`;
  const groups = some(random, FIELD_GROUPS, 3);
  // 20 custom values in all over the three groups' 24 fields.
  const filled = [7, 7, 6];
  const created = Date.UTC(2024, 0, 1) + int(random, 0, 600) * 86_400_000 + int(random, 0, 86_399) * 1000;
  const lastSeen = new Date(Date.UTC(2025, 0, 1) + int(random, 0, 300) * 86_400_000).toISOString();
  const owner = pick(random, workspace.users);
  return {
    id: `per_${uuidFrom(random)}`,
    firstName: first,
    lastName: last,
    fullName: `${first} ${last}`,
    description: `${pick(random, NOTES)} ${pick(random, SUMMARIES)}`,
    birthday: random() < 0.85 ? day(random, 1960, 2002) : null,
    jobTitle: pick(random, TITLES),
    createdAt: new Date(created).toISOString(),
    createdBy: { ...owner },
    groups: groups.map(({ id, name }) => ({ id, name })),
    companies,
    addresses: some(random, ADDRESSES, int(random, 1, 2)).map(
      ([street, city]) => `${int(random, 1, 250)} ${street}, ${city}`,
    ),
    emails: [
      `${handle}@${domainOf(companies[0]!.name)}`,
      `${handle}${int(random, 1, 99)}@mail.example`,
      ...(random() < 0.5 ? [`${ascii(first)}@${domainOf(companies[1]!.name)}`] : []),
    ],
    phones: [
      `+33 6 ${int(random, 10, 99)} ${int(random, 10, 99)} ${int(random, 10, 99)} ${int(random, 10, 99)}`,
      `+1 555 01${int(random, 10, 99)} ${int(random, 1000, 9999)}`,
    ],
    urls: [
      `https://www.linkedin.com/in/${handle.replace(".", "-")}`,
      `https://github.com/${ascii(first)}${ascii(last)}`,
      ...(random() < 0.5 ? [`https://${ascii(last)}.dev`] : []),
    ],
    customFieldValues: Object.fromEntries(groups.map((g, i) => [g.id, groupValues(random, g, filled[i]!)])),
    interactionMetadata: {
      user: { approximateCount: int(random, 0, 40), lastInteractedAt: lastSeen },
      workspace: {
        approximateCount: int(random, 0, 120),
        lastInteractedAt: lastSeen,
        lastInteractedBy: [{ ...owner }],
      },
    },
    strongestConnection: { [groups[0]!.id]: { ...owner } },
  };
}

/**
 * `count` realistic people in Folk's read shape, the same for the same seed: each in three groups with
 * 20 custom values in all (every field type), two companies, two or three emails and urls, two phones,
 * one or two addresses, drawn from `FOLK_WORKSPACE` so that `createFolkSimulator({ records })` takes them.
 * @example
 * const records = sampleFolkRecords(1000, { seed: 7 });
 * const sim = createFolkSimulator({ records });
 */
export function sampleFolkRecords(count: number, { seed = 1 }: SampleRecordsOptions = {}): FolkPerson[] {
  // Not the simulator's own stream for the same seed, whose ids would then repeat the samples'.
  const random = mulberry32(seed ^ 0x5a3e_4c1d);
  return Array.from({ length: count }, () => samplePerson(random));
}

type Change = (random: Random, p: FolkPersonDesired & FolkPerson) => FolkPersonDesired | undefined;

const groupDef = (id: string) => workspace.groups.find((g) => g.id === id);

/** Realistic edits a sync makes; each returns the changed person, or undefined when it does not apply. */
const CHANGES: readonly Change[] = [
  // A new email that becomes the primary one.
  (r, p) => ({ ...p, emails: [`${ascii(p.firstName)}.${int(r, 100, 999)}@newjob.example`, ...p.emails] }),
  // The second email becomes the primary one.
  (_r, p) =>
    p.emails.length < 2 ? undefined : { ...p, emails: [p.emails[1]!, p.emails[0]!, ...p.emails.slice(2)] },
  (r, p) => ({
    ...p,
    jobTitle: pick(
      r,
      TITLES.filter((t) => t !== p.jobTitle),
    ),
  }),
  // One to three custom values edited, in write forms where a sync would use them.
  (r, p) => {
    const values = structuredClone(p.customFieldValues) as Record<
      string,
      Record<string, FolkCustomFieldValueDesired>
    >;
    const fields = p.groups.flatMap((g) => (groupDef(g.id)?.fields ?? []).map((f) => [g.id, f] as const));
    for (const [groupId, def] of some(r, fields, int(r, 1, 3))) {
      const v = valueFor(r, def);
      const group = values[groupId] ?? {};
      values[groupId] = group;
      group[def.name] =
        def.type === "numericField"
          ? Number(v)
          : def.type === "userField"
            ? [{ email: pick(r, workspace.users).email }]
            : v;
    }
    return { ...p, customFieldValues: values };
  },
  // Added to a group, with a few of its values.
  (r, p) => {
    const candidates = workspace.groups.filter((g) => !p.groups.some((x) => x.id === g.id));
    if (!candidates.length) return undefined;
    const g = pick(r, candidates);
    return {
      ...p,
      groups: [...p.groups, { id: g.id }],
      customFieldValues: {
        ...p.customFieldValues,
        [g.id]: groupValues(r, g, Math.min(g.fields.length, int(r, 2, 4))),
      },
    };
  },
  // Removed from a group (Folk deletes that group's values with it).
  (r, p) => {
    if (!p.groups.length) return undefined;
    const gone = pick(r, p.groups).id;
    const { [gone]: _dropped, ...values } = p.customFieldValues;
    return { ...p, groups: p.groups.filter((g) => g.id !== gone), customFieldValues: values };
  },
  // A new employer, by name: the new primary company (Folk creates it).
  (r, p) => ({
    ...p,
    companies: [{ name: pick(r, NEW_COMPANIES) }, ...p.companies.map((c) => ("id" in c ? { id: c.id } : c))],
  }),
  // The primary company changes.
  (_r, p) => (p.companies.length < 2 ? undefined : { ...p, companies: [...p.companies].reverse() }),
  (_r, p) => (p.phones.length < 2 ? undefined : { ...p, phones: p.phones.slice(0, 1) }),
  (r, p) => ({ ...p, description: `${p.description} ${pick(r, NOTES)}`.slice(0, 5000) }),
  (r, p) => ({ ...p, birthday: p.birthday === null ? day(r, 1960, 2002) : null }),
];

/** The same state as `p`, written another way: ids and emails for references, numbers for numeric strings. */
function reencoded(p: FolkPerson): FolkPersonDesired {
  const values = Object.fromEntries(
    Object.entries(p.customFieldValues).map(([g, fields]) => [
      g,
      Object.fromEntries(
        Object.entries(fields).map(([name, v]) => {
          const type = groupDef(g)?.fields.find((f) => f.name === name)?.type;
          if (type === "numericField" && typeof v === "string") return [name, Number(v)];
          if (Array.isArray(v) && type === "userField")
            return [name, (v as FolkUser[]).map((u) => ({ email: u.email }))];
          if (Array.isArray(v) && typeof v[0] === "object")
            return [name, (v as { id: string }[]).map((x) => ({ id: x.id }))];
          return [name, v];
        }),
      ),
    ]),
  );
  return {
    ...p,
    groups: p.groups.map((g) => ({ id: g.id })),
    companies: p.companies.map((c) => ({ id: c.id })),
    customFieldValues: values,
  };
}

/** `p` with only what Folk computes changed: interaction counts and dates. */
const touched = (p: FolkPerson): FolkPerson => ({
  ...p,
  interactionMetadata: {
    user: {
      ...p.interactionMetadata.user,
      approximateCount: p.interactionMetadata.user.approximateCount + 1,
    },
    workspace: {
      ...p.interactionMetadata.workspace,
      approximateCount: p.interactionMetadata.workspace.approximateCount + 2,
      lastInteractedAt: "2026-01-05T09:30:00.000Z",
    },
  },
});

/**
 * The desired versions of `records` as a sync would hold them, the same for the same seed: a
 * `changedRatio` share (rounded) really changed — a new or re-ordered primary email, a title, custom
 * values, a group joined or left, a new company by name, … (one to three changes each) — the rest
 * identical, changed in read-only fields only, or written in equivalent forms. Every desired record is
 * writable against a simulator seeded with `records`.
 * @example
 * const before = sampleFolkRecords(300);
 * const after = sampleFolkChanges(before, { seed: 2 }); // 100 changed
 */
export function sampleFolkChanges(
  records: readonly FolkPerson[],
  { seed = 1, changedRatio = 1 / 3 }: SampleChangesOptions = {},
): FolkPersonDesired[] {
  const random = mulberry32(seed);
  const changed = new Set(
    some(
      random,
      records.map((_, i) => i),
      Math.round(records.length * changedRatio),
    ),
  );
  return records.map((record, i) => {
    const p = structuredClone(record);
    if (!changed.has(i)) {
      const r = random();
      return r < 0.5 ? p : r < 0.75 ? touched(p) : reencoded(p);
    }
    let desired: FolkPersonDesired & FolkPerson = p;
    let applied = 0;
    const wanted = int(random, 1, 3);
    for (const change of some(random, CHANGES, CHANGES.length)) {
      const next = change(random, desired);
      if (next === undefined) continue;
      desired = next as FolkPersonDesired & FolkPerson;
      if (++applied >= wanted) break;
    }
    // An edit that drew the value already there changes nothing: a changed record always differs.
    return diffPerson(record, desired).noop
      ? { ...desired, jobTitle: `${record.jobTitle} (acting)` }
      : desired;
  });
}

/**
 * `count` people a simulator seeded with `sampleFolkRecords` lacks, for upserts: realistic people
 * without an id, each under a primary email of its own (`new-<seed>-<n>@sample.example`), so each is
 * created once.
 * @example
 * const desired = [...sampleFolkChanges(records, { seed: 2 }), ...sampleFolkNewRecords(10, { seed: 3 })];
 */
export function sampleFolkNewRecords(
  count: number,
  { seed = 1 }: SampleRecordsOptions = {},
): FolkPersonDesired[] {
  // Another stream than the seeded records' and the simulator's, so no email or id repeats theirs.
  return sampleFolkRecords(count, { seed: seed ^ 0x3c6e_f372 }).map(({ id: _id, ...person }, n) => ({
    ...person,
    emails: [`new-${seed}-${n + 1}@sample.example`, ...person.emails.slice(0, 19)],
  }));
}
