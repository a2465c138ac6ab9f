/**
 * The simulator's seedable catalogues: the person custom fields (`GET /v1/custom-fields/persons`), the
 * jobs (`POST /v1/jobs/search`), the companies (`GET /v1/companies`) and the team members a team-member
 * field can hold (the spec has no endpoint for them, but a write names them). PATCH and create check
 * what they name against these; `sampleStardexRecords` draws from the same ones.
 */
import { mulberry32, uuidFrom } from "@patchwise/core/testing";
import type {
  StardexCompanySummary,
  StardexCustomFieldDefinition,
  StardexCustomFieldTag,
  StardexCustomFieldValue,
  StardexJobSummary,
} from "../generated/schema.ts";

/** A custom field's data type, as the read model (assumed) lists them. */
export type StardexDataType = StardexCustomFieldValue["data_type"];

/** A custom field definition whose `data_type` is one the person model knows. */
export type StardexFieldDefinition = StardexCustomFieldDefinition & { data_type: StardexDataType };

/** A member of the team, whose id a team-member field holds. */
export interface StardexTeamMember {
  /** A uuid, as `team_member_ids` holds them. */
  id: string;
  name: string;
  email: string;
}

/** Everything the simulator checks writes against. */
export interface StardexCatalogue {
  customFields: StardexFieldDefinition[];
  jobs: StardexJobSummary[];
  companies: StardexCompanySummary[];
  teamMembers: StardexTeamMember[];
}

/** A fixed version-4 uuid of a catalogue: `<prefix>-…-0000000000NN`. */
const fixed = (prefix: string, n: number) => `${prefix}-4a5b-4c6d-8e7f-${n.toString(16).padStart(12, "0")}`;

/** FNV-1a of a string, for ids that depend on what they name rather than on the order of calls. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}

/**
 * A deterministic uuid for something named by `parts` (a tag of an attribute, a job seen on a seeded
 * record): the same names give the same id whatever else was seeded before.
 * @example derivedId("tag", attributeId, "Remote") // the same uuid on every run
 */
const derivedId = (...parts: string[]): string => uuidFrom(mulberry32(hash(parts.join("\u0000"))));

/** The options of a select field, ids derived from the attribute and the name. */
export const tagsOf = (attributeId: string, names: readonly string[]): StardexCustomFieldTag[] =>
  names.map((name) => ({ id: derivedId("tag", attributeId, name), name, color: null, description: null }));

const field = (
  n: number,
  name: string,
  data_type: StardexDataType,
  tags: readonly string[] = [],
  description: string | null = null,
): StardexFieldDefinition => {
  const id = fixed("5e2d9c1b", n);
  return { id, name, description, data_type, job_id: null, list_id: null, tags: tagsOf(id, tags) };
};

/**
 * The default person custom fields: ten person-wide attributes covering every data type of the model
 * (two numbers, two single-selects, two multi-selects). `createStardexSimulator()` starts with these
 * unless `options.customFields` is given.
 * @example STARDEX_CUSTOM_FIELDS.find((f) => f.data_type === "multi-select")?.tags.map((t) => t.name)
 */
export const STARDEX_CUSTOM_FIELDS: readonly StardexFieldDefinition[] = [
  field(1, "Recruiter notes", "text", [], "Free-text notes from the last screen."),
  field(2, "Expected salary", "number", [], "Yearly, in the candidate's currency."),
  field(3, "Notice period (days)", "number"),
  field(4, "Available from", "date"),
  field(5, "Portfolio", "url"),
  field(6, "Seniority", "single-select", ["Junior", "Mid", "Senior", "Staff", "Principal"]),
  field(7, "Work mode", "single-select", ["Remote", "Hybrid", "On-site"]),
  field(8, "Skills", "multi-select", [
    "TypeScript",
    "Python",
    "Go",
    "Rust",
    "SQL",
    "Kubernetes",
    "AWS",
    "React",
    "Machine Learning",
    "Product Design",
  ]),
  field(9, "Industries", "multi-select", [
    "Fintech",
    "Banking",
    "Healthtech",
    "SaaS",
    "E-commerce",
    "Climate",
  ]),
  field(10, "Owners", "team-member", [], "Recruiters responsible for this person."),
];

/**
 * The default team: the members a team-member field can hold.
 * @example STARDEX_TEAM_MEMBERS[0]?.id // "7a3e5f10-4a5b-4c6d-8e7f-000000000001"
 */
export const STARDEX_TEAM_MEMBERS: readonly StardexTeamMember[] = [
  ["Priya Raman", "priya"],
  ["Tomás Alves", "tomas"],
  ["Hannah Schultz", "hannah"],
  ["Kwame Mensah", "kwame"],
  ["Léa Dubois", "lea"],
  ["Oliver Byrne", "oliver"],
].map(([name, handle], i) => ({
  id: fixed("7a3e5f10", i + 1),
  name: name!,
  email: `${handle}@talent.example`,
}));

/**
 * The default companies (`GET /v1/companies`): clients and the employers sample persons work at.
 * @example STARDEX_COMPANIES.filter((c) => c.is_client).map((c) => c.name)
 */
export const STARDEX_COMPANIES: readonly StardexCompanySummary[] = [
  ["Northwind Analytics", "northwind.example", true],
  ["Example Widgets", "widgets.example", true],
  ["Blue Harbor Bank", "blueharbor.example", true],
  ["Lumen Health", "lumenhealth.example", false],
  ["Analytical Engines Ltd", "engines.example", false],
  ["Green Grid Energy", "greengrid.example", false],
].map(([name, domain, is_client], i) => ({
  id: fixed("3c90c3cc", i + 1),
  name: name as string,
  domain: domain as string,
  linkedin_url: `https://www.linkedin.com/company/${(domain as string).split(".")[0]}`,
  is_client: is_client as boolean,
}));

const client = (n: number) => STARDEX_COMPANIES[n]!;

/**
 * The default jobs (`POST /v1/jobs/search`), whose ids `job_id` takes; `candidate_count` is computed
 * from the store when they are listed.
 * @example STARDEX_JOBS.filter((j) => !j.is_archived).length // 7
 */
export const STARDEX_JOBS: readonly StardexJobSummary[] = [
  ["Senior Backend Engineer", 0, "Lisbon, Portugal", false],
  ["Staff Platform Engineer", 0, "Remote", false],
  ["Frontend Engineer", 1, "London, United Kingdom", false],
  ["Product Designer", 1, "Remote", false],
  ["Head of Data", 2, "Amsterdam, Netherlands", false],
  ["Risk Analyst", 2, "Amsterdam, Netherlands", false],
  ["Engineering Manager", 0, "Berlin, Germany", false],
  ["Machine Learning Engineer", 1, "Remote", true],
].map(([name, company, location, archived], i) => ({
  id: fixed("2a4b6c8d", i + 1),
  name: name as string,
  created_at: new Date(Date.UTC(2025, 8, 1 + i * 7, 9)).toISOString(),
  is_archived: archived as boolean,
  client_company_id: client(company as number).id,
  client_company_name: client(company as number).name,
  job_status_id: null,
  job_status_name: archived ? "Closed" : "Open",
  candidate_count: 0,
  location: location as string,
}));
