import { describe, expect, it } from "vitest";
import { PatchwiseApiError, PatchwiseNetworkError, unwrap } from "../../src/index.ts";
import {
  createStackOneSimulator,
  STACKONE_RATE_LIMIT,
  type StackOneSimulatorOptions,
} from "../../src/testing.ts";
import { candidate, clock, connect, KEY, TRANSPORTS, thrown, withoutCustomFields } from "./fixtures.ts";

const RECORD = candidate(1);
const params = { path: { id: RECORD.id } };
const URL_LIST = "/unified/ats/candidates";
const URL_ONE = "/unified/ats/candidates/{id}";

/** A simulator at a hand-moved clock, and a client whose retry waits move that clock instead of sleeping. */
async function setUp(transport: (typeof TRANSPORTS)[number], options: StackOneSimulatorOptions = {}) {
  const time = clock();
  const sim = createStackOneSimulator({ apiKey: KEY, now: time.now, records: [RECORD], ...options });
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    time.advance(ms);
  };
  const { client, raw } = await connect(sim, transport, { retry: { sleep, random: () => 0.5 } });
  return { sim, client, raw, waits, time };
}

const limitHeaders = (response: Response) =>
  Object.fromEntries(
    [...response.headers].filter(([name]) => /^(x-ratelimit|ratelimit|retry-after)/.test(name)),
  );

describe("STACKONE_RATE_LIMIT", () => {
  it("is StackOne's documented 1000 requests a minute", () => {
    expect(STACKONE_RATE_LIMIT).toEqual({ limit: 1000, windowMs: 60_000 });
  });
});

describe.each(TRANSPORTS)("rate limit (%s)", (transport) => {
  it("answers 429 in StackOne's envelope with Retry-After and no X-RateLimit-* headers", async () => {
    const { raw, time } = await setUp(transport, { rateLimit: { limit: 2 } });
    expect(limitHeaders(await raw("GET", URL_LIST))).toEqual({}); // no headers while under the limit
    time.advance(10_000);
    await raw("GET", URL_LIST);
    const refused = await raw("GET", URL_LIST);
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toEqual({ "retry-after": "50" }); // until the first request leaves the window
    expect(await refused.json()).toEqual({
      statusCode: 429,
      message: "Too Many Requests",
      timestamp: "2026-01-15T09:00:10.000Z",
    });
  });

  it("the client waits Retry-After and succeeds, for GET and PATCH alike", async () => {
    const { sim, client, waits } = await setUp(transport, { rateLimit: STACKONE_RATE_LIMIT });
    sim.setRateLimit({ limit: 1 });
    expect((await unwrap(client.GET(URL_ONE, { params }))).data).toEqual(withoutCustomFields(RECORD));
    await unwrap(client.PATCH(URL_ONE, { params, body: { title: "CTO" } }));
    expect(waits).toEqual([60_000]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(sim.get(RECORD.id)?.title).toBe("CTO");
    expect(client.rateLimit).toBeUndefined(); // StackOne sends no rate-limit headers
  });

  it("a POST is not retried: the 429 reaches the caller with its retryAfter", async () => {
    const { client, sim } = await setUp(transport, { faults: { schedule: ["429"], retryAfterSeconds: 7 } });
    const error = await thrown(() => unwrap(client.POST(URL_LIST, { body: { name: "Ada" } })));
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({
      status: 429,
      retryAfter: 7,
      message: expect.stringContaining("Too Many Requests"),
    });
    expect(sim.all()).toHaveLength(1);
  });

  it("setRateLimit(undefined) lifts the limit", async () => {
    const { sim, raw } = await setUp(transport, { rateLimit: { limit: 1 } });
    await raw("GET", URL_LIST);
    expect((await raw("GET", URL_LIST)).status).toBe(429);
    sim.setRateLimit(undefined);
    for (let i = 0; i < 5; i++) expect((await raw("GET", URL_LIST)).status).toBe(200);
  });
});

describe.each(TRANSPORTS)("faults (%s)", (transport) => {
  it("a GET retried after a 5xx and after a dropped connection succeeds", async () => {
    const { sim, client, waits } = await setUp(transport, { faults: { schedule: ["5xx", "drop"] } });
    expect((await unwrap(client.GET(URL_ONE, { params }))).data).toEqual(withoutCustomFields(RECORD));
    expect(sim.requests.map((r) => r.fault ?? r.status)).toEqual(["5xx", "drop", 200]);
    expect(waits).toEqual([250, 500]);
  });

  it("a PATCH whose response was lost was applied; the retry applies it again, to the same state", async () => {
    const { sim, client } = await setUp(transport, { faults: { schedule: ["lost"] } });
    await unwrap(client.PATCH(URL_ONE, { params, body: { title: "CTO", emails: [] } }));
    expect(sim.requests.map((r) => r.fault ?? r.status)).toEqual(["lost", 200]);
    expect(sim.get(RECORD.id)).toMatchObject({ title: "CTO", emails: [] });
  });

  it("without retries a lost response is a network error, and the write still happened", async () => {
    const sim = createStackOneSimulator({ apiKey: KEY, records: [RECORD], faults: { schedule: ["lost"] } });
    const { client } = await connect(sim, transport);
    const error = await thrown(() => unwrap(client.PATCH(URL_ONE, { params, body: { title: "CTO" } })));
    expect(error).toBeInstanceOf(PatchwiseNetworkError);
    expect(sim.get(RECORD.id)?.title).toBe("CTO");
  });

  it("5xx faults answer StackOne's envelope with the configured status; 501 is never retried", async () => {
    const { raw, client, sim } = await setUp(transport, {
      faults: { schedule: ["5xx"], serverErrorStatus: 502 },
    });
    const response = await raw("GET", URL_LIST);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      statusCode: 502,
      message: "Bad Gateway",
      timestamp: "2026-01-15T09:00:00.000Z",
    });
    sim.setFaults({ schedule: ["5xx"], serverErrorStatus: 501 });
    const error = await thrown(() => unwrap(client.GET(URL_ONE, { params })));
    expect(error).toMatchObject({ status: 501, message: expect.stringContaining("Not Implemented") });
  });

  it("seeded fault rates give the same faults for the same seed", async () => {
    const faults = { seed: 42, serverErrorRate: 0.3, dropRate: 0.2 };
    const run = async () => {
      const sim = createStackOneSimulator({ apiKey: KEY, faults });
      const { raw } = await connect(sim, transport);
      for (let i = 0; i < 30; i++) await raw("GET", URL_LIST).catch(() => undefined);
      return sim.requests.map((r) => r.fault ?? "ok");
    };
    const first = await run();
    expect(first).toContain("5xx");
    expect(first).toContain("drop");
    expect(await run()).toEqual(first);
  });

  it("auth failures consume no fault; latency delays every response", async () => {
    const { raw, sim } = await setUp(transport, { faults: { schedule: ["5xx"] } });
    expect((await raw("GET", URL_LIST, { headers: { authorization: null } })).status).toBe(401);
    expect((await raw("GET", URL_LIST)).status).toBe(500);
    sim.setLatency(40);
    const started = performance.now();
    expect((await raw("GET", URL_LIST)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});
