/**
 * A sync service loop for Folk people. Every round it takes the people the last round could not sync
 * (the failures file) and then the desired people (a JSONL file here: replace `desiredPeople` with
 * your source of truth), brings Folk to them with the fewest PATCHes, and writes every person it could
 * not sync back to the failures file. Ctrl-C ends the round in flight cleanly, then the loop.
 *
 *   patchwise serve folk --port 4010 --desired desired.jsonl      # a local Folk with sample people
 *   FOLK_API_KEY=test-key FOLK_BASE_URL=http://127.0.0.1:4010 npx tsx sync.ts
 */
import { createReadStream, existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { failureLines, readJsonLines, type SyncProgress, syncRecords } from "@patchwise/core";
import { createFolkClient, createFolkPeopleAdapter, type FolkPersonDesired } from "@patchwise/folk";

const config = {
  apiKey: process.env.FOLK_API_KEY ?? "",
  /** Unset: Folk's production API. */
  baseUrl: process.env.FOLK_BASE_URL,
  desired: process.env.DESIRED_FILE ?? "desired.jsonl",
  failures: process.env.FAILURES_FILE ?? "failures.jsonl",
  everyMs: Number(process.env.SYNC_EVERY_MS ?? 60_000),
  /** `--once`: one round, then exit (a cron job instead of a service). */
  once: process.argv.includes("--once"),
};

/** Each line of a JSONL file as a desired person (a failures file gives its records back). */
async function* jsonl(file: string): AsyncGenerator<FolkPersonDesired> {
  if (!existsSync(file)) return;
  for await (const { record } of readJsonLines(createReadStream(file), { source: file })) {
    yield record as FolkPersonDesired;
  }
}

/** The people as they should be: your CRM export, a database query, a queue of changes. */
function desiredPeople(): AsyncIterable<FolkPersonDesired> {
  return jsonl(config.desired);
}

/** Last round's failures first, then the desired people. */
async function* input(): AsyncGenerator<FolkPersonDesired> {
  yield* jsonl(config.failures);
  yield* desiredPeople();
}

const log = (event: Record<string, unknown>) => console.log(JSON.stringify({ at: new Date(), ...event }));

async function main(): Promise<void> {
  const folk = createFolkClient({
    apiKey: config.apiKey,
    ...(config.baseUrl && { baseUrl: config.baseUrl }),
    timeoutMs: 15_000,
  });
  const adapter = createFolkPeopleAdapter(folk);

  // First Ctrl-C: finish the requests in flight and keep what was not done; second: quit now.
  const stop = new AbortController();
  process.on("SIGINT", () => (stop.signal.aborted ? process.exit(130) : stop.abort()));

  while (!stop.signal.aborted) {
    const report = await syncRecords(adapter, input(), {
      concurrency: 4,
      signal: stop.signal,
      onProgress: (p: SyncProgress) => {
        if (p.type === "pace") log({ event: "rate-limit-wait", waitMs: p.waitMs });
        else if (p.outcome.status === "failed")
          log({ event: "failed", id: p.outcome.id, ...p.outcome.error });
      },
    });
    // Written whole, then renamed: a crash never leaves half a failures file.
    const lines = failureLines(report);
    await writeFile(`${config.failures}.tmp`, lines.map((l) => `${l}\n`).join(""));
    await rename(`${config.failures}.tmp`, config.failures);
    const { read, created, patched, unchanged, failed, notAttempted, requests, bodyBytes, fullBodyBytes } =
      report;
    log({
      event: "round",
      read,
      created,
      patched,
      unchanged,
      failed,
      notAttempted,
      requests,
      bodyBytes,
      fullBodyBytes,
    });
    if (report.stopped?.reason === "unauthorized") {
      process.exitCode = 4; // a wrong key will not get better by waiting
      return;
    }
    if (config.once) {
      process.exitCode = lines.length ? 5 : 0;
      return;
    }
    await sleep(config.everyMs, undefined, { signal: stop.signal }).catch(() => undefined);
  }
}

await main();
