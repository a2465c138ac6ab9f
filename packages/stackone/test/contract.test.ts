/**
 * The contract of a minimal PATCH (DESIGN.md, "What minimal means"), held by `diffCandidate` against
 * the simulator through the real client, over generated before/after pairs:
 * 1 correct, 2 minimal, 3 no-op, 4 valid, 5 deterministic.
 * PATCHWISE_RUNS sets the pairs per property (default 1000; `test:deep` runs 100 000).
 */
import { fc, test } from "@fast-check/vitest";
import { beforeEach, describe, expect } from "vitest";
import {
  createStackOneClient,
  diffCandidate,
  type StackOneCandidate,
  type StackOneCandidatePatch,
  unwrap,
} from "../src/index.ts";
import { createStackOneSimulator } from "../src/testing.ts";
import {
  CUSTOM_FIELD_IDS,
  candidate,
  contractPair,
  equivalentPair,
  LISTS,
  WRITABLE,
  withId,
} from "./arbitraries.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 1000);
const OPTIONS = { numRuns: RUNS };
const TIMEOUT = Math.max(60_000, RUNS * 60);
const KEY = "sk_test_contract";
const NOW = new Date("2026-01-15T09:00:00Z");

const sim = createStackOneSimulator({
  apiKey: KEY,
  now: () => NOW,
  customFieldDefinitions: CUSTOM_FIELD_IDS.map((id) => ({ id })),
});
const client = createStackOneClient({
  apiKey: KEY,
  accountId: "acc_contract",
  fetch: sim.fetch,
  retry: false,
});
const URL_ONE = "/unified/ats/candidates/{id}";

beforeEach(() => {
  sim.clearLog();
});

/** JSON with object keys sorted: key order carries no meaning. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** A list item as StackOne means it: its keys with values (a `null` key is an absent one), in any order. */
const itemOf = (v: unknown): string =>
  v && typeof v === "object" && !Array.isArray(v)
    ? canonical(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)))
    : canonical(v);

const empty = (v: unknown) => v == null || (typeof v === "object" && Object.keys(v).length === 0);

/**
 * Fields of `desired` that `record` (as GET returns it) does not hold, judged by StackOne's semantics
 * (providers/stackone.md), not by the rules: a key absent from `desired` is left as it is; lists are
 * multisets with `null`, `[]` and absent all empty; `unified_custom_fields` by deep equality with
 * `null` and `{}` empty; `hired_at` as an instant; other fields exactly.
 */
function missing(record: StackOneCandidate, desired: StackOneCandidate): string[] {
  return WRITABLE.filter((k) => {
    const want: unknown = desired[k];
    const have: unknown = record[k];
    if (want === undefined) return false;
    if ((LISTS as readonly string[]).includes(k)) {
      if (empty(want)) return !empty(have);
      const sorted = (list: unknown) => (Array.isArray(list) ? list.map(itemOf).sort() : []);
      return JSON.stringify(sorted(have)) !== JSON.stringify(sorted(want));
    }
    if (k === "unified_custom_fields")
      return empty(want) ? !empty(have) : canonical(have) !== canonical(want);
    if (want === null) return have != null;
    if (k === "hired_at") return typeof have !== "string" || Date.parse(have) !== Date.parse(want as string);
    return have !== want;
  });
}

const params = (id: string) => ({ path: { id }, query: { include: "custom_fields" } });

/**
 * Seeds `before`, sends `body` as PATCH (unless empty), and returns the status and the record after:
 * by GET with `include=custom_fields`, or (`read: "store"`, for the many round trips of the minimal
 * property) by `sim.get`, which gives the same read shape (test/simulator) without a second request.
 */
async function roundTrip(
  before: StackOneCandidate & { id: string },
  body: StackOneCandidatePatch,
  read: "get" | "store" = "get",
) {
  sim.clearLog(); // the log would grow over thousands of runs
  sim.seed([before]);
  let status = 200;
  if (Object.keys(body).length) {
    const { response, error } = await client.PATCH(URL_ONE, { params: { path: { id: before.id } }, body });
    status = response.status;
    if (error) return { status, error, record: undefined };
  }
  const record =
    read === "store"
      ? sim.get(before.id)
      : (await unwrap(client.GET(URL_ONE, { params: params(before.id) }))).data;
  return { status, error: undefined, record };
}

/** The body without one key, one element of a list value or one key of an object value, in turn. */
function smaller(body: StackOneCandidatePatch): [string, StackOneCandidatePatch][] {
  const out: [string, StackOneCandidatePatch][] = [];
  for (const [key, value] of Object.entries(body)) {
    const { [key as keyof StackOneCandidatePatch]: _, ...rest } = body;
    out.push([`without ${key}`, rest]);
    if (Array.isArray(value)) {
      for (const i of value.keys()) {
        out.push([`${key} without [${i}]`, { ...body, [key]: value.filter((_, j) => j !== i) }]);
      }
    } else if (value && typeof value === "object") {
      for (const k of Object.keys(value)) {
        const { [k]: __, ...inner } = value as Record<string, unknown>;
        out.push([`${key} without .${k}`, { ...body, [key]: inner }]);
      }
    }
  }
  return out;
}

describe(`contract against the simulator (${RUNS} pairs per property)`, { timeout: TIMEOUT }, () => {
  test.prop([contractPair], OPTIONS)(
    "1 correct: PATCH the body, and GET holds after on every writable field",
    async ([before, after]) => {
      const { body } = diffCandidate(before, after);
      const { status, error, record } = await roundTrip(withId(before), body);
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(status).toBe(200);
      expect(missing(record!, after)).toEqual([]);
      // What GET returns is, by the rules' own reading, the desired record: a sync settles.
      expect(diffCandidate(record!, after).noop).toBe(true);
    },
  );

  test.prop([contractPair], OPTIONS)(
    "2 minimal: without any key, list item or object key the body no longer gives after",
    async ([before, after]) => {
      const { body } = diffCandidate(before, after);
      for (const [what, less] of smaller(body)) {
        const { status, record } = await roundTrip(withId(before), less, "store");
        // A smaller body that the provider refuses does not give after either.
        if (status === 200) expect(missing(record!, after), what).not.toEqual([]);
      }
    },
  );

  test.prop(
    [
      fc.oneof(
        candidate.map((x): [StackOneCandidate, StackOneCandidate] => [x, x]),
        equivalentPair,
      ),
    ],
    OPTIONS,
  )(
    "3 no-op: diff(x, x), read-only changes and re-encodings send nothing, and GET reads back as x",
    async ([x, after]) => {
      const before = withId(x);
      sim.seed([before]);
      const { data: read } = await unwrap(client.GET(URL_ONE, { params: params(before.id) }));
      // The simulator's read shape (date-times as UTC instants) is the same state.
      expect(diffCandidate(read, before)).toEqual({ body: {}, noop: true, changed: [] });
      sim.clearLog();
      // What a sync does: send only when there is something to send.
      for (const [from, to] of [
        [before, after],
        [read, after],
      ] as const) {
        const { body, noop, changed } = diffCandidate(from, to);
        expect({ body, noop, changed }).toEqual({ body: {}, noop: true, changed: [] });
        if (!noop) await client.PATCH(URL_ONE, { params: { path: { id: before.id } }, body });
      }
      expect(sim.requests).toEqual([]);
    },
  );

  test.prop([contractPair], OPTIONS)(
    "4 valid: the simulator accepts every body (never a 4xx), and answers the ids only",
    async ([x, after]) => {
      const before = withId(x);
      sim.clearLog();
      sim.seed([before]);
      const { body, noop } = diffCandidate(before, after);
      if (noop) return;
      const { response, data, error } = await client.PATCH(URL_ONE, {
        params: { path: { id: before.id } },
        body,
      });
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual({
        statusCode: 200,
        message: "Record updated successfully.",
        timestamp: NOW.toISOString(),
        data: { id: before.id, remote_id: before.remote_id ?? null },
      });
    },
  );

  test.prop([contractPair], OPTIONS)(
    "5 deterministic: the same pair gives byte-identical bodies, and those bytes are what is sent",
    async ([x, after]) => {
      const before = withId(x);
      const first = JSON.stringify(diffCandidate(before, after));
      expect(JSON.stringify(diffCandidate(structuredClone(before), structuredClone(after)))).toBe(first);
      const { body, noop } = JSON.parse(first) as ReturnType<typeof diffCandidate>;
      if (noop) return;
      sim.seed([before]);
      sim.clearLog();
      await client.PATCH(URL_ONE, { params: { path: { id: before.id } }, body });
      expect(JSON.stringify(sim.requests[0]?.body)).toBe(JSON.stringify(body));
      expect(sim.requests[0]?.requestBytes).toBe(new TextEncoder().encode(JSON.stringify(body)).length);
    },
  );
});
