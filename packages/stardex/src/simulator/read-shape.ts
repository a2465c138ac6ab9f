/**
 * How the simulator stores a person and writes it back in Stardex's read shape (GET `Person`): every
 * field present, in the spec's order, nullable ones `null` when unset; and the summary create returns.
 */
import type {
  StardexCandidacy,
  StardexCertification,
  StardexContactValue,
  StardexEducationExperience,
  StardexPerson,
  StardexPersonCreated,
  StardexWorkExperience,
} from "../generated/schema.ts";
import { type StoredValues, storedValue } from "./custom-values.ts";

/** A person as the store keeps it: the read shape, mutable, plus what only a create sets. */
export interface StoredPerson {
  id: string;
  name: string;
  first_name: string | null;
  last_name: string | null;
  linkedin_public_id: string | null;
  current_job_title: string | null;
  current_company_name: string | null;
  current_company_id: string | null;
  linkedin_location: string | null;
  linkedin_headline: string | null;
  address: string | null;
  emails: StardexContactValue[];
  phones: StardexContactValue[];
  candidate_id: string | null;
  external_source_id: string | null;
  work_experience: StardexWorkExperience[];
  education_experience: StardexEducationExperience[];
  certifications: StardexCertification[];
  candidates: StardexCandidacy[];
  custom: StoredValues;
  /** Set by create's `client_id` / `client_name`; shown in the create summary only. */
  client_contact_id: string | null;
  /** Create's first note: kept, never read back (no notes endpoint in the spec). */
  notes: string[];
}

const LINKEDIN_HOST = /(?:^|\.)linkedin\.com$/i;
const PROFILE_PATH = /^\/in\/([^/]+)\/?$/;

/**
 * The public id of a LinkedIn profile URL (`http(s)://[www.|xx.]linkedin.com/in/<id>[/]`, any query or
 * fragment ignored, percent-escapes decoded); `undefined` for anything else.
 * @example linkedinPublicId("https://linkedin.com/in/jos%C3%A9-garc%C3%ADa/") // "josé-garcía"
 */
export function linkedinPublicId(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol) || !LINKEDIN_HOST.test(parsed.hostname)) return undefined;
  const segment = PROFILE_PATH.exec(parsed.pathname)?.[1];
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * What persons de-duplicate on: the public id, case-folded (LinkedIn profile URLs are case-insensitive).
 * @example dedupKey("Sam-Placeholder") === dedupKey("sam-placeholder") // true
 */
export const dedupKey = (publicId: string | null): string | undefined => publicId?.toLowerCase() || undefined;

const contacts = (list: readonly StardexContactValue[] | null | undefined): StardexContactValue[] =>
  (list ?? []).map(({ contact_data_type, value }) => ({ contact_data_type, value }));

/**
 * A seed record as the store keeps it: its fields deep-copied, missing ones `null` / `[]`, contact
 * entries reduced to their two keys, custom values stored as a PATCH would store them (see
 * `storedValue`; empty ones dropped).
 */
export function storedFrom(record: StardexPerson): StoredPerson {
  const r = structuredClone(record);
  const custom: StoredValues = new Map();
  for (const field of r.custom_fields ?? []) {
    const value = storedValue(field);
    if (value) custom.set(field.attribute_id, value);
    else custom.delete(field.attribute_id);
  }
  return {
    id: r.id,
    name: r.name,
    first_name: r.first_name ?? null,
    last_name: r.last_name ?? null,
    linkedin_public_id: r.linkedin_public_id ?? null,
    current_job_title: r.current_job_title ?? null,
    current_company_name: r.current_company_name ?? null,
    current_company_id: r.current_company_id ?? null,
    linkedin_location: r.linkedin_location ?? null,
    linkedin_headline: r.linkedin_headline ?? null,
    address: r.address ?? null,
    emails: contacts(r.emails),
    phones: contacts(r.phones),
    candidate_id: r.candidate_id ?? null,
    external_source_id: r.external_source_id ?? null,
    work_experience: r.work_experience ?? [],
    education_experience: r.education_experience ?? [],
    certifications: r.certifications ?? [],
    candidates: r.candidates ?? [],
    custom,
    client_contact_id: null,
    notes: [],
  };
}

/** A stored person as GET (and search) returns it: a deep copy in the spec's key order. */
export function readShape(p: StoredPerson): StardexPerson {
  return structuredClone({
    id: p.id,
    name: p.name,
    first_name: p.first_name,
    last_name: p.last_name,
    linkedin_public_id: p.linkedin_public_id,
    current_job_title: p.current_job_title,
    current_company_name: p.current_company_name,
    current_company_id: p.current_company_id,
    linkedin_location: p.linkedin_location,
    linkedin_headline: p.linkedin_headline,
    address: p.address,
    emails: p.emails,
    phones: p.phones,
    candidate_id: p.candidate_id,
    external_source_id: p.external_source_id,
    work_experience: p.work_experience,
    education_experience: p.education_experience,
    certifications: p.certifications,
    candidates: p.candidates,
    custom_fields: [...p.custom.values()],
  });
}

/** The summary create returns (`PersonCreated`: the employer under `company_name`, as the docs show). */
export function createdSummary(p: StoredPerson): StardexPersonCreated {
  return structuredClone({
    id: p.id,
    name: p.name,
    linkedin_public_id: p.linkedin_public_id,
    current_job_title: p.current_job_title,
    company_name: p.current_company_name,
    linkedin_location: p.linkedin_location,
    emails: p.emails,
    phones: p.phones,
    candidate_id: p.candidate_id,
    client_contact_id: p.client_contact_id,
    external_source_id: p.external_source_id,
  });
}
