import { type MeasureOptions, paired, type Timing } from "./measure.ts";
import type { Provider, RecordPair } from "./providers.ts";
import { type SimulatorHost, startSimulator } from "./remote-simulator.ts";

/** Requests per second of one way of calling the simulator. */
interface RequestRate {
  /** From the median round trip. */
  requestsPerSecond: number;
  /** Median round trip, in ms. */
  p50Ms: number;
  /** Interquartile range of the round trips ÷ their median, in percent. */
  spread: number;
  requests: number;
}

/** A provider's client against raw `fetch`, the same request to the same loopback server. */
export interface ClientOverhead {
  provider: string;
  /** `GET` one record, or `PATCH` it with a minimal body. */
  method: "GET" | "PATCH";
  raw: RequestRate;
  client: RequestRate;
  /** The client's median round trip over raw fetch's, minus one (target: ≤ 0.10). */
  overhead: number;
}

const rateOf = (t: Timing): RequestRate => ({
  requestsPerSecond: t.opsPerSecond,
  p50Ms: t.ms,
  spread: t.spread,
  requests: t.samples,
});

/** Raw `fetch` with what the client sends (auth, JSON), reading the JSON body as the client does. */
async function rawFetch(
  url: string,
  auth: Readonly<Record<string, string>>,
  method: "GET" | "PATCH",
  body?: object,
): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      ...auth,
      accept: "application/json",
      ...(body && { "content-type": "application/json" }),
    },
    ...(body && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Requests per second through the provider's `create<Name>Client` against its simulator (in a process
 * of its own) over loopback HTTP, and through raw `fetch` to the same server, alternating: a GET of one
 * record, and a PATCH of a changed record with its minimal body (the same body each time, so the record
 * stays as it is after the first). Requests are sequential: the client's cost per request, not the
 * server's capacity.
 * @example
 * const [get, patch] = await benchClient(folk, folk.pairs(50, { seed: 1, changedRatio: 1 / 3 }), options);
 */
export async function benchClient(
  provider: Provider,
  pairs: readonly RecordPair[],
  options: Pick<MeasureOptions, "timeMs" | "warmupMs" | "iterations"> & { simulator?: SimulatorHost },
): Promise<ClientOverhead[]> {
  const target = pairs.find((p) => !provider.diff(p.before, p.after).noop);
  if (!target) throw new Error(`${provider.name}: no changed record among ${pairs.length} pairs`);
  const body = provider.diff(target.before, target.after).body;
  const server = await startSimulator(
    provider,
    pairs.map((p) => p.before),
    options.simulator,
  );
  try {
    const client = provider.client(server.url);
    const url = `${server.url}${provider.recordPath(target.id)}`;
    const patchUrl = url.replace(/\?.*$/, "");
    const auth = provider.headers;
    const calls = {
      GET: [() => rawFetch(url, auth, "GET"), () => client.get(target.id)],
      PATCH: [() => rawFetch(patchUrl, auth, "PATCH", body), () => client.patch(target.id, body)],
    } as const;
    const results: ClientOverhead[] = [];
    for (const method of ["GET", "PATCH"] as const) {
      const [raw, viaClient] = calls[method];
      // Warm both up (and fail the run, before anything is timed, if either cannot make the request).
      const warmEnd = performance.now() + options.warmupMs;
      do await Promise.all([raw(), viaClient()]);
      while (performance.now() < warmEnd);
      const [rawTiming, clientTiming] = await paired(raw, viaClient, options);
      results.push({
        provider: provider.name,
        method,
        raw: rateOf(rawTiming),
        client: rateOf(clientTiming),
        overhead: clientTiming.ms / rawTiming.ms - 1,
      });
    }
    return results;
  } finally {
    await server.close();
  }
}
