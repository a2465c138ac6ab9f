import { PatchwiseApiError } from "../errors.ts";
import { sleep as timerSleep } from "../timeout.ts";
import type { ConflictPolicy, Created, Diff3Outcome, ResourceAdapter } from "./adapter.ts";
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
import { createFailureOf, isTransient, reasonOf, waitBeforeRetry } from "./upsert.ts";

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
  /** Records finished (unchanged, patched, created or failed). */
  done: number;
  /** Records in the input, when known (an array's length, or `options.total`). */
  total: number | undefined;
  unchanged: number;
  patched: number;
  created: number;
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
  /**
   * Upserts: the most POSTs of one record (default 3), and the most tries of each look-up by natural
   * key. A POST goes again only after a 429, or after a look-up found that a lost one stored nothing.
   */
  createAttempts?: number;
  /** Upserts: the wait before another try, times the attempt, when the provider names none (default 1000 ms). */
  settleDelayMs?: number;
  /**
   * Lost-update protection: each record as the sync last saw or wrote it, by id (a `Map`, or a store
   * with `get` and `set`). A record with a base is diffed three-way (`adapter.diff3`): only the changes
   * since its base are applied, so what others changed meanwhile stays. After each PATCH (and each
   * record found unchanged or created) the runner sets its new base: the record as now held. A dry run
   * sets none.
   */
  bases?: BaseStore<Read>;
  /** Three-way diffs: which side a field changed on both sides takes (default `"desired"`); `"fail"` fails the record. */
  prefer?: ConflictPolicy;
}

/** Base snapshots by id: a `Map` is one; a store may read and write a database or a state file. */
export interface BaseStore<Read> {
  get(id: string): Read | undefined | PromiseLike<Read | undefined>;
  set(id: string, record: Read): unknown;
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
 * With an adapter that upserts (`naturalKey`, `findByKey`, `create`), a record with no id, or whose GET
 * answers 404, is looked up by its natural key: found, it is diffed and patched like any other; not
 * found, it is created (then read back and patched with what the create body cannot carry). A POST is
 * never sent again blindly: after a timeout, a lost connection, a 408 or a 5xx the runner looks the
 * record up first, and creates again only when nothing was stored; a record it cannot settle fails with
 * the reason. Records of one natural key run one after another, so a run never creates one twice.
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
  const createAttempts = Math.max(1, Math.floor(options.createAttempts ?? 3));
  const settleDelayMs = Math.max(0, options.settleDelayMs ?? 1000);
  const { naturalKey, findByKey, create } = adapter;
  const keyed =
    naturalKey && findByKey && create
      ? {
          naturalKey: naturalKey.bind(adapter),
          findByKey: findByKey.bind(adapter),
          create: create.bind(adapter),
        }
      : undefined;
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
    created: 0,
    failed: 0,
    notAttempted: 0,
    requests: 0,
    bodyBytes: 0,
    fullBodyBytes: 0,
    elapsedMs: 0,
    failures: [],
    pending: [],
    conflicts: 0,
    conflicted: [],
  };
  const total = options.total ?? (Array.isArray(records) ? records.length : undefined);
  const counts = (): SyncCounts => ({
    done: report.unchanged + report.patched + report.created + report.failed,
    total,
    unchanged: report.unchanged,
    patched: report.patched,
    created: report.created,
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
    const seenKeys = new Set<string>();
    const snapshotByKey = snapshot && keyed && byNaturalKey(snapshot, keyed.naturalKey);

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

    /** Sets a record's new base; false (the record failed) when the store refuses it. */
    const keep = async (index: number, id: string, record: Desired, held: Read, what: string) => {
      if (dryRun || !options.bases) return true;
      try {
        await options.bases.set(id, held);
        return true;
      } catch (error) {
        const why = syncErrorOf(error, "state");
        fail(index, id, record, { ...why, message: `${what}, but its base was not saved: ${why.message}` });
        return false;
      }
    };

    /** Waits `ms` unless the run stops first; false when it stopped. */
    const pause = async (ms: number): Promise<boolean> => {
      try {
        await sleep(ms, halt.signal);
      } catch {
        // The run stopped during the wait.
      }
      return !halt.signal.aborted;
    };

    /** The provider's records of a natural key: tried again on transient errors; undefined when the run stopped. */
    const lookUp = async (
      lookup: NonNullable<typeof keyed>,
      record: Desired,
    ): Promise<{ value: Read[] } | { error: unknown } | undefined> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await request(() => lookup.findByKey(record));
        } catch (error) {
          if (!isTransient(error) || attempt >= createAttempts) return { error };
          if (!(await pause(waitBeforeRetry(error, attempt, settleDelayMs)))) return undefined;
        }
      }
    };

    /** The one record of a look-up, or a failure when there are several: the provider holds duplicates. */
    const single = (
      index: number,
      given: string | undefined,
      record: Desired,
      key: string,
      found: Read[],
    ) => {
      if (found.length <= 1) return true;
      const ids = found.map((r) => adapter.id(r) ?? "(no id)").join(", ");
      const message = `${adapter.resource}: ${found.length} records have the natural key ${key} (${ids}): merge them, or sync by id`;
      fail(index, given, record, { stage: "lookup", code: "DUPLICATE_KEY", message });
      return false;
    };

    /** After a create: read it back when the POST did not return it, patch what the create body cannot carry. */
    const created = async (index: number, made: Created<Read>, record: Desired): Promise<void> => {
      const { id } = made;
      let current = made.record;
      if (current === undefined) {
        let got: { value: Read | undefined } | undefined;
        try {
          got = await request(() => adapter.get(id));
        } catch (error) {
          const why = syncErrorOf(error, "read");
          return fail(index, id, record, {
            ...why,
            message: `created as ${id}, then reading it failed: ${why.message}`,
          });
        }
        if (!got || got.value === undefined) {
          const why = got ? "it reads as 404" : "the run stopped before it was read back";
          const message = `${adapter.resource}: created as ${id}, but ${why}: rerun to finish it`;
          return fail(index, id, record, { stage: "read", code: "UNVERIFIED", message });
        }
        current = got.value;
      }
      let outcome: ReturnType<typeof adapter.diff>;
      try {
        outcome = adapter.diff(current, record);
      } catch (error) {
        return fail(index, id, record, syncErrorOf(error, "diff"));
      }
      if (!outcome.noop) {
        const bytes = jsonBytes(outcome.body);
        try {
          const sent = await request(() => adapter.patch(id, outcome.body));
          if (!sent) {
            const message = `${adapter.resource}: created as ${id}; the run stopped before the PATCH of ${outcome.changed.join(", ")}: rerun to finish it`;
            return fail(index, id, record, { stage: "patch", code: "UNFINISHED", message });
          }
        } catch (error) {
          report.bodyBytes += bytes;
          const why = syncErrorOf(error, "patch");
          return fail(index, id, record, { ...why, message: `created as ${id}, then ${why.message}` });
        }
        report.bodyBytes += bytes;
      }
      if (!(await keep(index, id, record, { ...current, ...record } as Read, `created as ${id}`))) return;
      report.created++;
      const changed = outcome.noop ? [] : outcome.changed;
      onProgress({ ...counts(), type: "record", outcome: { index, id, status: "created", changed } });
    };

    /**
     * A record the provider lacks by id: looked up by natural key and returned when found, else created
     * (and reported here). A POST whose answer was lost is followed by a look-up before any other.
     */
    const upsert = async (
      index: number,
      given: string | undefined,
      record: Desired,
    ): Promise<[string, Read] | undefined> => {
      if (!keyed) return undefined;
      let key: string | undefined;
      try {
        key = keyed.naturalKey(record);
      } catch (error) {
        fail(index, given, record, syncErrorOf(error, "key"));
        return undefined;
      }
      if (key === undefined) {
        const what = given === undefined ? "has no id" : `has the id ${given}, which answers 404,`;
        const message = `${adapter.resource}: the record ${what} and no natural key to look it up by, so it cannot be created without risking a duplicate`;
        fail(index, given, record, { stage: "key", code: "MISSING_KEY", message });
        return undefined;
      }
      // A snapshot may find the record on the first look-up of a key; its "none" is never trusted for a
      // POST (it may be stale), and after the first look-up a record of the key may have been created.
      let found = seenKeys.has(key) ? undefined : snapshotByKey?.get(key);
      seenKeys.add(key);
      if (found === undefined) {
        const looked = await lookUp(keyed, record);
        if (!looked) {
          pend(index, given, record);
          return undefined;
        }
        if ("error" in looked) {
          fail(index, given, record, syncErrorOf(looked.error, "lookup"));
          return undefined;
        }
        found = looked.value;
      }
      if (!single(index, given, record, key, found)) return undefined;
      const [existing] = found;
      const existingId = existing && adapter.id(existing);
      if (existing && existingId !== undefined) return [existingId, existing];

      if (dryRun) {
        report.created++;
        onProgress({
          ...counts(),
          type: "record",
          outcome: { index, id: undefined, status: "created", changed: [] },
        });
        return undefined;
      }
      let last: unknown;
      for (let attempt = 1; attempt <= createAttempts; attempt++) {
        let sent: { value: Created<Read> } | undefined;
        try {
          sent = await request(() => keyed.create(record));
        } catch (error) {
          last = error;
          const kind = createFailureOf(error);
          if (kind === "refused") {
            fail(index, given, record, syncErrorOf(error, "create"));
            return undefined;
          }
          if (kind === "unknown") {
            // The provider may have stored it: only a look-up tells, and it comes before any new POST.
            const settled = await lookUp(keyed, record);
            if (!settled || "error" in settled) {
              const lookupWhy = settled ? reasonOf(settled.error) : "the run stopped first";
              const message = `${adapter.resource}: the answer to the create of ${key} was lost (${reasonOf(error)}) and the look-up that would settle it failed (${lookupWhy}): it may exist; rerun to settle it`;
              fail(index, given, record, { ...syncErrorOf(error, "create"), code: "UNSETTLED", message });
              return undefined;
            }
            if (!single(index, given, record, key, settled.value)) return undefined;
            const [stored] = settled.value;
            const storedId = stored && adapter.id(stored);
            if (stored && storedId !== undefined) {
              await created(index, { id: storedId, record: stored }, record);
              return undefined;
            }
          }
          if (attempt < createAttempts && !(await pause(waitBeforeRetry(error, attempt, settleDelayMs)))) {
            // Nothing was stored (the look-up said so, or the provider refused with a 429).
            pend(index, given, record);
            return undefined;
          }
          continue;
        }
        if (!sent) {
          pend(index, given, record);
          return undefined;
        }
        await created(index, sent.value, record);
        return undefined;
      }
      const why = syncErrorOf(last, "create");
      const message = `${adapter.resource}: ${key} not created in ${createAttempts} attempts, none stored: ${why.message}`;
      fail(index, given, record, { ...why, message });
      return undefined;
    };

    /** The id and current record of a desired one; undefined when it was settled otherwise (created, failed, pending). */
    const resolve = async (
      index: number,
      given: string | undefined,
      record: Desired,
    ): Promise<[string, Read] | undefined> => {
      if (given === undefined) return upsert(index, given, record);
      const id = given;
      const current = seen.has(id) ? undefined : snapshot?.get(id);
      seen.add(id);
      if (current !== undefined) return [id, current];
      let got: { value: Read | undefined } | undefined;
      try {
        got = await request(() => adapter.get(id));
      } catch (error) {
        fail(index, id, record, syncErrorOf(error, "read"));
        return undefined;
      }
      if (!got) {
        pend(index, id, record);
        return undefined;
      }
      if (got.value !== undefined) return [id, got.value];
      if (keyed) return upsert(index, id, record);
      const message = `${adapter.resource}: no record ${id} (404)`;
      fail(index, id, record, { stage: "read", status: 404, code: "NOT_FOUND", message });
      return undefined;
    };

    const one = async (index: number, given: string | undefined, record: Desired): Promise<void> => {
      const resolved = await resolve(index, given, record);
      if (!resolved) return;
      const [id, current] = resolved;
      let outcome: ReturnType<typeof adapter.diff> & Partial<Diff3Outcome<Patch>>;
      try {
        const base = adapter.diff3 && (await options.bases?.get(id));
        outcome =
          base === undefined || !adapter.diff3
            ? adapter.diff(current, record)
            : adapter.diff3({ base, current, desired: record }, options.prefer ?? "desired");
      } catch (error) {
        // Policy `fail`: a `MergeConflictError` (read structurally) lists the conflicts it refused.
        const refused = (error as { conflicts?: unknown } | null)?.conflicts;
        if (Array.isArray(refused) && refused.length) {
          report.conflicts += refused.length;
          report.conflicted.push({ index, id, conflicts: refused });
        }
        return fail(index, id, record, syncErrorOf(error, "diff"));
      }
      const conflicts = outcome.conflicts ?? [];
      if (conflicts.length) {
        report.conflicts += conflicts.length;
        report.conflicted.push({ index, id, conflicts });
      }
      const also = conflicts.length ? { conflicts } : {};
      // The record as the provider now holds it (a PATCH answer is not read back: current and the body).
      const held = { ...current, ...(outcome.merged ?? record) } as Read;
      try {
        report.fullBodyBytes += jsonBytes(adapter.fullBody(record));
      } catch {
        // A measure only: a record the diff accepted is never failed for it.
      }
      if (outcome.noop) {
        if (!(await keep(index, id, record, current, "unchanged"))) return;
        report.unchanged++;
        const done: RecordOutcome = { index, id, status: "unchanged", changed: [], ...also };
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
      if (!(await keep(index, id, record, held, "patched"))) return;
      report.patched++;
      const done: RecordOutcome = { index, id, status: "patched", changed: outcome.changed, ...also };
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
        if (id === undefined && !keyed) {
          const message = `${adapter.resource}: the record has no id`;
          fail(index, undefined, record, { stage: "id", code: "MISSING_ID", message });
          continue;
        }
        // Records of one id, or of one natural key, run one after another: never two creates of one key.
        let key: string | undefined;
        try {
          key = keyed?.naturalKey(record);
        } catch {
          key = undefined; // reported by `upsert` when the key is needed
        }
        const links = [id && `id:${id}`, key && `key:${key}`].filter((l): l is string => !!l);
        const previous = Promise.all(links.map((l) => chains.get(l)));
        const run = previous.then(() =>
          halt.signal.aborted ? pend(index, id, record) : one(index, id, record),
        );
        const settled = run.catch((error: unknown) => fail(index, id, record, syncErrorOf(error, "read")));
        for (const l of links) chains.set(l, settled);
        await settled;
        for (const l of links) if (chains.get(l) === settled) chains.delete(l);
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

/** The records of a snapshot by natural key (records without one are left out). */
function byNaturalKey<Read>(
  snapshot: ReadonlyMap<string, Read>,
  naturalKey: (record: Read) => string | undefined,
): Map<string, Read[]> {
  const out = new Map<string, Read[]>();
  for (const record of snapshot.values()) {
    let key: string | undefined;
    try {
      key = naturalKey(record);
    } catch {
      continue; // a record the adapter cannot key is never a match
    }
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(record);
    else out.set(key, [record]);
  }
  return out;
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
