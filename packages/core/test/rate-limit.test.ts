import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, parseRateLimit, parseRetryAfter } from "../src/index.ts";
import { folk, instaview, type paths, SECRET, stackone } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

const NOW = Date.UTC(2026, 0, 1);

describe("parseRetryAfter", () => {
  it.each([
    ["delay-seconds", "120", 120],
    ["zero", "0", 0],
    ["padded", " 5 ", 5],
    ["HTTP-date", "Thu, 01 Jan 2026 00:01:00 GMT", 60],
    ["HTTP-date in the past", "Wed, 31 Dec 2025 23:00:00 GMT", 0],
    ["ISO date (Folk's error details)", "2026-01-01T00:00:30Z", 30],
    ["a number from a body", 30, 30],
    ["empty", "", undefined],
    ["absent", null, undefined],
    ["garbage", "soon", undefined],
    ["negative number", -1, undefined],
  ] as const)("%s", (_, value, want) => {
    expect(parseRetryAfter(value, NOW)).toBe(want);
  });
});

describe("parseRateLimit", () => {
  it.each([
    [
      "Folk / Stardex epoch-seconds reset",
      {
        "X-RateLimit-Limit": "200",
        "X-RateLimit-Remaining": "199",
        "X-RateLimit-Reset": String(NOW / 1000 + 60),
      },
      { limit: 200, remaining: 199, reset: new Date(NOW + 60_000) },
    ],
    [
      "a reset below 1e9 as seconds from now",
      { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "3", "x-ratelimit-reset": "30" },
      { limit: 60, remaining: 3, reset: new Date(NOW + 30_000) },
    ],
    [
      "IETF draft RateLimit-* without X-",
      { "ratelimit-limit": "10", "ratelimit-remaining": "9", "ratelimit-reset": "5" },
      { limit: 10, remaining: 9, reset: new Date(NOW + 5000) },
    ],
    [
      "Instaview windows: the one with fewer remaining",
      {
        "X-RateLimit-Limit-Minute": "60",
        "X-RateLimit-Remaining-Minute": "2",
        "X-RateLimit-Reset-Minute": "20",
        "X-RateLimit-Limit-Hour": "2000",
        "X-RateLimit-Remaining-Hour": "1500",
        "X-RateLimit-Reset-Hour": "2000",
      },
      { window: "minute", limit: 60, remaining: 2, reset: new Date(NOW + 20_000) },
    ],
    [
      "Instaview windows both exhausted: the later reset",
      {
        "X-RateLimit-Remaining-Minute": "0",
        "X-RateLimit-Reset-Minute": "20",
        "X-RateLimit-Remaining-Hour": "0",
        "X-RateLimit-Reset-Hour": "2000",
      },
      { window: "hour", remaining: 0, reset: new Date(NOW + 2_000_000) },
    ],
    ["no headers (StackOne)", { "content-type": "application/json" }, undefined],
    ["unreadable values", { "x-ratelimit-remaining": "lots" }, undefined],
  ] as const)("%s", (_, headers, want) => {
    expect(parseRateLimit(new Headers(headers), NOW)).toEqual(want);
  });
});

describe("client.rateLimit", () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it("is undefined before any response, then the last state seen", async () => {
    server = await startServer([
      {
        headers: {
          "x-ratelimit-limit": "200",
          "x-ratelimit-remaining": "150",
          "x-ratelimit-reset": "1767225600",
        },
      },
      {
        headers: {
          "x-ratelimit-limit": "200",
          "x-ratelimit-remaining": "149",
          "x-ratelimit-reset": "1767225600",
        },
      },
    ]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    expect(client.rateLimit).toBeUndefined();
    await client.GET("/v1/people");
    expect(client.rateLimit).toEqual({ limit: 200, remaining: 150, reset: new Date("2026-01-01T00:00:00Z") });
    await client.GET("/v1/people");
    expect(client.rateLimit?.remaining).toBe(149);
  });

  it("keeps the last state seen when later responses have none, read or not in between", async () => {
    const limited = { headers: { "x-ratelimit-remaining": "7", "x-ratelimit-reset": "1767225600" } };
    server = await startServer([...Array.from({ length: 20 }, () => limited), { body: {} }]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    for (let i = 0; i < 21; i++) await client.GET("/v1/people");
    expect(client.rateLimit).toEqual({ remaining: 7, reset: new Date("2026-01-01T00:00:00Z") });
    const state = client.rateLimit;
    await client.GET("/v1/people");
    expect(client.rateLimit).toBe(state);
  });

  it("counts a reset in seconds from the response, not from the read", async () => {
    server = await startServer([{ headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "60" } }]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    await client.GET("/v1/people");
    const answered = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(+client.rateLimit!.reset!).toBeLessThanOrEqual(answered + 60_000);
  });

  it("reads Instaview's windows", async () => {
    server = await startServer([
      {
        headers: {
          "x-ratelimit-limit-minute": "60",
          "x-ratelimit-remaining-minute": "59",
          "x-ratelimit-reset-minute": "60",
          "x-ratelimit-limit-hour": "2000",
          "x-ratelimit-remaining-hour": "10",
          "x-ratelimit-reset-hour": "1800",
        },
      },
    ]);
    const client = createApiClient<paths>(instaview, { apiKey: SECRET, baseUrl: server.url });
    await client.GET("/v1/people");
    expect(client.rateLimit).toMatchObject({ window: "hour", limit: 2000, remaining: 10 });
  });

  it("stays undefined for a provider without rate-limit headers", async () => {
    server = await startServer([{ body: {} }]);
    const client = createApiClient<paths>(stackone, { apiKey: SECRET, accountId: "a", baseUrl: server.url });
    await client.GET("/v1/people");
    expect(client.rateLimit).toBeUndefined();
  });
});
