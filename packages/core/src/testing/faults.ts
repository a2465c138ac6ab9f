import { mulberry32 } from "./random.ts";

/**
 * What happens to one request: `ok` serves it; `5xx` answers the provider's server error without
 * running the handler; `429` answers the provider's rate-limit error; `drop` fails the connection
 * before the handler runs; `lost` runs the handler (the write happens) and then fails the connection.
 */
export type Fault = "ok" | "5xx" | "429" | "drop" | "lost";

/** Injected faults: an explicit schedule first, then seeded random draws at the given rates. */
export interface FaultOptions {
  /** Faults for the next requests, one consumed per authenticated request; then the rates apply. */
  schedule?: readonly Fault[];
  /** Seed of the PRNG the rates draw from (default 1): the same seed gives the same faults. */
  seed?: number;
  /** Share of requests, 0–1, answered with the provider's 5xx. */
  serverErrorRate?: number;
  /** Share of requests answered with the provider's 429. */
  rateLimitedRate?: number;
  /** Share of requests whose connection fails before the handler runs. */
  dropRate?: number;
  /** Share of requests that are handled and stored, but whose response is lost. */
  lostResponseRate?: number;
  /** Status of a `5xx` fault (default 500). */
  serverErrorStatus?: number;
  /** `Retry-After` of a `429` fault, in seconds (default 1). */
  retryAfterSeconds?: number;
}

/** Draws the fault of each request: the schedule in order, then by rate from a seeded PRNG. */
export function faultPicker(options: FaultOptions = {}): () => Fault {
  const schedule = [...(options.schedule ?? [])];
  const random = mulberry32(options.seed ?? 1);
  const rates: [Fault, number][] = [
    ["drop", options.dropRate ?? 0],
    ["lost", options.lostResponseRate ?? 0],
    ["5xx", options.serverErrorRate ?? 0],
    ["429", options.rateLimitedRate ?? 0],
  ];
  const draws = rates.some(([, rate]) => rate > 0);
  return () => {
    const scheduled = schedule.shift();
    if (scheduled) return scheduled;
    if (!draws) return "ok";
    let r = random();
    for (const [fault, rate] of rates) {
      if (r < rate) return fault;
      r -= rate;
    }
    return "ok";
  };
}
