import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sampleStackOneNewRecords } from "@patchwise/stackone/testing";
import { describe, expect, it } from "vitest";
import { folder, jsonl, patchwise, type Run, serve } from "./helpers.ts";

/** The part of a `sync --json` summary these tests read. */
interface Summary {
  read: number;
  unchanged: number;
  patched: number;
  created: number;
  failed: number;
  notAttempted: number;
  failures: { where: string; id?: string; stage: string; code?: string; message: string }[];
  simulator?: { checked: number; unsynced: string[] };
}

const summaryOf = (run: Run): Summary => JSON.parse(run.stdout) as Summary;
const FAST_RETRIES = ["--sim-retry-after", "0", "--retry-delay", "1"];

describe.concurrent("patchwise sync creates the records a provider lacks", () => {
  it("creates new sample records once each, and prints how many", async () => {
    const args = ["sync", "folk", "--sim-records", "60", "--sim-new", "12"];
    const run = await patchwise([...args, "--json"]);
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toMatchObject({
      read: 72,
      patched: 20,
      created: 12,
      unchanged: 40,
      failed: 0,
      simulator: { checked: 72, unsynced: [] },
    });
    const text = await patchwise(args);
    expect(text.stdout).toMatch(/^ {2}created +12$/m);
    expect(text.stderr).toMatch(/; 20 patched, 12 created, 40 unchanged, 0 failed$/m);
  });

  it("under lost answers and 5xx, creates none twice: every record not reported is there exactly once", async () => {
    const dir = await folder();
    const failures = join(dir, "failures.jsonl");
    const faults = ["--sim-lost-rate", "0.2", "--sim-fail-rate", "0.1", "--sim-throttle-rate", "0.05"];
    const run = await patchwise([
      "sync",
      "stardex",
      "--sim-records",
      "40",
      "--sim-new",
      "30",
      ...faults,
      ...FAST_RETRIES,
      "--failures",
      failures,
      "--json",
    ]);
    const summary = summaryOf(run);
    const { read, unchanged, patched, created, failed, notAttempted } = summary;
    expect(read).toBe(70);
    expect(unchanged + patched + created + failed + notAttempted).toBe(read);
    expect(created).toBeGreaterThan(0);
    // The check by natural key: one person per LinkedIn profile, as desired, for every record not failed.
    expect(summary.simulator?.unsynced).toEqual([]);
    const text = await readFile(failures, "utf8");
    expect(text ? text.trimEnd().split("\n") : []).toHaveLength(failed + notAttempted);
    expect(run.code).toBe(failed ? 5 : 0);
  });

  it("against a served simulator: a first run creates, a second finds them all as desired", async () => {
    const fresh = sampleStackOneNewRecords(8, { seed: 4 });
    const dir = await folder({ "new.jsonl": jsonl(fresh) });
    const server = await serve(["stackone", "--samples", "20"], dir);
    try {
      const env = { STACKONE_API_KEY: server.apiKey, STACKONE_ACCOUNT_ID: server.accountId ?? "" };
      const base = ["sync", "stackone", "--base-url", server.url, "--input", "new.jsonl", "--json"];
      const dry = await patchwise([...base, "--dry-run"], { cwd: dir, env });
      expect(summaryOf(dry)).toMatchObject({ created: 8, failed: 0 });
      const first = await patchwise(base, { cwd: dir, env });
      expect(first.code).toBe(0);
      expect(summaryOf(first)).toMatchObject({ read: 8, created: 8, patched: 0, failed: 0 });
      const second = await patchwise([...base, "--read", "list"], { cwd: dir, env });
      expect(second.code).toBe(0);
      expect(summaryOf(second)).toMatchObject({ read: 8, created: 0, unchanged: 8, failed: 0 });
    } finally {
      await server.stop();
    }
  });

  it("fails a record with neither id nor natural key, naming why, and keeps it for a rerun", async () => {
    const dir = await folder({ "desired.jsonl": jsonl([{ firstName: "Nameless", emails: [] }]) });
    const failures = join(dir, "failures.jsonl");
    const run = await patchwise(
      ["sync", "folk", "--sim-records", "5", "--input", "desired.jsonl", "--failures", failures, "--json"],
      { cwd: dir },
    );
    expect(run.code).toBe(5);
    expect(summaryOf(run).failures).toMatchObject([{ stage: "key", code: "MISSING_KEY" }]);
    expect(summaryOf(run).failures[0]?.message).toContain("no natural key");
    const [line] = (await readFile(failures, "utf8")).trimEnd().split("\n");
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      failure: { stage: "key" },
      record: { firstName: "Nameless" },
    });
  });
});
