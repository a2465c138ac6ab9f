import { syncRecords } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import type { RecordSimulator, SimulatedResource } from "./provider.ts";

/** How a sync keeps under the provider's rate limit. */
export type Pacing =
  /** By the `X-RateLimit-*` headers the provider sends (`provider` names it in the test's title). */
  | { by: "headers"; provider: string }
  /** Not at all: the provider sends no rate-limit state, and the client retries a 429 after `Retry-After`. */
  | { by: "none" };

/** What `describeAdapter` is told about one provider's resource adapter. */
export interface AdapterSuite<
  Seed extends Read & Desired & { readonly id: string },
  Read,
  Patch,
  Desired,
  Client,
  Sim extends RecordSimulator<Read>,
> extends SimulatedResource<Seed, Read, Patch, Desired, Client, Sim> {
  /** The adapter factory's name, the suite's title: `createFolkPeopleAdapter`. */
  name: string;
  /** What `adapter.resource` says: `folk.people`. */
  resource: string;
  /** One record, in the tests' titles: `person`, `candidate`. */
  noun: string;
  /** An id of the provider's shape that the simulator does not know. */
  unknownId: string;
  /** The path the list pages come from (`/v1/people`): 40 records take one request. */
  listPath: string;
  /** Query parameters every GET of one record sends (StackOne's `include: "custom_fields"`). */
  getQuery?: Readonly<Record<string, string>>;
  /** Keys `fullBody` gives for any sample record (some of the writable fields). */
  fullBodyKeys: readonly string[];
  pacing: Pacing;
}

/**
 * The resource adapter's suite, against the provider's simulator through its real client: get (and
 * undefined for an unknown id), list across pages, a get-diff-patch round trip of 40 sample records
 * (a third changed), `fullBody`, `syncRecords` end to end (one GET per record, one PATCH per changed
 * one, then nothing left to do), and pacing under the provider's rate limit.
 * @example
 * describeAdapter({
 *   name: "createFolkPeopleAdapter",
 *   resource: "folk.people",
 *   noun: "person",
 *   sampleRecords: sampleFolkRecords,
 *   sampleChanges: sampleFolkChanges,
 *   createSimulator: createFolkSimulator,
 *   createClient: createFolkClient,
 *   createAdapter: createFolkPeopleAdapter,
 *   unknownId: "per_00000000-0000-4000-8000-000000000000",
 *   listPath: "/v1/people",
 *   fullBodyKeys: ["firstName", "emails", "groups", "customFieldValues"],
 *   pacing: { by: "headers", provider: "Folk" },
 * });
 */
export function describeAdapter<
  Seed extends Read & Desired & { readonly id: string },
  Read,
  Patch,
  Desired,
  Client,
  Sim extends RecordSimulator<Read>,
>(suite: AdapterSuite<Seed, Read, Patch, Desired, Client, Sim>): void {
  const { noun } = suite;
  const records = suite.sampleRecords(40, { seed: 11 });
  const desired = suite.sampleChanges(records, { seed: 12 });

  function setup(options: Pick<Parameters<typeof suite.createSimulator>[0], "faults"> = {}) {
    const sim = suite.createSimulator({ records, ...options });
    const client = suite.createClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { minDelayMs: 1 } });
    return { sim, client, adapter: suite.createAdapter(client) };
  }

  describe(suite.name, () => {
    it(`gets a ${noun} as GET returns it, and undefined for an unknown id`, async () => {
      const { sim, adapter } = setup();
      const first = records[0]!;
      const { id: _, ...withoutId } = first;
      expect(adapter.resource).toBe(suite.resource);
      expect(adapter.id(first)).toBe(first.id);
      // Casts: a desired record without an id, as a sync may hold one (absent, or undefined).
      expect(adapter.id(withoutId as unknown as Desired)).toBeUndefined();
      expect(adapter.id({ ...first, id: undefined } as unknown as Desired)).toBeUndefined();
      expect(await adapter.get(first.id)).toEqual(sim.get(first.id));
      if (suite.getQuery) expect(sim.requests.at(-1)?.query).toMatchObject(suite.getQuery);
      expect(await adapter.get(suite.unknownId)).toBeUndefined();
    });

    it(`lists every ${noun} across pages`, async () => {
      const { sim, adapter } = setup();
      const listed: Read[] = [];
      for await (const record of adapter.list()) listed.push(record);
      expect(listed).toEqual(sim.all());
      expect(sim.requests.filter((r) => r.path === suite.listPath)).toHaveLength(1); // 40 records: one page of 100
    });

    it(`round-trips: get, diff, patch, and the ${noun} is then as desired`, async () => {
      const { adapter } = setup();
      let patched = 0;
      for (const [i, record] of records.entries()) {
        const want = desired[i]!;
        const before = (await adapter.get(record.id))!;
        const { body, noop, changed } = adapter.diff(before, want);
        expect(Object.keys(body as object)).toEqual(changed);
        if (noop) continue;
        await adapter.patch(record.id, body);
        patched++;
        expect(adapter.diff((await adapter.get(record.id))!, want).noop).toBe(true);
      }
      expect(patched).toBe(Math.round(records.length / 3));
    });

    it(`fullBody writes every writable field: sent whole, it gives the desired ${noun} too`, async () => {
      const { adapter } = setup();
      for (const [i, record] of records.slice(0, 12).entries()) {
        const want = desired[i]!;
        const full = adapter.fullBody(want);
        expect(Object.keys(adapter.fullBody(record) as object)).toEqual(
          expect.arrayContaining([...suite.fullBodyKeys]),
        );
        await adapter.patch(record.id, full);
        expect(adapter.diff((await adapter.get(record.id))!, want).noop).toBe(true);
        const { body } = adapter.diff(record, want);
        expect(JSON.stringify(body).length).toBeLessThan(JSON.stringify(full).length);
      }
    });

    it(`drives syncRecords: one GET per ${noun}, a PATCH per changed one, then nothing left to do`, async () => {
      const { sim, adapter } = setup();
      const report = await syncRecords(adapter, desired, { concurrency: 4 });
      expect(report).toMatchObject({ read: 40, patched: 13, unchanged: 27, failed: 0, requests: 53 });
      expect(report.bodyBytes).toBeLessThan(report.fullBodyBytes / 5);
      expect(sim.requests.filter((r) => r.method === "PATCH")).toHaveLength(13);
      const again = await syncRecords(adapter, desired, { current: "list" });
      expect(again).toMatchObject({ patched: 0, unchanged: 40, requests: 0 });
    });

    const { pacing } = suite;
    if (pacing.by === "headers") {
      it(`paces by X-RateLimit-* under ${pacing.provider}'s limit: no 429 reaches the client`, async () => {
        const start = Date.UTC(2026, 0, 5, 9, 30);
        let clock = start;
        const now = () => clock;
        const sleep = async (ms: number) => {
          const until = clock + ms;
          await Promise.resolve();
          clock = Math.max(clock, until);
        };
        const sim = suite.createSimulator({
          records,
          rateLimit: { limit: 10, windowMs: 60_000 },
          now: () => new Date(clock),
        });
        const client = suite.createClient({ apiKey: sim.apiKey, fetch: sim.fetch, retry: { sleep } });
        const adapter = suite.createAdapter(client);
        const report = await syncRecords(adapter, desired.slice(0, 15), { concurrency: 3, now, sleep });
        expect(report).toMatchObject({ read: 15, failed: 0 });
        expect(adapter.rateLimit()).toBeDefined();
        expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
        expect(clock - start).toBeGreaterThanOrEqual(60_000); // at least one window waited
      });
    } else {
      it("has no rate-limit state to pace by: a 429 is retried by the client after Retry-After", async () => {
        const { sim, adapter } = setup({ faults: { schedule: ["429", "ok", "429"], retryAfterSeconds: 0 } });
        const report = await syncRecords(adapter, desired.slice(0, 5), { concurrency: 1 });
        expect(report).toMatchObject({ read: 5, failed: 0 });
        expect(adapter.rateLimit()).toBeUndefined();
        expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(2);
      });
    }
  });
}
