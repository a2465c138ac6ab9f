import { competitors } from "./competitors.ts";
import { type MeasureOptions, measure } from "./measure.ts";
import type { Provider, RecordPair } from "./providers.ts";

/** One contender's speed over the pairs. */
interface DiffContender {
  name: string;
  /** Record pairs diffed per second. */
  pairsPerSecond: number;
  /** Interquartile range of the round means ÷ their median, in percent. */
  spread: number;
  samples: number;
  /** Pairs its result would write (a non-empty body, operations, a difference). */
  flagged: number;
}

/** A provider's diff function against the alternatives, on the same pairs. */
export interface DiffThroughput {
  provider: string;
  /** `diffPerson`. */
  function: string;
  pairs: number;
  /** The provider's diff function first, then the competitors, the floor last. */
  contenders: DiffContender[];
  /** The diff function's throughput over fast-json-patch `compare`'s (target: ≥ 2). */
  vsFastJsonPatch: number;
  /** The diff function's throughput over the deep-equal floor's (target: ≥ 0.5). */
  vsFloor: number;
}

/**
 * The last result of every op, kept where the optimizer cannot prove it unused: an exported binding
 * that any importer could read.
 * @public
 */
export let sink: unknown;

/** Whether a contender's result asks for a write. */
function flags(result: unknown): boolean {
  if (typeof result === "boolean") return !result; // the floor: equal means no write
  if (Array.isArray(result)) return result.length > 0;
  if (result && typeof result === "object" && "noop" in result) return !result.noop;
  return result !== undefined; // jsondiffpatch: undefined when equal
}

/**
 * Diff throughput of `provider`'s diff function against fast-json-patch `compare`, microdiff,
 * jsondiffpatch and a bare deep-equal, each op diffing every pair once.
 * @example
 * const result = await benchDiff(folk, folk.pairs(300, { seed: 1, changedRatio: 1 / 3 }), options);
 */
export async function benchDiff(
  provider: Provider,
  pairs: readonly RecordPair[],
  options: MeasureOptions,
): Promise<DiffThroughput> {
  const runners = [
    { name: `${provider.diffName} (@patchwise/${provider.name})`, run: provider.diff },
    ...competitors,
  ];
  const timings = await measure(
    runners.map(({ name, run }) => [
      name,
      () => {
        for (const { before, after } of pairs) sink = run(before, after);
      },
    ]),
    options,
  );
  const contenders = runners.map(({ name, run }): DiffContender => {
    const timing = timings.get(name)!;
    return {
      name,
      pairsPerSecond: timing.opsPerSecond * pairs.length,
      spread: timing.spread,
      samples: timing.samples,
      flagged: pairs.filter(({ before, after }) => flags(run(before, after))).length,
    };
  });
  const [own, fastJsonPatch] = contenders;
  const floor = contenders.at(-1)!;
  return {
    provider: provider.name,
    function: provider.diffName,
    pairs: pairs.length,
    contenders,
    vsFastJsonPatch: own!.pairsPerSecond / fastJsonPatch!.pairsPerSecond,
    vsFloor: own!.pairsPerSecond / floor.pairsPerSecond,
  };
}
