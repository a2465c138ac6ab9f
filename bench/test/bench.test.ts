import { describe, expect, it } from "vitest";
import { bodyBytes } from "../src/body-bytes.ts";
import { benchClient } from "../src/client-overhead.ts";
import { benchDiff } from "../src/diff-throughput.ts";
import { deepEqual } from "../src/floor.ts";
import { machine } from "../src/machine.ts";
import { providers } from "../src/providers.ts";
import { startSimulator } from "../src/remote-simulator.ts";
import { markdown, type Results, table } from "../src/report.ts";
import { benchSync } from "../src/sync.ts";

// The harness, not the speed: each benchmark function once, on 3 records, with one timed iteration and
// the simulators in this process (one test starts one in a process of its own, as `pnpm bench` does).
const ONCE = { timeMs: 0, warmupMs: 0, iterations: 1, rounds: 1 };
const settings = { seed: 1, changedRatio: 1 / 3 };
const SYNC = { concurrency: 2, current: "snapshot", simulator: "in-process" } as const;
/** What the tests below measured, rendered by the last one. */
const run: Results = {
  machine: machine(new Date("2026-01-02T03:04:05Z")),
  settings: { records: 3, diffPairs: 3, ...settings, sync: SYNC },
  diff: [],
  bodyBytes: [],
  client: [],
  sync: [],
  seconds: 1,
};

describe("deepEqual (the floor)", () => {
  it.each([
    [
      "equal records",
      {
        given: [
          { a: [1, { b: "x" }], c: null },
          { a: [1, { b: "x" }], c: null },
        ],
        want: true,
      },
    ],
    ["another leaf", { given: [{ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] }], want: false }],
    [
      "a missing key",
      {
        given: [
          { a: 1, b: undefined },
          { a: 1, c: undefined },
        ],
        want: false,
      },
    ],
    ["an array against an object", { given: [{ a: [] }, { a: {} }], want: false }],
    ["null against an object", { given: [{ a: null }, { a: {} }], want: false }],
  ] as const)("%s", (_name, { given: [a, b], want }) => {
    expect(deepEqual(a, b)).toBe(want);
  });
});

describe("table", () => {
  it("pads every cell to its column, numbers right-aligned", () => {
    expect(
      table(
        [
          ["provider", "left"],
          ["n", "right"],
        ],
        [["folk", 12]],
      ),
    ).toEqual(["| provider |   n |", "| -------- | --: |", "| folk     |  12 |"]);
  });
});

describe.each(providers.map((p) => [p.name, p] as const))("%s", (_name, provider) => {
  const pairs = provider.pairs(3, settings);

  it("samples pairs in the read shape, one changed", () => {
    expect(pairs).toHaveLength(3);
    expect(pairs.filter((p) => !provider.diff(p.before, p.after).noop)).toHaveLength(1);
    expect(provider.fullBody(pairs[0]!.after)).not.toEqual({});
  });

  it("diff throughput: every contender runs and sees the same pairs", async () => {
    const result = await benchDiff(provider, pairs, ONCE);
    run.diff.push(result);
    expect(result.contenders.map((c) => c.name)).toEqual([
      `${provider.diffName} (@patchwise/${provider.name})`,
      "fast-json-patch compare",
      "microdiff",
      "jsondiffpatch (objectHash)",
      "deep-equal (floor)",
    ]);
    expect(result.contenders[0]!.flagged).toBe(1);
    for (const c of result.contenders) expect(c.pairsPerSecond).toBeGreaterThan(0);
    expect(result.vsFastJsonPatch).toBeGreaterThan(0);
  });

  it("body bytes: the minimal body is no larger than every writable field", () => {
    const result = bodyBytes(provider, pairs);
    run.bodyBytes.push(result);
    expect(result.changed).toBe(1);
    expect(result.minimal.bytes).toBeGreaterThan(0);
    expect(result.full.bytes).toBeGreaterThanOrEqual(result.minimal.bytes);
    expect(result.jsonPatch.requests).toBe(1);
  });

  it("client overhead: the client and raw fetch both reach the simulator", async () => {
    const results = await benchClient(provider, pairs, { ...ONCE, simulator: "in-process" });
    run.client.push(...results);
    expect(results.map((r) => r.method)).toEqual(["GET", "PATCH"]);
    for (const r of results) expect(r.client.requests).toBeGreaterThan(0);
  });

  it.each(["snapshot", "list", "get"] as const)(
    "sync (current: %s): one PATCH, for the changed record",
    async (current) => {
      const result = await benchSync(provider, pairs, { ...SYNC, current });
      expect(result).toMatchObject({ records: 3, changed: 1, patches: 1, exact: true });
      expect(result.report).toMatchObject({ patched: 1, unchanged: 2, failed: 0 });
      if (current === SYNC.current) run.sync.push(result);
    },
  );
});

describe("startSimulator", () => {
  it("serves a provider from a process of its own, and reports its requests", {
    timeout: 30_000,
  }, async () => {
    const provider = providers.find((p) => p.name === "folk")!;
    const [pair] = provider.pairs(1, settings);
    const simulator = await startSimulator(provider, [pair!.before]);
    try {
      const client = provider.client(simulator.url);
      expect(await client.get(pair!.id)).toEqual(pair!.before);
      await client.patch(pair!.id, { jobTitle: "CTO" });
      expect(await simulator.requests()).toEqual({
        byMethod: [
          ["GET", 1],
          ["PATCH", 1],
        ],
        patches: [[pair!.id, 1]],
      });
    } finally {
      await simulator.close();
    }
  });
});

describe("markdown", () => {
  it("writes every section of the run above", () => {
    const text = markdown(run);
    expect(text.startsWith("# Benchmarks\n")).toBe(true);
    for (const heading of ["## Diff throughput", "## Body bytes", "## Client overhead", "## Sync"])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain("run on 2026-01-02 03:04 UTC");
    for (const { name } of providers) expect(text).toContain(`| ${name} `);
  });
});
