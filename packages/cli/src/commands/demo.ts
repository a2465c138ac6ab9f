import { syncRecords } from "@patchwise/core";
import { EXIT, type ExitCode } from "../exit-codes.ts";
import { formatBytes, formatDuration, savedPercent, table } from "../format.ts";
import type { Output } from "../output.ts";
import { createProgress } from "../progress.ts";
import { type CliProvider, loadProvider, PROVIDER_NAMES } from "../providers/index.ts";

/** Options of `patchwise demo`. */
export interface DemoArgs {
  records: number;
  /** Sample records per provider that its simulator lacks, synced without ids: created (default 0). */
  new?: number;
  concurrency: number;
  read: "get" | "list";
  json: boolean;
  quiet: boolean;
}

/** One provider's line of the demo table. */
interface DemoRow {
  provider: string;
  records: number;
  patched: number;
  created: number;
  skipped: number;
  failed: number;
  /** HTTP requests the client sent, retries included. */
  requests: number;
  bodyBytes: number;
  fullBodyBytes: number;
  savedPercent: number;
  elapsedMs: number;
  /** Records not in their desired state in the simulator afterwards (0 when the sync did its job). */
  unsynced: number;
}

/** Syncs one provider's sample changes into its simulator through the real client. */
async function demoOne(provider: CliProvider, args: DemoArgs, output: Output): Promise<DemoRow> {
  const testing = await provider.testing();
  const records = testing.sampleRecords(args.records, 1);
  const desired = [...testing.sampleChanges(records, 2, 1 / 3), ...testing.sampleNew(args.new ?? 0, 3)];
  const sim = testing.simulator({ records });
  let requests = 0;
  const adapter = provider.adapter({
    apiKey: sim.apiKey,
    ...testing.account,
    fetch: (request) => {
      requests++;
      return sim.fetch(request);
    },
  });
  const mode = args.quiet || args.json ? "none" : output.isTTY ? "bar" : "lines";
  const progress = createProgress(output, mode, provider.title.padEnd(9), desired.length);
  const report = await syncRecords(adapter, desired, {
    concurrency: args.concurrency,
    current: args.read,
    onProgress: progress.update,
  });
  progress.stop();
  const stored = sim.all();
  const unsynced = desired.filter((want) => {
    const id = adapter.id(want);
    // A new record is checked by its natural key: exactly one record of it, as desired.
    const key = id === undefined ? adapter.naturalKey?.(want) : undefined;
    const matches = id !== undefined ? [sim.get(id)] : stored.filter((r) => adapter.naturalKey?.(r) === key);
    const [current] = matches;
    return matches.length !== 1 || current === undefined || !provider.diff(current, want).noop;
  }).length;
  return {
    provider: provider.title,
    records: report.read,
    patched: report.patched,
    created: report.created,
    skipped: report.unchanged,
    failed: report.failed + report.notAttempted,
    requests,
    bodyBytes: report.bodyBytes,
    fullBodyBytes: report.fullBodyBytes,
    savedPercent: savedPercent(report.bodyBytes, report.fullBodyBytes),
    elapsedMs: Math.round(report.elapsedMs),
    unsynced,
  };
}

/**
 * `patchwise demo`: for each provider, `records` sample records in an embedded simulator, their
 * desired versions (a third changed) and `new` records it lacks synced through the real client and
 * `syncRecords`, and one table: records, patched, created, skipped, failed, requests, bytes sent against
 * whole-record bodies, time. Every record is then checked against the simulator's store (a new one by
 * its natural key: exactly one record of it).
 * @example await demoCommand({ records: 2000, new: 50, concurrency: 8, read: "get", json: false, quiet: false }, output);
 */
export async function demoCommand(args: DemoArgs, output: Output): Promise<ExitCode> {
  if (!args.json && !args.quiet) {
    const fresh = args.new ? ` and ${args.new} new ones to create` : "";
    output.err(
      `patchwise demo: ${args.records} sample records per provider, a third of them changed${fresh}, synced through each provider's client into its simulator (in-process, no rate limit).`,
    );
  }
  const rows: DemoRow[] = [];
  for (const name of PROVIDER_NAMES) rows.push(await demoOne(await loadProvider(name), args, output));
  const unsynced = rows.reduce((n, r) => n + r.unsynced, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  if (args.json) {
    output.out(JSON.stringify({ records: args.records, read: args.read, rows }));
  } else {
    const head = [
      "provider",
      "records",
      "patched",
      "created",
      "skipped",
      "failed",
      "requests",
      "bytes sent",
      "whole-record bodies",
      "saved",
      "time",
    ];
    const body = rows.map((r) => [
      r.provider,
      String(r.records),
      String(r.patched),
      String(r.created),
      String(r.skipped),
      String(r.failed),
      String(r.requests),
      formatBytes(r.bodyBytes),
      formatBytes(r.fullBodyBytes),
      `${r.savedPercent.toFixed(1)}%`,
      formatDuration(r.elapsedMs),
    ]);
    const total = rows.reduce(
      (t, r) => ({ sent: t.sent + r.bodyBytes, full: t.full + r.fullBodyBytes, ms: t.ms + r.elapsedMs }),
      { sent: 0, full: 0, ms: 0 },
    );
    output.out("");
    for (const line of table([head, ...body], ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"])) {
      output.out(line);
    }
    output.out("");
    output.out(
      `Sent ${formatBytes(total.sent)} where whole-record PATCHes would send ${formatBytes(total.full)} (${savedPercent(total.sent, total.full).toFixed(1)}% saved), in ${formatDuration(total.ms)}.`,
    );
    output.out(
      unsynced === 0
        ? `Checked afterwards: all ${rows.reduce((n, r) => n + r.records, 0)} records are as desired in their simulators.`
        : `Checked afterwards: ${unsynced} records are NOT as desired in their simulators.`,
    );
  }
  return unsynced || failed ? EXIT.partial : EXIT.ok;
}
