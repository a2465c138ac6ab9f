import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleFolkChanges, sampleFolkRecords } from "@patchwise/folk/testing";
import { describe, expect, it } from "vitest";
import { folder, jsonl, patchwise, type Run, serve, start, waitFor } from "./helpers.ts";

/** The JSON summary of a `sync --json` run. */
interface Summary {
  read: number;
  unchanged: number;
  patched: number;
  failed: number;
  notAttempted: number;
  httpRequests: number;
  retries: number;
  rateLimitWaits: number;
  bodyBytes: number;
  fullBodyBytes: number;
  savedPercent: number;
  elapsedMs: number;
  stopped?: { reason: string; message: string };
  failures: { where: string; id?: string; stage: string; status?: number; code?: string; message: string }[];
  pending: { where: string; id?: string }[];
  simulator?: { checked: number; unsynced: string[] };
}

const summaryOf = (run: Run): Summary => JSON.parse(run.stdout) as Summary;

/** Every input record is counted once, and every one not synced is in the failures file. */
async function expectNothingLost(summary: Summary, failuresFile: string) {
  const { read, unchanged, patched, failed, notAttempted } = summary;
  expect(unchanged + patched + failed + notAttempted).toBe(read);
  const text = await readFile(failuresFile, "utf8");
  const lines = text
    ? text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [];
  expect(lines).toHaveLength(failed + notAttempted);
  const ids = lines.map((l) => l.id).sort();
  expect(ids).toEqual([...summary.failures, ...summary.pending].map((f) => f.id).sort());
  for (const line of lines) {
    expect(line).toMatchObject({ failure: { stage: expect.any(String), message: expect.any(String) } });
    expect(line.record.id).toBe(line.id);
  }
  expect(summary.simulator?.unsynced).toEqual([]); // all the rest is as desired in the simulator
  return lines;
}

/** Hidden flags that make retries instant, so injected faults cost no wall time. */
const FAST_RETRIES = ["--sim-retry-after", "0", "--retry-delay", "1"];

describe.concurrent("patchwise sync against the embedded simulator", () => {
  it("syncs sample changes with no account: a third patched, the rest skipped, every record checked", async () => {
    const run = await patchwise(["sync", "folk", "--sim-records", "90", "--json"]);
    expect(run.code).toBe(0);
    const summary = summaryOf(run);
    expect(summary).toMatchObject({
      read: 90,
      patched: 30,
      unchanged: 60,
      failed: 0,
      notAttempted: 0,
      httpRequests: 120,
      retries: 0,
      failures: [],
      simulator: { checked: 90, unsynced: [] },
    });
    expect(summary.savedPercent).toBeGreaterThan(80);
    expect(run.stderr).toMatch(
      /^No --base-url: syncing their sample changes .* embedded Folk simulator seeded with 90 sample people\.$/m,
    );
    expect(run.stderr).toMatch(
      /^Folk people: 90\/90 \(100%\), \d+ rec\/s; 30 patched, 60 unchanged, 0 failed$/m,
    );
  });

  it("loses nothing under injected 429s, 500s, dropped and lost responses, and a rerun of the failures file finishes the job", async () => {
    const dir = await folder();
    const failures = join(dir, "failures.jsonl");
    const faults = ["--sim-fail-rate", "0.2", "--sim-throttle-rate", "0.15", "--sim-drop-rate", "0.05"];
    const run = await patchwise([
      "sync",
      "stardex",
      "--sim-records",
      "150",
      ...faults,
      "--sim-lost-rate",
      "0.05",
      ...FAST_RETRIES,
      "--failures",
      failures,
      "--json",
    ]);
    const summary = summaryOf(run);
    expect(summary.retries).toBeGreaterThan(50);
    expect(summary.failed).toBeGreaterThan(0); // at 45% faults, some requests fail 4 times in a row
    expect(run.code).toBe(5);
    const lines = await expectNothingLost(summary, failures);
    expect(new Set(lines.map((l) => l.failure.status ?? l.failure.code))).toEqual(
      new Set(summary.failures.map((f) => f.status ?? f.code)),
    );
    expect(run.stderr).toMatch(
      new RegExp(`^${summary.failed} records not synced are in .*failures\\.jsonl: rerun with --input`, "m"),
    );

    const rerun = await patchwise(["sync", "stardex", "--sim-records", "150", "--input", failures, "--json"]);
    expect(rerun.code).toBe(0);
    expect(summaryOf(rerun)).toMatchObject({ read: summary.failed, failed: 0, simulator: { unsynced: [] } });
  });

  it("on SIGINT lets requests in flight finish, reports what was not attempted, and writes it for a rerun", async () => {
    const dir = await folder();
    const failures = join(dir, "failures.jsonl");
    const running = start([
      "sync",
      "instaview",
      "--sim-records",
      "600",
      "--sim-latency",
      "15",
      "--concurrency",
      "2",
      "--failures",
      failures,
      "--json",
    ]);
    await waitFor(() => /instaview candidates: \d+\/600/i.test(running.stderr()));
    running.child.kill("SIGINT");
    const run = await running.done;
    expect(run.code).toBe(5);
    const summary = summaryOf(run);
    expect(summary.stopped).toEqual({ reason: "signal", message: expect.any(String) });
    expect(summary.notAttempted).toBeGreaterThan(100);
    expect(summary.patched + summary.unchanged).toBeGreaterThan(0);
    const lines = await expectNothingLost(summary, failures);
    expect(lines.every((l) => l.failure.stage === "not-attempted")).toBe(true);
    expect(run.stderr).toContain("Stopping: requests in flight finish");
  });

  it("paces by the rate-limit headers: waits for the window instead of collecting 429s", async () => {
    const run = await patchwise([
      "sync",
      "folk",
      "--sim-records",
      "12",
      "--sim-rate-limit",
      "10/s",
      "--concurrency",
      "3",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ read: 12, failed: 0, simulator: { unsynced: [] } });
    expect(summary.rateLimitWaits).toBeGreaterThan(0);
    expect(summary.retries).toBeLessThanOrEqual(2); // a 429 can slip through only when responses cross
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(900); // 16 requests at 10 a second
  });

  it("reports each bad record with its line, and exits 5", async () => {
    const records = sampleFolkRecords(50, { seed: 1 }); // what the embedded simulator is seeded with
    const [a, b] = sampleFolkChanges(records, { seed: 5, changedRatio: 1 });
    const dir = await folder({
      "in.jsonl": jsonl([
        a,
        // An id Folk does not know and no email to look the person up by: it cannot be upserted.
        { ...b, id: "per_00000000-0000-4000-8000-000000000000", emails: [] },
        { ...records[2], emails: ["not an email"] },
        { jobTitle: "no id" },
      ]),
    });
    const failures = join(dir, "failures.jsonl");
    const run = await patchwise(
      ["sync", "folk", "--sim-records", "50", "--input", "in.jsonl", "--failures", failures, "--json"],
      { cwd: dir },
    );
    expect(run.code).toBe(5);
    const summary = summaryOf(run);
    expect(summary).toMatchObject({ read: 4, patched: 1, failed: 3 });
    expect(summary.failures).toEqual([
      expect.objectContaining({ where: "in.jsonl:2", stage: "key", code: "MISSING_KEY" }),
      expect.objectContaining({ where: "in.jsonl:3", stage: "diff", code: "PatchValidationError" }),
      expect.objectContaining({ where: "in.jsonl:4", stage: "key", code: "MISSING_KEY" }),
    ]);
    expect(run.stderr).toMatch(
      /^ {2}in\.jsonl:3 per_\S+: diff failed: Invalid PATCH body: +emails\[0\]: must be a valid email/m,
    );
    await expectNothingLost(summary, failures);
  });
});

describe.concurrent("patchwise sync over HTTP (patchwise serve)", () => {
  it("syncs with the key from the environment, and a second run has nothing to send", async () => {
    const dir = await folder();
    const server = await serve(["folk", "--samples", "45", "--desired", "desired.jsonl"], dir);
    try {
      const base = ["sync", "folk", "--base-url", server.url, "--input", "desired.jsonl", "--json"];
      const first = await patchwise(base, { cwd: dir, env: { FOLK_API_KEY: server.apiKey } });
      expect(first.code).toBe(0);
      expect(summaryOf(first)).toMatchObject({ read: 45, patched: 15, unchanged: 30, failed: 0 });
      const again = await patchwise([...base, "--dry-run", "--read", "list"], {
        cwd: dir,
        env: { PATCHWISE_API_KEY: server.apiKey },
      });
      expect(again.code).toBe(0);
      expect(summaryOf(again)).toMatchObject({ dryRun: true, patched: 0, unchanged: 45, httpRequests: 1 });
    } finally {
      await server.stop();
    }
  });

  it("exits 4 when the key is refused, and never prints the key", async () => {
    const dir = await folder();
    const server = await serve(["folk", "--samples", "10", "--desired", "desired.jsonl"], dir);
    const key = "sk_live_4f9a8b7c6d5e";
    try {
      for (const args of [["--json"], []]) {
        const run = await patchwise(
          ["sync", "folk", "--base-url", server.url, "--input", "desired.jsonl", "--api-key", key, ...args],
          { cwd: dir },
        );
        expect(run.code).toBe(4);
        expect(run.stdout + run.stderr).not.toContain(key);
        expect(run.stderr).toContain("Folk refused the API key (401)");
      }
    } finally {
      await server.stop();
    }
  });
});

describe.concurrent("patchwise sync argument and input errors", () => {
  it("exits 2 for a bad argument (the rest are in args.test.ts)", async () => {
    const run = await patchwise(["sync", "folk", "--base-url", "http://127.0.0.1:9", "--input", "x.jsonl"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no API key: pass --api-key, or set PATCHWISE_API_KEY or FOLK_API_KEY/);
  });

  it("exits 3 for input that is not JSONL, naming the file and line, before anything is sent", async () => {
    const dir = await folder({ "in.jsonl": `${JSON.stringify({ id: "a" })}\n{"id": "b",}\n` });
    const bad = await patchwise(["sync", "folk", "--input", "in.jsonl"], { cwd: dir });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/^patchwise: in\.jsonl:2: not valid JSON/m);
  });
});
