/**
 * The contract of a minimal PATCH (DESIGN.md, "What minimal means"), held by `diffCandidate` against
 * the simulator through the real client, over generated before/after pairs:
 * 1 correct, 2 minimal, 3 no-op, 4 valid, 5 deterministic.
 * PATCHWISE_RUNS sets the pairs per property (default 1000; `test:deep` runs 100 000).
 */
import { fc, test } from "@fast-check/vitest";
import { sameDay } from "@patchwise/diff";
import { beforeEach, describe, expect } from "vitest";
import {
  createInstaviewClient,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewCandidatePatch,
  unwrap,
} from "../src/index.ts";
import { createInstaviewSimulator, type GdprDateFormat } from "../src/testing.ts";
import { candidate, contractPair, equivalentPair, JOB_IDS, NOW } from "./arbitraries.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 1000);
const OPTIONS = { numRuns: RUNS };
// Generous: about 10 s for the five properties at 1000 runs on an idle machine, far more on a busy CI.
const TIMEOUT = Math.max(180_000, RUNS * 100);
const KEY = "sk_test_contract";

/** One simulator per way of writing the GDPR date back (a date today, a timestamp after the planned move). */
const sims = Object.fromEntries(
  (["date", "timestamp"] as const).map((format) => {
    const sim = createInstaviewSimulator({
      apiKey: KEY,
      now: () => NOW,
      jobs: JOB_IDS.map((id) => ({ id })),
      gdprDateFormat: format,
    });
    const client = createInstaviewClient({ apiKey: KEY, fetch: sim.fetch, retry: false });
    return [format, { sim, client }];
  }),
) as Record<
  GdprDateFormat,
  { sim: ReturnType<typeof createInstaviewSimulator>; client: ReturnType<typeof createInstaviewClient> }
>;

const format = fc.constantFrom<GdprDateFormat>("date", "timestamp");

let calls = 0;
/**
 * Yields to the event loop now and then. The in-process round trips settle in microtasks only, and
 * Node 20's fetch frees a Request made with an AbortSignal (core's retrying fetch makes one per attempt)
 * through a FinalizationRegistry whose callbacks need a task to run: without this, a deep run
 * holds every request it made (about 7 KB each) and slows down until it runs out of memory.
 */
const breathe = () => (++calls % 25 ? undefined : new Promise<void>((resolve) => setImmediate(resolve)));

beforeEach(() => {
  for (const { sim } of Object.values(sims)) sim.clearLog();
});

const WRITABLE = [
  "firstName",
  "lastName",
  "email",
  "phoneNumber",
  "gdprExpiryDate",
  "status",
  "jobIds",
  "metadata",
  "gender",
] as const;

/** JSON with object keys sorted and undefined-valued keys dropped: key order carries no meaning. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/**
 * Fields of `desired` that `record` (as GET returns it) does not hold, judged by Instaview's
 * semantics: a key absent from `desired` is left as it is; null is empty; the GDPR date by UTC day;
 * job ids as a set; metadata by deep equality, `{}` and null both empty.
 */
function missing(record: InstaviewCandidate, desired: InstaviewCandidate): string[] {
  return WRITABLE.filter((k) => {
    const want: unknown = desired[k];
    const have: unknown = record[k];
    if (want === undefined) return false;
    if (want === null) return !(have == null || (k === "metadata" && canonical(have) === "{}"));
    switch (k) {
      case "gdprExpiryDate":
        return !sameDay(have, want);
      case "jobIds": {
        const a = new Set(have as string[]);
        const b = new Set(want as string[]);
        return a.size !== b.size || [...a].some((x) => !b.has(x));
      }
      case "metadata":
        return canonical(have ?? {}) !== canonical(want);
      default:
        return have !== want;
    }
  });
}

/**
 * Seeds `before`, sends `body` as PATCH (unless empty), and returns the status and the candidate after:
 * what GET returns, or with `read: "patch"` what the PATCH answered (the updated candidate, which
 * property 4 holds equal to GET) to save a round trip.
 */
async function roundTrip(
  fmt: GdprDateFormat,
  before: InstaviewCandidate,
  body: InstaviewCandidatePatch,
  read: "get" | "patch" = "get",
) {
  const { sim, client } = sims[fmt];
  sim.clearLog(); // the log would grow over thousands of runs
  sim.seed([before]);
  const params = { path: { id: before.id } };
  if (Object.keys(body).length) {
    const { response, error, data } = await client.PATCH("/candidates/{id}", { params, body });
    if (error || read === "patch") return { status: response.status, error, record: data };
  }
  return { status: 200, error: undefined, record: await unwrap(client.GET("/candidates/{id}", { params })) };
}

/** The body without one key, one element of an array value or one key of an object value, in turn. */
function smaller(body: InstaviewCandidatePatch): [string, InstaviewCandidatePatch][] {
  const out: [string, InstaviewCandidatePatch][] = [];
  for (const [key, value] of Object.entries(body)) {
    const { [key as keyof InstaviewCandidatePatch]: _, ...rest } = body;
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
  test.prop([contractPair, format], OPTIONS)(
    "1 correct: PATCH the body, and GET holds after on every writable field",
    async ([before, after], fmt) => {
      await breathe();
      const { body } = diffCandidate(before, after, { now: NOW });
      const { status, error, record } = await roundTrip(fmt, before, body);
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(status).toBe(200);
      expect(missing(record!, after)).toEqual([]);
      // What GET returns is, by the rules' own reading, the desired record.
      expect(diffCandidate(record!, after, { now: NOW }).noop).toBe(true);
    },
  );

  test.prop([contractPair, format], OPTIONS)(
    "2 minimal: without any key, list item or object key the body no longer gives after",
    async ([before, after], fmt) => {
      await breathe();
      const { body } = diffCandidate(before, after, { now: NOW });
      for (const [what, less] of smaller(body)) {
        const { status, record } = await roundTrip(fmt, before, less, "patch");
        // A smaller body that the provider refuses does not give after either.
        if (status === 200) expect(missing(record!, after), what).not.toEqual([]);
      }
    },
  );

  test.prop(
    [
      fc.oneof(
        candidate.map((x): [InstaviewCandidate, InstaviewCandidate] => [x, x]),
        equivalentPair,
      ),
      format,
    ],
    OPTIONS,
  )(
    "3 no-op: diff(x, x), read-only changes and re-encodings send nothing, and GET reads back as x",
    async ([before, after], fmt) => {
      await breathe();
      const { sim, client } = sims[fmt];
      sim.clearLog();
      sim.seed([before]);
      const params = { path: { id: before.id } };
      const read = await unwrap(client.GET("/candidates/{id}", { params }));
      // The simulator's read shape (dates as it writes them, defaults filled) is the same state.
      expect(diffCandidate(read, before, { now: NOW })).toEqual({ body: {}, noop: true, changed: [] });
      sim.clearLog();
      // What a sync does: send only when there is something to send.
      for (const [from, to] of [
        [before, after],
        [read, after],
      ] as const) {
        const { body, noop, changed } = diffCandidate(from, to, { now: NOW });
        expect({ body, noop, changed }).toEqual({ body: {}, noop: true, changed: [] });
        if (!noop) await client.PATCH("/candidates/{id}", { params, body });
      }
      expect(sim.requests).toEqual([]);
    },
  );

  test.prop([contractPair, format], OPTIONS)(
    "4 valid: the simulator accepts every body (never a 4xx), and answers the updated candidate",
    async ([before, after], fmt) => {
      await breathe();
      const { sim, client } = sims[fmt];
      sim.clearLog();
      sim.seed([before]);
      const { body, noop } = diffCandidate(before, after, { now: NOW });
      if (noop) return;
      const params = { path: { id: before.id } };
      const { response, data, error } = await client.PATCH("/candidates/{id}", { params, body });
      expect(error, JSON.stringify(body)).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual(sim.get(before.id));
    },
  );

  test.prop([contractPair, format], OPTIONS)(
    "5 deterministic: the same pair gives byte-identical bodies, and those bytes are what is sent",
    async ([before, after], fmt) => {
      await breathe();
      const first = JSON.stringify(diffCandidate(before, after, { now: NOW }));
      const again = JSON.stringify(
        diffCandidate(structuredClone(before), structuredClone(after), { now: NOW }),
      );
      expect(again).toBe(first);
      const { body, noop } = JSON.parse(first) as ReturnType<typeof diffCandidate>;
      if (noop) return;
      const { sim, client } = sims[fmt];
      sim.seed([before]);
      sim.clearLog();
      await client.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body });
      expect(JSON.stringify(sim.requests[0]?.body)).toBe(JSON.stringify(body));
      expect(sim.requests[0]?.requestBytes).toBe(new TextEncoder().encode(JSON.stringify(body)).length);
    },
  );
});
