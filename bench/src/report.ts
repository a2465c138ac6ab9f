import type { BodyBytes } from "./body-bytes.ts";
import type { ClientOverhead } from "./client-overhead.ts";
import type { DiffThroughput } from "./diff-throughput.ts";
import type { Machine } from "./machine.ts";
import type { SyncBenchOptions, SyncResult } from "./sync.ts";

/** The targets of the benchmarks issue: reported against, never asserted. */
const TARGETS = {
  /** Diff throughput over fast-json-patch `compare`'s: at least 2×. */
  vsFastJsonPatch: 2,
  /** Diff throughput over the deep-equal floor's: at least 0.5×. */
  vsFloor: 0.5,
  /** Client time per request over raw fetch's: at most 10% more. */
  clientOverhead: 0.1,
} as const;

/** What one `pnpm bench` run measured: written to bench/results.json as it is. */
export interface Results {
  machine: Machine;
  settings: {
    /** Record pairs per provider, all synced. */
    records: number;
    /** The first pairs: diffed by every contender in each op of the throughput benchmark, and measured for body bytes. */
    diffPairs: number;
    /** Seed of the sample records (the changes use seed + 1). */
    seed: number;
    /** Share of the records really changed. */
    changedRatio: number;
    sync: SyncBenchOptions;
  };
  diff: DiffThroughput[];
  bodyBytes: BodyBytes[];
  client: ClientOverhead[];
  sync: SyncResult[];
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const times = (n: number) => `${n.toFixed(2)}×`;
const percent = (n: number) => `${n >= 0 ? "+" : ""}${(n * 100).toFixed(1)}%`;
const met = (ok: boolean) => (ok ? "met" : "**missed**");
const target = (text: string, ok: boolean) => `${text} (${met(ok)})`;

/** A column: its header, and whether its cells are right-aligned (numbers). */
type Column = readonly [header: string, align: "left" | "right"];

/**
 * A Markdown table padded the way `biome format` writes one, so that `pnpm lint` accepts the file as
 * written: every cell padded to its column's width, numbers right-aligned.
 */
export function table(columns: readonly Column[], rows: readonly (readonly (string | number)[])[]): string[] {
  const cells = rows.map((r) => r.map(String));
  const widths = columns.map(([header], i) => Math.max(3, header.length, ...cells.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]![1] === "right" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (texts: readonly string[]) => `| ${texts.map(pad).join(" | ")} |`;
  const rule = widths.map((w, i) => (columns[i]![1] === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w)));
  return [line(columns.map(([header]) => header)), `| ${rule.join(" | ")} |`, ...cells.map(line)];
}

function diffSection(results: readonly DiffThroughput[], settings: Results["settings"]): string[] {
  if (!results.length) return [];
  const others = results[0]!.contenders.slice(1).map((c): Column => [c.name, "right"]);
  const speed = table(
    [
      ["diff function", "left"],
      ["patchwise", "right"],
      ...others,
      ["× fast-json-patch", "right"],
      ["× floor", "right"],
    ],
    results.map((r) => [
      `${r.provider} \`${r.function}\``,
      ...r.contenders.map((c) => int(c.pairsPerSecond)),
      target(times(r.vsFastJsonPatch), r.vsFastJsonPatch >= TARGETS.vsFastJsonPatch),
      target(times(r.vsFloor), r.vsFloor >= TARGETS.vsFloor),
    ]),
  );
  const writes = table(
    [["provider", "left"], ["pairs", "right"], ["patchwise", "right"], ...others],
    results.map((r) => [r.provider, r.pairs, ...r.contenders.map((c) => c.flagged)]),
  );
  return [
    "## Diff throughput",
    "",
    `Record pairs diffed per second (higher is better), every contender on the same ${settings.diffPairs} pairs per provider (the first of the ${int(settings.records)}): about ${Math.round(settings.changedRatio * 100)}% really changed, the rest the same in every writable field (identical, changed only in read-only fields, or written in equivalent encodings). "patchwise" is the provider's diff function, with its validation; the floor is a bare deep-equal, the least work that can tell whether anything changed. Targets: at least ${TARGETS.vsFastJsonPatch}× fast-json-patch \`compare\` and ${TARGETS.vsFloor}× the floor.`,
    "",
    ...speed,
    "",
    "Records each would write (a non-empty body, some operations, a difference):",
    "",
    ...writes,
    "",
  ];
}

function bodySection(results: readonly BodyBytes[], settings: Results["settings"]): string[] {
  if (!results.length) return [];
  const rows = results.map((r) => [
    r.provider,
    r.changed,
    int(r.minimal.perRequest),
    `${int(r.full.perRequest)} (${times(r.fullOverMinimal)})`,
    `${int(r.jsonPatch.perRequest)} (${times(r.jsonPatchOverMinimal)})`,
    `${r.jsonPatchAll.requests} / ${int(r.jsonPatchAll.bytes)}`,
  ]);
  return [
    "## Body bytes",
    "",
    `Mean UTF-8 bytes of one request body over the same ${settings.diffPairs} pairs, for the records the diff function says to write: its minimal body, a body of every writable field (each rule's full write value, \`fullBodyOf\`), and fast-json-patch's RFC 6902 operations as a JSON array. The last column is what fast-json-patch would send over all the pairs, unchanged records included.`,
    "",
    ...table(
      [
        ["provider", "left"],
        ["changed records", "right"],
        ["minimal body", "right"],
        ["every writable field", "right"],
        ["fast-json-patch ops", "right"],
        ["fast-json-patch, all pairs (requests / bytes)", "right"],
      ],
      rows,
    ),
    "",
  ];
}

function clientSection(results: readonly ClientOverhead[]): string[] {
  if (!results.length) return [];
  const rows = results.map((r) => [
    r.provider,
    r.method,
    int(r.raw.requestsPerSecond),
    int(r.client.requestsPerSecond),
    target(percent(r.overhead), r.overhead <= TARGETS.clientOverhead),
  ]);
  return [
    "## Client overhead",
    "",
    `Sequential requests per second over loopback HTTP to the provider's simulator (\`.listen()\`), from the median round trip: raw \`fetch\` (the same headers, the JSON body read) against the \`create<Name>Client\` client (\`unwrap(client.GET(…))\`), alternating so that both see the same load. The simulator runs in a process of its own, as a server would. Target: at most ${percent(TARGETS.clientOverhead)} over raw fetch.`,
    "",
    ...table(
      [
        ["provider", "left"],
        ["request", "left"],
        ["raw fetch (req/s)", "right"],
        ["client (req/s)", "right"],
        ["client overhead", "right"],
      ],
      rows,
    ),
    "",
  ];
}

function syncSection(results: readonly SyncResult[], settings: Results["settings"]): string[] {
  if (!results.length) return [];
  const rows = results.map((r) => [
    r.provider,
    int(r.records),
    int(r.changed),
    int(r.recordsPerSecond),
    Object.entries(r.requests)
      .map(([method, n]) => `${method} ${int(n)}`)
      .join(", "),
    (Object.values(r.requests).reduce((sum, n) => sum + n, 0) / r.changed).toFixed(2),
    r.patchesOnUnchanged,
    r.changedNotPatchedOnce,
    r.report.failed,
    met(r.exact),
  ]);
  const current = {
    snapshot:
      "the current records given as the snapshot a sync service holds from its last read (`current: records`), so that every request is a write",
    list: 'the current records read with one listing first (`current: "list"`, a page per hundred records)',
    get: 'one GET per record (`current: "get"`)',
  }[settings.sync.current];
  return [
    "## Sync",
    "",
    `\`syncRecords\` from \`@patchwise/core\` over the ${int(settings.records)} desired records per provider, against its simulator over loopback HTTP (seeded with the current records), through the provider's adapter (\`create<Name><Resource>Adapter(client)\`): concurrency ${settings.sync.concurrency}, ${current}. Requests are the simulator's own log. Target: exactly one PATCH per changed record and none for unchanged ones.`,
    "",
    ...table(
      [
        ["provider", "left"],
        ["records", "right"],
        ["changed", "right"],
        ["records/s", "right"],
        ["requests", "left"],
        ["requests per changed record", "right"],
        ["PATCHes of unchanged records", "right"],
        ["changed records without exactly one PATCH", "right"],
        ["failed", "right"],
        ["one PATCH per changed record", "left"],
      ],
      rows,
    ),
    "",
  ];
}

/**
 * BENCHMARKS.md for a run: the machine, then one table per benchmark with the targets marked.
 * @example writeFileSync("BENCHMARKS.md", markdown(results));
 */
export function markdown(results: Results): string {
  const m = results.machine;
  return [
    "# Benchmarks",
    "",
    "Written by `pnpm bench` (see [bench/README.md](bench/README.md)); every number below is from one run, and [bench/results.json](bench/results.json) has them all. Measurements, not tests: a missed target fails nothing.",
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB of memory, ${m.os}; load average ${m.loadAverage} at the start`,
    `- Node ${m.node}; run on ${m.date.slice(0, 16).replace("T", " ")} UTC, in ${Math.round(results.seconds)} s`,
    `- Record pairs: each provider's \`sample<Name>Records\` and \`sample<Name>Changes\` from \`@patchwise/<name>/testing\`, seed ${results.settings.seed}`,
    "",
    ...diffSection(results.diff, results.settings),
    ...bodySection(results.bodyBytes, results.settings),
    ...clientSection(results.client),
    ...syncSection(results.sync, results.settings),
  ].join("\n");
}
