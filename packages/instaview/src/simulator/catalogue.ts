/**
 * The simulator's seedable catalogue: the company a key belongs to and the jobs candidates can be
 * assigned to. Instaview's spec has no job endpoints, but PATCH and POST check every `jobIds` entry
 * against the jobs of the key's company (unknown: 400, another company's: 403), so the simulator
 * keeps a catalogue of them. The sample records draw from the same catalogue.
 */

/** The company of the simulator's key when `companyId` is not given. */
export const INSTAVIEW_COMPANY_ID = "co_1";

/** A job of the catalogue: its id, the company it belongs to (default the key's), a title. */
export interface InstaviewJob {
  /** A uuid, as `jobIds` holds them. */
  id: string;
  /** The owning company; default the simulator's `companyId`. */
  companyId?: string;
  /** For people reading sample data; the API never returns it. */
  title?: string;
}

const TITLES = [
  "Senior Backend Engineer",
  "Frontend Engineer",
  "Product Designer",
  "Data Analyst",
  "Engineering Manager",
  "DevOps Engineer",
  "QA Engineer",
  "Technical Recruiter",
  "Customer Success Manager",
  "Mobile Engineer (iOS)",
  "Machine Learning Engineer",
  "Sales Development Representative",
] as const;

/**
 * The default job catalogue of a simulator: twelve open positions of the key's company, with fixed
 * version-4 ids (`…-4000-8000-0000000000NN`). `createInstaviewSimulator()` starts with these unless
 * `options.jobs` is given; `sampleInstaviewRecords` assigns candidates to them.
 * @example
 * const sim = createInstaviewSimulator({ jobs: [...INSTAVIEW_JOBS, { id: otherJob, companyId: "co_2" }] });
 */
export const INSTAVIEW_JOBS: readonly InstaviewJob[] = TITLES.map((title, i) => ({
  id: `6f0c1e2d-3b4a-4000-8000-${(i + 1).toString(16).padStart(12, "0")}`,
  title,
}));
