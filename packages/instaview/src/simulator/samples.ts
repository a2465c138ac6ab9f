/**
 * Realistic, deterministic Instaview candidates and desired versions of them, for the CLI demo, the
 * benchmarks and users' own tests. Both draw from the simulator's job catalogue, so a simulator seeded
 * with the records accepts every desired record's diff.
 */
import { mulberry32, type Random, uuidFrom } from "@patchwise/core/testing";
import type { InstaviewNewCandidate } from "../create.ts";
import type { InstaviewCandidate, InstaviewCandidateStatus } from "../generated/schema.ts";
import { INSTAVIEW_JOBS } from "./catalogue.ts";
import { linksOf, type StoredCandidate } from "./read-shape.ts";

/** Options of `sampleInstaviewRecords`. */
export interface SampleRecordsOptions {
  /** The same seed gives the same records (default 1). */
  seed?: number;
}

/** Options of `sampleInstaviewChanges`. */
export interface SampleChangesOptions {
  /** The same seed gives the same changes (default 1). */
  seed?: number;
  /** Share of the records given a real change (default 1/3); the rest are equivalent. */
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
  "Mária",
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
  "Novák",
  "Müller",
  "Kováčová",
  "Wei",
  "Okafor",
  "García",
];
const DOMAINS = ["example.com", "mail.example.org", "example.net"];
const SOURCES = ["LinkedIn", "Referral", "Careers page", "Indeed", "Agency", "Event"];
const CITIES: [string, string][] = [
  ["Bratislava", "SK"],
  ["Prague", "CZ"],
  ["Vienna", "AT"],
  ["Berlin", "DE"],
  ["Lisbon", "PT"],
];
const SKILLS = ["typescript", "react", "postgres", "kubernetes", "python", "figma", "sql", "go", "aws"];
const STATUSES: InstaviewCandidateStatus[] = ["APPLIED", "IN_PROCESS", "REJECTED", "ACCEPTED", "UNDEFINED"];
/** Where a candidate moves next in the pipeline (APPLIED → IN_PROCESS → ACCEPTED, or REJECTED). */
const NEXT: Record<InstaviewCandidateStatus, InstaviewCandidateStatus> = {
  UNDEFINED: "APPLIED",
  APPLIED: "IN_PROCESS",
  IN_PROCESS: "ACCEPTED",
  ACCEPTED: "REJECTED",
  REJECTED: "APPLIED",
};

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 6, 8); // the first sample candidate's creation
const GDPR_FROM = Date.UTC(2029, 0, 1); // sample GDPR dates: 2029 to 2032, after today for years

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

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const second = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase();

/** A CV as the server returns it: anonymized, a few hundred characters. */
function cvOf(title: string, skills: string[], years: number, city: string): string {
  return [
    "[NAME]",
    title,
    `${city} · [EMAIL] · [PHONE]`,
    "",
    "Summary",
    `${years} years building and shipping products in small, cross-functional teams.`,
    "",
    "Experience",
    `- ${title}, [COMPANY] (${2025 - years}–present): led a migration, mentored two juniors, owned on-call.`,
    "- Earlier roles at [COMPANY] and [COMPANY].",
    "",
    `Skills: ${skills.join(", ")}`,
  ].join("\n");
}

/**
 * `count` Instaview candidates as GET returns them, the same for the same seed: 1–3 jobs of
 * `INSTAVIEW_JOBS`, metadata of about ten keys (some nested), contact fields, a GDPR date in 2029–2032,
 * an anonymized CV. `createInstaviewSimulator({ records })` takes them as they are.
 * @example
 * const records = sampleInstaviewRecords(1000, { seed: 7 });
 * const sim = createInstaviewSimulator({ records });
 */
export function sampleInstaviewRecords(
  count: number,
  options: SampleRecordsOptions = {},
): InstaviewCandidate[] {
  const random = mulberry32(options.seed ?? 1);
  const { int, pick, chance, some } = draws(random);
  return Array.from({ length: count }, (_, n): InstaviewCandidate => {
    const id = uuidFrom(random);
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    const jobs = some(INSTAVIEW_JOBS, int(1, 3));
    const jobIds = jobs.map((j) => j.id);
    const created = EPOCH + n * 3_600_000 + int(0, 3_599) * 1000;
    const [city, country] = pick(CITIES);
    const skills = some(SKILLS, int(2, 4));
    const years = int(1, 15);
    const interviews = int(0, 4);
    const record: StoredCandidate = {
      id,
      firstName,
      lastName,
      status: pick(STATUSES),
      createdAt: second(created),
      updatedAt: second(created + int(0, 90) * DAY_MS + int(0, 86_399) * 1000),
      jobId: jobIds[0] ?? null,
      jobIds,
      email: `${ascii(firstName)}.${ascii(lastName)}${n}@${pick(DOMAINS)}`,
      phoneNumber: chance(0.85) ? `+4219${String(int(0, 99_999_999)).padStart(8, "0")}` : null,
      gdprExpiryDate: day(GDPR_FROM + int(0, 4 * 365) * DAY_MS),
      overallRating: interviews ? int(20, 98) : null,
      metadata: {
        source: pick(SOURCES),
        ...(chance(0.4) && { referredBy: `${pick(FIRST)} ${pick(LAST)}` }),
        externalId: `CAND-${String(10_000 + n).padStart(6, "0")}`,
        tags: skills,
        address: { city, country },
        salaryExpectation: { amount: int(30, 120) * 1000, currency: "EUR", period: "year" },
        noticePeriodDays: pick([0, 14, 30, 60, 90]),
        remote: chance(0.6),
        linkedinUrl: `https://www.linkedin.com/in/${ascii(firstName)}-${ascii(lastName)}-${n}`,
        scores: { technical: int(1, 5), communication: int(1, 5) },
        ...(chance(0.3) && { ats: { system: "Greenhouse", ids: { candidate: int(1e5, 1e6) } } }),
      },
      analysisCount: interviews + int(0, 2),
      interviewCount: interviews,
      links: linksOf(id),
      gender: chance(0.7) ? null : pick(["male", "female"] as const),
      cvText: cvOf(jobs[0]?.title ?? "Engineer", skills, years, city),
    };
    return record;
  });
}

type Desired = { -readonly [K in keyof InstaviewCandidate]: InstaviewCandidate[K] };
type Draws = ReturnType<typeof draws>;

/** Realistic edits of writable fields; each changes the state it is given. */
const EDITS: ((d: Desired, r: Draws, n: number) => void)[] = [
  (d, r, n) => {
    d.email = `${ascii(d.firstName)}.${ascii(d.lastName)}.${n}@new-${r.pick(DOMAINS)}`; // a new email
  },
  (d, r) => {
    d.phoneNumber = `+4209${String(r.int(0, 99_999_999)).padStart(8, "0")}`; // a new phone number
  },
  (d) => {
    d.status = NEXT[d.status]; // moved along the pipeline
  },
  (d, r) => {
    // A name corrected.
    if (r.chance(0.5)) d.lastName = r.pick(LAST.filter((l) => l !== d.lastName));
    else d.firstName = r.pick(FIRST.filter((f) => f !== d.firstName));
  },
  (d, r) => {
    // A job added (a new primary, first) or, with several, one removed.
    const free = INSTAVIEW_JOBS.filter((j) => !d.jobIds.includes(j.id));
    if (d.jobIds.length > 1 && r.chance(0.4)) {
      const gone = r.int(0, d.jobIds.length - 1);
      d.jobIds = d.jobIds.filter((_, i) => i !== gone);
    } else d.jobIds = [r.pick(free).id, ...d.jobIds];
  },
  (d, r) => {
    // Custom fields edited: a score, a nested value, a key added or removed.
    const m = structuredClone(d.metadata ?? {}) as Record<string, unknown>;
    const scores = (m.scores ?? {}) as Record<string, number>;
    m.scores = { ...scores, technical: ((scores.technical ?? 0) % 5) + 1 };
    if (r.chance(0.5)) m.address = { ...(m.address as object), city: r.pick(CITIES)[0], relocating: true };
    if ("referredBy" in m) delete m.referredBy;
    else m.interviewSlot = "2026-12-01T09:00:00Z";
    d.metadata = m;
  },
  (d, r) => {
    d.gender = d.gender == null ? r.pick(["male", "female"] as const) : null; // override set or cleared
  },
  (d, r) => {
    const from = Date.parse(d.gdprExpiryDate);
    d.gdprExpiryDate = day(from + r.int(365, 730) * DAY_MS); // consent extended by a year or two
  },
];

/** Edits that keep the writable state: read-only fields, re-encodings, a reorder. */
const SAME: ((d: Desired, r: Draws) => void)[] = [
  () => {},
  (d, r) => {
    // What a later GET shows: a new updatedAt, rating and counts, a re-anonymized CV.
    d.updatedAt = "2026-11-20T10:30:00Z";
    d.overallRating = r.int(0, 100);
    d.interviewCount = (d.interviewCount ?? 0) + 1;
    d.analysisCount = (d.analysisCount ?? 0) + 1;
    d.cvText = `${d.cvText ?? ""}\n[UPDATED]`;
  },
  (d) => {
    d.jobIds = [...d.jobIds].reverse(); // order carries no meaning
  },
  (d) => {
    const m = d.metadata ?? {};
    d.metadata = Object.fromEntries(Object.entries(m).reverse()); // key order carries no meaning
  },
  (d) => {
    d.gdprExpiryDate = `${d.gdprExpiryDate.slice(0, 10)}T00:00:00.000Z`; // the planned timestamptz
  },
];

/**
 * The desired versions of `records`: `changedRatio` of them (chosen by the seed) with one to three
 * realistic edits (a new email or phone, the next status, a corrected name, a job added or removed,
 * custom fields edited, gender set or cleared, the GDPR date extended), the rest the same state with
 * only read-only fields changed, jobs or metadata keys reordered, or the date as a timestamp. Every
 * desired record is writable against a simulator seeded with `records`.
 * @example
 * const desired = sampleInstaviewChanges(records, { seed: 7 });
 * const bodies = records.map((r, i) => diffCandidate(r, desired[i]!)).filter((d) => !d.noop);
 */
export function sampleInstaviewChanges(
  records: readonly InstaviewCandidate[],
  options: SampleChangesOptions = {},
): InstaviewCandidate[] {
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
 * `count` candidates a simulator seeded with `sampleInstaviewRecords` lacks, for upserts: realistic
 * candidates without an id, each under an email of its own (`new-<seed>-<n>@sample.example`), with a
 * consent date a year ahead of `now` (create requires a future one), so each is created once.
 * @example
 * const desired = [...sampleInstaviewChanges(records, { seed: 2 }), ...sampleInstaviewNewRecords(10, { seed: 3 })];
 */
export function sampleInstaviewNewRecords(
  count: number,
  { seed = 1, now = new Date() }: SampleRecordsOptions & { now?: Date } = {},
): InstaviewNewCandidate[] {
  const consent = new Date(+now + 366 * 86_400_000).toISOString().slice(0, 10);
  // Another stream than the seeded records' and the simulator's, so no email or id repeats theirs.
  return sampleInstaviewRecords(count, { seed: seed ^ 0x3c6e_f372 }).map(
    ({ id: _id, createdAt: _c, updatedAt: _u, jobId: _j, links: _l, ...candidate }, n) => ({
      ...candidate,
      email: `new-${seed}-${n + 1}@sample.example`,
      gdprExpiryDate: consent,
    }),
  );
}
