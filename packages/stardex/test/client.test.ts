import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  createStardexClient,
  diffPerson,
  PatchwiseApiError,
  PatchwiseError,
  type StardexClientOptions,
  type StardexPerson,
  unwrap,
} from "../src/index.ts";

// ——— A tiny Stardex over real loopback HTTP ———

const KEY = "sk_stardex_live_5f4e3d2c1b0a";

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Every response carries Stardex's rate-limit headers (providers/stardex.md). */
const rateHeaders = (remaining: number, reset = 1_767_225_600) => ({
  "x-ratelimit-limit": "60",
  "x-ratelimit-remaining": String(remaining),
  "x-ratelimit-reset": String(reset),
});

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

const person = (n: number): StardexPerson => ({
  id: uuid(n),
  name: `Person ${n}`,
  first_name: "Sam",
  current_job_title: "Backend Engineer",
  linkedin_public_id: `person-${n}`,
  emails: [{ contact_data_type: "work", value: `p${n}@widgets.example` }],
  phones: [],
  custom_fields: [],
});
const PERSONS = Array.from({ length: 7 }, (_, i) => person(i + 1));
const JOBS = Array.from({ length: 5 }, (_, i) => ({ id: uuid(0x100 + i), name: `Job ${i}` }));
const COMPANIES = Array.from({ length: 3 }, (_, i) => ({ id: uuid(0x200 + i), name: `Company ${i}` }));
const DEFINITIONS = [
  { id: uuid(0x300), name: "Skills", data_type: "multi-select", tags: [{ id: uuid(0x301), name: "Go" }] },
];

/** One page of `all` as Stardex lists it: `{ success, data, meta: { total, offset, limit } }`. */
const page = (all: readonly unknown[], offset = 0, limit = 100): Reply => ({
  body: {
    success: true,
    data: all.slice(offset, offset + limit),
    meta: { total: all.length, offset, limit },
  },
});

/** The routes of the spec this test uses, answering like Stardex. */
function route(req: Seen): Reply {
  const body = (req.body ?? {}) as { offset?: number; limit?: number };
  const id = /^\/v1\/persons\/([^/]+)$/.exec(req.path)?.[1];
  if (req.method === "GET" && id) {
    const found = PERSONS.find((p) => p.id === id);
    return found
      ? { body: { success: true, data: found } }
      : { status: 404, body: { message: `Person ${id} not found`, error: "Not Found", statusCode: 404 } };
  }
  if (req.method === "PATCH" && id)
    return { body: { success: true, data: { message: "Person updated successfully" } } };
  if (req.method === "POST" && req.path === "/v1/persons/search")
    return page(PERSONS, body.offset, body.limit);
  if (req.method === "POST" && req.path === "/v1/jobs/search") return page(JOBS, body.offset, body.limit);
  if (req.method === "GET" && req.path === "/v1/companies") {
    return page(COMPANIES, Number(req.query.get("offset") ?? 0), Number(req.query.get("limit") ?? 100));
  }
  if (req.method === "GET" && req.path === "/v1/custom-fields/persons")
    return { body: { success: true, data: DEFINITIONS } };
  return { status: 404, body: { success: false, error: { code: "NOT_FOUND", message: "No such route" } } };
}

let url = "";
let seen: Seen[] = [];
/** Replies served before the routes, in order (one per request). */
let queued: Reply[] = [];
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    const where = new URL(req.url ?? "/", "http://localhost");
    const request: Seen = {
      method: req.method ?? "",
      path: where.pathname,
      query: where.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(request);
    const reply = queued.shift() ?? route(request);
    const json = reply.body === undefined ? "" : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      ...(json && { "content-type": "application/json" }),
      ...rateHeaders(59),
      ...reply.headers,
    });
    res.end(json);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});
afterAll(() => close());
beforeEach(() => {
  seen = [];
  queued = [];
});

/** Retry waits recorded instead of slept: the suite stays fast and the waits exact. */
function client(options: Partial<StardexClientOptions> = {}) {
  const waits: number[] = [];
  const stardex = createStardexClient({
    apiKey: KEY,
    baseUrl: url,
    retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    ...options,
  });
  return { stardex, waits };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function apiError(promise: Promise<unknown>): Promise<PatchwiseApiError> {
  const e = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(PatchwiseApiError);
  return e as PatchwiseApiError;
}

const getPerson = (stardex: ReturnType<typeof client>["stardex"], id = uuid(1)) =>
  unwrap(stardex.GET("/v1/persons/{id}", { params: { path: { id } } }));

// ——— Tests ———

describe("auth and headers", () => {
  it("sends the key as a Bearer token, JSON Accept and the default User-Agent", async () => {
    const { stardex } = client();
    const { data } = await getPerson(stardex);
    expect(data.id).toBe(uuid(1));
    expect(seen[0]?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, accept: "application/json" });
    expect(seen[0]?.headers["user-agent"]).toMatch(/^patchwise\/\d+\.\d+\.\d+/);
  });

  it("sends a custom User-Agent", async () => {
    const { stardex } = client({ userAgent: "acme-sync/2.1 (+https://acme.example)" });
    await getPerson(stardex);
    expect(seen[0]?.headers["user-agent"]).toBe("acme-sync/2.1 (+https://acme.example)");
  });

  it("needs an API key", () => {
    expect(() => createStardexClient({ apiKey: "" })).toThrow(
      'stardex: option "apiKey" must be a non-empty string, received an empty string',
    );
  });

  it("keeps the rate-limit state of the last response", async () => {
    const { stardex } = client();
    expect(stardex.rateLimit).toBeUndefined();
    await getPerson(stardex);
    expect(stardex.rateLimit).toEqual({ limit: 60, remaining: 59, reset: new Date(1_767_225_600_000) });
  });
});

describe("PATCH", () => {
  it("sends the typed body diffPerson computes and reads the confirmation", async () => {
    const { stardex } = client();
    const { data: before } = await getPerson(stardex);
    const { body, noop } = diffPerson(before, {
      ...before,
      current_job_title: "Staff Engineer",
      phones: [{ contact_data_type: "mobile", value: "+351910000001" }],
    });
    expect(noop).toBe(false);
    const result = await unwrap(
      stardex.PATCH("/v1/persons/{id}", { params: { path: { id: before.id } }, body }),
    );
    expect(result.data.message).toBe("Person updated successfully");
    expect(seen[1]).toMatchObject({
      method: "PATCH",
      path: `/v1/persons/${before.id}`,
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: {
        current_job_title: "Staff Engineer",
        phone_numbers: [{ contact_data_type: "mobile", value: "+351910000001" }],
      },
    });
  });
});

describe("iterate: every list to its last page", () => {
  it("persons: POST search with the filter, offset/limit pages until meta.total", async () => {
    const { stardex } = client();
    const got = await collect(stardex.iterate.persons({ email: "p@widgets.example" }, { pageSize: 3 }));
    expect(got.map((p) => p.id)).toEqual(PERSONS.map((p) => p.id));
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ["POST", "/v1/persons/search", { email: "p@widgets.example", offset: 0, limit: 3 }],
      ["POST", "/v1/persons/search", { email: "p@widgets.example", offset: 3, limit: 3 }],
      ["POST", "/v1/persons/search", { email: "p@widgets.example", offset: 6, limit: 3 }],
    ]);
  });

  it("persons: one page of 100 by default", async () => {
    const { stardex } = client();
    expect(await collect(stardex.iterate.persons())).toHaveLength(7);
    expect(seen.map((s) => s.body)).toEqual([{ offset: 0, limit: 100 }]);
  });

  it("jobs: POST search pages", async () => {
    const { stardex } = client();
    const got = await collect(stardex.iterate.jobs({ is_archived: false }, { pageSize: 2 }));
    expect(got).toEqual(JOBS);
    expect(seen.map((s) => s.body)).toEqual([
      { is_archived: false, offset: 0, limit: 2 },
      { is_archived: false, offset: 2, limit: 2 },
      { is_archived: false, offset: 4, limit: 2 },
    ]);
  });

  it("companies: GET pages with offset and limit in the query", async () => {
    const { stardex } = client();
    const got = await collect(stardex.iterate.companies({ pageSize: 2 }));
    expect(got).toEqual(COMPANIES);
    expect(seen.map((s) => `${s.method} ${s.path}?${s.query}`)).toEqual([
      "GET /v1/companies?offset=0&limit=2",
      "GET /v1/companies?offset=2&limit=2",
    ]);
  });

  it("customFields: the one unpaginated response", async () => {
    const { stardex } = client();
    const got = await collect(stardex.iterate.customFields({ job_id: uuid(0x100) }));
    expect(got).toEqual(DEFINITIONS);
    expect(seen.map((s) => `${s.method} ${s.path}?${s.query}`)).toEqual([
      `GET /v1/custom-fields/persons?job_id=${uuid(0x100)}`,
    ]);
  });

  it("stops at an empty page even when meta.total says more", async () => {
    const { stardex } = client();
    queued = [
      { body: { success: true, data: [PERSONS[0]], meta: { total: 9, offset: 0, limit: 1 } } },
      { body: { success: true, data: [], meta: { total: 9, offset: 1, limit: 1 } } },
    ];
    expect(await collect(stardex.iterate.persons({}, { pageSize: 1 }))).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it("throws rather than stop silently after maxPages", async () => {
    const { stardex } = client();
    await expect(collect(stardex.iterate.persons({}, { pageSize: 2, maxPages: 2 }))).rejects.toThrow(
      PatchwiseError,
    );
    expect(seen).toHaveLength(2);
  });

  it("rejects a page size outside 1-100", () => {
    const { stardex } = client();
    expect(() => stardex.iterate.jobs({}, { pageSize: 101 })).toThrow(RangeError);
    expect(() => stardex.iterate.companies({ pageSize: 0 })).toThrow(
      "pageSize must be an integer from 1 to 100",
    );
  });

  it("surfaces an error page as PatchwiseApiError", async () => {
    const { stardex } = client();
    queued = [
      page(JOBS, 0, 2),
      { status: 403, body: { success: false, error: { code: "FORBIDDEN", message: "No access" } } },
    ];
    const e = await apiError(collect(stardex.iterate.jobs({}, { pageSize: 2 })));
    expect([e.status, e.code, e.message]).toEqual([403, "FORBIDDEN", expect.stringContaining("No access")]);
  });
});

describe("errors: both Stardex envelopes through unwrap", () => {
  it("the envelope { success: false, error: { code, message } }", async () => {
    const { stardex } = client();
    queued = [
      {
        status: 401,
        body: {
          success: false,
          error: { code: "INVALID_API_KEY", message: `API key ${KEY} not recognised.` },
        },
      },
    ];
    const e = await apiError(getPerson(stardex));
    expect(e).toMatchObject({
      status: 401,
      code: "INVALID_API_KEY",
      requestId: undefined,
      retryAfter: undefined,
      provider: "stardex",
      method: "GET",
    });
    // The key never shows in an error, its message or its JSON.
    expect(`${e.message} ${JSON.stringify(e)}`).not.toContain(KEY);
    expect(e.message).toContain("API key [REDACTED] not recognised.");
  });

  it("the alternative shape { message, error, statusCode } of some 404s", async () => {
    const { stardex } = client();
    const e = await apiError(getPerson(stardex, uuid(0x999)));
    expect(e).toMatchObject({
      status: 404,
      code: "Not Found",
      message: expect.stringContaining(`Person ${uuid(0x999)} not found`),
    });
  });

  it("the alternative shape of some 500s, after the retries", async () => {
    const { stardex, waits } = client();
    const alt = {
      status: 500,
      body: { message: "Internal server error", error: "Internal Server Error", statusCode: 500 },
    };
    queued = [alt, alt, alt, alt];
    const e = await apiError(getPerson(stardex));
    expect(e).toMatchObject({ status: 500, code: "Internal Server Error" });
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([250, 500, 1000]); // exponential backoff, jitter fixed at 0.5
  });

  it("a 400 with a request id header", async () => {
    const { stardex } = client();
    queued = [
      {
        status: 400,
        headers: { "x-request-id": "req_8f7e6d" },
        body: {
          success: false,
          error: { code: "VALIDATION_ERROR", message: "limit must not be greater than 100" },
        },
      },
    ];
    const e = await apiError(collect(stardex.iterate.persons()));
    expect(e).toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      requestId: "req_8f7e6d",
      method: "POST",
    });
  });

  it("a 429 gives retryAfter from Retry-After", async () => {
    const { stardex } = client({ retry: false });
    queued = [{ status: 429, headers: { "retry-after": "17", ...rateHeaders(0) }, body: tooMany(17) }];
    const e = await apiError(getPerson(stardex));
    expect(e).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfter: 17 });
  });

  it("a 429 without Retry-After gives retryAfter from retry_after_seconds", async () => {
    const { stardex } = client({ retry: false });
    queued = [{ status: 429, body: tooMany(42) }];
    expect((await apiError(getPerson(stardex))).retryAfter).toBe(42);
  });
});

describe("retries", () => {
  it("retries a 429 after Retry-After, then succeeds", async () => {
    const { stardex, waits } = client();
    queued = [{ status: 429, headers: { "retry-after": "2", ...rateHeaders(0) }, body: tooMany(2) }];
    const { data } = await getPerson(stardex);
    expect(data.id).toBe(uuid(1));
    expect(waits).toEqual([2000]);
    expect(seen).toHaveLength(2);
    expect(stardex.rateLimit?.remaining).toBe(59);
  });

  it("waits until X-RateLimit-Reset when an exhausted 429 has no Retry-After", async () => {
    const { stardex, waits } = client();
    const reset = Math.ceil(Date.now() / 1000) + 5;
    queued = [
      {
        status: 429,
        headers: rateHeaders(0, reset),
        body: { success: false, error: { code: "RATE_LIMIT_EXCEEDED", message: "Slow down" } },
      },
    ];
    await getPerson(stardex);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(6000);
  });

  it("retries a PATCH (its body sets state), waiting retry_after_seconds", async () => {
    const { stardex, waits } = client();
    queued = [{ status: 429, body: tooMany(3) }];
    const body = { current_job_title: "CTO" };
    await unwrap(stardex.PATCH("/v1/persons/{id}", { params: { path: { id: uuid(1) } }, body }));
    expect(waits).toEqual([3000]);
    expect(seen.map((s) => s.body)).toEqual([body, body]);
  });

  it("never retries a POST search", async () => {
    const { stardex, waits } = client();
    queued = [{ status: 429, headers: { "retry-after": "1" }, body: tooMany(1) }];
    const e = await apiError(collect(stardex.iterate.persons()));
    expect(e).toMatchObject({ status: 429, retryAfter: 1 });
    expect(waits).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("logs responses and retries without the key", async () => {
    const events: ClientEvent[] = [];
    const { stardex } = client({ logger: (e) => events.push(e) });
    queued = [{ status: 429, headers: { "retry-after": "0" }, body: tooMany(0) }];
    await getPerson(stardex);
    expect(events.map((e) => [e.type, "status" in e ? e.status : undefined])).toEqual([
      ["response", 429],
      ["retry", 429],
      ["response", 200],
    ]);
    expect(JSON.stringify(events)).not.toContain(KEY);
  });
});

/** Stardex's 429 body: the envelope plus `retry_after_seconds` (spec: RateLimitError). */
function tooMany(seconds: number) {
  return {
    success: false,
    error: { code: "RATE_LIMIT_EXCEEDED", message: "Rate limit exceeded: 60 requests per minute" },
    retry_after_seconds: seconds,
    limit: 60,
  };
}
