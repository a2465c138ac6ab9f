import { afterEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  createApiClient,
  createRetryingFetch,
  PatchwiseError,
  PatchwiseTimeoutError,
} from "../src/index.ts";
import { folk, type paths, SECRET } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

const OK = { body: { data: { items: [] } } };

describe("timeouts", () => {
  it("retries an attempt that outlives timeoutMs", async () => {
    server = await startServer([{ delayMs: 300, ...OK }, OK]);
    const events: ClientEvent[] = [];
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      timeoutMs: 40,
      retry: { minDelayMs: 1 },
      logger: (e) => events.push(e),
    });
    const { response } = await client.GET("/v1/people");
    expect(response.status).toBe(200);
    expect(events[0]).toMatchObject({ type: "retry", error: "timeout", attempt: 1 });
  });

  it("throws PatchwiseTimeoutError with its cause once retries are exhausted", async () => {
    server = await startServer([{ delayMs: 300, ...OK }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      timeoutMs: 30,
      retry: { retries: 1, minDelayMs: 1 },
    });
    const error = await client.GET("/v1/people").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseTimeoutError);
    expect(error).toBeInstanceOf(PatchwiseError);
    expect((error as Error).message).toBe(
      `GET ${server.url}/v1/people timed out after 30 ms (attempt 2 of 2)`,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.seen).toHaveLength(2);
  });

  it("times out a fetch that ignores its signal (an in-process handler)", async () => {
    const retrying = createRetryingFetch({
      fetch: () => new Promise<Response>(() => {}),
      timeoutMs: 20,
      retry: false,
    });
    await expect(retrying(new Request("https://api.example.test/x"))).rejects.toBeInstanceOf(
      PatchwiseTimeoutError,
    );
  });

  it("sets no timer with timeoutMs: 0", async () => {
    server = await startServer([{ delayMs: 30, ...OK }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      timeoutMs: 0,
      retry: false,
    });
    const { response } = await client.GET("/v1/people");
    expect(response.status).toBe(200);
  });
});

describe("caller abort", () => {
  it("surfaces the caller's AbortError, unretried", async () => {
    server = await startServer([{ delayMs: 300, ...OK }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await client.GET("/v1/people", { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(server.seen).toHaveLength(1);
  });

  it("honours the client-level signal", async () => {
    server = await startServer([{ delayMs: 300, ...OK }]);
    const controller = new AbortController();
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("shutting down")), 20);
    await expect(client.GET("/v1/people")).rejects.toThrow("shutting down");
    expect(server.seen).toHaveLength(1);
  });

  it("cuts a backoff wait short", async () => {
    server = await startServer([{ status: 503 }, OK]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 60_000, random: () => 1 },
    });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    const error = await client.GET("/v1/people", { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);
  });

  it("rejects at once when the signal is already aborted", async () => {
    server = await startServer([OK]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    await expect(client.GET("/v1/people", { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.seen).toHaveLength(0);
  });
});
