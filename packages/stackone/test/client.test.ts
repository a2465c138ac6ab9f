import {
  type LoopbackReply as Reply,
  type LoopbackRequest as Seen,
  serveLoopback as serve,
} from "@patchwise/test-utils";
import { describe, expect, it } from "vitest";
import {
  type ClientEvent,
  createStackOneClient,
  diffCandidate,
  PatchwiseApiError,
  PatchwiseError,
  type StackOneCandidate,
  type StackOneClientOptions,
  type StackOneCustomFieldDefinition,
  unwrap,
} from "../src/index.ts";

const KEY = "sk_live_9f8e7d6c5b4a3210";
const ACCOUNT = "45355976281015164504";
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`;
const ID = "c0a8012e-7d3f-4b8e-9a51-2f6c1d9e4b70";
const TIMESTAMP = "2025-11-20T10:30:00.000Z";

/** A candidate as GET returns it. */
const candidate = (n: number, changes: Partial<StackOneCandidate> = {}): StackOneCandidate => ({
  id: `c0a8012e-7d3f-4b8e-9a51-${n.toString(16).padStart(12, "0")}`,
  remote_id: String(48_000 + n),
  first_name: `Alex ${n}`,
  last_name: "Example",
  email: `alex${n}@example.com`,
  emails: [{ type: "personal", value: `alex${n}@example.com` }],
  phone_numbers: [],
  application_ids: [],
  hired_at: null,
  created_at: "2024-03-04T09:15:00.000Z",
  updated_at: "2024-05-20T16:42:10.000Z",
  ...changes,
});

/** A custom field definition as the list returns it. */
const definition = (n: number): StackOneCustomFieldDefinition => ({
  id: `cf_${n}`,
  remote_id: String(700 + n),
  name: `Field ${n}`,
  type: { value: "text", source_value: "string" },
  options: null,
});

/** StackOne's error envelope. */
const envelope = (statusCode: number, message: string, extra: Record<string, unknown> = {}) => ({
  statusCode,
  message,
  timestamp: TIMESTAMP,
  ...extra,
});

/**
 * A list endpoint over `records`, paged as StackOne pages: `page_size` items from the opaque `next`
 * cursor (an offset here), the next cursor in `next` until the last page, whose `next` is `end`
 * (`null`, or `undefined` for an absent key).
 */
function listOf<T>(records: readonly T[], end: null | undefined = null) {
  return (request: Seen): Reply => {
    const size = Number(request.query.get("page_size") ?? 25);
    const cursor = request.query.get("next");
    const from = cursor ? Number(Buffer.from(cursor, "base64url").toString()) : 0;
    const to = from + size;
    const next = to < records.length ? Buffer.from(String(to)).toString("base64url") : end;
    return { body: { ...(next !== undefined && { next }), data: records.slice(from, to) } };
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

/** Collects an async iterable. */
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("createStackOneClient", () => {
  it("sends Basic auth (key as user name, empty password), x-account-id, Accept and the default User-Agent", async () => {
    const server = await serve((request) =>
      request.path.startsWith("/unified/ats/candidates/")
        ? { body: { data: candidate(1) } }
        : listOf([])(request),
    );
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    await unwrap(stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } }));
    await all(stackone.iterate.candidates());
    await all(stackone.iterate.customFieldDefinitions());
    expect(server.seen).toHaveLength(3);
    for (const request of server.seen) {
      expect(request.headers.authorization).toBe(BASIC);
      expect(request.headers["x-account-id"]).toBe(ACCOUNT);
      expect(request.headers.accept).toBe("application/json");
      expect(request.headers["user-agent"]).toMatch(/^patchwise\/\d+\.\d+\.\d+/);
    }
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /unified/ats/candidates/${ID}`,
      "GET /unified/ats/candidates?page_size=100",
      "GET /unified/ats/custom_field_definitions/candidates?page_size=100",
    ]);
  });

  it("sends a custom User-Agent", async () => {
    const server = await serve(() => ({ body: { data: candidate(1) } }));
    const stackone = createStackOneClient({
      apiKey: KEY,
      accountId: ACCOUNT,
      baseUrl: server.url,
      userAgent: "acme-sync/2.1 (ops@acme.example)",
    });
    await stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } });
    expect(server.seen[0]?.headers["user-agent"]).toBe("acme-sync/2.1 (ops@acme.example)");
  });

  it("refuses a missing or empty apiKey or accountId, without echoing values", () => {
    expect(() => createStackOneClient({ apiKey: "", accountId: ACCOUNT })).toThrow(
      /option "apiKey" must be a non-empty string/,
    );
    expect(() => createStackOneClient({ apiKey: KEY, accountId: "" })).toThrow(
      /option "accountId" must be a non-empty string, received an empty string/,
    );
    const missing = { apiKey: KEY } as unknown as StackOneClientOptions;
    expect(() => createStackOneClient(missing)).toThrow(/option "accountId" must be a non-empty string/);
    const wrong = { apiKey: KEY, accountId: 42 } as unknown as StackOneClientOptions;
    expect(() => createStackOneClient(wrong)).toThrow(/received number$/);
  });

  it("sends a PATCH with a body from diffCandidate and returns StackOne's write result", async () => {
    const before = candidate(1, { application_ids: ["a1", "a2"], title: "Engineer" });
    const after = {
      ...before,
      application_ids: ["a2", "a1"], // a reorder: no change
      title: null,
      hired_at: "2025-01-06T09:00:00.000Z",
      phone_numbers: [{ type: "mobile" as const, phone: "+447700900123" }],
    };
    const result = { statusCode: 200, message: "Record updated successfully.", timestamp: TIMESTAMP };
    const server = await serve(() => ({
      body: { ...result, data: { id: before.id, remote_id: before.remote_id } },
    }));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const { body, noop } = diffCandidate(before, after);
    expect(noop).toBe(false);
    const written = await unwrap(
      stackone.PATCH("/unified/ats/candidates/{id}", { params: { path: { id: ID } }, body }),
    );
    expect(written.data).toEqual({ id: before.id, remote_id: before.remote_id });
    const [request] = server.seen;
    expect(request?.method).toBe("PATCH");
    expect(request?.path).toBe(`/unified/ats/candidates/${ID}`);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(request?.headers["x-account-id"]).toBe(ACCOUNT);
    expect(request?.body).toBe(
      '{"title":null,"phone_numbers":[{"type":"mobile","phone":"+447700900123"}],"hired_at":"2025-01-06T09:00:00.000Z"}',
    );
  });

  it("iterate.candidates follows the next cursor to the last page (next: null), with the filters", async () => {
    const records = Array.from({ length: 5 }, (_, i) => candidate(i + 1));
    const server = await serve(listOf(records));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const got = await all(
      stackone.iterate.candidates({
        page_size: 2,
        filter: { email: "alex@example.com", updated_after: "2025-01-01T00:00:00Z" },
        include: "custom_fields",
      }),
    );
    expect(got).toEqual(records);
    expect(server.seen).toHaveLength(3);
    expect(server.seen.map((r) => r.query.get("next"))).toEqual([null, "Mg", "NA"]);
    for (const { query } of server.seen) {
      expect(query.get("page_size")).toBe("2");
      expect(query.get("filter[email]")).toBe("alex@example.com");
      expect(query.get("filter[updated_after]")).toBe("2025-01-01T00:00:00Z");
      expect(query.get("include")).toBe("custom_fields");
    }
  });

  it("iterate.candidates stops when next is absent, and on an empty first page", async () => {
    const records = Array.from({ length: 3 }, (_, i) => candidate(i + 1));
    const server = await serve(listOf(records, undefined));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    expect(await all(stackone.iterate.candidates({ page_size: 2 }))).toEqual(records);
    expect(server.seen).toHaveLength(2);
    const empty = await serve(listOf([]));
    const none = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: empty.url });
    expect(await all(none.iterate.candidates())).toEqual([]);
  });

  it("iterate.customFieldDefinitions follows the next cursor to the last page", async () => {
    const records = Array.from({ length: 7 }, (_, i) => definition(i + 1));
    const server = await serve(listOf(records));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const got = await all(
      stackone.iterate.customFieldDefinitions({
        page_size: 3,
        filter: { updated_after: "2025-01-01T00:00:00Z" },
      }),
    );
    expect(got).toEqual(records);
    expect(server.seen.map((r) => r.path.split("?")[0])).toEqual(
      Array(3).fill("/unified/ats/custom_field_definitions/candidates"),
    );
    expect(server.seen.map((r) => r.query.get("filter[updated_after]"))).toEqual(
      Array(3).fill("2025-01-01T00:00:00Z"),
    );
  });

  it("iterate stops with an error, never silently, when more pages remain after maxPages", async () => {
    const server = await serve(listOf(Array.from({ length: 5 }, (_, i) => candidate(i + 1))));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const error = await thrown(() => all(stackone.iterate.candidates({ page_size: 2 }, { maxPages: 2 })));
    expect(error).toBeInstanceOf(PatchwiseError);
    expect((error as Error).message).toMatch(/more pages remain after maxPages \(2\)/);
  });

  it("surfaces StackOne's error envelope through unwrap as a PatchwiseApiError", async () => {
    const server = await serve(() => ({
      status: 404,
      headers: { "x-request-id": "req_7f3a" },
      body: envelope(404, `Candidate ${ID} not found`),
    }));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const error = await thrown(() =>
      unwrap(stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } })),
    );
    expect(error).toBeInstanceOf(PatchwiseApiError);
    const e = error as PatchwiseApiError;
    expect(e).toMatchObject({
      status: 404,
      code: undefined, // StackOne's envelope has no code: the status says it
      requestId: "req_7f3a",
      retryAfter: undefined,
      method: "GET",
      provider: "stackone",
      body: envelope(404, `Candidate ${ID} not found`),
    });
    expect(e.message).toMatch(new RegExp(`^404: Candidate ${ID} not found \\(stackone GET http`));
    expect(server.seen).toHaveLength(1); // 404 is not retried
  });

  it("keeps a 422's provider_errors in the body and never retries a 501", async () => {
    const providerErrors = [
      {
        status: 422,
        url: "https://ats.example.com/v1/candidates/48213",
        raw: { error: "title is too long" },
        headers: { "content-type": "application/json" },
      },
    ];
    const server = await serve((_, i) =>
      i === 0
        ? { status: 422, body: envelope(422, "Unprocessable Entity", { provider_errors: providerErrors }) }
        : { status: 501, body: envelope(501, "Not supported by this ATS") },
    );
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const patch = () =>
      unwrap(
        stackone.PATCH("/unified/ats/candidates/{id}", {
          params: { path: { id: ID } },
          body: { title: "x" },
        }),
      );
    const invalid = (await thrown(patch)) as PatchwiseApiError;
    expect(invalid).toMatchObject({ status: 422, code: undefined, method: "PATCH" });
    expect(invalid.message).toMatch(/^422: Unprocessable Entity/);
    expect(invalid.body).toMatchObject({ provider_errors: providerErrors });
    const unsupported = (await thrown(patch)) as PatchwiseApiError;
    expect(unsupported).toMatchObject({ status: 501 });
    expect(unsupported.message).toMatch(/^501: Not supported by this ATS/);
    expect(server.seen).toHaveLength(2);
  });

  it("retries a 429 after its Retry-After seconds, then succeeds", async () => {
    const { waits, sleep } = recordWaits();
    const events: ClientEvent[] = [];
    const server = await serve((_, i) =>
      i === 0
        ? { status: 429, headers: { "Retry-After": "3" }, body: envelope(429, "Too Many Requests") }
        : { body: { data: candidate(1) } },
    );
    const stackone = createStackOneClient({
      apiKey: KEY,
      accountId: ACCOUNT,
      baseUrl: server.url,
      retry: { sleep },
      logger: (event) => events.push(event),
    });
    const { data } = await unwrap(
      stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } }),
    );
    expect(data.id).toBe(candidate(1).id);
    expect(waits).toEqual([3_000]);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]?.headers.authorization).toBe(BASIC);
    expect(server.seen[1]?.headers["x-account-id"]).toBe(ACCOUNT);
    expect(events.filter((e) => e.type === "retry")).toEqual([
      expect.objectContaining({ type: "retry", method: "GET", attempt: 1, status: 429, waitMs: 3_000 }),
    ]);
    expect(stackone.rateLimit).toBeUndefined(); // StackOne sends no X-RateLimit-* headers
  });

  it("retries a PATCH too, and reports retryAfter once the retries are spent", async () => {
    const { waits, sleep } = recordWaits();
    const server = await serve(() => ({
      status: 429,
      headers: { "Retry-After": "2" },
      body: envelope(429, "Too Many Requests"),
    }));
    const stackone = createStackOneClient({
      apiKey: KEY,
      accountId: ACCOUNT,
      baseUrl: server.url,
      retry: { retries: 2, sleep },
    });
    const error = (await thrown(() =>
      unwrap(
        stackone.PATCH("/unified/ats/candidates/{id}", {
          params: { path: { id: ID } },
          body: { title: "x" },
        }),
      ),
    )) as PatchwiseApiError;
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 429, retryAfter: 2, code: undefined });
    expect(error.message).toMatch(/^429: Too Many Requests/);
    expect(waits).toEqual([2_000, 2_000]);
    expect(server.seen.map((r) => r.body)).toEqual(Array(3).fill('{"title":"x"}'));
  });

  it("retries a 408 (the ATS timed out) after Retry-After, and never retries a POST", async () => {
    const { waits, sleep } = recordWaits();
    const server = await serve((request, i) =>
      request.method === "POST" || i === 0
        ? { status: 408, headers: { "Retry-After": "5" }, body: envelope(408, "Request timed out") }
        : { body: { data: candidate(1) } },
    );
    const stackone = createStackOneClient({
      apiKey: KEY,
      accountId: ACCOUNT,
      baseUrl: server.url,
      retry: { sleep },
    });
    await unwrap(stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } }));
    expect(waits).toEqual([5_000]);
    const error = (await thrown(() =>
      unwrap(stackone.POST("/unified/ats/candidates", { body: { first_name: "Ada" } })),
    )) as PatchwiseApiError;
    expect(error).toMatchObject({ status: 408, retryAfter: 5, method: "POST" });
    expect(server.seen.map((r) => r.method)).toEqual(["GET", "GET", "POST"]);
  });

  it("keeps the API key and the account id out of errors", async () => {
    const server = await serve(() => ({
      status: 401,
      body: envelope(401, `Invalid key ${KEY} for account ${ACCOUNT}`),
    }));
    const stackone = createStackOneClient({ apiKey: KEY, accountId: ACCOUNT, baseUrl: server.url });
    const error = (await thrown(() =>
      unwrap(stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id: ID } } })),
    )) as PatchwiseApiError;
    expect(error.status).toBe(401);
    const text = JSON.stringify(error) + error.message + String(error.stack);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(ACCOUNT);
    expect(text).not.toContain(BASIC.slice(6));
  });
});
