import {
  type LoopbackReply as Reply,
  type LoopbackRequest as Seen,
  serveLoopback as serve,
} from "@patchwise/test-utils";
import { describe, expect, it } from "vitest";
import {
  createInstaviewClient,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewClientOptions,
  PatchwiseApiError,
  unwrap,
} from "../src/index.ts";

const KEY = "sk_live_9f8e7d6c5b4a3210";
const ID = "3f1c2a9e-5b7d-4e1a-9c2f-8d6b4a0e7f21";

/** A candidate as GET returns it. */
const candidate = (n: number, changes: Partial<InstaviewCandidate> = {}): InstaviewCandidate => ({
  id: `3f1c2a9e-5b7d-4e1a-9c2f-${n.toString(16).padStart(12, "0")}`,
  firstName: `Alex ${n}`,
  lastName: "Sample",
  status: "APPLIED",
  createdAt: "2025-11-20T10:30:00Z",
  updatedAt: "2025-11-21T08:15:00Z",
  jobIds: [],
  email: `alex${n}@example.com`,
  gdprExpiryDate: "2027-11-16",
  gender: null,
  ...changes,
});

/** Instaview's error envelope. */
const envelope = (code: string, message: string, details: unknown = null) => ({
  success: false,
  data: null,
  error: { code, message, details },
  timestamp: "2025-11-20T10:30:00Z",
});

/** Instaview's other 429 shape. */
const rateLimited = {
  statusCode: 429,
  message: "Rate limit exceeded",
  error: "Too Many Requests",
  retryAfter: 30,
  limit: 60,
  remaining: 0,
  reset: 30,
};

/** Rate-limit headers of both windows. */
const windows = (minute: number, hour: number) => ({
  "X-RateLimit-Limit-Minute": "60",
  "X-RateLimit-Remaining-Minute": String(minute),
  "X-RateLimit-Reset-Minute": "12",
  "X-RateLimit-Limit-Hour": "2000",
  "X-RateLimit-Remaining-Hour": String(hour),
  "X-RateLimit-Reset-Hour": "1800",
});

/** A list endpoint over `records`, paged as Instaview pages (`page` from 1, `limit`, `totalPages`). */
function listOf(records: InstaviewCandidate[]) {
  return (request: Seen): Reply => {
    const page = Number(request.query.get("page") ?? 1);
    const limit = Number(request.query.get("limit") ?? 20);
    const data = records.slice((page - 1) * limit, page * limit);
    return {
      body: { data, total: records.length, page, limit, totalPages: Math.ceil(records.length / limit) },
    };
  };
}

/** Retry waits recorded instead of slept. */
function recordWaits() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Runs `call` and returns what it threw. */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("createInstaviewClient", () => {
  it("sends Bearer auth, Accept, the default User-Agent and companyId on every request", async () => {
    const server = await serve(listOf([candidate(1)]));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, companyId: "co_42" });
    await unwrap(instaview.GET("/candidates/{id}", { params: { path: { id: ID } } }));
    await unwrap(instaview.DELETE("/candidates/{id}", { params: { path: { id: ID } } }));
    for await (const _ of instaview.iterate.candidates()) void _;
    expect(server.seen).toHaveLength(3);
    for (const request of server.seen) {
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request.headers.accept).toBe("application/json");
      expect(request.headers["user-agent"]).toMatch(/^patchwise\/\d+\.\d+\.\d+/);
      expect(request.query.get("companyId")).toBe("co_42");
    }
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /candidates/${ID}?companyId=co_42`,
      `DELETE /candidates/${ID}?companyId=co_42`,
      "GET /candidates?limit=100&page=1&companyId=co_42",
    ]);
  });

  it("sends no companyId unless given, lets a call's own win, and sends a custom User-Agent", async () => {
    const server = await serve(() => ({ body: candidate(1) }));
    const plain = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, userAgent: "acme-sync/2.1" });
    await plain.GET("/candidates/{id}", { params: { path: { id: ID } } });
    const ats = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, companyId: "co_1" });
    await ats.GET("/candidates/{id}", { params: { path: { id: ID }, query: { companyId: "co_2" } } });
    expect(server.seen[0]?.path).toBe(`/candidates/${ID}`);
    expect(server.seen[0]?.headers["user-agent"]).toBe("acme-sync/2.1");
    expect(server.seen[1]?.query.getAll("companyId")).toEqual(["co_2"]);
  });

  it("refuses a missing or empty apiKey and a non-string companyId, without echoing values", () => {
    expect(() => createInstaviewClient({ apiKey: "" })).toThrow(/option "apiKey" must be a non-empty string/);
    const options = { apiKey: KEY, companyId: 42 } as unknown as InstaviewClientOptions;
    expect(() => createInstaviewClient(options)).toThrow(
      /option "companyId" must be a non-empty string, received number/,
    );
  });

  it("sends a PATCH with a body from diffCandidate and returns the updated candidate", async () => {
    const before = candidate(1, { jobIds: ["9a7e6543-e21b-42d3-a456-426614174001"] });
    const after = { ...before, status: "IN_PROCESS" as const, gender: "female" as const, jobIds: [] };
    const server = await serve((request) => ({ body: { ...before, ...JSON.parse(request.body) } }));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const { body, noop } = diffCandidate(before, after, { now: new Date("2025-11-20T00:00:00Z") });
    expect(noop).toBe(false);
    const updated = await unwrap(
      instaview.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body }),
    );
    const [request] = server.seen;
    expect(request?.method).toBe("PATCH");
    expect(request?.path).toBe(`/candidates/${before.id}`);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.body).toBe('{"status":"IN_PROCESS","jobIds":[],"gender":"female"}');
    expect(diffCandidate(updated, after).noop).toBe(true);
  });

  it("iterate.candidates follows the pages to the last one, with the filters", async () => {
    const records = Array.from({ length: 5 }, (_, i) => candidate(i + 1));
    const server = await serve(listOf(records));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const got: InstaviewCandidate[] = [];
    const query = { status: "APPLIED", email: "alex@example.com", limit: 2 } as const;
    for await (const c of instaview.iterate.candidates(query)) got.push(c);
    expect(got).toEqual(records);
    expect(server.seen.map((r) => r.query.get("page"))).toEqual(["1", "2", "3"]);
    for (const { query: q } of server.seen) {
      expect([q.get("status"), q.get("email"), q.get("limit")]).toEqual(["APPLIED", "alex@example.com", "2"]);
    }
  });

  it("iterate.candidates asks for 100 a page by default and stops on an empty list", async () => {
    const server = await serve(listOf([]));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const got: InstaviewCandidate[] = [];
    for await (const c of instaview.iterate.candidates({ jobId: "9a7e6543-e21b-42d3-a456-426614174001" }))
      got.push(c);
    expect(got).toEqual([]);
    expect(server.seen.map((r) => r.path)).toEqual([
      "/candidates?limit=100&jobId=9a7e6543-e21b-42d3-a456-426614174001&page=1",
    ]);
  });

  it("iterate.candidates throws a PatchwiseApiError when a page fails, and honours maxPages", async () => {
    const records = Array.from({ length: 3 }, (_, i) => candidate(i + 1));
    const server = await serve((request, i) =>
      i === 1
        ? { status: 403, body: envelope("INSUFFICIENT_PERMISSIONS", "Missing scope read:candidates") }
        : listOf(records)(request),
    );
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const e = await thrown(async () => {
      for await (const _ of instaview.iterate.candidates({ limit: 1 })) void _;
    });
    expect(e).toBeInstanceOf(PatchwiseApiError);
    expect((e as PatchwiseApiError).code).toBe("INSUFFICIENT_PERMISSIONS");
    const bounded = await thrown(async () => {
      for await (const _ of instaview.iterate.candidates({ limit: 1 }, { maxPages: 1 })) void _;
    });
    expect(String(bounded)).toMatch(/more pages remain after maxPages \(1\)/);
  });
});

describe("errors", () => {
  const CASES: [string, { reply: Reply; want: Partial<PatchwiseApiError> }][] = [
    [
      "404 RESOURCE_NOT_FOUND (also a deleted candidate)",
      {
        reply: {
          status: 404,
          headers: { "x-request-id": "req_123" },
          body: envelope("RESOURCE_NOT_FOUND", "Candidate not found"),
        },
        want: { status: 404, code: "RESOURCE_NOT_FOUND", requestId: "req_123", retryAfter: undefined },
      },
    ],
    [
      "401 INVALID_API_KEY",
      {
        reply: { status: 401, body: envelope("INVALID_API_KEY", `Invalid API key ${KEY}`) },
        want: { status: 401, code: "INVALID_API_KEY", requestId: undefined },
      },
    ],
    [
      "401 API_KEY_SUSPENDED",
      {
        reply: { status: 401, body: envelope("API_KEY_SUSPENDED", "API key suspended") },
        want: { status: 401, code: "API_KEY_SUSPENDED" },
      },
    ],
    [
      "403 another company's job ids",
      {
        reply: { status: 403, body: envelope("FORBIDDEN", "Job ids belong to another company") },
        want: { status: 403, code: "FORBIDDEN" },
      },
    ],
    [
      "400 validation with details",
      {
        reply: {
          status: 400,
          body: envelope("VALIDATION_ERROR", "gdprExpiryDate must be in the future", [
            { field: "gdprExpiryDate" },
          ]),
        },
        want: { status: 400, code: "VALIDATION_ERROR" },
      },
    ],
    [
      "429 in its own shape, with Retry-After",
      {
        reply: { status: 429, headers: { "Retry-After": "7", ...windows(0, 100) }, body: rateLimited },
        want: { status: 429, code: "Too Many Requests", retryAfter: 7 },
      },
    ],
    [
      "429 in its own shape, retryAfter from the body only",
      {
        reply: { status: 429, body: rateLimited },
        want: { status: 429, code: "Too Many Requests", retryAfter: 30 },
      },
    ],
    [
      "429 in the standard envelope",
      {
        reply: {
          status: 429,
          headers: { "Retry-After": "3" },
          body: envelope("RATE_LIMIT_EXCEEDED", "Too many requests"),
        },
        want: { status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfter: 3 },
      },
    ],
  ];

  it.each(CASES)("%s surfaces through unwrap as a PatchwiseApiError", async (_, { reply, want }) => {
    const server = await serve(() => reply);
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, retry: false });
    const e = await thrown(() => unwrap(instaview.GET("/candidates/{id}", { params: { path: { id: ID } } })));
    expect(e).toBeInstanceOf(PatchwiseApiError);
    const error = e as PatchwiseApiError;
    expect(error).toMatchObject(want);
    expect(error.provider).toBe("instaview");
    const said = (reply.body as { message?: string; error?: { message?: string } }).error?.message;
    expect(error.message).toContain(`${error.status} ${error.code}: `);
    expect(error.message).toContain(
      (said ?? (reply.body as { message: string }).message).replace(KEY, "[REDACTED]"),
    );
    expect(error.message).toContain(`GET ${server.url}/candidates/${ID}`);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });

  it("keeps the envelope's message", async () => {
    const server = await serve(() => ({
      status: 404,
      body: envelope("RESOURCE_NOT_FOUND", "Candidate not found"),
    }));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const e = await thrown(() => unwrap(instaview.GET("/candidates/{id}", { params: { path: { id: ID } } })));
    expect((e as PatchwiseApiError).message).toMatch(
      /^404 RESOURCE_NOT_FOUND: Candidate not found \(instaview GET /,
    );
  });
});

describe("rate limits and retries", () => {
  it("retries a 429 after Retry-After and records the tighter window", async () => {
    const server = await serve((_, i) =>
      i === 0
        ? { status: 429, headers: { "Retry-After": "2", ...windows(0, 1500) }, body: rateLimited }
        : { headers: windows(59, 1499), body: candidate(1) },
    );
    const { waits, sleep } = recordWaits();
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, retry: { sleep } });
    const got = await unwrap(instaview.GET("/candidates/{id}", { params: { path: { id: ID } } }));
    expect(got.id).toBe(candidate(1).id);
    expect(server.seen).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(instaview.rateLimit).toMatchObject({ window: "minute", limit: 60, remaining: 59 });
  });

  it("without Retry-After, waits for the exhausted window's reset header", async () => {
    const server = await serve((_, i) =>
      i === 0
        ? { status: 429, headers: { ...windows(5, 0), "X-RateLimit-Reset-Hour": "5" }, body: rateLimited }
        : { body: candidate(1) },
    );
    const { waits, sleep } = recordWaits();
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, retry: { sleep } });
    await unwrap(instaview.GET("/candidates/{id}", { params: { path: { id: ID } } }));
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(4000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
  });

  it("retries a PATCH, and a 429 in the middle of a pagination", async () => {
    const records = Array.from({ length: 4 }, (_, i) => candidate(i + 1));
    const server = await serve((request, i) =>
      i === 1 || i === 3
        ? { status: 429, headers: { "Retry-After": "1" }, body: rateLimited }
        : request.method === "PATCH"
          ? { body: records[0] }
          : listOf(records)(request),
    );
    const { waits, sleep } = recordWaits();
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url, retry: { sleep } });
    const got: InstaviewCandidate[] = [];
    for await (const c of instaview.iterate.candidates({ limit: 2 })) got.push(c);
    expect(got).toEqual(records);
    await unwrap(
      instaview.PATCH("/candidates/{id}", { params: { path: { id: ID } }, body: { status: "REJECTED" } }),
    );
    expect(server.seen.map((r) => `${r.method} ${r.query.get("page") ?? ""}`)).toEqual([
      "GET 1",
      "GET 2",
      "GET 2",
      "PATCH ",
      "PATCH ",
    ]);
    expect(waits).toEqual([1000, 1000]);
  });

  it("never retries a POST (no idempotency keys)", async () => {
    const server = await serve(() => ({ status: 429, headers: { "Retry-After": "1" }, body: rateLimited }));
    const instaview = createInstaviewClient({ apiKey: KEY, baseUrl: server.url });
    const body = {
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
      gdprExpiryDate: "2030-01-01",
    };
    const e = await thrown(() => unwrap(instaview.POST("/candidates", { body })));
    expect((e as PatchwiseApiError).status).toBe(429);
    expect(server.seen).toHaveLength(1);
  });
});
