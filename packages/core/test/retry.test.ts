import { afterEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  createApiClient,
  createRetryingFetch,
  PatchwiseApiError,
  PatchwiseNetworkError,
  type RetryOptions,
  unwrap,
} from "../src/index.ts";
import { folk, instaview, type paths, recordWaits, SECRET, stackone, stardex } from "./helpers/fixtures.ts";
import { type Reply, startServer, type TestServer } from "./helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

const OK: Reply = { body: { data: { items: [{ id: "per_1" }] } } };

async function run(replies: Reply[], retry: Partial<RetryOptions> | false = {}, provider = folk) {
  server = await startServer(replies);
  const { waits, sleep } = recordWaits();
  const events: ClientEvent[] = [];
  const client = createApiClient<paths>(provider, {
    apiKey: SECRET,
    accountId: "acc_1",
    baseUrl: server.url,
    retry: retry && { sleep, random: () => 0.5, ...retry },
    logger: (e) => events.push(e),
  });
  const result = await client.GET("/v1/people");
  return { result, waits, events, calls: server.seen.length };
}

describe("retries", () => {
  it("retries a 429 after Retry-After seconds", async () => {
    const { result, waits } = await run([{ status: 429, headers: { "retry-after": "7" } }, OK]);
    expect(result.response.status).toBe(200);
    expect(waits).toEqual([7000]);
  });

  it("retries a 429 after a Retry-After HTTP-date", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const { result, waits } = await run([{ status: 429, headers: { "retry-after": at } }, OK]);
    expect(result.response.status).toBe(200);
    expect(waits[0]).toBeGreaterThan(28_000);
    expect(waits[0]).toBeLessThanOrEqual(30_000);
  });

  it("retries a 503 with exponential backoff and full jitter", async () => {
    const { result, waits, calls } = await run([{ status: 503 }, { status: 503 }, { status: 503 }, OK], {
      minDelayMs: 100,
    });
    expect(result.response.status).toBe(200);
    expect(calls).toBe(4);
    expect(waits).toEqual([50, 100, 200]); // random() = 0.5 of 100, 200, 400
  });

  it.each([408, 500, 502, 504])("retries a %i", async (status) => {
    const { result, calls } = await run([{ status }, OK]);
    expect(result.response.status).toBe(200);
    expect(calls).toBe(2);
  });

  it.each([400, 401, 404, 409, 422, 501])("does not retry a %i", async (status) => {
    const { result, calls } = await run([{ status, body: { error: { code: "X", message: "no" } } }, OK]);
    expect(result.response.status).toBe(status);
    expect(calls).toBe(1);
  });

  it("retries a reset connection", async () => {
    const { result, calls, events } = await run([{ destroy: true }, OK]);
    expect(result.response.status).toBe(200);
    expect(calls).toBe(2);
    expect(events[0]).toMatchObject({ type: "retry", error: "network", attempt: 1 });
  });

  it("throws PatchwiseNetworkError with its cause once retries are exhausted", async () => {
    const error = await run([{ destroy: true }], { retries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseNetworkError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v1\/people failed: .* \(attempt 3 of 3\)$/,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.seen).toHaveLength(3);
  });

  it("returns the last response once retries are exhausted, for unwrap to throw", async () => {
    const { result, calls } = await run(
      [{ status: 503, body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } } }],
      {
        retries: 2,
      },
    );
    expect(calls).toBe(3);
    const error = await unwrap(result).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      method: "GET",
      provider: "folk",
    });
  });

  it("never retries a POST", async () => {
    server = await startServer([{ status: 503 }, { status: 201, body: { data: { id: "per_1" } } }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    const { response } = await client.POST("/v1/people", { body: { firstName: "Ada" } });
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it("never retries a POST on a network error either", async () => {
    server = await startServer([{ destroy: true }, { status: 201, body: {} }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    await expect(client.POST("/v1/people", { body: {} })).rejects.toThrow(/\(attempt 1 of 1\)/);
    expect(server.seen).toHaveLength(1);
  });

  it("makes one attempt with retry: false", async () => {
    const { result, calls } = await run([{ status: 429, headers: { "retry-after": "1" } }, OK], false);
    expect(result.response.status).toBe(429);
    expect(calls).toBe(1);
  });

  it("honours retries", async () => {
    const { calls } = await run([{ status: 500 }], { retries: 1 });
    expect(calls).toBe(2);
  });

  it("caps any single wait at maxDelayMs", async () => {
    const { waits } = await run(
      [
        { status: 429, headers: { "retry-after": "3600" } },
        { status: 503 },
        { status: 429, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "999999" } },
        OK,
      ],
      { maxDelayMs: 250, minDelayMs: 10_000 },
    );
    expect(waits).toEqual([250, 250, 250]);
  });

  it("caps waits at 60 s by default", async () => {
    const { waits } = await run([{ status: 429, headers: { "retry-after": "600" } }, OK]);
    expect(waits).toEqual([60_000]);
  });

  it("logs a response and a retry event per attempt", async () => {
    const { events } = await run([{ status: 429, headers: { "retry-after": "2" } }, OK]);
    expect(events).toEqual([
      {
        type: "response",
        method: "GET",
        url: `${server.url}/v1/people`,
        attempt: 1,
        status: 429,
        durationMs: expect.any(Number),
      },
      { type: "retry", method: "GET", url: `${server.url}/v1/people`, attempt: 1, status: 429, waitMs: 2000 },
      {
        type: "response",
        method: "GET",
        url: `${server.url}/v1/people`,
        attempt: 2,
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it("really sleeps between attempts without an injected sleep", async () => {
    server = await startServer([{ status: 503 }, OK]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 20, random: () => 1 },
    });
    const started = Date.now();
    const { response } = await client.GET("/v1/people");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(19);
  });
});

describe("provider hints for the wait", () => {
  // Epoch resets are resolved when each test runs, not when the table is built: on a loaded machine the
  // two can be seconds apart.
  const inSeconds = (s: number) => `now+${s}`;
  const resolve = (headers: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        value.startsWith("now+") ? String(Math.floor(Date.now() / 1000) + Number(value.slice(4))) : value,
      ]),
    );

  it.each([
    [
      "Folk / Stardex X-RateLimit-Reset in epoch seconds",
      { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(20) },
      undefined,
      [18_000, 20_000],
    ],
    [
      "a reset below 1e9, as seconds from now",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "12" },
      undefined,
      [12_000, 12_000],
    ],
    [
      "Instaview's minute window",
      {
        "x-ratelimit-remaining-minute": "0",
        "x-ratelimit-reset-minute": inSeconds(40),
        "x-ratelimit-remaining-hour": "1500",
        "x-ratelimit-reset-hour": inSeconds(3000),
      },
      undefined,
      [38_000, 40_000],
    ],
    [
      "Instaview's hour window when that is the exhausted one",
      {
        "x-ratelimit-remaining-minute": "12",
        "x-ratelimit-reset-minute": inSeconds(40),
        "x-ratelimit-remaining-hour": "0",
        "x-ratelimit-reset-hour": inSeconds(50),
      },
      undefined,
      [48_000, 50_000],
    ],
    [
      "Stardex body retry_after_seconds",
      {},
      { success: false, error: { code: "RATE_LIMITED", message: "Slow down" }, retry_after_seconds: 9 },
      [9000, 9000],
    ],
    [
      "Instaview 429 body retryAfter",
      {},
      {
        statusCode: 429,
        message: "Rate limit exceeded",
        error: "Too Many Requests",
        retryAfter: 30,
        limit: 60,
        remaining: 0,
        reset: 30,
      },
      [30_000, 30_000],
    ],
    [
      "Retry-After before the reset header",
      { "retry-after": "3", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "50" },
      { retry_after_seconds: 9 },
      [3000, 3000],
    ],
  ])("%s", async (_, headers, body, [low, high]) => {
    const { waits, result } = await run(
      [{ status: 429, headers: resolve(headers), body }, OK],
      {},
      instaview,
    );
    expect(result.response.status).toBe(200);
    expect(waits[0]).toBeGreaterThanOrEqual(low!);
    expect(waits[0]).toBeLessThanOrEqual(high!);
  });

  it("falls back to backoff when a reset header is present but requests remain", async () => {
    const { waits } = await run(
      [{ status: 503, headers: { "x-ratelimit-remaining": "10", "x-ratelimit-reset": "50" } }, OK],
      { minDelayMs: 100 },
      stardex,
    );
    expect(waits).toEqual([50]);
  });

  it("honours Retry-After on a 408 (StackOne)", async () => {
    const { waits } = await run([{ status: 408, headers: { "retry-after": "4" } }, OK], {}, stackone);
    expect(waits).toEqual([4000]);
  });
});

describe("createRetryingFetch on its own", () => {
  it("wraps any fetch and returns the final response", async () => {
    let calls = 0;
    const retrying = createRetryingFetch({
      fetch: async () => new Response(null, { status: ++calls < 3 ? 502 : 204 }),
      retry: { minDelayMs: 1 },
    });
    const response = await retrying(new Request("https://api.example.test/x", { method: "DELETE" }));
    expect(response.status).toBe(204);
    expect(calls).toBe(3);
  });
});
