import { writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import {
  type FailureLine,
  failureLines,
  type ResourceAdapter,
  type SyncError,
  type SyncProgress,
  type SyncReport,
  syncRecords,
} from "@patchwise/core";
import type { FaultOptions, RateLimitOptions } from "@patchwise/core/testing";
import { CliError, EXIT, type ExitCode } from "../exit-codes.ts";
import { formatBytes, formatDuration, savedPercent, table } from "../format.ts";
import { type InputRecord, readRecords } from "../input.ts";
import type { Output } from "../output.ts";
import { createProgress, type ProgressMode } from "../progress.ts";
import type { CliProvider, ProviderSimulator } from "../providers/index.ts";
import { readState, writeState } from "../state.ts";

/** The embedded simulator's knobs: hidden flags, for testing (packages/cli/README.md, "Testing flags"). */
interface SimulatorKnobs {
  /** Sample records it starts with (default 1000). */
  records: number;
  /** Sample records it lacks, added to the desired ones without ids, to be created (default 0). */
  newRecords?: number | undefined;
  seed: number;
  failRate?: number | undefined;
  throttleRate?: number | undefined;
  dropRate?: number | undefined;
  lostRate?: number | undefined;
  rateLimit?: RateLimitOptions | undefined;
  latency?: number | undefined;
  /** `Retry-After` of an injected 429, in seconds (default 1). */
  retryAfter?: number | undefined;
}

/** Options of `patchwise sync`. */
export interface SyncArgs {
  input?: string | undefined;
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  accountId?: string | undefined;
  companyId?: string | undefined;
  concurrency: number;
  dryRun: boolean;
  failures?: string | undefined;
  /** `get`: one GET per record; `list`: list every record first. */
  read: "get" | "list";
  /** Base snapshots (JSONL): read before the run, written after it; a record with a base is diffed three-way. */
  state?: string | undefined;
  /** Three-way diffs: the side a field changed on both sides takes (default `desired`). */
  prefer?: "desired" | "current" | "fail" | undefined;
  quiet: boolean;
  json: boolean;
  /** Client retries (default 3) and backoff base in ms (default 500). */
  retries?: number | undefined;
  retryDelay?: number | undefined;
  sim: SimulatorKnobs;
}

/** The process hooks a sync needs: the environment, and its Ctrl-C. */
export interface SyncContext {
  env: NodeJS.ProcessEnv;
  /** Registers the Ctrl-C handler; returns its removal. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exit(code: number): never;
}

const MAX_LISTED = 20; // failures listed on stderr; the failures file and --json hold them all

/** Where the records go: the provider's API, or a simulator in this process. */
interface Target {
  label: string;
  apiKey: string;
  baseUrl?: string;
  fetch: (request: Request) => Promise<Response>;
  accountId?: string | undefined;
  companyId?: string | undefined;
  sim?: ProviderSimulator;
  desired?: unknown[];
}

async function targetOf(
  provider: CliProvider,
  args: SyncArgs,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<Target> {
  if (args.baseUrl !== undefined) {
    if (!URL.canParse(args.baseUrl) || !/^https?:$/.test(new URL(args.baseUrl).protocol)) {
      throw new CliError(`--base-url: expected an http(s) URL, got "${args.baseUrl}"`, EXIT.usage);
    }
    const apiKey = args.apiKey ?? env.PATCHWISE_API_KEY ?? env[provider.envKey];
    output.secret(apiKey);
    if (!apiKey) {
      throw new CliError(
        `no API key: pass --api-key, or set PATCHWISE_API_KEY or ${provider.envKey}`,
        EXIT.usage,
      );
    }
    const accountId = args.accountId ?? env.PATCHWISE_ACCOUNT_ID ?? env.STACKONE_ACCOUNT_ID;
    if (provider.needsAccountId && !accountId) {
      throw new CliError(
        `${provider.title} needs a linked account: pass --account-id, or set STACKONE_ACCOUNT_ID`,
        EXIT.usage,
      );
    }
    if (!args.input) throw new CliError("--input is required with --base-url", EXIT.usage);
    const companyId = args.companyId ?? env.INSTAVIEW_COMPANY_ID;
    const http = (request: Request) => fetch(request);
    return { label: args.baseUrl, apiKey, baseUrl: args.baseUrl, fetch: http, accountId, companyId };
  }
  const { sim: knobs } = args;
  const testing = await provider.testing();
  const records = testing.sampleRecords(knobs.records, knobs.seed);
  const faults: FaultOptions = {
    seed: knobs.seed,
    ...(knobs.failRate && { serverErrorRate: knobs.failRate }),
    ...(knobs.throttleRate && { rateLimitedRate: knobs.throttleRate }),
    ...(knobs.dropRate && { dropRate: knobs.dropRate }),
    ...(knobs.lostRate && { lostResponseRate: knobs.lostRate }),
    ...(knobs.retryAfter !== undefined && { retryAfterSeconds: knobs.retryAfter }),
  };
  const sim = testing.simulator({
    records,
    faults,
    ...(knobs.rateLimit && { rateLimit: knobs.rateLimit }),
    ...(knobs.latency !== undefined && { latencyMs: knobs.latency }),
  });
  return {
    label: "the embedded simulator",
    apiKey: sim.apiKey,
    // Never resolved: the simulator's fetch answers in-process; the name shows in messages.
    baseUrl: `http://${provider.name}.simulator.invalid`,
    fetch: (request) => sim.fetch(request),
    ...testing.account,
    companyId: args.companyId,
    sim,
    ...(!args.input && {
      desired: [
        ...testing.sampleChanges(records, knobs.seed + 1, 1 / 3),
        ...testing.sampleNew(knobs.newRecords ?? 0, knobs.seed + 2),
      ],
    }),
  };
}

/** The failures file lines for a quit by a second Ctrl-C: what was reported, and every record not done. */
function quitLines(
  input: readonly InputRecord[],
  done: ReadonlyMap<number, SyncError | undefined>,
): string[] {
  return input.flatMap(({ record }, index): string[] => {
    const id = typeof record.id === "string" ? record.id : undefined;
    if (!done.has(index)) {
      const failure = {
        stage: "not-attempted" as const,
        message: "not attempted or not finished: quit by Ctrl-C",
      };
      return [JSON.stringify({ id, failure, record } satisfies FailureLine)];
    }
    const failure = done.get(index);
    return failure ? [JSON.stringify({ id, failure, record } satisfies FailureLine)] : [];
  });
}

/**
 * Records whose simulator state is not their desired one, though the run reported them done: by id,
 * or, for a record without one (or whose id the simulator lacks), the one record of its natural key.
 */
function unsynced(
  provider: CliProvider,
  adapter: ResourceAdapter<unknown, unknown, unknown>,
  sim: ProviderSimulator,
  input: readonly InputRecord[],
  report: SyncReport<unknown>,
): string[] {
  const reported = new Set([...report.failures, ...report.pending].map((r) => r.index));
  const byKey = new Map<string, unknown[]>();
  for (const stored of adapter.naturalKey ? sim.all() : []) {
    const key = adapter.naturalKey?.(stored);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), stored]);
  }
  return input.flatMap(({ record, where }, index) => {
    if (reported.has(index)) return [];
    const id = typeof record.id === "string" ? record.id : undefined;
    const byId = id === undefined ? undefined : sim.get(id);
    const key = byId === undefined ? adapter.naturalKey?.(record) : undefined;
    const matches = byId !== undefined ? [byId] : key === undefined ? [] : (byKey.get(key) ?? []);
    const [current] = matches;
    const name = id ?? (key === undefined ? where : `${key} (${matches.length} records)`);
    return matches.length === 1 && provider.diff(current, record).noop ? [] : [name];
  });
}

/**
 * `patchwise sync <provider>`: brings the provider's records to the desired records of `--input`
 * (JSONL, or a failures file of an earlier run) with `syncRecords`, or, without `--base-url`, an
 * embedded simulator seeded with sample data to its sample changes. Reports progress, a summary,
 * every failure with its line, and writes the failures file. Exit codes: 0 all synced, 4 the key
 * was refused, 5 some records failed or were not attempted.
 * @example const code = await syncCommand(await loadProvider("folk"), args, output, { env: process.env, ... });
 */
export async function syncCommand(
  provider: CliProvider,
  args: SyncArgs,
  output: Output,
  context: SyncContext,
): Promise<ExitCode> {
  // Arguments first (exit 2), then the input (exit 3), then an embedded simulator's sample data.
  const remote = args.baseUrl === undefined ? undefined : await targetOf(provider, args, context.env, output);
  const given = args.input ? await readRecords(args.input) : undefined;
  const target = remote ?? (await targetOf(provider, args, context.env, output));
  const input: InputRecord[] =
    given ??
    (target.desired ?? []).map((record, i) => ({
      where: `sample ${i + 1}`,
      record: record as Record<string, unknown>,
    }));
  const noun = `${provider.title} ${provider.records}`;
  if (target.sim && !args.quiet) {
    const what = args.input ? `the records of ${args.input}` : `their sample changes (a third changed)`;
    output.err(
      `No --base-url: syncing ${what} into an embedded ${provider.title} simulator seeded with ${args.sim.records} sample ${provider.records}.`,
    );
  }

  let httpRequests = 0;
  let retries = 0;
  const adapter = provider.adapter({
    apiKey: target.apiKey,
    baseUrl: target.baseUrl,
    fetch: (request) => {
      httpRequests++;
      return target.fetch(request);
    },
    accountId: target.accountId,
    companyId: target.companyId,
    retry: {
      ...(args.retries !== undefined && { retries: args.retries }),
      ...(args.retryDelay !== undefined && { minDelayMs: args.retryDelay }),
    },
    logger: (event) => {
      if (event.type === "retry") retries++;
    },
  });

  // Base snapshots: read now (a bad state file stops the run before anything is sent), saved after it.
  const bases = args.state ? await readState(args.state, adapter) : undefined;
  const prefer = args.prefer ?? "desired";
  const saveState = () => {
    if (bases && args.state && !args.dryRun) writeState(args.state, bases);
  };

  const mode: ProgressMode = args.quiet ? "none" : output.isTTY ? "bar" : "lines";
  const progress = createProgress(output, mode, noun, input.length);
  const done = new Map<number, SyncError | undefined>();
  let rateLimitWaits = 0;
  const controller = new AbortController();
  let interrupts = 0;
  const removeInterrupt = context.onInterrupt(() => {
    if (++interrupts === 1) {
      controller.abort();
      progress.note(
        "Stopping: requests in flight finish, and every record not synced is reported. Ctrl-C again to quit now.",
      );
      return;
    }
    progress.stop();
    if (args.failures)
      writeFileSync(
        args.failures,
        quitLines(input, done)
          .map((l) => `${l}\n`)
          .join(""),
      );
    saveState();
    const kept = args.failures ? `; every record not known to be synced is in ${args.failures}` : "";
    output.err(`Quit${kept}.`);
    context.exit(EXIT.interrupted);
  });

  let report: SyncReport<unknown>;
  try {
    report = await syncRecords(
      adapter,
      input.map((r) => r.record),
      {
        concurrency: args.concurrency,
        dryRun: args.dryRun,
        // The wait before another look-up or create of a record; the client's backoff base sets it too.
        ...(args.retryDelay !== undefined && { settleDelayMs: args.retryDelay }),
        signal: controller.signal,
        current: args.read,
        ...(bases && { bases, prefer }),
        onProgress: (p: SyncProgress) => {
          if (p.type === "record") {
            done.set(p.outcome.index, p.outcome.status === "failed" ? p.outcome.error : undefined);
          } else rateLimitWaits++;
          progress.update(p);
        },
      },
    );
  } finally {
    progress.stop();
    removeInterrupt();
  }

  saveState();
  if (args.failures) {
    await writeFile(
      args.failures,
      failureLines(report)
        .map((l) => `${l}\n`)
        .join(""),
    );
  }
  // Three-way diffs keep others' changes, so a record may rightly differ from its desired one.
  const lost =
    target.sim && !args.dryRun && !bases ? unsynced(provider, adapter, target.sim, input, report) : undefined;
  const summary = {
    provider: provider.name,
    resource: report.resource,
    target: target.sim ? "embedded simulator" : target.label,
    dryRun: report.dryRun,
    read: report.read,
    unchanged: report.unchanged,
    patched: report.patched,
    created: report.created,
    failed: report.failed,
    notAttempted: report.notAttempted,
    requests: report.requests,
    httpRequests,
    retries,
    rateLimitWaits, // waits for the provider's rate-limit window to turn, each worker's counted
    bodyBytes: report.bodyBytes,
    fullBodyBytes: report.fullBodyBytes,
    savedPercent: savedPercent(report.bodyBytes, report.fullBodyBytes),
    elapsedMs: Math.round(report.elapsedMs),
    ...(report.stopped && { stopped: report.stopped }),
    failures: report.failures.map(({ record: _r, index, ...f }) => ({ where: input[index]?.where, ...f })),
    pending: report.pending.map(({ index, id }) => ({ where: input[index]?.where, id })),
    conflicts: report.conflicts,
    conflicted: report.conflicted.map(({ index, ...c }) => ({ where: input[index]?.where, ...c })),
    ...(args.state && { stateFile: args.state, prefer }),
    ...(args.failures && { failuresFile: args.failures }),
    ...(lost && {
      simulator: { checked: report.read - report.failed - report.notAttempted, unsynced: lost },
    }),
  };

  if (args.json) output.out(JSON.stringify(summary));
  else if (!args.quiet) {
    const would = args.dryRun ? " (dry run: nothing sent)" : "";
    output.out(
      `${noun}: ${report.read} records in ${formatDuration(report.elapsedMs)} against ${target.label}${would}`,
    );
    const rows = [
      [args.dryRun ? "would patch" : "patched", String(report.patched)],
      [args.dryRun ? "would create" : "created", String(report.created)],
      ["unchanged", String(report.unchanged)],
      ["failed", String(report.failed)],
      ...(bases
        ? [["conflicts", `${report.conflicts} in ${report.conflicted.length} records (prefer: ${prefer})`]]
        : []),
      ...(report.notAttempted ? [["not attempted", String(report.notAttempted)]] : []),
      ["requests", `${httpRequests} HTTP (${retries} retries, ${rateLimitWaits} waits for the rate limit)`],
      [
        "bytes sent",
        `${formatBytes(report.bodyBytes)}, against ${formatBytes(report.fullBodyBytes)} of whole-record bodies: ${savedPercent(report.bodyBytes, report.fullBodyBytes)}% saved`,
      ],
    ];
    for (const line of table(rows, ["l", "l"])) output.out(`  ${line}`);
    if (lost?.length === 0)
      output.out("  Checked: every record not reported is as desired in the simulator.");
  }
  const notSynced = report.failed + report.notAttempted;
  for (const f of report.failures.slice(0, MAX_LISTED)) {
    // An API error's message starts with its status and code; a network error's says what happened.
    const why = f.message.split("\n").join(" ");
    output.err(`  ${input[f.index]?.where} ${f.id ?? "(no id)"}: ${f.stage} failed: ${why}`);
  }
  if (report.failures.length > MAX_LISTED) {
    output.err(`  … and ${report.failures.length - MAX_LISTED} more failures`);
  }
  for (const { index, id, conflicts } of report.conflicted.slice(0, MAX_LISTED)) {
    const fields = conflicts.map((c) => `${c.field} (kept ${c.kept})`).join(", ");
    output.err(`  ${input[index]?.where} ${id}: changed on both sides since the base: ${fields}`);
  }
  if (report.conflicted.length > MAX_LISTED) {
    output.err(`  … and ${report.conflicted.length - MAX_LISTED} more records with conflicts`);
  }
  if (report.stopped) output.err(`Stopped (${report.stopped.reason}): ${report.stopped.message}`);
  if (notSynced && args.failures) {
    output.err(
      `${notSynced} records not synced are in ${args.failures}: rerun with --input ${args.failures}`,
    );
  } else if (notSynced) {
    output.err(`${notSynced} records were not synced: pass --failures <file> to keep them for a rerun`);
  }
  if (lost?.length) {
    output.err(`Not as desired in the simulator, yet not reported: ${lost.join(", ")}`);
    return EXIT.invalid;
  }
  if (report.stopped?.reason === "unauthorized") {
    output.err(
      `${provider.title} refused the API key (401): check --api-key, PATCHWISE_API_KEY or ${provider.envKey}`,
    );
    return EXIT.auth;
  }
  return notSynced ? EXIT.partial : EXIT.ok;
}
