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
});
