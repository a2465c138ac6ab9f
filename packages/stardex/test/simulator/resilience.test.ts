/**
 * The simulator's rate limit and injected faults through the real client's retries, in-process and
 * over loopback HTTP: 429 with Stardex's headers and body, 5xx in both error shapes, dropped
 * connections and lost responses, latency, and the seeded fault schedule.
 */
import { describe, expect, it } from "vitest";
import {
  type PatchwiseApiError,
  PatchwiseNetworkError,
  PatchwiseTimeoutError,
  type StardexClient,
  unwrap,
} from "../../src/index.ts";
import { STARDEX_RATE_LIMIT } from "../../src/testing.ts";
import { clock, connect, person, START, TRANSPORTS } from "./fixtures.ts";

const ID = person(1).id;
const read = (client: StardexClient) => client.GET("/v1/persons/{id}", { params: { path: { id: ID } } });

describe.each(TRANSPORTS)("rate limit and faults (%s)", (transport) => {
  it("60 requests a minute: the 61st gets 429 with Retry-After, X-RateLimit-* and retry_after_seconds", async () => {
    const time = clock();
    const { client, sim } = await connect(
      transport,
      { records: [person(1)], now: time.now, rateLimit: STARDEX_RATE_LIMIT },
      { retry: false },
    );
    for (let i = 0; i < 60; i++) {
      const { response } = await read(client);
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(59 - i));
      time.advance(500); // 60 requests over 30 s
    }
    const { response, error } = await read(client);
    expect(response.status).toBe(429);
    // The oldest request leaves the window at START + 60 s; now is START + 30 s.
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("x-ratelimit-limit")).toBe("60");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-reset")).toBe(String((START + 60_000) / 1000));
    expect(error).toEqual({
      success: false,
      error: {
        code: "RATE_LIMIT_EXCEEDED",
        message: "Rate limit exceeded: 60 requests per minute. Retry in 30s.",
      },
      retry_after_seconds: 30,
      limit: 60,
      reset_at: (START + 60_000) / 1000,
    });
    expect(client.rateLimit).toMatchObject({ limit: 60, remaining: 0 });
    expect(sim.requests.at(-1)?.status).toBe(429);
  });

  it("the client waits Retry-After and its retry succeeds", async () => {
    const time = clock();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      time.advance(ms);
    };
    const { client, sim } = await connect(
      transport,
      { records: [person(1)], now: time.now, rateLimit: { limit: 2 } },
      { retry: { sleep, random: () => 0.5 } },
    );
    await unwrap(read(client));
    await unwrap(read(client));
    const { data } = await unwrap(read(client));
    expect(data.id).toBe(ID);
    expect(waits).toEqual([60_000]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429, 200]);
  });

  it("a GET retried after a 5xx and after a dropped connection succeeds", async () => {
    const { client, sim } = await connect(transport, {
      records: [person(1)],
      faults: { schedule: ["5xx", "drop"] },
    });
    const { data } = await unwrap(read(client));
    expect(data).toEqual(person(1));
    expect(sim.requests.map((r) => [r.status, r.fault])).toEqual([
      [500, "5xx"],
      [0, "drop"],
      [200, undefined],
    ]);
  });

  it("an injected 429 is retried after its Retry-After", async () => {
    const waits: number[] = [];
    const { client } = await connect(
      transport,
      { records: [person(1)], faults: { schedule: ["429"], retryAfterSeconds: 2 } },
      { retry: { sleep: async (ms) => void waits.push(ms) } },
    );
    await unwrap(read(client));
    expect(waits).toEqual([2000]);
  });

  it("a PATCH whose response is lost was applied; the retry applies it again, to the same state", async () => {
    const { client, sim } = await connect(transport, {
      records: [person(1)],
      faults: { schedule: ["lost"] },
    });
    const body = { current_job_title: "Staff Engineer", custom_fields: [] };
    const { data } = await unwrap(client.PATCH("/v1/persons/{id}", { params: { path: { id: ID } }, body }));
    expect(data.message).toBe("Person updated successfully");
    expect(sim.requests.map((r) => [r.method, r.status, r.fault])).toEqual([
      ["PATCH", 200, "lost"],
      ["PATCH", 200, undefined],
    ]);
    expect(sim.get(ID)?.current_job_title).toBe("Staff Engineer");
  });

  it("a POST is never retried: a 5xx and a drop reach the caller", async () => {
    const { client, sim } = await connect(transport, {
      records: [person(1)],
      faults: { schedule: ["5xx", "drop"] },
    });
    const search = () => unwrap(client.POST("/v1/persons/search", { body: { offset: 0, limit: 10 } }));
    await expect(search()).rejects.toMatchObject({ status: 500, code: "INTERNAL_SERVER_ERROR" });
    await expect(search()).rejects.toBeInstanceOf(PatchwiseNetworkError);
    expect(sim.requests).toHaveLength(2);
  });

  it("5xx come in both of Stardex's shapes: the envelope for 500, { message, error, statusCode } else", async () => {
    const { client, sim } = await connect(transport, { records: [person(1)] }, { retry: false });
    sim.setFaults({ schedule: ["5xx"] });
    const envelope = await unwrap(read(client)).catch((e: PatchwiseApiError) => e);
    expect(envelope).toMatchObject({ status: 500, code: "INTERNAL_SERVER_ERROR" });
    sim.setFaults({ schedule: ["5xx"], serverErrorStatus: 503 });
    const alternative = await unwrap(read(client)).catch((e: PatchwiseApiError) => e);
    expect(alternative).toMatchObject({ status: 503, code: "Service Unavailable" });
    expect((alternative as PatchwiseApiError).body).toEqual({
      message: "Service Unavailable",
      error: "Service Unavailable",
      statusCode: 503,
    });
  });

  it("seeded fault rates give the same faults for the same seed", async () => {
    const run = async () => {
      const { client, sim } = await connect(
        transport,
        {
          records: [person(1)],
          faults: { seed: 42, serverErrorRate: 0.2, dropRate: 0.1, lostResponseRate: 0.1 },
        },
        { retry: { retries: 10, sleep: async () => {} } },
      );
      for (let i = 0; i < 20; i++) expect((await unwrap(read(client))).data.id).toBe(ID);
      return sim.requests.map((r) => r.fault ?? "ok");
    };
    const first = await run();
    expect(first.filter((f) => f !== "ok").length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });

  it("latency delays every response; a client timeout below it gives up", async () => {
    const { client, sim } = await connect(
      transport,
      { records: [person(1)], latencyMs: 30 },
      { retry: false },
    );
    const started = performance.now();
    await unwrap(read(client));
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    sim.setLatency(200);
    const { client: impatient } = await connect(
      transport,
      { records: [person(1)], latencyMs: 200 },
      { retry: false, timeoutMs: 20 },
    );
    await expect(unwrap(read(impatient))).rejects.toBeInstanceOf(PatchwiseTimeoutError);
  });
});
