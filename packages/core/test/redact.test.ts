import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  createApiClient,
  createRetryingFetch,
  PatchwiseApiError,
  PatchwiseNetworkError,
  PatchwiseTimeoutError,
  paginate,
  toApiError,
  unwrap,
} from "../src/index.ts";
import { redactor, sanitize } from "../src/redact.ts";
import { type paths, SECRET, stackone } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

const ACCOUNT = "acct_7d1c0ffee42";
const BASIC = Buffer.from(`${SECRET}:`).toString("base64");
const LEAKS = [SECRET, ACCOUNT, BASIC];

/** Every way an error or event is shown: message, toString, JSON, util.inspect (with its cause chain). */
function renderings(value: unknown): string[] {
  const shown = [JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })];
  if (value instanceof Error) shown.push(value.message, String(value), value.stack ?? "");
  return shown;
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) for (const secret of LEAKS) expect(text).not.toContain(secret);
}

let server: TestServer;
afterEach(() => server?.close());

/** A transport failure whose message, cause and extra properties all carry the credentials. */
function leakyFetch(): never {
  const headers = new Headers({ authorization: `Basic ${BASIC}`, "x-account-id": ACCOUNT });
  const socketError = Object.assign(new Error(`socket closed while sending Basic ${BASIC}`), {
    code: "ECONNRESET",
    headers,
    request: { headers: { authorization: `Basic ${BASIC}` } },
  });
  throw new TypeError(`fetch failed for key ${SECRET} account ${ACCOUNT}`, { cause: socketError });
}

describe("no key, token, Authorization or x-account-id value in any error or log", () => {
  it("PatchwiseApiError, even when the provider echoes the credentials", async () => {
    server = await startServer([
      {
        status: 401,
        body: {
          statusCode: 401,
          message: `Invalid key ${SECRET} for account ${ACCOUNT}`,
          echo: `Basic ${BASIC}`,
        },
      },
    ]);
    const events: ClientEvent[] = [];
    const client = createApiClient<paths>(stackone, {
      apiKey: SECRET,
      accountId: ACCOUNT,
      baseUrl: server.url,
      logger: (e) => events.push(e),
    });
    const error = await unwrap(client.GET("/v1/people")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect((error as Error).message).toBe(
      `401: Invalid key [REDACTED] for account [REDACTED] (stackone GET ${server.url}/v1/people)`,
    );
    expectNoSecret(error);
    expectNoSecret(events);
    // it was really sent
    expect(server.seen[0]!.headers["x-account-id"]).toBe(ACCOUNT);
  });

  it("PatchwiseApiError with a text body echoing the key", () => {
    const error = toApiError({ status: 500, body: `oops ${SECRET}`, secrets: [SECRET] });
    expect(error.body).toBe("oops [REDACTED]");
    expectNoSecret(error);
  });

  it("PatchwiseNetworkError, with its cause chain", async () => {
    const events: ClientEvent[] = [];
    const client = createApiClient<paths>(stackone, {
      apiKey: SECRET,
      accountId: ACCOUNT,
      baseUrl: "https://api.stackone.test",
      fetch: async () => leakyFetch(),
      retry: { retries: 1, minDelayMs: 1 },
      logger: (e) => events.push(e),
    });
    const error = await client.GET("/v1/people").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseNetworkError);
    expect((error as Error).message).toBe(
      "GET https://api.stackone.test/v1/people failed: socket closed while sending Basic [REDACTED] (attempt 2 of 2)",
    );
    expect(((error as Error).cause as Error).message).toBe(
      "fetch failed for key [REDACTED] account [REDACTED]",
    );
    expect((((error as Error).cause as Error).cause as { code?: string }).code).toBe("ECONNRESET");
    expectNoSecret(error);
    expectNoSecret(events);
  });

  it("PatchwiseNetworkError from a real reset connection", async () => {
    server = await startServer([{ destroy: true }]);
    const client = createApiClient<paths>(stackone, {
      apiKey: SECRET,
      accountId: ACCOUNT,
      baseUrl: server.url,
      retry: false,
    });
    const error = await client.GET("/v1/people").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseNetworkError);
    expectNoSecret(error);
  });

  it("PatchwiseTimeoutError, with its cause", async () => {
    const events: ClientEvent[] = [];
    const client = createApiClient<paths>(stackone, {
      apiKey: SECRET,
      accountId: ACCOUNT,
      baseUrl: "https://api.stackone.test",
      fetch: () => new Promise<Response>(() => {}),
      timeoutMs: 10,
      retry: false,
      logger: (e) => events.push(e),
    });
    const error = await client.GET("/v1/people").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseTimeoutError);
    expectNoSecret(error);
    expectNoSecret(events);
  });

  it("the pagination error", async () => {
    const pages = paginate(async () => ({ items: [], next: SECRET }), { maxPages: 1 });
    const error = await pages.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(error);
  });

  it("a construction TypeError", () => {
    const error = (() => {
      try {
        return createApiClient(stackone, { apiKey: SECRET, accountId: 12 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expectNoSecret(error);
  });

  it("a standalone retrying fetch redacts the request's Authorization credentials", async () => {
    const retrying = createRetryingFetch({
      fetch: async () => leakyFetch(),
      retry: false,
      secrets: [ACCOUNT],
    });
    const request = new Request("https://api.example.test/x", {
      headers: { authorization: `Basic ${BASIC}` },
    });
    const error = await retrying(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseNetworkError);
    for (const text of renderings(error)) {
      expect(text).not.toContain(BASIC);
      expect(text).not.toContain(ACCOUNT);
    }
  });
});

describe("sanitize", () => {
  it("keeps message and code, drops every other property, and stops three causes deep", () => {
    let thrown: unknown = new Error("root");
    for (let i = 0; i < 6; i++)
      thrown = Object.assign(new Error(`level ${i}`, { cause: thrown }), { extra: i });
    const copy = sanitize(thrown, redactor([]));
    expect(Object.keys(copy)).toEqual([]);
    const messages: string[] = [];
    for (let e: unknown = copy; e instanceof Error; e = e.cause) messages.push(e.message);
    expect(messages).toEqual(["level 5", "level 4", "level 3", "level 2"]);
  });

  it("copes with thrown non-errors", () => {
    expect(sanitize("plain", redactor([])).message).toBe("plain");
    expect(sanitize(null, redactor([])).message).toBe("null");
  });
});
