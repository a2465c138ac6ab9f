/**
 * The five points of DESIGN.md "What minimal means", held against the simulator through the real client
 * over generated before/after pairs: PATCH the diff of a seeded `before`, read the person back, and
 * compare writable state (`state` of test/reference.ts: read and write forms of one state compare equal).
 * Runs: PATCHWISE_RUNS (default 1000) per property; `pnpm test:deep` sets 100 000.
 */
import { setImmediate } from "node:timers/promises";
import { test } from "@fast-check/vitest";
import { validate } from "@patchwise/diff";
import { describe, expect } from "vitest";
import { updatePersonBody } from "../src/generated/validation.ts";
import {
  createFolkClient,
  diffPerson,
  type FolkPerson,
  type FolkPersonDesired,
  type FolkPersonPatch,
  unwrap,
} from "../src/index.ts";
import { createFolkSimulator, type FolkSimulator } from "../src/testing.ts";
import { contractPair, sameStatePair, WORKSPACE } from "./arbitraries.ts";
import { expected, state } from "./reference.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 1000);
const PARAMS = { numRuns: RUNS };
// Generous: a deep run takes minutes, not the default 5 s per test.
const TIMEOUT = 60_000 + RUNS * 25;
const NOW = new Date("2026-01-05T09:30:00.000Z");

const simulator = () => createFolkSimulator({ workspace: WORKSPACE, now: () => NOW });
// No retries (a 5xx would be a simulator bug to see) and no per-attempt timer (in-process, nothing waits).
const clientOf = (sim: FolkSimulator) =>
  createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: false, timeoutMs: 0 });
const sim = simulator();
const folk = clientOf(sim);
const twins = [simulator(), simulator()].map((s) => ({ sim: s, folk: clientOf(s) }));

let calls = 0;
/**
 * Every 100 calls, a turn of the event loop: in-process requests never yield to it, and what Node
 * frees in tasks of its own (after finished requests) would pile up over a long run and slow it down.
 */
async function pause(): Promise<void> {
  if (++calls % 100 === 0) await setImmediate();
}

/** The simulator holding `before` only, with an empty request log. */
async function seeded(before: FolkPerson): Promise<void> {
  await pause();
  sim.clear();
  sim.seed([before]);
  sim.clearLog();
}

const params = (personId: string) => ({ params: { path: { personId } } });

/** What a sync does: diff, and PATCH only when there is something to send. */
async function sync(before: FolkPerson, after: FolkPersonDesired) {
  const result = diffPerson(before, after);
  if (!result.noop) {
    const { response, error } = await folk.PATCH("/v1/people/{personId}", {
      ...params(before.id),
      body: result.body,
    });
    expect(response.status, JSON.stringify(error)).toBe(200);
  }
  return result;
}

/** The writable state of a person as read: companies by name (an id created for `{ name }` is new). */
const readState = (p: FolkPerson) => state({ ...p, companies: p.companies.map((c) => ({ name: c.name })) });

/** The state `after` asks for, from `before`. */
const wanted = (before: FolkPerson, after: FolkPersonDesired) => state(expected(before, after));

/**
 * Every body with one piece less: each key, and each custom group and custom value (the entries of the
 * per-field merge). Folk's rule table has no keyed lists or delta operations: its lists are sent whole,
 * so an item less is another list, never a smaller body for the same change.
 */
function smaller(body: FolkPersonPatch): [string, FolkPersonPatch][] {
  const out: [string, FolkPersonPatch][] = [];
  for (const key of Object.keys(body) as (keyof FolkPersonPatch)[]) {
    const b = structuredClone(body);
    delete b[key];
    out.push([key, b]);
  }
  for (const [g, fields] of Object.entries(body.customFieldValues ?? {})) {
    const b = structuredClone(body);
    delete b.customFieldValues![g];
    out.push([`customFieldValues.${g}`, b]);
    for (const f of Object.keys(fields)) {
      const c = structuredClone(body);
      delete c.customFieldValues![g]![f];
      out.push([`customFieldValues.${g}.${f}`, c]);
    }
  }
  return out;
}

describe("the contract of a minimal PATCH, against the simulator", () => {
  test.prop([contractPair], PARAMS)(
    "1. correct: after PATCHing the diff, GET returns `after` on every writable field",
    async ([before, after]) => {
      await seeded(before);
      await sync(before, after);
      const { data } = await unwrap(folk.GET("/v1/people/{personId}", params(before.id)));
      expect(readState(data)).toEqual(wanted(before, after));
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "2. minimal: without any key, custom group or custom value, the PATCH misses `after`",
    async ([before, after]) => {
      const { body } = diffPerson(before, after);
      const want = wanted(before, after);
      for (const [what, less] of smaller(body)) {
        await seeded(before);
        // The PATCH response is the person after the update, as GET would return it.
        const { response, data } = await folk.PATCH("/v1/people/{personId}", {
          ...params(before.id),
          body: less,
        });
        if (response.status === 422) continue; // refused: `after` is missed too
        expect(response.status, `without ${what}`).toBe(200);
        expect(readState(data!.data), `without ${what}`).not.toEqual(want);
      }
    },
    TIMEOUT,
  );

  test.prop([sameStatePair], PARAMS)(
    "3. no-op: the same state, read-only changes and equivalent encodings send nothing",
    async ([before, after]) => {
      await seeded(before);
      expect(await sync(before, after)).toEqual({ body: {}, noop: true, changed: [] });
      expect(sim.requests).toEqual([]);
      // And nothing needed sending: `after` asks for the state `before` is in.
      expect(wanted(before, after)).toEqual(state(before));
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "4. valid: every body meets the spec and the simulator accepts it (never a 4xx)",
    async ([before, after]) => {
      const { body, noop } = diffPerson(before, after);
      expect(validate(updatePersonBody, body)).toEqual([]);
      if (noop) return;
      await seeded(before);
      const { response, error } = await folk.PATCH("/v1/people/{personId}", { ...params(before.id), body });
      expect(response.status, JSON.stringify(error)).toBe(200);
    },
    TIMEOUT,
  );

  test.prop([contractPair], PARAMS)(
    "5. deterministic: the same pair gives byte-identical bodies, and the same simulator state",
    async ([before, after]) => {
      const first = JSON.stringify(diffPerson(structuredClone(before), structuredClone(after)).body);
      const second = JSON.stringify(diffPerson(structuredClone(before), structuredClone(after)).body);
      expect(second).toBe(first);
      // Two simulators that see the same requests from the start answer byte for byte the same.
      await pause();
      const responses = await Promise.all(
        twins.map(async ({ sim: twin, folk: client }) => {
          twin.clear();
          twin.seed([before]);
          twin.clearLog();
          const { data, error } = await client.PATCH("/v1/people/{personId}", {
            ...params(before.id),
            body: JSON.parse(first) as FolkPersonPatch,
          });
          return JSON.stringify(data ?? error);
        }),
      );
      expect(responses[1]).toBe(responses[0]);
    },
    TIMEOUT,
  );
});
