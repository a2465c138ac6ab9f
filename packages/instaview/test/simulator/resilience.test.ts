import { describe, expect, it } from "vitest";
import {
  type InstaviewCandidate,
  PatchwiseApiError,
  PatchwiseNetworkError,
  unwrap,
} from "../../src/index.ts";
import { createInstaviewSimulator, type InstaviewSimulatorOptions } from "../../src/testing.ts";
import { candidate, clock, connect, KEY, TRANSPORTS, thrown } from "./fixtures.ts";

const RECORD = candidate(1);
const params = { path: { id: RECORD.id } };

/** A simulator at a hand-moved clock, and a client whose retry waits move that clock instead of sleeping. */
async function setUp(
  transport: (typeof TRANSPORTS)[number],
  options: InstaviewSimulatorOptions = {},
  maxDelayMs?: number,
) {
  const time = clock();
  const sim = createInstaviewSimulator({ apiKey: KEY, now: time.now, records: [RECORD], ...options });
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    time.advance(ms);
  };
  const retry = { sleep, random: () => 0.5, ...(maxDelayMs !== undefined && { maxDelayMs }) };
  const { client, raw } = await connect(sim, transport, { retry });
  return { sim, client, raw, waits, time };
}

const headersOf = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => /^(x-ratelimit|retry-after)/.test(name)));

describe.each(TRANSPORTS)("rate limit (%s)", (transport) => {
  it("puts both windows' headers on every response while a limit is set", async () => {
    const { raw, time } = await setUp(transport, { rateLimit: { limit: 60 }, hourlyLimit: 2000 });
    await raw("GET", "/candidates");
    time.advance(10_000);
    const response = await raw("GET", `/candidates/${RECORD.id}`);
    expect(headersOf(response)).toEqual({
      "x-ratelimit-limit-minute": "60",
      "x-ratelimit-remaining-minute": "58",
      "x-ratelimit-reset-minute": "50", // seconds until the first request leaves the window
      "x-ratelimit-limit-hour": "2000",
      "x-ratelimit-remaining-hour": "1998",
      "x-ratelimit-reset-hour": "3590",
    });
    const none = await setUp(transport);
    expect(headersOf(await none.raw("GET", "/candidates"))).toEqual({});
  });

  it("answers 429 in Instaview's shape over the minute window; the client waits Retry-After and succeeds", async () => {
    const { sim, client, raw, waits } = await setUp(transport, { rateLimit: { limit: 2 } });
    await raw("GET", "/candidates");
    await raw("GET", "/candidates");
    const refused = await raw("GET", "/candidates");
    expect(refused.status).toBe(429);
    expect(headersOf(refused)).toMatchObject({
      "retry-after": "60",
      "x-ratelimit-remaining-minute": "0",
      "x-ratelimit-reset-minute": "60",
    });
    expect(await refused.json()).toEqual({
      statusCode: 429,
      message: "Rate limit exceeded",
      error: "Too Many Requests",
      retryAfter: 60,
      limit: 2,
      remaining: 0,
      reset: 60,
    });
    expect(await unwrap(client.GET("/candidates/{id}", { params }))).toEqual(RECORD);
    expect(waits).toEqual([60_000]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429, 429, 200]);
    expect(client.rateLimit).toMatchObject({ limit: 2, remaining: 1, window: "minute" });
  });

  it("answers 429 over the hour window with its own Retry-After", async () => {
    const { sim, client, waits } = await setUp(
      transport,
      { rateLimit: { limit: 100 }, hourlyLimit: 2 },
      3_600_000,
    );
    await unwrap(client.GET("/candidates"));
    await unwrap(client.GET("/candidates"));
    await unwrap(client.PATCH("/candidates/{id}", { params, body: { status: "REJECTED" } }));
    expect(waits).toEqual([3_600_000]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(sim.get(RECORD.id)?.status).toBe("REJECTED");
  });

  it("setRateLimit replaces both windows, and undefined lifts the limit", async () => {
    const { sim, raw } = await setUp(transport, { rateLimit: { limit: 1 } });
    await raw("GET", "/candidates");
    expect((await raw("GET", "/candidates")).status).toBe(429);
    sim.setRateLimit({ limit: 5 });
    expect(headersOf(await raw("GET", "/candidates"))).toMatchObject({
      "x-ratelimit-remaining-minute": "4",
      "x-ratelimit-remaining-hour": "1999",
    });
    sim.setRateLimit(undefined);
    for (let i = 0; i < 10; i++) expect((await raw("GET", "/candidates")).status).toBe(200);
  });
});

describe.each(TRANSPORTS)("faults (%s)", (transport) => {
  it("a GET retried after a 5xx and after a dropped connection succeeds", async () => {
    const { sim, client, waits } = await setUp(transport, { faults: { schedule: ["5xx", "drop"] } });
    expect(await unwrap(client.GET("/candidates/{id}", { params }))).toEqual(RECORD);
    expect(sim.requests.map((r) => r.fault ?? r.status)).toEqual(["5xx", "drop", 200]);
    expect(waits).toHaveLength(2);
  });

  it("5xx faults answer Instaview's envelope with the configured status", async () => {
    const { raw } = await setUp(transport, { faults: { schedule: ["5xx"], serverErrorStatus: 503 } });
    const response = await raw("GET", "/candidates");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ success: false, error: { code: "SERVICE_UNAVAILABLE" } });
  });

  it("an injected 429 carries Retry-After, which the client honours", async () => {
    const { client, waits } = await setUp(transport, { faults: { schedule: ["429"], retryAfterSeconds: 7 } });
    await unwrap(client.GET("/candidates"));
    expect(waits).toEqual([7000]);
  });

  it("a PATCH whose response is lost is stored, and its retry applies the same body again", async () => {
    const { sim, client } = await setUp(transport, { faults: { schedule: ["lost"] } });
    const updated = await unwrap(client.PATCH("/candidates/{id}", { params, body: { jobIds: [] } }));
    expect(updated.jobIds).toEqual([]);
    expect(sim.requests.map((r) => [r.method, r.fault ?? r.status])).toEqual([
      ["PATCH", "lost"],
      ["PATCH", 200],
    ]);
  });

  it("a POST is never retried: dropped, nothing is created; lost, it is created unseen", async () => {
    const body = { firstName: "Ada", lastName: "L", phoneNumber: "+12", gdprExpiryDate: "2030-01-01" };
    const dropped = await setUp(transport, { faults: { schedule: ["drop"] } });
    expect(await thrown(() => unwrap(dropped.client.POST("/candidates", { body })))).toBeInstanceOf(
      PatchwiseNetworkError,
    );
    expect(dropped.sim.all()).toHaveLength(1);
    const lost = await setUp(transport, { faults: { schedule: ["lost"] } });
    expect(await thrown(() => unwrap(lost.client.POST("/candidates", { body })))).toBeInstanceOf(
      PatchwiseNetworkError,
    );
    expect(lost.sim.all().map((c) => c.firstName)).toEqual([RECORD.firstName, "Ada"]);
  });

  it("gives up after the retries with the last 5xx as a typed error", async () => {
    const { client } = await setUp(transport, { faults: { serverErrorRate: 1 } });
    const error = await thrown(() => unwrap(client.GET("/candidates")));
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 500, code: "INTERNAL_SERVER_ERROR" });
  });

  it("draws faults from a seed: the same seed, the same faults", async () => {
    const run = async () => {
      const { sim, client } = await setUp(transport, {
        faults: { seed: 9, serverErrorRate: 0.2, dropRate: 0.1, lostResponseRate: 0.1 },
      });
      for (let i = 0; i < 10; i++) await client.GET("/candidates/{id}", { params }).catch(() => undefined);
      return sim.requests.map((r) => r.fault ?? "ok");
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it("adds latency to every response", async () => {
    const { sim, client } = await setUp(transport, { latencyMs: 40 });
    let started = performance.now();
    await unwrap(client.GET("/candidates"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    sim.setLatency(0);
    started = performance.now();
    const list: InstaviewCandidate[] = (await unwrap(client.GET("/candidates"))).data;
    expect(list).toEqual([RECORD]);
  });
});
