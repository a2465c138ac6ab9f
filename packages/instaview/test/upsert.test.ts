/**
 * Upserts without duplicates, against the simulator through the real client: under injected faults
 * (answers lost after the write, 5xx before or after it, 429, dropped connections, timeouts), a sync of
 * desired candidates (changed ones by id, known ones by email alone, new ones) ends, after a second run
 * of its failures file with the faults lifted, with exactly one candidate per natural key, each as
 * desired, and none lost. PATCHWISE_RUNS sets the cases (default 100).
 */
import { fc, test } from "@fast-check/vitest";
import { failureLines, type SyncReport, syncRecords } from "@patchwise/core";
import { afterAll, describe, expect } from "vitest";
import {
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  type InstaviewCandidate,
  candidateKey as personKey,
} from "../src/index.ts";
import { createInstaviewSimulator, sampleInstaviewChanges, sampleInstaviewRecords } from "../src/testing.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 400);
const instant = async () => {};

const counted = (r: SyncReport<unknown>) => r.unchanged + r.patched + r.created + r.failed + r.notAttempted;

/** A candidate the simulator lacks: a sample without its id, under an email of its own, consent ahead. */
const fresh = (candidate: InstaviewCandidate, n: number, seed: number): InstaviewCandidate => {
  const { id: _id, ...rest } = candidate;
  const email = `upsert-${seed}-${n}@upsert.example`;
  return { ...rest, email, gdprExpiryDate: "2099-01-01" } as InstaviewCandidate;
};

describe("upsert: one candidate per email, under faults", () => {
  // Creates whose answer was lost after the write, over all cases: the property is not held vacuously.
  let lostCreates = 0;
  afterAll(() => {
    if (RUNS >= 50) expect(lostCreates).toBeGreaterThan(0);
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 2 ** 30 }),
      fc.integer({ min: 0, max: 6 }),
      fc.array(fc.constantFrom("by id", "by key", "left out"), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 0, max: 5 }),
      fc.record({
        lost: fc.double({ min: 0, max: 0.3, noNaN: true }),
        storedError: fc.double({ min: 0, max: 0.2, noNaN: true }),
        serverError: fc.double({ min: 0, max: 0.2, noNaN: true }),
        throttled: fc.double({ min: 0, max: 0.1, noNaN: true }),
        dropped: fc.double({ min: 0, max: 0.1, noNaN: true }),
        timedOut: fc.double({ min: 0, max: 0.05, noNaN: true }),
      }),
    ],
    { numRuns: RUNS },
  )(
    "a sync and a rerun of its failures leave each desired candidate once, as desired",
    async (seed, existingCount, ways, newCount, rates) => {
      const existing = sampleInstaviewRecords(existingCount, { seed });
      const changed = sampleInstaviewChanges(existing, { seed: seed + 1, changedRatio: 0.5 });
      const keys = existing.map((p) => personKey(p));
      const desired: InstaviewCandidate[] = [];
      for (const [i, person] of changed.entries()) {
        const way = ways[i];
        const email = existing[i]?.email ?? null;
        const unique = keys[i] !== undefined && keys.indexOf(keys[i]) === keys.lastIndexOf(keys[i]);
        if (way === "by key" && unique) {
          // Known by its email alone (a change of it would make it another candidate).
          const { id: _id, ...rest } = person;
          desired.push({ ...rest, email } as InstaviewCandidate);
        } else if (way !== "left out") desired.push(person);
      }
      const newcomers = sampleInstaviewRecords(newCount, { seed: seed + 2 }).map((p, n) => fresh(p, n, seed));
      desired.push(...newcomers);

      const sim = createInstaviewSimulator({
        records: existing,
        faults: {
          seed,
          lostResponseRate: rates.lost,
          storedServerErrorRate: rates.storedError,
          serverErrorRate: rates.serverError,
          rateLimitedRate: rates.throttled,
          dropRate: rates.dropped,
          storedTimeoutRate: rates.timedOut,
          retryAfterSeconds: 0,
        },
      });
      const client = createInstaviewClient({
        apiKey: sim.apiKey,
        fetch: sim.fetch,
        timeoutMs: 50,
        retry: { retries: 2, sleep: instant },
      });
      const adapter = createInstaviewCandidatesAdapter(client);
      const options = { sleep: instant, settleDelayMs: 0, concurrency: 4 };

      const first = await syncRecords(adapter, desired, options);
      expect(counted(first)).toBe(desired.length);
      expect(first.notAttempted).toBe(0);
      expect(first.failures.every((f) => desired[f.index] === f.record)).toBe(true);

      lostCreates += sim.requests.filter(
        (r) => r.method === "POST" && r.path === "/candidates" && r.fault?.match(/lost|stored/),
      ).length;
      sim.setFaults(undefined);
      const rerun = failureLines(first).map(
        (line) => (JSON.parse(line) as { record: InstaviewCandidate }).record,
      );
      expect(rerun).toHaveLength(first.failed);
      const second = await syncRecords(adapter, rerun, options);
      expect(second.failures).toEqual([]);
      expect(counted(second)).toBe(rerun.length);

      // None lost, none twice: the seeded persons and one per newcomer.
      expect(sim.all()).toHaveLength(existing.length + newcomers.length);
      expect(first.created + second.created).toBeLessThanOrEqual(newcomers.length);
      for (const person of desired) {
        const found = await adapter.findByKey!(person);
        expect(found.map((p) => personKey(p))).toEqual([personKey(person)]);
        expect(adapter.diff(found[0]!, person).noop).toBe(true);
      }
    },
    TIMEOUT,
  );
});
