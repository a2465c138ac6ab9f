import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Fault, type FaultOptions, faultPicker } from "./faults.ts";
import { mulberry32, uuidFrom } from "./random.ts";
import {
  type RateLimitOptions,
  type RateLimitWindow,
  type SlidingWindow,
  slidingWindow,
} from "./rate-limit.ts";

/** What the routes of a simulator get besides the app: its name, key, clock and seeded randomness. */
export interface SimulatorRuntime {
  readonly name: string;
  /** The API key the simulator accepts. */
  readonly apiKey: string;
  /** The simulator's clock (`options.now`), for timestamps and the rate limit. */
  now(): Date;
  /** Seeded PRNG in [0, 1) (`options.seed`), independent of the fault draws. */
  random(): number;
  /** A version-4-shaped UUID from `random`: the same seed gives the same ids. */
  uuid(): string;
}

/** The Hono environment of a simulator: `c.var.sim` is its runtime in every handler. */
export interface SimulatorEnv {
  Variables: { sim: SimulatorRuntime };
}

/** The Hono app a provider's `routes` registers on. */
export type SimulatorApp = Hono<SimulatorEnv>;

/** The Hono context of a simulator's handlers and error builders. */
export type SimulatorContext = Context<SimulatorEnv>;

/** Why a request was refused before any route ran. */
export interface AuthFailure {
  status: 401 | 403;
  /** `missing`: no usable `Authorization`; `invalid`: another key; `header`: a required header is absent. */
  reason: "missing" | "invalid" | "header";
  /** The required header that was absent (reason `header`). */
  header?: string;
}

/**
 * The provider's error responses. Each returns the provider's own body (see `json`); the simulator
 * adds `Retry-After` and the rate-limit headers itself.
 */
export interface SimulatorErrors {
  /** Refused credentials or a missing required header: the provider's 401 or 403. */
  unauthorized(c: SimulatorContext, failure: AuthFailure): Response;
  /** The provider's 429 body (its `Retry-After` and rate-limit headers are added for it). */
  rateLimited(c: SimulatorContext, retryAfterSeconds: number, state: RateLimitWindow): Response;
  /** The provider's 5xx, for injected faults and handlers that throw. */
  serverError(c: SimulatorContext, status: number): Response;
  /** The provider's 400 for a body that is not JSON (`jsonBody`). */
  badRequest(c: SimulatorContext, message: string): Response;
  /** The provider's 404 for a path no route matches (default `{ "message": "Not Found" }`). */
  notFound?(c: SimulatorContext): Response;
}

/** What a provider simulator supplies: its auth, routes, error shapes and rate-limit headers. */
export interface SimulatorDefinition {
  /** Provider name (`folk`). */
  name: string;
  /** `Authorization: Bearer <key>`, or `Basic base64(<key>:)` (any password). */
  auth: "bearer" | "basic";
  /** Headers every request must carry, with the status when one is absent: `{ "x-account-id": 403 }`. */
  requiredHeaders?: Readonly<Record<string, 401 | 403>>;
  /** Registers the provider's routes; auth, the rate limit, faults and the log wrap them all. */
  routes(app: SimulatorApp, sim: SimulatorRuntime): void;
  errors: SimulatorErrors;
  /** The provider's rate-limit headers, put on every authenticated response while a limit is set. */
  rateLimitHeaders?(state: RateLimitWindow): Record<string, string>;
}

/** Knobs of one simulator instance; all can be changed later but `apiKey`, `seed` and `now`. */
export interface SimulatorOptions {
  /** The key it accepts (default `"test-key"`); any other gets the provider's 401. */
  apiKey?: string;
  /** Added to every response, in ms. */
  latencyMs?: number;
  /** A sliding window; a request over the limit gets the provider's 429 with `Retry-After`. */
  rateLimit?: RateLimitOptions | undefined;
  /** Injected faults: a schedule, or seeded random draws at given rates. */
  faults?: FaultOptions | undefined;
  /** Seed of `sim.random()` and `sim.uuid()` (default 1). */
  seed?: number;
  /** The clock (default `() => new Date()`); inject it to test rate-limit windows. */
  now?: () => Date;
}

/** One request as the simulator saw it. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query, e.g. `/v1/people/per_1`. */
  path: string;
  /** Query parameters (the last value of a repeated name). */
  query: Record<string, string>;
  /** Status the simulator produced; 0 when the connection was dropped before any. */
  status: number;
  /** Bytes of the request body. */
  requestBytes: number;
  /** Bytes of the response body produced (also for `lost`, where the client never saw them). */
  responseBytes: number;
  /** The request body parsed as JSON, when it was JSON. */
  body?: unknown;
  /** When it arrived, by the simulator's clock. */
  at: Date;
  /** The fault injected into this request, if any. */
  fault?: Exclude<Fault, "ok">;
  /** What a handler threw, answered with the provider's 500: a simulator bug to look at. */
  error?: unknown;
}

/** A listening simulator. */
export interface SimulatorServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A stateful fake of a provider's API, in-process and over HTTP. Its methods need no `this`. */
export interface Simulator {
  readonly name: string;
  /**
   * In-process, like `fetch`: pass it as a client's `fetch`. A dropped or lost response rejects with
   * `TypeError("fetch failed")`; a `stored-timeout` waits for the request's signal and rejects with its reason.
   */
  fetch: typeof fetch;
  /** Serves the same simulator over real HTTP on 127.0.0.1 (port 0: a free one). Dropped or lost responses reset the connection. */
  listen(port?: number): Promise<SimulatorServer>;
  /** Every request so far, oldest first (the same array throughout, cleared in place). */
  readonly requests: readonly RequestLogEntry[];
  clearLog(): void;
  /** Replaces the fault configuration (and restarts its schedule and PRNG); `undefined` for none. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Replaces the rate limit with a fresh, empty window; `undefined` for none. */
  setRateLimit(rateLimit: RateLimitOptions | undefined): void;
  setLatency(ms: number): void;
}

/** What the middleware decided for one request, read back by the transport. */
interface Exchange {
  errors: SimulatorErrors;
  fault?: Exclude<Fault, "ok">;
  window?: RateLimitWindow;
  retryAfterSeconds?: number;
  error?: unknown;
}

const exchanges = new WeakMap<Request, Exchange>();

function exchangeOf(c: Context): Exchange {
  const exchange = exchanges.get(c.req.raw);
  if (!exchange) throw new Error("simulator: a request that did not come through the simulator");
  return exchange;
}

/**
 * A JSON response with any status (Hono's `c.json` types statuses narrowly).
 *
 * @example
 * errors: { serverError: (c, status) => json(status, { error: { code: "INTERNAL", message: "Boom" } }) }
 */
export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/**
 * Stops the handler and sends `response`: for validation helpers deep in a route.
 *
 * @example
 * if (!store.has(id)) fail(json(404, { error: { code: "RESOURCE_NOT_FOUND", message: "No person" } }));
 */
export function fail(response: Response): never {
  throw new HTTPException(response.status as ContentfulStatusCode, { res: response });
}

/**
 * The request body parsed as JSON; a missing or malformed body stops the handler with the provider's
 * 400 (`errors.badRequest`).
 *
 * @example
 * app.patch("/v1/people/:id", async (c) => { const body = await jsonBody(c); ... });
 */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    return fail(
      exchangeOf(c).errors.badRequest(c, text.trim() ? "Malformed JSON body" : "A JSON body is required"),
    );
  }
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function fetchFailed(): TypeError {
  // What undici's fetch rejects with when the other side closes the socket.
  const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
  return new TypeError("fetch failed", { cause });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(id);
      reject(signal?.reason);
    };
    const id = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function parseJson(bytes: Uint8Array): unknown {
  if (!bytes.byteLength) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function authFailure(
  definition: SimulatorDefinition,
  apiKey: string,
  headers: Headers,
): AuthFailure | undefined {
  const scheme = definition.auth === "basic" ? "Basic" : "Bearer";
  const [, credentials] =
    new RegExp(`^${scheme}\\s+(\\S+)\\s*$`, "i").exec(headers.get("authorization") ?? "") ?? [];
  if (!credentials) return { status: 401, reason: "missing" };
  let key: string | undefined = credentials;
  if (definition.auth === "basic") {
    try {
      key = atob(credentials).split(":")[0];
    } catch {
      key = undefined;
    }
  }
  if (key !== apiKey) return { status: 401, reason: "invalid" };
  for (const [header, status] of Object.entries(definition.requiredHeaders ?? {})) {
    if (!headers.get(header)) return { status, reason: "header", header };
  }
  return undefined;
}

/**
 * Builds a provider simulator from its definition: a Hono app whose every route is wrapped in auth
 * (checked first), injected faults, a sliding-window rate limit, latency and a request log, served
 * in-process (`fetch`) and over HTTP (`listen`).
 *
 * @example
 * export const createAcmeSimulator = (options: SimulatorOptions = {}) =>
 *   createSimulator({ name: "acme", auth: "bearer", errors, routes(app) { app.get("/v1/ping", (c) => c.json({ ok: true })); } }, options);
 */
export function createSimulator(definition: SimulatorDefinition, options: SimulatorOptions = {}): Simulator {
  const { apiKey = "test-key", now = () => new Date() } = options;
  const { errors } = definition;
  let latencyMs = options.latencyMs ?? 0;
  let nextFault = faultPicker(options.faults);
  let faultOptions: FaultOptions = options.faults ?? {};
  let limiter: SlidingWindow | undefined = options.rateLimit && slidingWindow(options.rateLimit);
  let rateLimit = options.rateLimit;
  const log: RequestLogEntry[] = [];
  const random = mulberry32(options.seed ?? 1);
  const sim: SimulatorRuntime = {
    name: definition.name,
    apiKey,
    now,
    random,
    uuid: () => uuidFrom(random),
  };

  const app: SimulatorApp = new Hono<SimulatorEnv>();
  app.use(async (c, next) => {
    const exchange = exchangeOf(c);
    c.set("sim", sim);
    const failure = authFailure(definition, apiKey, c.req.raw.headers);
    if (failure) return errors.unauthorized(c, failure);
    const fault = nextFault(c.req.method);
    const at = +now();
    if (fault !== "ok") exchange.fault = fault;
    if (fault === "drop") return new Response(null); // discarded by the transport
    if (limiter) exchange.window = limiter.peek(at);
    if (fault === "5xx") return errors.serverError(c, faultOptions.serverErrorStatus ?? 500);
    if (fault === "429") {
      const retryAfterSeconds = faultOptions.retryAfterSeconds ?? 1;
      exchange.retryAfterSeconds = retryAfterSeconds;
      exchange.window = {
        limit: rateLimit?.limit ?? 0,
        windowMs: rateLimit?.windowMs ?? 60_000,
        ...exchange.window,
        remaining: 0,
        reset: new Date(at + retryAfterSeconds * 1000),
      };
      return errors.rateLimited(c, retryAfterSeconds, exchange.window);
    }
    if (limiter) {
      const { state, retryAfterSeconds } = limiter.take(at);
      exchange.window = state;
      if (retryAfterSeconds !== undefined) {
        exchange.retryAfterSeconds = retryAfterSeconds;
        return errors.rateLimited(c, retryAfterSeconds, state);
      }
    }
    await next();
    // Stored, then the answer is lost to the provider's 5xx (a gateway gave up on a backend that went on).
    if (fault === "stored-5xx") c.res = errors.serverError(c, faultOptions.serverErrorStatus ?? 500);
  });
  definition.routes(app, sim);
  app.notFound((c) => errors.notFound?.(c) ?? json(404, { message: "Not Found" }));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    exchangeOf(c).error = error;
    return errors.serverError(c, 500);
  });

  /** Runs one request through the app; undefined when the connection is to fail. */
  async function exchange(request: Request, signal?: AbortSignal): Promise<Response | undefined> {
    const url = new URL(request.url);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const entry: RequestLogEntry = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      requestBytes: bytes.byteLength,
      responseBytes: 0,
      at: now(),
    };
    const body = parseJson(bytes);
    if (body !== undefined) entry.body = body;
    log.push(entry);

    const inner = new Request(url, {
      method: request.method,
      headers: request.headers,
      ...(bytes.byteLength && request.method !== "GET" && request.method !== "HEAD" && { body: bytes }),
    });
    const decided: Exchange = { errors };
    exchanges.set(inner, decided);
    const produced = await app.fetch(inner);
    if (decided.error !== undefined) entry.error = decided.error;
    if (decided.fault) entry.fault = decided.fault;
    if (latencyMs > 0) await delay(latencyMs, signal);
    if (decided.fault === "drop") return undefined;
    if (decided.fault === "stored-timeout") {
      // Held until the client gives up (in-process, its timeout aborts `signal`), else failed after `stallMs`.
      await delay(faultOptions.stallMs ?? 30_000, signal).catch(() => undefined);
      if (signal?.aborted) throw signal.reason;
      return undefined;
    }

    const headers = new Headers(produced.headers);
    if (decided.window && rateLimit) {
      for (const [name, value] of Object.entries(definition.rateLimitHeaders?.(decided.window) ?? {})) {
        headers.set(name, value);
      }
    }
    if (decided.retryAfterSeconds !== undefined) {
      headers.set("retry-after", String(decided.retryAfterSeconds));
    }
    const content = new Uint8Array(await produced.arrayBuffer());
    entry.status = produced.status;
    entry.responseBytes = content.byteLength;
    if (decided.fault === "lost") return undefined;
    return new Response(NULL_BODY.has(produced.status) ? null : content, {
      status: produced.status,
      statusText: produced.statusText,
      headers,
    });
  }

  const simulatorFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const target =
      typeof input === "string" && input.startsWith("/") ? `http://simulator.invalid${input}` : input;
    const request = new Request(target, init);
    if (request.signal.aborted) throw request.signal.reason;
    const response = await exchange(request, request.signal);
    if (!response) throw fetchFailed();
    return response;
  };

  return {
    name: definition.name,
    fetch: simulatorFetch as typeof fetch,
    async listen(port = 0) {
      const { createAdaptorServer } = await import("@hono/node-server");
      const { RESPONSE_ALREADY_SENT } = await import("@hono/node-server/utils/response");
      const server = createAdaptorServer({
        hostname: "127.0.0.1",
        overrideGlobalObjects: false, // never swap the process's Request and Response
        async fetch(request, { incoming }) {
          const response = await exchange(request);
          if (response) return response;
          incoming.socket.destroy();
          return RESPONSE_ALREADY_SENT;
        },
      });
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      return {
        url: `http://127.0.0.1:${bound}`,
        close: () =>
          new Promise<void>((resolve, reject) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close((error) => (error ? reject(error) : resolve()));
          }),
      };
    },
    requests: log,
    clearLog: () => {
      log.length = 0;
    },
    setFaults(faults) {
      faultOptions = faults ?? {};
      nextFault = faultPicker(faults);
    },
    setRateLimit(limit) {
      rateLimit = limit;
      limiter = limit && slidingWindow(limit);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
  };
}
