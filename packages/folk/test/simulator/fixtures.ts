/**
 * What the simulator tests share: a person of the test workspace (test/arbitraries.ts), a clock, and
 * the two transports every behaviour is checked over — in-process (`sim.fetch`) and real loopback HTTP
 * (`sim.listen()` and the global fetch).
 */
import { afterEach } from "vitest";
import {
  createFolkClient,
  type FolkClient,
  type FolkClientOptions,
  type FolkPerson,
} from "../../src/index.ts";
import { createFolkSimulator, type FolkSimulator, type FolkSimulatorOptions } from "../../src/testing.ts";
import { COMPANIES, folkId, USERS, WORKSPACE } from "../arbitraries.ts";

export const G1 = folkId("grp", 1); // Engineering candidates
export const G2 = folkId("grp", 2); // Investors
export const G3 = folkId("grp", 3); // Newsletter
export const G4 = folkId("grp", 4); // Board (no fields)
export const [SAM, JANE, LEE] = [USERS[0]!, USERS[1]!, USERS[2]!];
export const [ACME, TECH] = [COMPANIES[3]!, COMPANIES[1]!];
export const BOB = { id: folkId("per", 101), fullName: "Bob Smith", entityType: "person" as const };
export const HR = { id: folkId("com", 101), fullName: "HR services", entityType: "company" as const };
export const APOLLO = { id: folkId("obj", 1), fullName: "Project Apollo", entityType: "object" as const };
export const NOW = new Date("2026-01-05T09:30:00.000Z");

/** A person as the simulator reads it back: every field of each of its groups, unset ones null. */
export const ADA: FolkPerson = {
  id: folkId("per", 1),
  firstName: "Ada",
  lastName: "Lovelace",
  fullName: "Ada Lovelace",
  description: "Met at a meetup.",
  birthday: "1815-12-10",
  jobTitle: "Analyst",
  createdAt: "2025-01-15T10:00:00.000Z",
  createdBy: SAM,
  groups: [
    { id: G1, name: "Engineering candidates" },
    { id: G2, name: "Investors" },
  ],
  companies: [ACME, TECH],
  addresses: ["1 Sample Street, Springfield"],
  emails: ["ada@example.com", "ada@work.example.org"],
  phones: ["+15550100100"],
  urls: ["https://example.com/ada"],
  customFieldValues: {
    [G1]: {
      Stage: "Interview",
      Skills: ["TypeScript", "Go"],
      "Years of experience": "7",
      "Available from": "2025-09-01",
      Owner: [SAM],
      "Referred by": [BOB, HR],
      Notes: null,
    },
    [G2]: { Ticket: "42", Stage: null, Tags: null, Project: [APOLLO], Summary: "Angel, fintech." },
  },
  interactionMetadata: {
    user: { approximateCount: 3, lastInteractedAt: "2025-05-01T00:00:00Z" },
    workspace: { approximateCount: 5, lastInteractedAt: "2025-05-01T00:00:00Z", lastInteractedBy: [SAM] },
  },
  strongestConnection: { [G1]: SAM },
};

/** A second person, in no group. */
export const GRACE: FolkPerson = {
  ...ADA,
  id: folkId("per", 2),
  firstName: "Grace",
  lastName: "Hopper",
  fullName: "Grace Hopper",
  birthday: null,
  jobTitle: "Rear Admiral",
  groups: [],
  companies: [TECH],
  emails: ["grace@navy.example.mil"],
  phones: [],
  customFieldValues: {},
  strongestConnection: {},
};

/** A simulator over the test workspace with a fixed clock. */
export const simulator = (options: FolkSimulatorOptions = {}): FolkSimulator =>
  createFolkSimulator({ workspace: WORKSPACE, now: () => NOW, ...options });

export type Transport = "in-process" | "http";
export const TRANSPORTS: Transport[] = ["in-process", "http"];

export interface Connection {
  folk: FolkClient;
  /** A request the typed client cannot send (bad JSON, unknown keys, no key): `Authorization` set unless given. */
  raw(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  base: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A client of `sim` over `transport` (closed after the test). */
export async function connect(
  sim: FolkSimulator,
  transport: Transport,
  options: Partial<FolkClientOptions> = {},
): Promise<Connection> {
  const server = transport === "http" ? await sim.listen() : undefined;
  if (server) closers.push(server.close);
  const base = server?.url ?? "https://api.folk.app";
  const send = server ? fetch : sim.fetch;
  const folk = createFolkClient({
    apiKey: sim.apiKey,
    ...(server ? { baseUrl: server.url } : { fetch: sim.fetch }),
    retry: { sleep: async () => {} },
    ...options,
  });
  return {
    folk,
    base,
    raw: (method, path, { body, headers } = {}) =>
      send(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${sim.apiKey}`, "content-type": "application/json", ...headers },
        ...(body !== undefined && { body }),
      }),
  };
}

/** Collects an async iterable. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The error envelope of a response, for assertions. */
export async function errorOf(response: Response) {
  return (
    (await response.json()) as { error: Record<string, unknown> & { details?: { issues?: unknown[] } } }
  ).error;
}
