import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { type ApiClient, createApiClient, type RateLimitState } from "../src/index.ts";
import { folk, instaview, type paths, SECRET } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

describe("createApiClient", () => {
  it("uses the provider's base URL unless baseUrl is given", async () => {
    const urls: string[] = [];
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      fetch: async (request) => {
        urls.push(request.url);
        return Response.json({});
      },
    });
    await client.GET("/v1/people");
    expect(urls).toEqual(["https://api.folk.app/v1/people"]);
  });

  it("runs a simulator's in-process handler as its fetch", async () => {
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      fetch: async (request) =>
        request.headers.get("authorization") === `Bearer ${SECRET}`
          ? Response.json({ data: { items: [{ id: "per_sim" }] } })
          : new Response(null, { status: 401 }),
    });
    const { data } = await client.GET("/v1/people");
    expect(data?.data.items[0]?.id).toBe("per_sim");
  });

  it("lets user middleware see the final request, companyId included", async () => {
    server = await startServer([{ body: {} }]);
    const client = createApiClient<paths>(instaview, {
      apiKey: SECRET,
      baseUrl: server.url,
      companyId: "co_9",
    });
    const seen: string[] = [];
    client.use({
      onRequest: ({ request }) => {
        seen.push(new URL(request.url).search);
      },
    });
    await client.GET("/v1/people", { params: { query: { limit: 1 } } });
    expect(seen).toEqual(["?limit=1&companyId=co_9"]);
  });

  it("runs middleware once per call, retries beneath it", async () => {
    server = await startServer([{ status: 503 }, { status: 503 }, { body: {} }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    let calls = 0;
    client.use({ onResponse: () => void calls++ });
    const { response } = await client.GET("/v1/people");
    expect(response.status).toBe(200);
    expect(calls).toBe(1);
    expect(server.seen).toHaveLength(3);
  });

  it("is typed as an openapi-fetch client with rateLimit", () => {
    const client = createApiClient<paths>(folk, { apiKey: SECRET });
    expectTypeOf(client).toEqualTypeOf<ApiClient<paths>>();
    expectTypeOf(client.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
    // @ts-expect-error a path the spec does not have
    void (() => client.GET("/v1/nope"));
    // @ts-expect-error rateLimit is read-only
    void (() => (client.rateLimit = undefined));
  });

  it("hands an in-process handler a real Request with the JSON body, on each attempt", async () => {
    const seen: [boolean, string, string, string | null][] = [];
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      retry: { minDelayMs: 1 },
      fetch: async (request) => {
        seen.push([
          request instanceof Request,
          request.method,
          await request.text(),
          request.headers.get("content-type"),
        ]);
        return seen.length < 2
          ? new Response(null, { status: 503 })
          : Response.json({ data: { id: "per_1" } });
      },
    });
    const { data } = await client.PATCH("/v1/people/{personId}", {
      params: { path: { personId: "per_1" } },
      body: { firstName: "Ada" },
    });
    expect(data).toEqual({ data: { id: "per_1" } });
    const sent = [true, "PATCH", '{"firstName":"Ada"}', "application/json"];
    expect(seen).toEqual([sent, sent]);
  });

  it("gives a call's own middleware and fetch a real Request, body and retries included", async () => {
    server = await startServer([{ status: 503 }, { body: {} }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    const kinds: boolean[] = [];
    await client.PATCH("/v1/people/{personId}", {
      params: { path: { personId: "per_1" } },
      body: { firstName: "Ada" },
      middleware: [
        {
          onRequest: ({ request }) => {
            kinds.push(request instanceof Request);
            request.headers.set("x-trace", "t1");
          },
        },
      ],
    });
    const ownFetch = async (request: Request) => {
      kinds.push(request instanceof Request);
      return Response.json({});
    };
    await client.GET("/v1/people", { fetch: ownFetch });
    expect(kinds).toEqual([true, true]);
    expect(server.seen.map((s) => [s.body, s.headers["x-trace"]])).toEqual([
      ['{"firstName":"Ada"}', "t1"],
      ['{"firstName":"Ada"}', "t1"],
    ]);
  });

  it("retries a request a middleware replaced, with its body", async () => {
    server = await startServer([{ status: 503 }, { body: {} }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    client.use({ onRequest: ({ request }) => new Request(request, { headers: { "x-signed": "yes" } }) });
    const { response } = await client.PATCH("/v1/people/{personId}", {
      params: { path: { personId: "per_1" } },
      body: { firstName: "Ada" },
    });
    expect(response.status).toBe(200);
    expect(server.seen.map((s) => [s.method, s.body, s.headers["x-signed"]])).toEqual([
      ["PATCH", '{"firstName":"Ada"}', "yes"],
      ["PATCH", '{"firstName":"Ada"}', "yes"],
    ]);
  });
});
