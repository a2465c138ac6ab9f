import { fc, test } from "@fast-check/vitest";
import { failureLines, type SyncReport, syncRecords } from "@patchwise/core";
import { afterAll, describe, expect } from "vitest";
import type { RecordSimulator, SimulatedResource } from "./provider.ts";

/** What `describeUpsert` is told about one provider's resource. */
export interface UpsertSuite<
  Seed extends Read & Desired & { readonly id: string },
  Read,
  Patch,
  Desired,
  Client,
  Sim extends RecordSimulator<Read>,
> extends SimulatedResource<Seed, Read, Patch, Desired, Client, Sim> {
  /** One record, in the titles: `person`, `candidate`. */
  noun: string;
  /** The natural key, in the title: `LinkedIn profile`, `primary email`. */
  keyName: string;
  /** The provider's natural key of a record (`personKey`): what `findByKey` finds it by. */
  naturalKey(record: Read | Desired): string | undefined;
  /** The path creates are POSTed to: `/v1/people`. */
  createPath: string;
  /**
   * A record the simulator lacks, from a sample: without its id, under a natural key of its own made
   * of `seed` and `n` (`upsert-<seed>-<n>@upsert.example`), and whatever else a create requires.
   */
  newRecord(sample: Seed, n: number, seed: number): Desired;
  /** `changed`, the desired record of `known`, without its id and under `known`'s natural key: known by the key alone. */
  byKey(changed: Desired, known: Seed): Desired;
}

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 400);
const instant = async () => {};

const counted = (r: SyncReport<unknown>) => r.unchanged + r.patched + r.created + r.failed + r.notAttempted;

/**
 * Upserts without duplicates, against the provider's simulator through its real client: under
 * injected faults (answers lost after the write, 5xx before or after it, 429, dropped connections,
 * timeouts), a sync of desired records (changed ones by id, known ones by natural key alone, new ones)
 * ends, after a second run of its failures file with the faults lifted, with exactly one record per
 * natural key, each as desired, and none lost. PATCHWISE_RUNS sets the cases (default 100); from 50
 * on, some create must have lost its answer after the write, so that the property is not held vacuously.
 * @example
 * describeUpsert({
 *   noun: "person",
 *   keyName: "primary email",
 *   naturalKey: personKey,
 *   createPath: "/v1/people",
 *   newRecord: (person, n, seed) => ({ ...person, id: undefined, emails: [`upsert-${seed}-${n}@upsert.example`] }),
 *   byKey: ({ id: _, ...changed }, known) => ({ ...changed, emails: known.emails }),
 *   sampleRecords: sampleFolkRecords,
 *   sampleChanges: sampleFolkChanges,
 *   createSimulator: createFolkSimulator,
 *   createClient: createFolkClient,
 *   createAdapter: createFolkPeopleAdapter,
 * });
 */
export function describeUpsert<
  Seed extends Read & Desired & { readonly id: string },
  Read,
  Patch,
  Desired,
  Client,
  Sim extends RecordSimulator<Read>,
>(suite: UpsertSuite<Seed, Read, Patch, Desired, Client, Sim>): void {
  const { noun, naturalKey } = suite;

  describe(`upsert: one ${noun} per ${suite.keyName}, under faults`, () => {
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
      `a sync and a rerun of its failures leave each desired ${noun} once, as desired`,
      async (seed, existingCount, ways, newCount, rates) => {
        const existing = suite.sampleRecords(existingCount, { seed });
        const changed = suite.sampleChanges(existing, { seed: seed + 1, changedRatio: 0.5 });
        const keys = existing.map((record) => naturalKey(record));
        const desired: Desired[] = [];
        for (const [i, record] of changed.entries()) {
          const way = ways[i];
          const known = existing[i];
          const unique = keys[i] !== undefined && keys.indexOf(keys[i]) === keys.lastIndexOf(keys[i]);
          // Known by its key alone (a change of the key would make it another record).
          if (way === "by key" && unique && known) desired.push(suite.byKey(record, known));
          else if (way !== "left out") desired.push(record);
        }
        const newcomers = suite
          .sampleRecords(newCount, { seed: seed + 2 })
          .map((sample, n) => suite.newRecord(sample, n, seed));
        desired.push(...newcomers);

        const sim = suite.createSimulator({
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
        // The faulty run: a short timeout ends each stalled request (a slow answer under load is one
        // more fault, settled like the others). The rerun and the checks: faults lifted, and a timeout
        // no loaded machine reaches, so that they see the provider's state, never a spurious timeout.
        const adapterOf = (timeoutMs: number) =>
          suite.createAdapter(
            suite.createClient({
              apiKey: sim.apiKey,
              fetch: sim.fetch,
              timeoutMs,
              retry: { retries: 2, sleep: instant },
            }),
          );
        const adapter = adapterOf(50);
        const settled = adapterOf(30_000);
        const findByKey = settled.findByKey?.bind(settled);
        if (!findByKey)
          throw new TypeError(`${adapter.resource}: the adapter has no findByKey, so it cannot upsert`);
        const options = { sleep: instant, settleDelayMs: 0, concurrency: 4 };

        const first = await syncRecords(adapter, desired, options);
        expect(counted(first)).toBe(desired.length);
        expect(first.notAttempted).toBe(0);
        expect(first.failures.every((f) => desired[f.index] === f.record)).toBe(true);

        lostCreates += sim.requests.filter(
          (r) => r.method === "POST" && r.path === suite.createPath && r.fault?.match(/lost|stored/),
        ).length;
        sim.setFaults(undefined);
        const rerun = failureLines(first).map((line) => (JSON.parse(line) as { record: Desired }).record);
        expect(rerun).toHaveLength(first.failed);
        const second = await syncRecords(settled, rerun, options);
        expect(second.failures).toEqual([]);
        expect(counted(second)).toBe(rerun.length);

        // None lost, none twice: the seeded records and one per newcomer.
        expect(sim.all()).toHaveLength(existing.length + newcomers.length);
        expect(first.created + second.created).toBeLessThanOrEqual(newcomers.length);
        for (const record of desired) {
          const found = await findByKey(record);
          expect(found.map((r) => naturalKey(r))).toEqual([naturalKey(record)]);
          expect(settled.diff(found[0]!, record).noop).toBe(true);
        }
      },
      TIMEOUT,
    );
  });
}
