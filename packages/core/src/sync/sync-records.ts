import { PatchwiseApiError } from "../errors.ts";
import { sleep as timerSleep } from "../timeout.ts";
import type { ResourceAdapter } from "./adapter.ts";
import { createPacer } from "./pacer.ts";
import {
  jsonBytes,
  type PendingRecord,
  type RecordOutcome,
  type SyncError,
  type SyncFailure,
  type SyncReport,
  type SyncStop,
  syncErrorOf,
} from "./report.ts";

/** Where the current records come from. */
export type CurrentSource<Read> =
  /** One GET per record (default). */
  | "get"
  /** One `adapter.list()` before the first record: a page per hundred records instead of a GET each. */
  | "list"
  /** A snapshot the caller holds, by id or as records; a record missing from it is read with GET. */
  | ReadonlyMap<string, Read>
  | Iterable<Read>
  | AsyncIterable<Read>;

/** Counts so far, with every progress event. */
export interface SyncCounts {
  /** Records finished (unchanged, patched or failed). */
  done: number;
  /** Records in the input, when known (an array's length, or `options.total`). */
  total: number | undefined;
  unchanged: number;
  patched: number;
  failed: number;
  requests: number;
  elapsedMs: number;
}

/** A progress event: a record is done, or the runner waits `waitMs` for the rate-limit window. */
export type SyncProgress = SyncCounts &
  ({ type: "record"; outcome: RecordOutcome } | { type: "pace"; waitMs: number });

/** Options of `syncRecords`. */
export interface SyncOptions<Read> {
  /** Records in flight at once (default 4). */
  concurrency?: number;
  /** Read and diff, but send no PATCH. */
  dryRun?: boolean;
  /**
   * Stops the run: no record is attempted after it aborts, requests in flight finish, and every record
   * not attempted is reported in `pending`, the rest of the input included (it is still read to the
   * end, so an endless input should end when this signal aborts). A wait for the rate limit is cut short.
   */
  signal?: AbortSignal;
  /** Called after each record and before each wait for the rate limit. */
  onProgress?: (progress: SyncProgress) => void;
  /** Where the current records come from (default `"get"`). */
  current?: CurrentSource<Read>;
  /** The number of input records, for progress, when the input is not an array. */
  total?: number;
  /** The clock of the pacing (default `Date.now`); inject it in tests. */
  now?: () => number;
  /** The wait of the pacing (default a timer the signal cuts short); inject it in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

type Input<T> = Iterable<T> | AsyncIterable<T>;

/** One `next()` at a time over any iterable: workers share the input. */
function sharedIterator<T>(input: Input<T>): () => Promise<IteratorResult<T>> {
  const it =
    Symbol.asyncIterator in input
      ? (input as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (input as Iterable<T>)[Symbol.iterator]();
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const next = queue.then(() => it.next());
    queue = next.catch(() => undefined);
    return next;
  };
}

const stopped = (reason: SyncStop["reason"], error: unknown): SyncStop => ({
  reason,
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Brings a provider's records to the desired state: per desired record it reads the current record
 * (GET, or a snapshot), diffs, skips no-ops, sends the PATCH and reports. Up to `concurrency` records
 * are in flight; requests wait while the provider's rate-limit window is spent. One bad record never
 * stops the run: it is reported with its id, status, provider code and message. A 401 stops the run
 * (every later record would get it too), as does the caller's `signal`: requests in flight finish and
 * the records not attempted are reported in `pending`. Nothing is lost: `failures` and `pending` hold
 * every desired record that is not known to be in its desired state (`failureLines` writes them).
 *
 * @example
 * const report = await syncRecords(createFolkPeopleAdapter(folk), desired, { concurrency: 4, signal });
 * console.log(report.patched, report.unchanged, report.failed, report.notAttempted);
 */
export async function syncRecords<Read, Patch, Desired>(
  adapter: ResourceAdapter<Read, Patch, Desired>,
  records: Input<Desired>,
  options: SyncOptions<Read> = {},
): Promise<SyncReport<Desired>> {
  const { dryRun = false, now = Date.now, sleep = timerSleep } = options;
  const onProgress = (progress: SyncProgress): void => {
    try {
      options.onProgress?.(progress);
    } catch {
      // A progress display that throws must not lose a record's outcome: the report holds them all.
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const started = now();
  const signal = options.signal ?? new AbortController().signal;
  // Aborts taking records: the caller's signal, a 401, or a broken input. Requests in flight are never
  // aborted by it: they finish and their records are reported as they end.
  const halt = new AbortController();
  const stopAll = (stop: SyncStop) => {
    report.stopped ??= stop;
    halt.abort(stop);
  };
  const onAbort = () => stopAll(stopped("signal", signal.reason ?? "aborted"));
  const report: SyncReport<Desired> = {
    resource: adapter.resource,
    dryRun,
    read: 0,
    unchanged: 0,
    patched: 0,
    failed: 0,
    notAttempted: 0,
    requests: 0,
    bodyBytes: 0,
    fullBodyBytes: 0,
    elapsedMs: 0,
    failures: [],
    pending: [],
  };
  const total = options.total ?? (Array.isArray(records) ? records.length : undefined);
  const counts = (): SyncCounts => ({
    done: report.unchanged + report.patched + report.failed,
    total,
    unchanged: report.unchanged,
    patched: report.patched,
    failed: report.failed,
    requests: report.requests,
    elapsedMs: now() - started,
  });
  const pacer = createPacer({
    rateLimit: () => adapter.rateLimit(),
    now,
    sleep,
    onWait: (waitMs) => onProgress({ ...counts(), type: "pace", waitMs }),
  });
  /** A request through the pacer; `undefined` when the run stopped before it could start. */
  const request = async <T>(send: () => Promise<T>): Promise<{ value: T } | undefined> => {
    try {
      await pacer.ready(halt.signal);
    } catch {
      return undefined;
    }
    pacer.started();
    report.requests++;
    try {
      return { value: await send() };
    } finally {
      pacer.ended();
    }
  };

  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  try {
    const snapshot = await loadSnapshot(adapter, options.current ?? "get", halt.signal).catch(
      (error: unknown) => {
        stopAll(stopped(isUnauthorized(error) ? "unauthorized" : "snapshot", error));
        return new Map<string, Read>();
      },
    );
    // Records of one id run one after another, the later against a fresh GET: the last one wins.
    const chains = new Map<string, Promise<void>>();
    const seen = new Set<string>();

    const fail = (index: number, id: string | undefined, record: Desired, error: SyncError) => {
      report.failed++;
      report.failures.push({ ...error, index, id, record } satisfies SyncFailure<Desired>);
      if (error.status === 401) stopAll({ reason: "unauthorized", message: error.message });
      onProgress({ ...counts(), type: "record", outcome: { index, id, status: "failed", error } });
    };
    const pend = (index: number, id: string | undefined, record: Desired) => {
      report.notAttempted++;
      report.pending.push({ index, id, record } satisfies PendingRecord<Desired>);
    };

    const one = async (index: number, id: string, record: Desired): Promise<void> => {
      let current = seen.has(id) ? undefined : snapshot?.get(id);
      seen.add(id);
      if (current === undefined) {
        let got: { value: Read | undefined } | undefined;
        try {
          got = await request(() => adapter.get(id));
        } catch (error) {
          return fail(index, id, record, syncErrorOf(error, "read"));
        }
        if (!got) return pend(index, id, record);
        if (got.value === undefined) {
          const message = `${adapter.resource}: no record ${id} (404)`;
          return fail(index, id, record, { stage: "read", status: 404, code: "NOT_FOUND", message });
        }
        current = got.value;
      }
      let outcome: ReturnType<typeof adapter.diff>;
      try {
        outcome = adapter.diff(current, record);
      } catch (error) {
        return fail(index, id, record, syncErrorOf(error, "diff"));
      }
      try {
        report.fullBodyBytes += jsonBytes(adapter.fullBody(record));
      } catch {
        // A measure only: a record the diff accepted is never failed for it.
      }
      if (outcome.noop) {
        report.unchanged++;
        const done: RecordOutcome = { index, id, status: "unchanged", changed: [] };
        return onProgress({ ...counts(), type: "record", outcome: done });
      }
      const bytes = jsonBytes(outcome.body);
      if (!dryRun) {
        try {
          if (!(await request(() => adapter.patch(id, outcome.body)))) return pend(index, id, record);
        } catch (error) {
          report.bodyBytes += bytes;
          return fail(index, id, record, syncErrorOf(error, "patch"));
        }
      }
      report.bodyBytes += bytes;
      report.patched++;
      const done: RecordOutcome = { index, id, status: "patched", changed: outcome.changed };
      onProgress({ ...counts(), type: "record", outcome: done });
    };

    const next = sharedIterator(records);
    const worker = async (): Promise<void> => {
      for (;;) {
        let item: IteratorResult<Desired>;
        try {
          item = await next();
        } catch (error) {
          stopAll(stopped("input", error));
          return;
        }
        if (item.done) return;
        const index = report.read++;
        const record = item.value;
        let id: string | undefined;
        try {
          id = adapter.id(record);
        } catch (error) {
          fail(index, undefined, record, syncErrorOf(error, "id"));
          continue;
        }
        if (halt.signal.aborted) {
          pend(index, id, record);
          continue;
        }
        if (id === undefined) {
          const message = `${adapter.resource}: the record has no id`;
          fail(index, undefined, record, { stage: "id", code: "MISSING_ID", message });
          continue;
        }
        const previous = chains.get(id);
        const run = (previous ?? Promise.resolve()).then(() =>
          halt.signal.aborted ? pend(index, id, record) : one(index, id, record),
        );
        const settled = run.catch((error: unknown) => fail(index, id, record, syncErrorOf(error, "read")));
        chains.set(id, settled);
        await settled;
        if (chains.get(id) === settled) chains.delete(id);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  report.failures.sort((a, b) => a.index - b.index);
  report.pending.sort((a, b) => a.index - b.index);
  report.elapsedMs = now() - started;
  return report;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof PatchwiseApiError && error.status === 401;
}

/** The snapshot by id, or undefined for "get". */
async function loadSnapshot<Read, Patch, Desired>(
  adapter: ResourceAdapter<Read, Patch, Desired>,
  source: CurrentSource<Read>,
  signal: AbortSignal,
): Promise<ReadonlyMap<string, Read> | undefined> {
  if (source === "get") return undefined;
  if (source instanceof Map) return source as ReadonlyMap<string, Read>;
  const records = source === "list" ? adapter.list(signal) : (source as Input<Read>);
  const byId = new Map<string, Read>();
  const add = (record: Read) => {
    const id = adapter.id(record);
    if (id !== undefined) byId.set(id, record);
  };
  if (Symbol.asyncIterator in records) for await (const record of records as AsyncIterable<Read>) add(record);
  else for (const record of records as Iterable<Read>) add(record);
  return byId;
}
