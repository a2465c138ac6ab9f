import { PatchwiseApiError, PatchwiseNetworkError } from "@patchwise/core";
import { describe, expect, it } from "vitest";
import { createFolkClient, unwrap } from "../../src/index.ts";
import { FOLK_RATE_LIMIT } from "../../src/testing.ts";
import { ADA, connect, errorOf, NOW, simulator, TRANSPORTS } from "./fixtures.ts";

const params = { params: { path: { personId: ADA.id } } };

/** A clock that the client's retry `sleep` moves forward, so that waits pass at once. */
function clock() {
  let t = +NOW;
  const waits: number[] = [];
  return {
    now: () => new Date(t),
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
  };
}

describe.each(TRANSPORTS)("rate limit (%s)", (transport) => {
  it("every response carries X-RateLimit-*; over the limit, a 429 with Retry-After and Folk's details", async () => {
    const time = clock();
    const sim = simulator({ records: [ADA], now: time.now, rateLimit: { limit: 2, windowMs: 60_000 } });
    const { raw } = await connect(sim, transport);
    const first = await raw("GET", `/v1/people/${ADA.id}`);
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(first.headers.get("x-ratelimit-reset")).toBe(String((+NOW + 60_000) / 1000));
    await raw("GET", `/v1/people/${ADA.id}`);
    const limited = await raw("GET", `/v1/people/${ADA.id}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await errorOf(limited)).toMatchObject({
      code: "RATE_LIMIT_EXCEEDED",
      message: "The rate limit has been exceeded.",
      documentationUrl: "https://developer.folk.app/api-reference/errors#rate-limiting",
      details: { limit: 2, remaining: 0, retryAfter: new Date(+NOW + 60_000).toISOString() },
    });
  });

  it("the client waits Retry-After and retries: the request succeeds", async () => {
    const time = clock();
    const sim = simulator({ records: [ADA], now: time.now, rateLimit: { limit: 1, windowMs: 10_000 } });
    const { folk } = await connect(sim, transport, { retry: { sleep: time.sleep } });
    await unwrap(folk.GET("/v1/people/{personId}", params));
    const { data } = await unwrap(
      folk.PATCH("/v1/people/{personId}", { ...params, body: { jobTitle: "CTO" } }),
    );
    expect(data.jobTitle).toBe("CTO");
    expect(time.waits).toEqual([10_000]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(folk.rateLimit).toMatchObject({ limit: 1, remaining: 0 });
  });

  it("without retries, the 429 surfaces as PatchwiseApiError with retryAfter", async () => {
    const sim = simulator({ records: [ADA], rateLimit: { limit: 1 } });
    const { folk } = await connect(sim, transport, { retry: false });
    await unwrap(folk.GET("/v1/people/{personId}", params));
    const error = await unwrap(folk.GET("/v1/people/{personId}", params)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfter: 60 });
  });

  it("FOLK_RATE_LIMIT is Folk's documented 200 a minute", async () => {
    const sim = simulator({ records: [ADA], rateLimit: FOLK_RATE_LIMIT });
    const { raw } = await connect(sim, transport);
    expect((await raw("GET", `/v1/people/${ADA.id}`)).headers.get("x-ratelimit-limit")).toBe("200");
  });
});

describe.each(TRANSPORTS)("faults (%s)", (transport) => {
  it("a GET after a 5xx is retried and succeeds", async () => {
    const sim = simulator({ records: [ADA], faults: { schedule: ["5xx"] } });
    const { folk } = await connect(sim, transport);
    expect((await unwrap(folk.GET("/v1/people/{personId}", params))).data).toEqual(ADA);
    expect(sim.requests.map((r) => [r.status, r.fault])).toEqual([
      [500, "5xx"],
      [200, undefined],
    ]);
  });

  it("the 5xx is Folk's envelope, 500 or 503 as configured", async () => {
    const sim = simulator({ records: [ADA], faults: { schedule: ["5xx", "5xx"], serverErrorStatus: 503 } });
    const { raw } = await connect(sim, transport);
    const response = await raw("GET", `/v1/people/${ADA.id}`);
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });

  it("a GET after a dropped connection is retried and succeeds", async () => {
    const sim = simulator({ records: [ADA], faults: { schedule: ["drop"] } });
    const { folk } = await connect(sim, transport);
    expect((await unwrap(folk.GET("/v1/people/{personId}", params))).data).toEqual(ADA);
    expect(sim.requests.map((r) => r.fault)).toEqual(["drop", undefined]);
  });

  it("a PATCH whose response is lost was applied; the retry applies it again, to the same state", async () => {
    const sim = simulator({ records: [ADA], faults: { schedule: ["lost"] } });
    const { folk } = await connect(sim, transport);
    const body = { emails: ["new@example.com", ...ADA.emails] };
    const { data } = await unwrap(folk.PATCH("/v1/people/{personId}", { ...params, body }));
    expect(data.emails).toEqual(body.emails);
    expect(sim.requests.map((r) => [r.status, r.fault])).toEqual([
      [200, "lost"],
      [200, undefined],
    ]);
  });

  it("a POST is never retried: a 5xx surfaces, and a lost response leaves the person created", async () => {
    const sim = simulator({ faults: { schedule: ["5xx", "lost"] } });
    const { folk } = await connect(sim, transport);
    expect((await folk.POST("/v1/people", { body: { firstName: "Ada" } })).response.status).toBe(500);
    const lost = await folk.POST("/v1/people", { body: { firstName: "Ada" } }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(PatchwiseNetworkError);
    expect(sim.all().map((p) => p.firstName)).toEqual(["Ada"]);
  });

  it("faults drawn at rates are the same for the same seed", async () => {
    const statuses = async () => {
      const sim = simulator({ records: [ADA], faults: { seed: 5, serverErrorRate: 0.3, dropRate: 0.2 } });
      const { raw } = await connect(sim, transport);
      for (let i = 0; i < 20; i++) await raw("GET", `/v1/people/${ADA.id}`).catch(() => undefined);
      return sim.requests.map((r) => r.fault ?? "ok");
    };
    const first = await statuses();
    expect(first).toEqual(await statuses());
    expect(new Set(first)).toEqual(new Set(["ok", "5xx", "drop"]));
  });

  it("latency delays every response", async () => {
    const sim = simulator({ records: [ADA], latencyMs: 40 });
    const { folk } = await connect(sim, transport);
    const started = performance.now();
    await unwrap(folk.GET("/v1/people/{personId}", params));
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("a client timeout shorter than the latency is retried, then fails as a timeout", async () => {
    const sim = simulator({ records: [ADA], latencyMs: 200 });
    const { base } = await connect(sim, transport);
    const folk = createFolkClient({
      apiKey: sim.apiKey,
      ...(transport === "http" ? { baseUrl: base } : { fetch: sim.fetch }),
      timeoutMs: 20,
      retry: { retries: 1, sleep: async () => {} },
    });
    const error = await folk.GET("/v1/people/{personId}", params).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PatchwiseTimeoutError" });
  });
});
