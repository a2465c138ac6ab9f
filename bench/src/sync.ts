import { type CurrentSource, syncRecords } from "@patchwise/core";
import type { Provider, RecordPair } from "./providers.ts";
import { type SimulatorHost, startSimulator } from "./remote-simulator.ts";

/** Options of `benchSync`. */
export interface SyncBenchOptions {
  /** Records in flight at once (`syncRecords`' `concurrency`). */
  concurrency: number;
  /**
   * Where `syncRecords` gets the current records: `snapshot`, the `before` records as a sync service
   * holds them from its last read (no read requests); `list`, one listing (a page per hundred
   * records); `get`, one GET per record.
   */
  current: "snapshot" | "list" | "get";
  /** Where the simulator runs (default: a process of its own). */
  simulator?: SimulatorHost;
}

/** What syncing a provider's records through `syncRecords` did. */
export interface SyncResult {
  provider: string;
  current: SyncBenchOptions["current"];
  concurrency: number;
  records: number;
  /** Records the diff function says differ from the server's copy. */
  changed: number;
  seconds: number;
  recordsPerSecond: number;
  /** What `syncRecords` reported. */
  report: { patched: number; unchanged: number; failed: number; requests: number; bodyBytes: number };
  /** PATCH requests the simulator saw. */
  patches: number;
  /** PATCH requests for records that had not changed (target: 0). */
  patchesOnUnchanged: number;
  /** Changed records that got no PATCH, or more than one (target: 0). */
  changedNotPatchedOnce: number;
  /** Requests the simulator saw, by method. */
  requests: Record<string, number>;
  /** Exactly one PATCH per changed record and none for the others, and no failure. */
  exact: boolean;
  /** The first record `syncRecords` failed, if any: what went wrong. */
  firstFailure?: string;
}

/**
 * Syncs the `after` records of `pairs` with `syncRecords` and the provider's adapter against its
 * simulator (seeded with the `before` records, in a process of its own) over loopback HTTP, and checks
 * the simulator's request log: one PATCH per changed record, none for the others.
 * @example
 * const result = await benchSync(folk, folk.pairs(10_000, { seed: 1, changedRatio: 1 / 3 }), { concurrency: 4, current: "get" });
 */
export async function benchSync(
  provider: Provider,
  pairs: readonly RecordPair[],
  options: SyncBenchOptions,
): Promise<SyncResult> {
  const changed = new Set(pairs.filter((p) => !provider.diff(p.before, p.after).noop).map((p) => p.id));
  const server = await startSimulator(
    provider,
    pairs.map((p) => p.before),
    options.simulator,
  );
  try {
    const adapter = provider.adapter(server.url);
    const current: CurrentSource<object> =
      options.current === "snapshot" ? pairs.map((p) => p.before) : options.current;
    const started = performance.now();
    const report = await syncRecords(
      adapter,
      pairs.map((p) => p.after),
      { concurrency: options.concurrency, current },
    );
    const seconds = (performance.now() - started) / 1000;
    const log = await server.requests();
    const byMethod = new Map(log.byMethod);
    const patchesOf = new Map(log.patches);
    const patches = byMethod.get("PATCH") ?? 0;
    const patchesOnUnchanged = [...patchesOf]
      .filter(([id]) => !changed.has(id))
      .reduce((sum, [, n]) => sum + n, 0);
    const changedNotPatchedOnce = [...changed].filter((id) => patchesOf.get(id) !== 1).length;
    return {
      provider: provider.name,
      current: options.current,
      concurrency: options.concurrency,
      records: pairs.length,
      changed: changed.size,
      seconds,
      recordsPerSecond: pairs.length / seconds,
      report: {
        patched: report.patched,
        unchanged: report.unchanged,
        failed: report.failed,
        requests: report.requests,
        bodyBytes: report.bodyBytes,
      },
      patches,
      patchesOnUnchanged,
      changedNotPatchedOnce,
      requests: Object.fromEntries([...byMethod].sort(([a], [b]) => a.localeCompare(b))),
      exact: patchesOnUnchanged === 0 && changedNotPatchedOnce === 0 && report.failed === 0,
      ...(report.failures[0] && { firstFailure: `${report.failures[0].id}: ${report.failures[0].message}` }),
    };
  } finally {
    await server.close();
  }
}
