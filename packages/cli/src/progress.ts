import type { SyncProgress } from "@patchwise/core";
import cliProgress from "cli-progress";
import { formatDuration } from "./format.ts";
import type { Output } from "./output.ts";

/** Shows a sync's progress: a bar on a terminal, a line now and then otherwise, or nothing. */
export interface ProgressDisplay {
  update(progress: SyncProgress): void;
  /** A line of its own, above the bar. */
  note(line: string): void;
  /** Ends the display (the bar stays at its last state). */
  stop(): void;
}

/** `none`: quiet; `bar`: a terminal; `lines`: a log or a pipe. */
export type ProgressMode = "none" | "bar" | "lines";

const LINE_EVERY_MS = 5000; // a plain line at most this often, besides every tenth of the input

const rateOf = (done: number, elapsedMs: number) => (elapsedMs > 0 ? (done * 1000) / elapsedMs : 0);

/**
 * A progress display for `total` records named `label` (`Folk people`): records per second, ETA,
 * patched, created (once there are any) and failed so far, and waits for the rate limit.
 * @example
 * const progress = createProgress(output, "bar", "Folk people", desired.length);
 * await syncRecords(adapter, desired, { onProgress: progress.update }); progress.stop();
 */
export function createProgress(
  output: Output,
  mode: ProgressMode,
  label: string,
  total: number,
): ProgressDisplay {
  if (mode === "none") return { update() {}, note() {}, stop() {} };
  if (mode === "lines") return lines(output, label, total);
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {percentage}% | {value}/{total} | {rate} rec/s | ETA {eta_formatted} | {patched} patched, {created}{failed} failed{status}`,
      stream: output.stderr,
      hideCursor: true,
      barsize: 24,
      etaBuffer: 200,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: "0", patched: 0, created: "", failed: 0, status: "" });
  return {
    update(p) {
      const status = p.type === "pace" ? ` | waiting ${formatDuration(p.waitMs)} for the rate limit` : "";
      bar.update(p.done, {
        rate: rateOf(p.done, p.elapsedMs).toFixed(0),
        patched: p.patched,
        created: p.created ? `${p.created} created, ` : "",
        failed: p.failed,
        status,
      });
    },
    note(line) {
      // cli-progress redraws on the line it is on: write the note below it and draw again.
      output.stderr.write("\n");
      output.err(line);
    },
    stop: () => bar.stop(),
  };
}

function lines(output: Output, label: string, total: number): ProgressDisplay {
  let lastAt = 0;
  let lastTenth = 0;
  const line = (p: SyncProgress) => {
    const rate = rateOf(p.done, p.elapsedMs);
    const eta = rate > 0 && total > p.done ? `, ETA ${formatDuration(((total - p.done) / rate) * 1000)}` : "";
    const percent = total > 0 ? ` (${Math.floor((p.done / total) * 100)}%)` : "";
    output.err(
      `${label}: ${p.done}/${total}${percent}, ${rate.toFixed(0)} rec/s${eta}; ${p.patched} patched, ${p.created ? `${p.created} created, ` : ""}${p.unchanged} unchanged, ${p.failed} failed`,
    );
  };
  return {
    update(p) {
      if (p.type === "pace") {
        if (p.waitMs >= 1000) output.err(`${label}: waiting ${formatDuration(p.waitMs)} for the rate limit`);
        return;
      }
      const tenth = total > 0 ? Math.floor((p.done / total) * 10) : 0;
      if (tenth > lastTenth || p.elapsedMs - lastAt >= LINE_EVERY_MS || p.done === total) {
        lastTenth = tenth;
        lastAt = p.elapsedMs;
        line(p);
      }
    },
    note: (text) => output.err(text),
    stop() {},
  };
}
