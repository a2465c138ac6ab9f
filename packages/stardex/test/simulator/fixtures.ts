/** Shared set-up of the simulator tests: a hand-moved clock, both transports, persons to seed. */
import { afterEach } from "vitest";
import {
  createStardexClient,
  type StardexClient,
  type StardexClientOptions,
  type StardexPerson,
} from "../../src/index.ts";
import {
  createStardexSimulator,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_JOBS,
  STARDEX_TEAM_MEMBERS,
  type StardexSimulator,
  type StardexSimulatorOptions,
} from "../../src/testing.ts";

export const KEY = "sk_stardex_test_5f4e3d2c";

/** The simulator's "now" in these tests. */
export const START = Date.UTC(2026, 0, 15, 9);

/** A clock the test moves by hand (and the client's retry sleep moves for it). */
export function clock(start = START) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const fieldOf = (type: string, nth = 0) => STARDEX_CUSTOM_FIELDS.filter((f) => f.data_type === type)[nth]!;

/** The default custom fields, by kind. */
export const FIELDS = {
  text: fieldOf("text"),
  number: fieldOf("number"),
  date: fieldOf("date"),
  url: fieldOf("url"),
  select: fieldOf("single-select"),
  skills: fieldOf("multi-select"),
  industries: fieldOf("multi-select", 1),
  owners: fieldOf("team-member"),
};

export const [ANA, BEN, CAT] = STARDEX_TEAM_MEMBERS.map((m) => m.id) as [string, string, string];
export const [JOB_A, JOB_B] = STARDEX_JOBS as [(typeof STARDEX_JOBS)[0], (typeof STARDEX_JOBS)[0]];

/** A person as GET returns it, id `…-0000000000NN`, with a value in five custom fields. */
export const person = (n: number, changes: Partial<StardexPerson> = {}): StardexPerson => ({
  id: `0b6f3f3e-5d7a-4a63-9a53-${n.toString(16).padStart(12, "0")}`,
  name: `Sam Placeholder ${n}`,
  first_name: "Sam",
  last_name: `Placeholder ${n}`,
  linkedin_public_id: `sam-placeholder-${n}`,
  current_job_title: "Backend Engineer",
  current_company_name: "Example Widgets",
  current_company_id: null,
  linkedin_location: "Lisbon, Portugal",
  linkedin_headline: "Backend engineer at Example Widgets",
  address: null,
  emails: [
    { contact_data_type: "work", value: `sam${n}@widgets.example` },
    { contact_data_type: "personal", value: `sam${n}@home.example` },
  ],
  phones: [{ contact_data_type: "mobile", value: `+351 910 000 ${String(n).padStart(3, "0")}` }],
  candidate_id: null,
  external_source_id: null,
  work_experience: [],
  education_experience: [],
  certifications: [],
  candidates: [],
  custom_fields: [
    { attribute_id: FIELDS.text.id, data_type: "text", value: "Prefers remote" },
    { attribute_id: FIELDS.number.id, data_type: "number", value: "85000" },
    { attribute_id: FIELDS.select.id, data_type: "single-select", value: "Senior" },
    { attribute_id: FIELDS.skills.id, data_type: "multi-select", values: ["TypeScript", "Go"] },
    { attribute_id: FIELDS.owners.id, data_type: "team-member", team_member_ids: [ANA] },
  ],
  ...changes,
});

export type Transport = "in-process" | "http";
export const TRANSPORTS: Transport[] = ["in-process", "http"];

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/**
 * A simulator and a client talking to it in-process (`fetch: sim.fetch`) or over loopback HTTP
 * (`listen()`, closed after the test). Retries wait nothing unless `clientOptions.retry` says otherwise.
 */
export async function connect(
  transport: Transport,
  options: StardexSimulatorOptions = {},
  clientOptions: Partial<StardexClientOptions> = {},
): Promise<{ sim: StardexSimulator; client: StardexClient }> {
  const sim = createStardexSimulator({ apiKey: KEY, ...options });
  const base: StardexClientOptions = { apiKey: KEY, retry: { sleep: async () => {} } };
  if (transport === "in-process") {
    return { sim, client: createStardexClient({ ...base, fetch: sim.fetch, ...clientOptions }) };
  }
  const { url, close } = await sim.listen();
  servers.push(close);
  return { sim, client: createStardexClient({ ...base, baseUrl: url, ...clientOptions }) };
}
