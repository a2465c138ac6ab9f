/**
 * Realistic, deterministic StackOne candidates and desired versions of them, for the CLI demo, the
 * benchmarks and users' own tests. Both draw their custom fields from the simulator's catalogue, so a
 * simulator seeded with the records accepts every desired record's diff.
 */
import { mulberry32, type Random, uuidFrom } from "@patchwise/core/testing";
import type {
  StackOneCandidate,
  StackOneCustomField,
  StackOneEmail,
  StackOnePhoneNumber,
} from "../generated/schema.ts";
import {
  remoteValueId,
  STACKONE_CUSTOM_FIELD_DEFINITIONS,
  type StackOneFieldDefinition,
} from "./catalogue.ts";
import type { StackOneSeedRecord } from "./read-shape.ts";

/** Options of `sampleStackOneRecords`. */
export interface SampleRecordsOptions {
  /** The same seed gives the same records (default 1). */
  seed?: number;
}

/** Options of `sampleStackOneChanges`. */
export interface SampleChangesOptions {
  /** The same seed gives the same changes (default 1). */
  seed?: number;
  /** Share of the records given a real change (default 1/3); the rest are the same state. */
  changedRatio?: number;
}

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Tim",
  "Zoë",
  "Jürgen",
  "Siobhán",
  "Chen",
  "Amara",
  "Luis",
];
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Berners-Lee",
  "O'Brien",
  "Müller",
  "Kowalska",
  "Wei",
  "Okafor",
  "García",
];
const DOMAINS = ["example.com", "mail.example.org", "example.net"];
const COMPANIES = [
  "Example Ltd",
  "Acme Corp",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Hooli",
  "Stark Industries",
];
const TITLES = [
  "Software Engineer",
  "Senior Data Engineer",
  "Product Designer",
  "Engineering Manager",
  "Site Reliability Engineer",
  "Product Manager",
  "Staff Engineer",
];
const COUNTRIES = ["United Kingdom", "United States", "Germany", "Ireland", "Portugal", "Nigeria", "Spain"];
const SOURCES = ["LinkedIn", "Referral", "Careers page", "Agency", "Meetup", "Indeed"];
const TAGS = ["Referral", "Silver medallist", "Returner", "Relocating", "Internal"];
const EMAIL_TYPES = ["personal", "work", "other"] as const;
const PHONE_TYPES = [
  "mobile",
  "work",
  "home",
  "personal",
] as const satisfies readonly StackOnePhoneNumber["type"][];

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 8, 9); // the first sample candidate's creation
const TAG_IDS: Readonly<Record<string, string>> = Object.fromEntries(TAGS.map((t, i) => [t, String(12 + i)]));

/** The application ids sample candidates draw from (StackOne ids, with the ATS's ids beside them). */
const APPLICATIONS = Array.from({ length: 40 }, (_, i) => ({
  id: `5b1d2c3e-0f4a-4e6b-8c7d-${(0x9a0b1c2d3e00 + i).toString(16)}`,
  remote_id: String(99_100 + i),
}));

/** Draws from a seeded PRNG. */
function draws(random: Random) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const chance = (p: number) => random() < p;
  /** `n` distinct items of `list`, in a random order. */
  const some = <T>(list: readonly T[], n: number): T[] => {
    const pool = [...list];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = int(0, i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, n);
  };
  return { int, pick, chance, some };
}
type Draws = ReturnType<typeof draws>;

const iso = (ms: number) => new Date(ms).toISOString();
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^a-zA-Z-]/g, "")
    .toLowerCase();
const digits = (r: Draws, n: number) => String(r.int(0, 10 ** n - 1)).padStart(n, "0");
const phoneOf = (r: Draws) =>
  r.pick([`+447700${digits(r, 6)}`, `+1202555${digits(r, 4)}`, `+49151${digits(r, 8)}`]);

/** A value of a custom field of the catalogue, as an ATS would hold it (`value_id` for options). */
function customValue(definition: StackOneFieldDefinition, r: Draws): StackOneCustomField {
  const base = { id: definition.id, remote_id: definition.remote_id ?? null, name: definition.name ?? null };
  const none = { value_id: null, remote_value_id: null };
  const options = definition.options ?? [];
  switch (definition.type?.value) {
    case "single_select": {
      const option = r.pick(options);
      return {
        ...base,
        value: option.value,
        value_id: option.id,
        remote_value_id: remoteValueId(definition, option.id),
      };
    }
    case "multi_select":
      return { ...base, value: r.some(options, r.int(1, 3)).map((o) => o.value), ...none };
    case "float":
      return { ...base, value: r.int(40, 160) * 1000, ...none };
    case "boolean":
    case "checkbox":
      return { ...base, value: r.chance(0.5), ...none };
    case "date":
      return { ...base, value: iso(Date.UTC(2026, r.int(0, 11), r.int(1, 28))).slice(0, 10), ...none };
    default:
      return { ...base, value: `${r.pick(SOURCES)} (${r.pick(["spring", "autumn"])} campaign)`, ...none };
  }
}

/**
 * `count` StackOne candidates as GET with `include=custom_fields` returns them, the same for the same
 * seed: 2–3 emails (`email` one of them), 1–2 phone numbers, social links, 1–3 application ids, 5
 * custom fields of `STACKONE_CUSTOM_FIELD_DEFINITIONS`, unified custom fields, tags, date-times in UTC
 * with milliseconds. `createStackOneSimulator({ records })` takes them as they are.
 * @example
 * const records = sampleStackOneRecords(1000, { seed: 7 });
 * const sim = createStackOneSimulator({ records });
 */
export function sampleStackOneRecords(
  count: number,
  options: SampleRecordsOptions = {},
): StackOneSeedRecord[] {
  const random = mulberry32(options.seed ?? 1);
  const r = draws(random);
  return Array.from({ length: count }, (_, n): StackOneSeedRecord => {
    const id = uuidFrom(random);
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const handle = `${ascii(first)}.${ascii(last)}${n}`;
    const emails: StackOneEmail[] = r.some(EMAIL_TYPES, r.int(2, 3)).map((type) => ({
      type,
      value:
        type === "work"
          ? `${handle}@${r.pick(COMPANIES).split(" ")[0]?.toLowerCase()}.example`
          : type === "other"
            ? `${ascii(first)}${n}@${r.pick(DOMAINS)}`
            : `${handle}@${r.pick(DOMAINS)}`,
    }));
    const phones = r.some(PHONE_TYPES, r.int(1, 2)).map((type) => ({ type, phone: phoneOf(r) }));
    const applications = r.some(APPLICATIONS, r.int(1, 3));
    const created = EPOCH + n * 3_600_000 + r.int(0, 3_599) * 1000;
    const hired = r.chance(0.2) ? iso(created + r.int(30, 120) * DAY_MS) : null;
    return {
      id,
      remote_id: String(48_000 + n),
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      email: r.pick(emails).value ?? null,
      emails,
      social_links: [
        { type: "linkedin", url: `https://www.linkedin.com/in/${handle.replace(".", "-")}` },
        ...(r.chance(0.5) ? [{ type: "github", url: `https://github.com/${handle.replace(".", "")}` }] : []),
      ],
      phone: phones[0]?.phone ?? null,
      phone_numbers: phones,
      company: r.pick(COMPANIES),
      title: r.pick(TITLES),
      country: r.pick(COUNTRIES),
      application_ids: applications.map((a) => a.id),
      remote_application_ids: applications.map((a) => a.remote_id),
      hired_at: hired,
      custom_fields: r.some(STACKONE_CUSTOM_FIELD_DEFINITIONS, 5).map((d) => customValue(d, r)),
      unified_custom_fields: {
        source_ref: `REF-${String(1000 + n).padStart(5, "0")}`,
        source: r.pick(SOURCES),
        ...(r.chance(0.5) && { score: r.int(1, 5) }),
        ...(r.chance(0.3) && { consent: { gdpr: true, given_at: iso(created).slice(0, 10) } }),
      },
      tags: r.some(TAGS, r.int(0, 2)).map((name) => ({ remote_id: TAG_IDS[name] ?? null, name })),
      created_at: iso(created),
      updated_at: iso(created + r.int(0, 60) * DAY_MS + r.int(0, 86_399) * 1000),
    };
  });
}

type Desired = { -readonly [K in keyof StackOneCandidate]: StackOneCandidate[K] };

/** The catalogue's definition of a custom field value. */
const definitionOf = (field: StackOneCustomField) =>
  STACKONE_CUSTOM_FIELD_DEFINITIONS.find((d) => d.id === field.id);

/** Realistic edits of writable fields; each changes the state it is given. */
const EDITS: ((d: Desired, r: Draws, n: number) => void)[] = [
  (d, r, n) => {
    // A new email, often made the main one.
    const value = `${ascii(d.first_name ?? "x")}.${n}@new-${r.pick(DOMAINS)}`;
    d.emails = [...(d.emails ?? []), { type: r.pick(EMAIL_TYPES), value }];
    if (r.chance(0.5)) d.email = value;
  },
  (d, r) => {
    // A new main email among those the candidate has (or, with one, a second one made main).
    const others = (d.emails ?? []).filter((e) => e.value && e.value !== d.email);
    if (others.length) d.email = r.pick(others).value ?? null;
    else {
      d.emails = [...(d.emails ?? []), { type: "work", value: `main.${d.email ?? "x@example.com"}` }];
      d.email = `main.${d.email ?? "x@example.com"}`;
    }
  },
  (d, r) => {
    // An old address removed (not the main one), or, with one left, a work one added.
    const emails = d.emails ?? [];
    const gone = emails.findIndex((e) => e.value !== d.email);
    if (emails.length > 1 && gone >= 0) d.emails = emails.filter((_, i) => i !== gone);
    else d.emails = [...emails, { type: "work", value: `${r.int(100, 999)}.${d.email ?? "x@example.com"}` }];
  },
  (d, r) => {
    // A new job: title and often company.
    d.title = r.pick(TITLES.filter((t) => t !== d.title));
    if (r.chance(0.6)) d.company = r.pick(COMPANIES.filter((c) => c !== d.company));
  },
  (d, r) => {
    // Custom values edited: one or two fields, by their type.
    const fields = structuredClone(d.custom_fields ?? []);
    for (const i of r.some([...fields.keys()], r.int(1, 2))) {
      const definition = definitionOf(fields[i]!);
      let next = definition ? customValue(definition, r) : { ...fields[i], value: "edited" };
      for (
        let tries = 0;
        JSON.stringify(next.value) === JSON.stringify(fields[i]?.value) && tries < 5;
        tries++
      )
        next = definition ? customValue(definition, r) : next;
      if (JSON.stringify(next.value) === JSON.stringify(fields[i]?.value)) next = { ...next, value: null };
      fields[i] = next;
    }
    d.custom_fields = fields;
  },
  (d, r) => {
    // An application added or, with several, one withdrawn.
    const ids = d.application_ids ?? [];
    if (ids.length > 1 && r.chance(0.4)) {
      const gone = r.int(0, ids.length - 1);
      d.application_ids = ids.filter((_, i) => i !== gone);
    } else d.application_ids = [...ids, r.pick(APPLICATIONS.filter((a) => !ids.includes(a.id))).id];
  },
  (d, r) => {
    // A phone number added, or the mobile number changed.
    const phones = d.phone_numbers ?? [];
    const mobile = phones.findIndex((p) => p.type === "mobile");
    if (mobile >= 0 && r.chance(0.5))
      d.phone_numbers = phones.map((p, i) => (i === mobile ? { ...p, phone: phoneOf(r) } : p));
    else d.phone_numbers = [...phones, { type: r.pick(PHONE_TYPES), phone: phoneOf(r) }];
  },
  (d) => {
    // A social link added or the GitHub one removed.
    const links = d.social_links ?? [];
    d.social_links = links.some((l) => l.type === "github")
      ? links.filter((l) => l.type !== "github")
      : [
          ...links,
          { type: "twitter", url: `https://x.com/${ascii(d.first_name ?? "x")}${ascii(d.last_name ?? "")}` },
        ];
  },
  (d, r) => {
    // Hired (or a hire undone).
    d.hired_at = d.hired_at ? null : iso(Date.UTC(2026, r.int(0, 11), r.int(1, 28), 9));
  },
  (d, r) => {
    // A name corrected.
    d.first_name = r.pick(FIRST.filter((f) => f !== d.first_name));
    d.name = `${d.first_name} ${d.last_name ?? ""}`.trim();
  },
  (d, r) => {
    // Unified custom fields edited: a score set, the source changed.
    const u = structuredClone(d.unified_custom_fields ?? {});
    u.score = typeof u.score === "number" ? (u.score % 5) + 1 : r.int(1, 5);
    if (r.chance(0.5)) u.source = r.pick(SOURCES.filter((s) => s !== u.source));
    d.unified_custom_fields = u;
  },
  (d, r) => {
    d.country = r.pick(COUNTRIES.filter((c) => c !== d.country)); // relocated
  },
];

/** Edits that keep the writable state: read-only fields, re-encodings, reorders, absent keys. */
const SAME: ((d: Desired, r: Draws) => void)[] = [
  () => {},
  (d, r) => {
    // What a later GET shows: a new updated_at, tags, the deprecated phone.
    d.updated_at = iso(Date.UTC(2026, 5, 1) + r.int(0, 86_399) * 1000);
    d.tags = [...(d.tags ?? []), { remote_id: "99", name: "Synced" }];
    d.phone = null;
  },
  (d) => {
    d.emails = [...(d.emails ?? [])].reverse(); // order carries no meaning
    d.phone_numbers = [...(d.phone_numbers ?? [])].reverse();
  },
  (d) => {
    d.custom_fields = [...(d.custom_fields ?? [])].reverse().map((f) =>
      // Keys reordered, null keys dropped: the same item.
      Object.fromEntries(
        Object.entries(f)
          .filter(([, v]) => v !== null)
          .reverse(),
      ),
    );
  },
  (d) => {
    const u = d.unified_custom_fields ?? {};
    d.unified_custom_fields = Object.fromEntries(Object.entries(u).reverse()); // key order carries no meaning
  },
  (d) => {
    // The same instant written another way (or, unhired, custom fields left out as GET without include).
    if (typeof d.hired_at === "string") d.hired_at = d.hired_at.replace(".000Z", "Z");
    else delete d.custom_fields;
  },
];

/**
 * The desired versions of `records`: `changedRatio` of them (chosen by the seed) with one to three
 * realistic edits (a new email, a new main email, an email removed, a new title, custom values
 * edited, an application added or withdrawn, a phone number or social link added or changed, hired,
 * a name corrected, unified custom fields edited, relocated), the rest the same state with only
 * read-only fields changed, lists or keys reordered, `hired_at` re-encoded or custom fields left out.
 * Every desired record is writable against a simulator seeded with `records`.
 * @example
 * const desired = sampleStackOneChanges(records, { seed: 7 });
 * const bodies = records.map((r, i) => diffCandidate(r, desired[i]!)).filter((d) => !d.noop);
 */
export function sampleStackOneChanges(
  records: readonly StackOneCandidate[],
  options: SampleChangesOptions = {},
): StackOneCandidate[] {
  const r = draws(mulberry32(options.seed ?? 1));
  const changed = new Set(
    r.some(
      records.map((_, i) => i),
      Math.round(records.length * (options.changedRatio ?? 1 / 3)),
    ),
  );
  return records.map((record, n) => {
    const desired = structuredClone(record) as Desired;
    if (changed.has(n)) for (const edit of r.some(EDITS, r.int(1, 3))) edit(desired, r, n);
    else r.pick(SAME)(desired, r);
    return desired;
  });
}

/**
 * `count` candidates a simulator seeded with `sampleStackOneRecords` lacks, for upserts: realistic
 * candidates without an id, each under an email of its own (`new-<seed>-<n>@sample.example`), so each
 * is created once.
 * @example
 * const desired = [...sampleStackOneChanges(records, { seed: 2 }), ...sampleStackOneNewRecords(10, { seed: 3 })];
 */
export function sampleStackOneNewRecords(
  count: number,
  { seed = 1 }: SampleRecordsOptions = {},
): StackOneCandidate[] {
  // Another stream than the seeded records' and the simulator's, so no email or id repeats theirs.
  return sampleStackOneRecords(count, { seed: seed ^ 0x3c6e_f372 }).map(
    ({ id: _id, remote_id: _r, remote_application_ids: _a, ...candidate }, n) => {
      const email = `new-${seed}-${n + 1}@sample.example`;
      return { ...candidate, email, emails: [{ type: "work", value: email }] };
    },
  );
}
