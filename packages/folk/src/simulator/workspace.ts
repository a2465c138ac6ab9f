/**
 * The workspace a Folk simulator holds besides its people: the groups with the person custom fields
 * they define, the users, the companies and the entities that custom fields reference. Folk's API
 * cannot create groups, fields, users or objects (providers/folk.md "Endpoints"), so they are seeded;
 * companies grow when a PATCH names an unknown one. The default workspace is the one the sample
 * records are drawn from.
 */
import type {
  FolkCompany,
  FolkCustomFieldDefinition,
  FolkEntityRef,
  FolkGroup,
  FolkUser,
} from "../generated/schema.ts";

/** A workspace group and the person custom fields it defines (`GET /v1/groups/{groupId}/custom-fields/person`). */
export interface FolkGroupDefinition extends FolkGroup {
  fields: readonly FolkCustomFieldDefinition[];
}

/** Everything a simulator knows besides its people. */
export interface FolkWorkspace {
  /** Groups (`GET /v1/groups`) and their custom fields; `groups` and `customFieldValues` must name these. */
  groups: readonly FolkGroupDefinition[];
  /** Workspace users: userField values (by id or email) and `createdBy`; the first is the API key's user. */
  users: readonly FolkUser[];
  /** Companies a person can be linked to; `{ name }` in a PATCH adds one when no company has that name. */
  companies: readonly FolkCompany[];
  /** People and companies outside the simulator's people that contactField values may reference. */
  contacts: readonly FolkEntityRef[];
  /** Custom objects that objectField values reference (`obj_…`). */
  objects: readonly FolkEntityRef[];
}

/**
 * A 40-character Folk id (`prefix_` and a version-4-shaped UUID) numbered `n`: fixed ids for catalogues.
 * @example folkSampleId("grp", 1) // "grp_00000001-5a3e-4c1d-8f00-000000000001"
 */
export const folkSampleId = (prefix: "per" | "grp" | "com" | "usr" | "obj", n: number): string =>
  `${prefix}_${n.toString(16).padStart(8, "0")}-5a3e-4c1d-8f00-${n.toString(16).padStart(12, "0")}`;

const COLORS = ["#3b82f6", "#22c55e", "#f59e0b", "#ef4444", "#a855f7", "#14b8a6", "#64748b", "#ec4899"];
const options = (...labels: string[]) => labels.map((label, i) => ({ label, color: COLORS[i % 8]! }));

const USERS: readonly FolkUser[] = [
  ["Sam Recruiter", "sam@talentco.example"],
  ["Jane Doe", "jane@talentco.example"],
  ["Lee Sample", "lee@talentco.example"],
  ["Priya Natarajan", "priya@talentco.example"],
  ["Marco Rossi", "marco@talentco.example"],
  ["Chloé Martin", "chloe@talentco.example"],
].map(([fullName, email], i) => ({ id: folkSampleId("usr", i + 1), fullName: fullName!, email: email! }));

const COMPANIES: readonly FolkCompany[] = [
  "Analytical Engines Ltd",
  "Acme",
  "Globex",
  "Initech",
  "Umbrella Health",
  "Stark Industries",
  "Wayne Enterprises",
  "Hooli",
  "Pied Piper",
  "Vandelay Industries",
  "Soylent Foods",
  "Tyrell Systems",
  "Cyberdyne",
  "Wonka Labs",
  "Oceanic Airlines",
  "Massive Dynamic",
  "Aperture Science",
  "Black Mesa",
  "Monarch Solutions",
  "Northwind Traders",
  "Contoso",
  "Fabrikam",
  "Tailspin Toys",
  "Blue Yonder Airlines",
].map((name, i) => ({ id: folkSampleId("com", i + 1), name }));

const CONTACTS: readonly FolkEntityRef[] = [
  "Bob Smith",
  "Ann Other",
  "Kofi Mensah",
  "Yuki Tanaka",
  "Lucía Fernández",
  "Tom Baker",
  "Ines Duarte",
  "Olivier Dubois",
].map((fullName, i) => ({ id: folkSampleId("per", 0x9000 + i), fullName, entityType: "person" }));

const OBJECTS: readonly FolkEntityRef[] = [
  "Project Apollo",
  "Project Gemini",
  "Series A round",
  "Platform rewrite",
  "Hiring plan 2026",
].map((fullName, i) => ({ id: folkSampleId("obj", i + 1), fullName, entityType: "object" }));

const GROUPS: readonly FolkGroupDefinition[] = [
  {
    id: folkSampleId("grp", 1),
    name: "Engineering candidates",
    fields: [
      {
        name: "Stage",
        type: "singleSelect",
        options: options("Sourced", "Screening", "Interview", "Offer", "Hired", "Rejected"),
      },
      {
        name: "Skills",
        type: "multipleSelect",
        options: options("TypeScript", "Go", "Rust", "Python", "Kotlin", "SQL", "React", "Kubernetes"),
      },
      { name: "Years of experience", type: "numericField", config: { format: "number" } },
      { name: "Available from", type: "dateField" },
      { name: "Owner", type: "userField" },
      { name: "Referred by", type: "contactField" },
      { name: "Notes", type: "textField" },
      { name: "Summary", type: "magicField" },
    ],
  },
  {
    id: folkSampleId("grp", 2),
    name: "Sales candidates",
    fields: [
      {
        name: "Stage",
        type: "singleSelect",
        options: options("Sourced", "Phone screen", "Onsite", "Offer", "Hired"),
      },
      { name: "Territory", type: "singleSelect", options: options("EMEA", "NA", "APAC", "LATAM") },
      { name: "Quota attainment", type: "numericField", config: { format: "percent" } },
      {
        name: "Languages",
        type: "multipleSelect",
        options: options("English", "French", "German", "Spanish", "Italian", "Dutch"),
      },
      { name: "Recruiter", type: "userField" },
      { name: "Last contacted", type: "dateField" },
      { name: "Target accounts", type: "contactField" },
      { name: "Notes", type: "textField" },
    ],
  },
  {
    id: folkSampleId("grp", 3),
    name: "Talent pool",
    fields: [
      {
        name: "Seniority",
        type: "singleSelect",
        options: options("Junior", "Mid", "Senior", "Staff", "Principal"),
      },
      {
        name: "Interests",
        type: "multipleSelect",
        options: options("Remote", "Relocation", "Startup", "Scale-up", "Leadership"),
      },
      { name: "Expected salary", type: "numericField", config: { format: "currency", currency: "EUR" } },
      { name: "Notice period (days)", type: "numericField", config: { format: "number" } },
      {
        name: "Source",
        type: "singleSelect",
        options: options("LinkedIn", "Referral", "Event", "Inbound", "Agency"),
      },
      { name: "Projects", type: "objectField" },
      { name: "Next check-in", type: "dateField" },
      { name: "Comments", type: "textField" },
    ],
  },
  {
    id: folkSampleId("grp", 4),
    name: "Investors",
    fields: [
      { name: "Ticket", type: "numericField", config: { format: "currency", currency: "USD" } },
      {
        name: "Stage",
        type: "singleSelect",
        options: options("Intro", "Diligence", "Term sheet", "Closed"),
      },
      {
        name: "Sectors",
        type: "multipleSelect",
        options: options("B2B", "B2C", "Fintech", "Healthtech", "Climate"),
      },
      { name: "Portfolio", type: "objectField" },
      { name: "Partner", type: "contactField" },
      { name: "Owner", type: "userField" },
      { name: "First meeting", type: "dateField" },
      { name: "Summary", type: "magicField" },
    ],
  },
  {
    id: folkSampleId("grp", 5),
    name: "Advisors",
    fields: [
      {
        name: "Expertise",
        type: "multipleSelect",
        options: options("Hiring", "Product", "Fundraising", "Go-to-market", "Engineering"),
      },
      { name: "Equity (%)", type: "numericField", config: { format: "percent" } },
      { name: "Since", type: "dateField" },
      { name: "Champion", type: "userField" },
      { name: "Introduced by", type: "contactField" },
      { name: "Status", type: "singleSelect", options: options("Active", "Paused", "Alumni") },
      { name: "Bio", type: "textField" },
      { name: "Highlights", type: "magicField" },
    ],
  },
  { id: folkSampleId("grp", 6), name: "Newsletter", fields: [] },
];

/**
 * The workspace of `createFolkSimulator()` when none is given, and of the sample records: six groups
 * (five with eight custom fields covering every field type, one without fields), six users, 24
 * companies, eight outside contacts and five custom objects.
 * @example
 * const sim = createFolkSimulator({ workspace: { ...FOLK_WORKSPACE, users: [me, ...FOLK_WORKSPACE.users] } });
 */
export const FOLK_WORKSPACE: FolkWorkspace = {
  groups: GROUPS,
  users: USERS,
  companies: COMPANIES,
  contacts: CONTACTS,
  objects: OBJECTS,
};
