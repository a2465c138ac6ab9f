import { Bench } from "tinybench";

/** How long to measure; the smoke test uses one iteration and no warmup. */
export interface MeasureOptions {
  /** Time budget per task over all rounds, in ms. */
  timeMs: number;
  /** Warmup budget per task before the first round, in ms; 0 for none. */
  warmupMs: number;
  /** Minimum iterations per task and round. */
  iterations: number;
  /**
   * Rounds, each running every task once for `timeMs / rounds`, the task order rotated: on a busy
   * machine a burst of load then lands on every task alike, and the median round is reported.
   */
  rounds: number;
}

/** One task's timing: one op is one call of the task function. */
export interface Timing {
  /** Time of one op, in ms: the median of the round means (`measure`) or of the calls (`paired`). */
  ms: number;
  /** Ops per second (`1000 / ms`). */
  opsPerSecond: number;
  /** Interquartile range of those measurements ÷ their median, in percent: how steady the machine was. */
  spread: number;
  /** Ops timed over all rounds. */
  samples: number;
}

/** The `q` quantile of sorted values, interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

/** A timing from measurements in ms (round means or single calls). */
function timingOf(values: readonly number[], samples: number): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = quantile(sorted, 0.5);
  return {
    ms,
    opsPerSecond: ms > 0 ? 1000 / ms : Number.POSITIVE_INFINITY,
    spread: ms > 0 ? ((quantile(sorted, 0.75) - quantile(sorted, 0.25)) / ms) * 100 : 0,
    samples,
  };
}

/**
 * Runs `tasks` with tinybench in rotated rounds and returns their timings by name. A task that throws
 * fails the run: a benchmark of a broken function measures nothing.
 * @example
 * const timings = await measure([["noop", () => {}]], { timeMs: 100, warmupMs: 0, iterations: 1, rounds: 1 });
 */
export async function measure(
  tasks: readonly (readonly [name: string, fn: () => unknown])[],
  options: MeasureOptions,
): Promise<Map<string, Timing>> {
  const means = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  const samples = new Map<string, number>(tasks.map(([name]) => [name, 0]));
  for (let round = 0; round < options.rounds; round++) {
    const warmup = round === 0 && options.warmupMs > 0;
    const bench = new Bench({
      time: options.timeMs / options.rounds,
      iterations: options.iterations,
      warmup,
      warmupTime: options.warmupMs,
      warmupIterations: warmup ? 4 : 0,
      throws: true,
    });
    const shift = round % tasks.length;
    for (const [name, fn] of [...tasks.slice(shift), ...tasks.slice(0, shift)]) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
      means.get(task.name)!.push(result.latency.mean);
      samples.set(task.name, samples.get(task.name)! + result.latency.samplesCount);
    }
  }
  return new Map(tasks.map(([name]) => [name, timingOf(means.get(name)!, samples.get(name)!)]));
}

/**
 * Times two async calls alternately (a, b, then b, a, …) until `timeMs` has passed and each ran at
 * least `iterations` times, so both see the same load; each timing is the median single call.
 * @example
 * const [raw, client] = await paired(() => fetch(url), () => client.GET(path), { timeMs: 500, iterations: 20 });
 */
export async function paired(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: Pick<MeasureOptions, "timeMs" | "iterations">,
): Promise<[Timing, Timing]> {
  const times: [number[], number[]] = [[], []];
  const calls = [a, b] as const;
  const end = performance.now() + options.timeMs;
  for (let i = 0; i < options.iterations || performance.now() < end; i++) {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const start = performance.now();
      await calls[k]!();
      times[k]!.push(performance.now() - start);
    }
  }
  return [timingOf(times[0], times[0].length), timingOf(times[1], times[1].length)];
}
