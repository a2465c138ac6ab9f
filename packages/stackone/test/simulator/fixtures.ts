/** Shared set-up of the simulator tests: a hand-moved clock, transports, candidates to seed. */
import { afterEach } from "vitest";
import {
  createStackOneClient,
  type StackOneCandidate,
  type StackOneClient,
  type StackOneClientOptions,
} from "../../src/index.ts";
import type { StackOneSeedRecord, StackOneSimulator } from "../../src/testing.ts";

export const KEY = "sk_test_4f3e2d1c";
export const ACCOUNT = "45355976281015164504";
export const BASIC = `Basic ${btoa(`${KEY}:`)}`;

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

/** Custom field definitions the hand-written candidates use. */
export const NOTICE_ID = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"; // "Notice period", in the default catalogue

/** A candidate as GET (with `include=custom_fields`) returns it, id `…-0000000000NN`. */
export const candidate = (
  n: number,
  changes: Partial<Omit<StackOneCandidate, "id">> = {},
): StackOneSeedRecord => ({
  id: `c0a8012e-7d3f-4b8e-9a51-${n.toString(16).padStart(12, "0")}`,
  remote_id: String(48_000 + n),
  name: `Alex${n} Example`,
  first_name: `Alex${n}`,
  last_name: "Example",
  email: `alex${n}@example.com`,
  emails: [
    { type: "personal", value: `alex${n}@example.com` },
    { type: "work", value: `alex${n}@work.example` },
  ],
  social_links: [{ type: "linkedin", url: `https://www.linkedin.com/in/alex${n}` }],
  phone: "+447700900123",
  phone_numbers: [{ type: "mobile", phone: "+447700900123" }],
  company: "Example Ltd",
  title: "Data Engineer",
  country: "United Kingdom",
  application_ids: ["5b1d2c3e-0f4a-4e6b-8c7d-9a0b1c2d3e4f"],
  remote_application_ids: ["99120"],
  hired_at: null,
  custom_fields: [
    {
      id: NOTICE_ID,
      remote_id: "701",
      name: "Notice period",
      value: "1 month",
      value_id: "8b0d6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e03",
      remote_value_id: "701-3",
    },
  ],
  unified_custom_fields: { source_ref: `REF-${1000 + n}` },
  tags: [{ remote_id: "12", name: "Referral" }],
  created_at: "2024-03-04T09:15:00.000Z",
  updated_at: new Date(Date.UTC(2025, 0, n)).toISOString(),
  ...changes,
});

/** A candidate without its custom fields: what GET returns without `include=custom_fields`. */
export function withoutCustomFields(record: StackOneCandidate): StackOneCandidate {
  const { custom_fields: _, ...rest } = record;
  return rest;
}

export type Transport = "in-process" | "http";
export const TRANSPORTS: Transport[] = ["in-process", "http"];

/** What a test talks to a simulator with: the typed client and raw requests. */
export interface Connection {
  client: StackOneClient;
  /** A raw request to `path` (with the query), with Basic auth and `x-account-id` unless `headers` replace them (`null` removes one). */
  raw(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string | null> },
  ): Promise<Response>;
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** Connects to `sim` in-process (its `fetch`) or over loopback HTTP (`listen()`). */
export async function connect(
  sim: StackOneSimulator,
  transport: Transport,
  options: Partial<StackOneClientOptions> = {},
): Promise<Connection> {
  const server = transport === "http" ? await sim.listen() : undefined;
  if (server) servers.push(server.close);
  const base = server?.url ?? "https://api.stackone.com";
  const send = server ? fetch : sim.fetch;
  const client = createStackOneClient({
    apiKey: KEY,
    accountId: ACCOUNT,
    ...(server ? { baseUrl: server.url } : { fetch: sim.fetch }),
    retry: false,
    ...options,
  });
  return {
    client,
    raw: (method, path, { body, headers = {} } = {}) => {
      const all: Record<string, string | null> = {
        authorization: BASIC,
        "x-account-id": ACCOUNT,
        "content-type": "application/json",
        ...headers,
      };
      const sent = Object.fromEntries(
        Object.entries(all).filter((e): e is [string, string] => e[1] !== null),
      );
      return send(`${base}${path}`, { method, headers: sent, ...(body !== undefined && { body }) });
    },
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

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
