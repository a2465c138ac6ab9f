/**
 * `pnpm bench`: every benchmark in one run, on the same record pairs per provider; writes
 * bench/results.json and BENCHMARKS.md at the repository root. Progress goes to stderr.
 */
import { writeFileSync } from "node:fs";
import { bodyBytes } from "./body-bytes.ts";
import { benchClient } from "./client-overhead.ts";
import { benchDiff } from "./diff-throughput.ts";
import { machine } from "./machine.ts";
import { providers } from "./providers.ts";
import { markdown, type Results } from "./report.ts";
import { benchSync } from "./sync.ts";

/** Record pairs per provider, all synced. */
const RECORDS = 10_000;
/** The first pairs: diffed by every contender in each op of the throughput benchmark, and measured for body bytes. */
const DIFF_PAIRS = 300;
/** Per diff contender: 5 rounds of 300 ms after a 150 ms warmup (3 of 200 ms swung Folk's figures by half). */
const DIFF_TIMING = { timeMs: 1500, warmupMs: 150, iterations: 5, rounds: 5 };
/** Per provider and request: 2 s of alternating raw and client requests after a 200 ms warmup. */
const CLIENT_TIMING = { timeMs: 2000, warmupMs: 200, iterations: 50 };
/**
 * `syncRecords` with its default concurrency, given the current records as a snapshot, so that the
 * run measures the diffs and the writes: one GET per record (`"get"`) would add 10,000 reads to the
 * 3,333 writes, and Folk's simulator lists in quadratic time (every page reads every person), which a
 * listing (`"list"`) of 10,000 would measure instead. The smoke test runs all three.
 */
const SYNC = { concurrency: 4, current: "snapshot" } as const;

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = performance.now();
const results: Results = {
  machine: machine(),
  settings: { records: RECORDS, diffPairs: DIFF_PAIRS, seed: 1, changedRatio: 1 / 3, sync: SYNC },
  diff: [],
  bodyBytes: [],
  client: [],
  sync: [],
  seconds: 0,
};
const { cpu, cores, node, loadAverage } = results.machine;
log(`patchwise bench: ${cpu}, ${cores} cores, Node ${node}, load average ${loadAverage}`);

for (const provider of providers) {
  const step = (name: string) =>
    log(`${provider.name}: ${name} (${Math.round(performance.now() - started) / 1000} s)`);
  step(`${RECORDS} record pairs`);
  const pairs = provider.pairs(RECORDS, results.settings);
  const first = pairs.slice(0, DIFF_PAIRS);
  step("diff throughput");
  results.diff.push(await benchDiff(provider, first, DIFF_TIMING));
  results.bodyBytes.push(bodyBytes(provider, first));
  step("client overhead");
  results.client.push(...(await benchClient(provider, first, CLIENT_TIMING)));
  step("sync");
  results.sync.push(await benchSync(provider, pairs, SYNC));
}

results.seconds = (performance.now() - started) / 1000;
const root = new URL("../../", import.meta.url);
writeFileSync(new URL("bench/results.json", root), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL("BENCHMARKS.md", root), markdown(results));
log(`wrote bench/results.json and BENCHMARKS.md in ${Math.round(results.seconds)} s`);
