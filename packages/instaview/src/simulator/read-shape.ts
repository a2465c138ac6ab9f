/**
 * How the simulator stores a candidate and writes it back in Instaview's read shape (GET `Candidate`):
 * every field present, in the vendor's order, server-set fields filled in, the GDPR expiry date as
 * a day, the CV text anonymized.
 */
import type { InstaviewCandidate } from "../generated/schema.ts";

/** A candidate to seed: the read shape (what GET returns), plus the company it belongs to. */
export type InstaviewSeedRecord = InstaviewCandidate & {
  /** The owning company; default the simulator's `companyId`. Never part of a response. */
  companyId?: string;
};

/** How GET writes `gdprExpiryDate`: a date today; a timestamp once the vendor moves to timestamptz. */
export type GdprDateFormat = "date" | "timestamp";

/** The read shape with its read-only markers removed, for the store to update in place. */
export type StoredCandidate = { -readonly [K in keyof InstaviewCandidate]-?: InstaviewCandidate[K] };

const ZONED = /(?:[zZ]|[+-]\d\d:?\d\d)$/;
const LOCAL_TIMESTAMP = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

/**
 * The `YYYY-MM-DD` day a GDPR expiry date is stored as: a date as it is, a zoned timestamp its UTC
 * day (a timestamptz column), a zoneless one its written date; anything else unchanged.
 * @example gdprDay("2030-01-02T23:00:00-05:00") // "2030-01-03"
 */
function gdprDay(value: string): string {
  if (LOCAL_TIMESTAMP.test(value)) return value.slice(0, 10);
  const t = value.length > 10 && ZONED.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? value : new Date(t).toISOString().slice(0, 10);
}

/** `links` of a candidate, with the `/v1/public` prefix the vendor's responses show. */
export const linksOf = (id: string): NonNullable<InstaviewCandidate["links"]> => ({
  analyses: `/v1/public/candidates/${id}/analyses`,
  interviews: `/v1/public/candidates/${id}/interviews`,
});

/**
 * A seed record as the store keeps it: the fields it gives (deep-copied, `companyId` dropped), the
 * others filled as the server would (`jobId` the first job, counts 0, `links` from the id, contact
 * fields, rating, gender and CV null, metadata `{}`), the GDPR date as its day.
 */
export function storedFrom(seed: InstaviewSeedRecord): StoredCandidate {
  const { companyId: _, ...record } = structuredClone(seed);
  const jobIds = [...new Set(record.jobIds)];
  return {
    id: record.id,
    firstName: record.firstName,
    lastName: record.lastName,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    jobId: record.jobId === undefined ? (jobIds[0] ?? null) : record.jobId,
    jobIds,
    email: record.email ?? null,
    phoneNumber: record.phoneNumber ?? null,
    gdprExpiryDate: gdprDay(record.gdprExpiryDate),
    overallRating: record.overallRating ?? null,
    metadata: record.metadata ?? {},
    analysisCount: record.analysisCount ?? 0,
    interviewCount: record.interviewCount ?? 0,
    links: record.links ?? linksOf(record.id),
    gender: record.gender ?? null,
    cvText: record.cvText ?? null,
  };
}

/** A stored candidate as GET returns it: a deep copy, the GDPR day in the configured format. */
export function readShape(stored: StoredCandidate, format: GdprDateFormat): InstaviewCandidate {
  const day = stored.gdprExpiryDate;
  const gdprExpiryDate =
    format === "timestamp" && /^\d{4}-\d\d-\d\d$/.test(day) ? `${day}T00:00:00.000Z` : day;
  return { ...structuredClone(stored), gdprExpiryDate };
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /\+?\d[\d ().-]{6,}\d/g;

/**
 * The CV text as the server stores it: the candidate's names (`names`), emails and phone numbers
 * replaced by placeholders. The vendor anonymizes every CV, so what GET returns never equals what was
 * sent: a text with nothing to replace is marked as anonymized instead.
 * @example anonymize("Ada Lovelace\nada@example.com", ["Ada", "Lovelace"]) // "[NAME] [NAME]\n[EMAIL]"
 */
export function anonymize(text: string, names: readonly string[]): string {
  let out = text.replace(EMAIL, "[EMAIL]").replace(PHONE, "[PHONE]");
  for (const name of names) if (name.trim()) out = out.replaceAll(name, "[NAME]");
  return out === text ? `[ANONYMIZED]\n${text}` : out;
}
