import { mulberry32 } from "./random.ts";

/**
 * What happens to one request: `ok` serves it; `5xx` answers the provider's server error without
 * running the handler; `429` answers the provider's rate-limit error; `drop` fails the connection
 * before the handler runs. Three faults run the handler (the write happens) and then lose its answer:
 * `lost` fails the connection, `stored-5xx` answers the provider's 5xx (a gateway that gave up on a
 * backend that went on), `stored-timeout` never answers, so the client's timeout fires (after
 * `stallMs` the connection fails).
 */
export type Fault = "ok" | "5xx" | "429" | "drop" | "lost" | "stored-5xx" | "stored-timeout";

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
  /** Share of requests that are handled and stored, then answered with the provider's 5xx. */
  storedServerErrorRate?: number;
  /** Share of requests that are handled and stored, then never answered (the client times out). */
  storedTimeoutRate?: number;
  /**
   * Only requests of these methods draw faults (and consume the schedule), e.g. `["POST"]` to fault
   * creates alone; default every method.
   */
  methods?: readonly string[];
  /** Status of a `5xx` or `stored-5xx` fault (default 500). */
  serverErrorStatus?: number;
  /** `Retry-After` of a `429` fault, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How long a `stored-timeout` holds the request before failing the connection, in ms (default 30 000). */
  stallMs?: number;
}

/** Draws the fault of each request: the schedule in order, then by rate from a seeded PRNG. */
export function faultPicker(options: FaultOptions = {}): (method?: string) => Fault {
  const schedule = [...(options.schedule ?? [])];
  const random = mulberry32(options.seed ?? 1);
  const methods = options.methods && new Set(options.methods.map((m) => m.toUpperCase()));
  const rates: [Fault, number][] = [
    ["drop", options.dropRate ?? 0],
    ["lost", options.lostResponseRate ?? 0],
    ["5xx", options.serverErrorRate ?? 0],
    ["429", options.rateLimitedRate ?? 0],
    ["stored-5xx", options.storedServerErrorRate ?? 0],
    ["stored-timeout", options.storedTimeoutRate ?? 0],
  ];
  const draws = rates.some(([, rate]) => rate > 0);
  return (method) => {
    if (methods && method !== undefined && !methods.has(method.toUpperCase())) return "ok";
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
