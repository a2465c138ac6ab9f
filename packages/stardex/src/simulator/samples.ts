/**
 * Realistic, deterministic Stardex persons and desired versions of them, for the CLI demo, the
 * benchmarks and users' own tests. Both draw from the simulator's default catalogues (custom fields,
 * team members, jobs, companies), so a simulator seeded with the records accepts every desired
 * record's diff.
 */
import { mulberry32, type Random, uuidFrom } from "@patchwise/core/testing";
import type { StardexNewPerson } from "../create.ts";
import type { StardexCustomFieldValue, StardexPerson } from "../generated/schema.ts";
import {
  STARDEX_COMPANIES,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_JOBS,
  STARDEX_TEAM_MEMBERS,
  type StardexFieldDefinition,
} from "./catalogue.ts";

/** Options of `sampleStardexRecords`. */
export interface SampleRecordsOptions {
  /** The same seed gives the same records (default 1). */
  seed?: number;
}

/** Options of `sampleStardexChanges`. */
export interface SampleChangesOptions {
  /** The same seed gives the same changes (default 1). */
  seed?: number;
  /** Share of the records given a real change (default 1/3); the rest keep their writable state. */
  changedRatio?: number;
}

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Zoë",
  "Jürgen",
  "Mária",
  "Chen",
  "Amara",
  "Luis",
  "Sofia",
];
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Novák",
  "Müller",
  "O'Brien",
  "Wei",
  "Okafor",
  "García",
  "Silva",
];
const TITLES = [
  "Backend Engineer",
  "Senior Backend Engineer",
  "Staff Engineer",
  "Frontend Engineer",
  "Product Designer",
  "Data Scientist",
  "Engineering Manager",
  "Site Reliability Engineer",
  "Risk Analyst",
];
/** Employers: the catalogue's companies (matched to a `current_company_id`) and others. */
const EMPLOYERS = [...STARDEX_COMPANIES.map((c) => c.name), "Orbital Labs", "Quill & Co", "Tidepool Games"];
const LOCATIONS = [
  "Lisbon, Portugal",
  "London, United Kingdom",
  "Berlin, Germany",
  "Amsterdam, Netherlands",
  "Prague, Czechia",
  "New York, United States",
];
const STREETS = [
  "Rua Augusta 12, 1100-053 Lisboa",
  "14 Camden High St, London NW1",
  "Torstraße 101, 10119 Berlin",
];
const SCHOOLS: [string, string][] = [
  ["Universidade de Lisboa", "MSc Computer Science"],
  ["University of Cambridge", "BA Mathematics"],
  ["TU Berlin", "BSc Informatik"],
  ["Czech Technical University", "Ing. Software Engineering"],
];
const CERTIFICATIONS: [string, string][] = [
  ["Certified Kubernetes Administrator", "The Linux Foundation"],
  ["AWS Certified Solutions Architect", "Amazon Web Services"],
  ["Professional Scrum Master I", "Scrum.org"],
];
const STAGES = ["Sourced", "Screening", "Interview", "Offer"];
const NOTES = [
  "Open to relocation within the EU.",
  "Prefers remote; available for a call on Tuesdays.",
  "Strong system design, wants a team lead path.",
  "Referred by a former colleague; salary flexible.",
];

const DAY_MS = 86_400_000;
const AVAILABLE_FROM = Date.UTC(2026, 1, 1); // sample "Available from" dates: Feb 2026 onwards

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
  return { random, int, pick, chance, some };
}

type Draws = ReturnType<typeof draws>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^a-zA-Z]/g, "")
    .toLowerCase();
const domainOf = (company: string) =>
  STARDEX_COMPANIES.find((c) => c.name === company)?.domain ?? `${ascii(company)}.example`;

/** The default custom field of a data type (the first, or the `nth` of that type). */
function fieldOf(type: StardexFieldDefinition["data_type"], nth = 0): StardexFieldDefinition {
  return STARDEX_CUSTOM_FIELDS.filter((f) => f.data_type === type)[nth]!;
}

const TEXT = fieldOf("text");
const SALARY = fieldOf("number");
const NOTICE = fieldOf("number", 1);
const AVAILABLE = fieldOf("date");
const PORTFOLIO = fieldOf("url");
const SENIORITY = fieldOf("single-select");
const WORK_MODE = fieldOf("single-select", 1);
const SKILLS = fieldOf("multi-select");
const INDUSTRIES = fieldOf("multi-select", 1);
const OWNERS = fieldOf("team-member");
const names = (f: StardexFieldDefinition) => f.tags.map((t) => t.name);
const MEMBERS = STARDEX_TEAM_MEMBERS.map((m) => m.id);

/** A phone number in the shape of its country. */
const phone = (r: Draws, mobile: boolean) =>
  mobile
    ? `+351 9${r.int(1, 6)}${r.int(0, 9)} ${r.int(100, 999)} ${r.int(100, 999)}`
    : `+44 20 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`;

/** The ten custom values of a sample person: one per default attribute, every data type. */
function customValues(r: Draws, first: string, last: string, years: number): StardexCustomFieldValue[] {
  const v = (f: StardexFieldDefinition, value: string) => ({
    attribute_id: f.id,
    data_type: f.data_type,
    value,
  });
  return [
    v(TEXT, r.pick(NOTES)),
    v(SALARY, String(r.int(40, 160) * 1000)),
    v(NOTICE, String(r.pick([0, 14, 30, 60, 90]))),
    v(AVAILABLE, day(AVAILABLE_FROM + r.int(0, 180) * DAY_MS)),
    v(PORTFOLIO, `https://${ascii(first)}-${ascii(last)}.dev`),
    v(SENIORITY, names(SENIORITY)[Math.min(4, Math.floor(years / 3))]!),
    v(WORK_MODE, r.pick(names(WORK_MODE))),
    { attribute_id: SKILLS.id, data_type: SKILLS.data_type, values: r.some(names(SKILLS), r.int(2, 5)) },
    {
      attribute_id: INDUSTRIES.id,
      data_type: INDUSTRIES.data_type,
      values: r.some(names(INDUSTRIES), r.int(1, 3)),
    },
    { attribute_id: OWNERS.id, data_type: OWNERS.data_type, team_member_ids: r.some(MEMBERS, r.int(1, 2)) },
  ];
}

/**
 * `count` Stardex persons as GET returns them (every field, in the spec's order), the same for the same
 * seed: 3 labelled emails, 2 phones, a work and education history, 0–2 candidacies in `STARDEX_JOBS`,
 * and a value for each of the 10 `STARDEX_CUSTOM_FIELDS` (every data type). `createStardexSimulator({
 * records })` takes them as they are and reads them back unchanged.
 * @example
 * const records = sampleStardexRecords(1000, { seed: 7 });
 * const sim = createStardexSimulator({ records });
 */
export function sampleStardexRecords(count: number, options: SampleRecordsOptions = {}): StardexPerson[] {
  const r = draws(mulberry32(options.seed ?? 1));
  const { int, pick, chance, some } = r;
  return Array.from({ length: count }, (_, n): StardexPerson => {
    const id = uuidFrom(r.random);
    const first = pick(FIRST);
    const last = pick(LAST);
    const title = pick(TITLES);
    const employer = pick(EMPLOYERS);
    const years = int(1, 15);
    const since = 2025 - int(0, Math.min(years, 6));
    const previous = pick(EMPLOYERS.filter((e) => e !== employer));
    const [school, degree] = pick(SCHOOLS);
    const candidates = some(STARDEX_JOBS, pick([0, 0, 1, 1, 2])).map((job) => ({
      candidate_id: uuidFrom(r.random),
      job_id: job.id,
      job_name: job.name,
      job_client_company_name: job.client_company_name ?? null,
      current_pipeline_stage_id: null,
      current_pipeline_stage_name: pick(STAGES),
      is_archived: job.is_archived ?? false,
      created_at: new Date(Date.UTC(2025, 9, 1) + int(0, 60) * DAY_MS + int(0, 86_399) * 1000).toISOString(),
    }));
    const handle = `${ascii(first)}.${ascii(last)}`;
    return {
      id,
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      linkedin_public_id: `${ascii(first)}-${ascii(last)}-${n.toString(36)}${int(100, 999)}`,
      current_job_title: title,
      current_company_name: employer,
      current_company_id: STARDEX_COMPANIES.find((c) => c.name === employer)?.id ?? null,
      linkedin_location: pick(LOCATIONS),
      linkedin_headline: `${title} at ${employer}`,
      address: chance(0.5) ? pick(STREETS) : null,
      emails: [
        { contact_data_type: "work", value: `${handle}@${domainOf(employer)}` },
        { contact_data_type: "personal", value: `${handle}${n}@mail.example` },
        { contact_data_type: "other", value: `${ascii(first)[0]}${ascii(last)}@${domainOf(previous)}` },
      ],
      phones: [
        { contact_data_type: "mobile", value: phone(r, true) },
        { contact_data_type: "work", value: phone(r, false) },
      ],
      candidate_id: candidates[0]?.candidate_id ?? null,
      external_source_id: chance(0.4) ? `hris-${10_000 + n}` : null,
      work_experience: [
        {
          company_name: employer,
          company_linkedin_url: null,
          company_linkedin_id: null,
          company_id: STARDEX_COMPANIES.find((c) => c.name === employer)?.id ?? null,
          duration_in_months: (2026 - since) * 12,
          positions: [
            {
              title,
              start_date: `${since}-0${int(1, 9)}-01`,
              end_date: null,
              duration_in_months: (2026 - since) * 12,
              description: `Owns services end to end at ${employer}.`,
              location: pick(LOCATIONS),
              position_type: "Full-time",
            },
          ],
        },
        {
          company_name: previous,
          company_linkedin_url: null,
          company_linkedin_id: null,
          company_id: STARDEX_COMPANIES.find((c) => c.name === previous)?.id ?? null,
          duration_in_months: 36,
          positions: [
            {
              title: pick(TITLES),
              start_date: `${since - 3}-01-01`,
              end_date: `${since - 1}-12-31`,
              duration_in_months: 36,
              description: null,
              location: pick(LOCATIONS),
              position_type: "Full-time",
            },
          ],
        },
      ],
      education_experience: [
        {
          company_name: school,
          degree,
          description: null,
          start_date: `${since - 8}-09-01`,
          end_date: `${since - 4}-07-31`,
          company_linkedin_url: null,
          company_linkedin_id: null,
          company_id: null,
        },
      ],
      certifications: some(CERTIFICATIONS, int(0, 2)).map(([name, issuer]) => ({
        name,
        credential_id: `${ascii(issuer).slice(0, 4).toUpperCase()}-${int(100_000, 999_999)}`,
        start_date: `${since - int(0, 2)}-0${int(1, 9)}-15`,
        end_date: null,
        company_name: issuer,
        company_linkedin_url: null,
        company_linkedin_id: null,
        company_id: null,
      })),
      candidates,
      custom_fields: customValues(r, first, last, years),
    };
  });
}

type Desired = { -readonly [K in keyof StardexPerson]: StardexPerson[K] };

/** The desired record's custom value of an attribute (edited in place). */
const customValue = (d: Desired, f: StardexFieldDefinition): StardexCustomFieldValue => {
  d.custom_fields ??= [];
  let item = d.custom_fields.find((x) => x.attribute_id === f.id);
  if (!item) {
    item = { attribute_id: f.id, data_type: f.data_type };
    d.custom_fields.push(item);
  }
  return item;
};

/** A tag added to or removed from a multi-select (or a member to a team-member field). */
function toggled(list: readonly string[], pool: readonly string[], r: Draws): string[] {
  const free = pool.filter((x) => !list.includes(x));
  if (list.length > 1 && (r.chance(0.4) || !free.length)) {
    const gone = r.pick(list);
    return list.filter((x) => x !== gone);
  }
  return [...list, r.pick(free)];
}

/** Realistic edits of writable fields; each changes the state it is given. */
const EDITS: ((d: Desired, r: Draws, n: number) => void)[] = [
  (d, r, n) => {
    // A new email address added.
    d.emails = [
      ...d.emails,
      { contact_data_type: "other", value: `hello${n}@${r.pick(["inbox", "post"])}.example` },
    ];
  },
  (d, _r, n) => {
    // A new work address replacing the old one (a new primary email, after a move).
    const work = `${ascii(d.first_name ?? "p")}${n}@new-employer.example`;
    d.emails = [
      { contact_data_type: "work", value: work },
      ...d.emails.filter((e) => e.contact_data_type !== "work"),
    ];
  },
  (d, r) => {
    d.phones = d.phones.map((p) => (p.contact_data_type === "mobile" ? { ...p, value: phone(r, true) } : p));
  },
  (d, r) => {
    const title = r.pick(TITLES.filter((t) => t !== d.current_job_title));
    d.current_job_title = title; // promoted or moved
    d.linkedin_headline = `${title} at ${d.current_company_name ?? "a stealth startup"}`;
  },
  (d, r) => {
    d.current_company_name = r.pick(EMPLOYERS.filter((e) => e !== d.current_company_name)); // a new employer
  },
  (d, r) => {
    d.linkedin_location = r.pick(LOCATIONS.filter((l) => l !== d.linkedin_location));
  },
  (d, r) => {
    const last = r.pick(LAST.filter((l) => l !== d.last_name)); // a name corrected
    d.last_name = last;
    d.name = `${d.first_name ?? ""} ${last}`.trim();
  },
  (d, r) => {
    d.linkedin_public_id = `${d.linkedin_public_id ?? "profile"}-${r.int(10, 99)}`; // a renamed profile
  },
  (d, r) => {
    const salary = customValue(d, SALARY);
    salary.value = String(Number(salary.value ?? 50_000) + r.int(1, 20) * 1000); // a raise
  },
  (d, r) => {
    const available = customValue(d, AVAILABLE);
    const from = Date.parse(available.value ?? day(AVAILABLE_FROM));
    available.value = day(from + r.int(7, 60) * DAY_MS); // available later
  },
  (d, r) => {
    customValue(d, TEXT).value = `${r.pick(NOTES)} Updated after the second interview.`;
  },
  (d, r) => {
    const seniority = customValue(d, SENIORITY);
    seniority.value = r.pick(names(SENIORITY).filter((s) => s !== seniority.value));
  },
  (d, r) => {
    const skills = customValue(d, SKILLS);
    skills.values = toggled(skills.values ?? [], names(SKILLS), r); // a group added or removed
  },
  (d, r) => {
    const industries = customValue(d, INDUSTRIES);
    industries.values = toggled(industries.values ?? [], names(INDUSTRIES), r);
  },
  (d, r) => {
    const owners = customValue(d, OWNERS);
    owners.team_member_ids = toggled(owners.team_member_ids ?? [], MEMBERS, r); // an owner added or removed
  },
  (d, r) => {
    // A field emptied: the notes cleared, or every industry removed.
    if (r.chance(0.5)) customValue(d, TEXT).value = null;
    else customValue(d, INDUSTRIES).values = [];
  },
  (d, r) => {
    const mode = customValue(d, WORK_MODE);
    mode.value = r.pick(names(WORK_MODE).filter((m) => m !== mode.value));
  },
];

const reversed = <T>(list: readonly T[] | undefined) => (list ? [...list].reverse() : list);

/** Edits that keep the writable state: read-only fields, reorders, equivalent encodings, left-out keys. */
const SAME: ((d: Desired, r: Draws) => void)[] = [
  () => {},
  (d, r) => {
    // What a later GET shows: another candidacy, an enriched work history.
    const job = r.pick(STARDEX_JOBS);
    d.candidates = [
      ...(d.candidates ?? []),
      { candidate_id: uuidFrom(r.random), job_id: job.id, job_name: job.name, is_archived: false },
    ];
    d.work_experience = (d.work_experience ?? []).map((w) => ({
      ...w,
      company_linkedin_id: r.int(1000, 99_999),
    }));
    d.external_source_id = `ats-${r.int(1000, 9999)}`;
  },
  (d) => {
    d.emails = [...d.emails].reverse(); // order carries no meaning
    d.phones = [...d.phones].reverse();
  },
  (d) => {
    const fields = reversed(d.custom_fields);
    if (fields)
      d.custom_fields = fields.map((f) => (f.values ? { ...f, values: [...f.values].reverse() } : f));
  },
  (d) => {
    // Equivalent encodings: a number with decimals, a date as a timestamp on that day.
    const salary = customValue(d, SALARY);
    if (salary.value != null) salary.value = `${salary.value}.00`;
    const available = customValue(d, AVAILABLE);
    if (available.value != null) available.value = `${available.value.slice(0, 10)}T12:00:00Z`;
  },
  (d) => {
    // Keys a partial desired record leaves out are left as they are.
    delete d.address;
    delete d.linkedin_headline;
    delete d.custom_fields;
  },
];

/**
 * The desired versions of `records`: `changedRatio` of them (chosen by the seed) with one to three
 * realistic edits (a new email, a new work address, a new mobile, a title or employer change, a name
 * correction, custom values edited, a skill, industry or owner added or removed, a field emptied), the
 * rest with the same writable state: only read-only fields changed, contact lists or custom fields
 * reordered, a number or date re-encoded, or keys left out. Every desired record is writable against a
 * simulator seeded with `records`.
 * @example
 * const desired = sampleStardexChanges(records, { seed: 7 });
 * const bodies = records.map((r, i) => diffPerson(r, desired[i]!)).filter((d) => !d.noop);
 */
export function sampleStardexChanges(
  records: readonly StardexPerson[],
  options: SampleChangesOptions = {},
): StardexPerson[] {
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
 * `count` persons a simulator seeded with `sampleStardexRecords` lacks, for upserts: realistic persons
 * without an id, each under a LinkedIn profile of its own (`new-<seed>-<n>`), so each is created once.
 * @example
 * const desired = [...sampleStardexChanges(records, { seed: 2 }), ...sampleStardexNewRecords(10, { seed: 3 })];
 */
export function sampleStardexNewRecords(
  count: number,
  { seed = 1 }: SampleRecordsOptions = {},
): StardexNewPerson[] {
  // Another stream than the seeded records' and the simulator's, so no name or id repeats theirs.
  return sampleStardexRecords(count, { seed: seed ^ 0x3c6e_f372 }).map(
    ({ id: _id, candidate_id: _c, candidates: _j, ...person }, n) => ({
      ...person,
      linkedin_public_id: `new-${seed}-${n + 1}`,
    }),
  );
}
