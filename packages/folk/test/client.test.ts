import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createFolkClient, type FolkPersonPatch, PatchwiseApiError, unwrap } from "../src/index.ts";
import { folkId, GROUPS } from "./arbitraries.ts";

const KEY = "folk_test_key_7c1d9e"; // must never show in an error
const PERSON = folkId("per", 1);

interface Seen {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A loopback HTTP server on a free port; `reply` answers each request (`base` is the server's URL). */
async function serve(reply: (request: Seen, base: string) => Reply) {
  const seen: Seen[] = [];
  let base = "";
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const request = {
      method: req.method ?? "",
      url: new URL(req.url ?? "/", base),
      headers: req.headers,
      body,
    };
    seen.push(request);
    const r = reply(request, base);
    res.writeHead(r.status ?? 200, { "content-type": "application/json", ...r.headers });
    res.end(r.body === undefined ? "" : JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  opened.push(close);
  return { base, seen };
}
const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

/** Folk's error envelope. */
const folkError = (code: string, message: string, details?: object) => ({
  error: {
    code,
    message,
    documentationUrl: `https://developer.folk.app/api-reference/errors#${code.toLowerCase()}`,
    requestId: "0b7f3c52-6a1e-4d8e-9c11-2f4a5b6c7d8e",
    timestamp: "2025-06-01T09:30:00Z",
    ...(details && { details }),
  },
});

/** Serves `all` in pages of `size` linked by `pagination.nextLink` (a full URL with its cursor). */
function pages<T>(all: readonly T[], size: number, request: Seen, base: string): Reply {
  const at = Number(request.url.searchParams.get("cursor") ?? 0);
  const next =
    at + size < all.length ? `${base}${request.url.pathname}?limit=${size}&cursor=${at + size}` : undefined;
  return { body: { data: { items: all.slice(at, at + size), pagination: next ? { nextLink: next } : {} } } };
}

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

const person = (n: number) => ({ id: folkId("per", n), firstName: `P${n}` });

describe("createFolkClient", () => {
  it("sends Folk's bearer auth and the patchwise User-Agent", async () => {
    const { base, seen } = await serve(() => ({ body: { data: person(1) } }));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId: PERSON } } }));
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers["user-agent"]).toMatch(/^patchwise\/\d+\.\d+\.\d+/);
    expect(seen[0]?.headers.accept).toBe("application/json");
  });

  it("sends a custom User-Agent", async () => {
    const { base, seen } = await serve(() => ({ body: { data: person(1) } }));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base, userAgent: "acme-sync/2.0" });
    await folk.GET("/v1/people/{personId}", { params: { path: { personId: PERSON } } });
    expect(seen[0]?.headers["user-agent"]).toBe("acme-sync/2.0");
  });

  it("rejects a missing API key before any request", () => {
    expect(() => createFolkClient({ apiKey: "" })).toThrow(
      /folk: option "apiKey" must be a non-empty string/,
    );
  });

  it("sends a typed PATCH body as JSON", async () => {
    const { base, seen } = await serve((r) => ({ body: { data: { id: PERSON, ...JSON.parse(r.body) } } }));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    const body: FolkPersonPatch = {
      jobTitle: "CTO",
      groups: [{ id: GROUPS[0]!.id }],
      customFieldValues: { [GROUPS[0]!.id]: { Stage: "Offer", "Years of experience": 8 } },
    };
    const { data } = await unwrap(
      folk.PATCH("/v1/people/{personId}", { params: { path: { personId: PERSON } }, body }),
    );
    expect(seen[0]?.method).toBe("PATCH");
    expect(seen[0]?.url.pathname).toBe(`/v1/people/${PERSON}`);
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen[0]!.body)).toEqual(body);
    expect(data.jobTitle).toBe("CTO");
  });
});

describe("iterate", () => {
  it("people: follows nextLink to the last page", async () => {
    const all = Array.from({ length: 5 }, (_, i) => person(i + 1));
    const { base, seen } = await serve((r, b) => pages(all, 2, r, b));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    expect(await collect(folk.iterate.people({ limit: 2 }))).toEqual(all);
    expect(seen.map((r) => r.url.search)).toEqual(["?limit=2", "?limit=2&cursor=2", "?limit=2&cursor=4"]);
  });

  it("people: sends nested filters as filter[attribute][operator]=value", async () => {
    const { base, seen } = await serve((r, b) => pages([person(1)], 10, r, b));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    const people = folk.iterate.people({
      combinator: "or",
      filter: { emails: { eq: "ada@example.com" }, groups: { in: { id: [GROUPS[0]!.id, GROUPS[1]!.id] } } },
    });
    expect(await collect(people)).toHaveLength(1);
    const query = [...seen[0]!.url.searchParams];
    expect(query).toEqual([
      ["combinator", "or"],
      ["filter[emails][eq]", "ada@example.com"],
      ["filter[groups][in][id]", GROUPS[0]!.id],
      ["filter[groups][in][id]", GROUPS[1]!.id],
    ]);
  });

  it("groups: follows nextLink to the last page", async () => {
    const all = GROUPS.map(({ id, name }) => ({ id, name }));
    const { base, seen } = await serve((r, b) => pages(all, 3, r, b));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    expect(await collect(folk.iterate.groups({ limit: 3 }))).toEqual(all);
    expect(seen.map((r) => `${r.url.pathname}${r.url.search}`)).toEqual([
      "/v1/groups?limit=3",
      "/v1/groups?limit=3&cursor=3",
    ]);
  });

  it("groupCustomFields: follows nextLink to the last page", async () => {
    const fields = GROUPS[0]!.fields;
    const { base, seen } = await serve((r, b) => pages(fields, 4, r, b));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    expect(await collect(folk.iterate.groupCustomFields(GROUPS[0]!.id))).toEqual(fields);
    expect(seen.map((r) => r.url.pathname)).toEqual([
      `/v1/groups/${GROUPS[0]!.id}/custom-fields/person`,
      `/v1/groups/${GROUPS[0]!.id}/custom-fields/person`,
    ]);
    expect(seen[1]?.url.searchParams.get("cursor")).toBe("4");
  });

  it("an empty first page without nextLink ends at once", async () => {
    const { base, seen } = await serve((r, b) => pages([], 10, r, b));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    expect(await collect(folk.iterate.people())).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("a failing page throws PatchwiseApiError", async () => {
    const { base } = await serve(() => ({
      status: 403,
      body: folkError("FORBIDDEN", "No access to groups"),
    }));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base });
    await expect(collect(folk.iterate.groups())).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});

describe("errors", () => {
  const get = async (reply: Reply) => {
    const { base } = await serve(() => reply);
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base, retry: false });
    try {
      await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId: PERSON } } }));
    } catch (e) {
      return e as PatchwiseApiError;
    }
    throw new Error("expected an error");
  };

  it.each([
    [401, "UNAUTHORIZED", "Invalid API key"],
    [404, "RESOURCE_NOT_FOUND", "Person not found"],
    [500, "INTERNAL_SERVER_ERROR", "Something went wrong"],
  ])("%i %s surfaces with code, message and requestId", async (status, code, message) => {
    const e = await get({ status, body: folkError(code, message) });
    expect(e).toBeInstanceOf(PatchwiseApiError);
    expect(e).toMatchObject({
      status,
      code,
      requestId: "0b7f3c52-6a1e-4d8e-9c11-2f4a5b6c7d8e",
      retryAfter: undefined,
    });
    expect(e.message).toContain(`${status} ${code}: ${message}`);
    expect(e.provider).toBe("folk");
    expect(JSON.stringify(e)).not.toContain(KEY);
  });

  it("422 keeps details.issues in the body", async () => {
    const issues = [
      { path: ["customFieldValues", GROUPS[1]!.id], message: "Group must also be listed in groups" },
    ];
    const e = await get({
      status: 422,
      body: folkError("UNPROCESSABLE_ENTITY", "Invalid request body", { issues }),
    });
    expect(e).toMatchObject({ status: 422, code: "UNPROCESSABLE_ENTITY" });
    expect(e.body).toMatchObject({ error: { details: { issues } } });
  });

  it("429 gives retryAfter from Retry-After", async () => {
    const e = await get({
      status: 429,
      headers: { "retry-after": "7", "x-ratelimit-limit": "200", "x-ratelimit-remaining": "0" },
      body: folkError("RATE_LIMIT_EXCEEDED", "Rate limit exceeded"),
    });
    expect(e).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfter: 7 });
  });
});

describe("rate limits", () => {
  const limited = (headers: Record<string, string>): Reply => ({
    status: 429,
    headers: { "x-ratelimit-limit": "200", "x-ratelimit-remaining": "0", ...headers },
    body: folkError("RATE_LIMIT_EXCEEDED", "Rate limit exceeded"),
  });
  const ok = (remaining: string): Reply => ({
    headers: {
      "x-ratelimit-limit": "200",
      "x-ratelimit-remaining": remaining,
      "x-ratelimit-reset": "1767225600",
    },
    body: { data: person(1) },
  });

  it("retries a 429 after Retry-After seconds, then reads the X-RateLimit-* state", async () => {
    const { base, seen } = await serve((_r) =>
      seen.length === 1 ? limited({ "retry-after": "2" }) : ok("199"),
    );
    const waits: number[] = [];
    const folk = createFolkClient({
      apiKey: KEY,
      baseUrl: base,
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    const { data } = await unwrap(
      folk.PATCH("/v1/people/{personId}", {
        params: { path: { personId: PERSON } },
        body: { jobTitle: "CTO" },
      }),
    );
    expect(data.id).toBe(folkId("per", 1));
    expect(waits).toEqual([2000]);
    expect(seen.map((r) => r.body)).toEqual(['{"jobTitle":"CTO"}', '{"jobTitle":"CTO"}']);
    expect(folk.rateLimit).toEqual({ limit: 200, remaining: 199, reset: new Date(1767225600 * 1000) });
  });

  it("without Retry-After, waits until X-RateLimit-Reset (epoch seconds)", async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3);
    const { base, seen } = await serve(() =>
      seen.length === 1 ? limited({ "x-ratelimit-reset": reset }) : ok("199"),
    );
    const waits: number[] = [];
    const folk = createFolkClient({
      apiKey: KEY,
      baseUrl: base,
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId: PERSON } } }));
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(4000);
  });

  it("gives up after the retries with the last 429 as PatchwiseApiError", async () => {
    const { base, seen } = await serve(() => limited({ "retry-after": "1" }));
    const folk = createFolkClient({
      apiKey: KEY,
      baseUrl: base,
      retry: { retries: 2, sleep: async () => {} },
    });
    const error = await unwrap(folk.GET("/v1/groups")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMIT_EXCEEDED", retryAfter: 1 });
    expect(seen).toHaveLength(3);
  });

  it("never retries a POST (Folk has no idempotency keys)", async () => {
    const { base, seen } = await serve(() => limited({ "retry-after": "1" }));
    const folk = createFolkClient({ apiKey: KEY, baseUrl: base, retry: { sleep: async () => {} } });
    const { response } = await folk.POST("/v1/people", { body: { firstName: "Ada" } });
    expect(response.status).toBe(429);
    expect(seen).toHaveLength(1);
  });
});
