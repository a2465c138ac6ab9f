/** Shared set-up of the simulator tests: a hand-moved clock, transports, a candidate to seed. */
import { afterEach } from "vitest";
import {
  createInstaviewClient,
  type InstaviewCandidate,
  type InstaviewClient,
  type InstaviewClientOptions,
} from "../../src/index.ts";
import { INSTAVIEW_JOBS, type InstaviewSimulator } from "../../src/testing.ts";

export const KEY = "sk_test_4f3e2d1c";

/** The simulator's "today" in these tests. */
export const START = Date.UTC(2026, 0, 15, 9);

/** Jobs of the default catalogue. */
export const [JOB_A, JOB_B, JOB_C] = INSTAVIEW_JOBS.map((j) => j.id) as [string, string, string];

/** A job of another company, and that company. */
export const OTHER_COMPANY = "co_2";
export const OTHER_JOB = "7e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b";

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

/** A candidate as GET returns it, id `…-0000000000NN`. */
export const candidate = (n: number, changes: Partial<InstaviewCandidate> = {}): InstaviewCandidate => ({
  id: `3f1c2a9e-5b7d-4e1a-9c2f-${n.toString(16).padStart(12, "0")}`,
  firstName: `Alex${n}`,
  lastName: "Sample",
  status: "APPLIED",
  createdAt: "2025-11-20T10:30:00Z",
  updatedAt: "2025-11-21T08:15:00Z",
  jobId: JOB_A,
  jobIds: [JOB_A],
  email: `alex${n}@example.com`,
  phoneNumber: "+421900000001",
  gdprExpiryDate: "2027-11-16",
  overallRating: 85,
  metadata: { source: "LinkedIn", nested: { a: 1 } },
  analysisCount: 2,
  interviewCount: 3,
  links: {
    analyses: `/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-${n.toString(16).padStart(12, "0")}/analyses`,
    interviews: `/v1/public/candidates/3f1c2a9e-5b7d-4e1a-9c2f-${n.toString(16).padStart(12, "0")}/interviews`,
  },
  gender: null,
  cvText: "[NAME]\nSoftware Engineer",
  ...changes,
});

export type Transport = "in-process" | "http";
export const TRANSPORTS: Transport[] = ["in-process", "http"];

/** What a test talks to a simulator with: the typed client and raw requests. */
export interface Connection {
  client: InstaviewClient;
  /** A raw request to `path` (with the query), authorized with `KEY` unless `headers` say otherwise. */
  raw(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** Connects to `sim` in-process (its `fetch`) or over loopback HTTP (`listen()`). */
export async function connect(
  sim: InstaviewSimulator,
  transport: Transport,
  options: Partial<InstaviewClientOptions> = {},
): Promise<Connection> {
  const server = transport === "http" ? await sim.listen() : undefined;
  if (server) servers.push(server.close);
  const base = server?.url ?? "https://api.instaview.sk";
  const send = server ? fetch : sim.fetch;
  const client = createInstaviewClient({
    apiKey: KEY,
    ...(server ? { baseUrl: server.url } : { fetch: sim.fetch }),
    retry: false,
    ...options,
  });
  return {
    client,
    raw: (method, path, { body, headers } = {}) =>
      send(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", ...headers },
        ...(body !== undefined && { body }),
      }),
  };
}

/** Runs `call` and returns what it threw. */
export async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}
