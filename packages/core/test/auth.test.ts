import { afterEach, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { createApiClient, type ProviderConfig } from "../src/index.ts";
import { folk, instaview, type paths, SECRET, stackone, stardex } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

async function firstRequest(provider: ProviderConfig, options: Record<string, unknown>) {
  server = await startServer([{ body: { data: { items: [] } } }]);
  const client = createApiClient<paths>(provider, { apiKey: SECRET, baseUrl: server.url, ...options });
  await client.GET("/v1/people");
  return server.seen[0]!;
}

describe("auth headers", () => {
  it.each([
    ["folk", folk],
    ["stardex", stardex],
    ["instaview", instaview],
  ] as const)("%s sends Authorization: Bearer <key>", async (_, provider) => {
    const seen = await firstRequest(provider, {});
    expect(seen.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it("stackone sends Basic base64(key:) and x-account-id", async () => {
    const seen = await firstRequest(stackone, { accountId: "acc_123" });
    expect(seen.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRET}:`).toString("base64")}`);
    expect(seen.headers["x-account-id"]).toBe("acc_123");
  });

  it("instaview adds companyId to the query when configured, without overriding the call's own", async () => {
    const seen = await firstRequest(instaview, { companyId: "co_1" });
    expect(seen.path).toBe("/v1/people?companyId=co_1");

    server.close();
    server = await startServer([{ body: {} }]);
    const client = createApiClient<paths>(instaview, {
      apiKey: SECRET,
      baseUrl: server.url,
      companyId: "co_1",
    });
    await client.GET("/v1/people", {
      params: { query: { limit: 5, companyId: "co_2" } as { limit: number } },
    });
    expect(server.seen[0]!.path).toBe("/v1/people?limit=5&companyId=co_2");
  });

  it("instaview leaves the query alone without companyId", async () => {
    const seen = await firstRequest(instaview, {});
    expect(seen.path).toBe("/v1/people");
  });

  it("sends Accept: application/json and User-Agent patchwise/<core version>", async () => {
    const seen = await firstRequest(folk, {});
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["user-agent"]).toBe(`patchwise/${pkg.version}`);
  });

  it("lets the User-Agent be overridden", async () => {
    const seen = await firstRequest(folk, { userAgent: "acme-sync/2.0" });
    expect(seen.headers["user-agent"]).toBe("acme-sync/2.0");
  });

  it("re-sends the body of a PATCH on each attempt", async () => {
    server = await startServer([{ status: 503 }, { body: { data: { id: "per_1" } } }]);
    const client = createApiClient<paths>(folk, {
      apiKey: SECRET,
      baseUrl: server.url,
      retry: { minDelayMs: 1 },
    });
    const { data } = await client.PATCH("/v1/people/{personId}", {
      params: { path: { personId: "per_1" } },
      body: { firstName: "Ada" },
    });
    expect(data).toEqual({ data: { id: "per_1" } });
    expect(server.seen.map((s) => s.body)).toEqual(['{"firstName":"Ada"}', '{"firstName":"Ada"}']);
    expect(server.seen[1]!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe("missing options are a TypeError at construction, naming the option", () => {
  it.each([
    ["no apiKey", folk, {}, /folk: option "apiKey" must be a non-empty string, received undefined/],
    ["empty apiKey", folk, { apiKey: "" }, /option "apiKey" .* received an empty string/],
    ["apiKey not a string", folk, { apiKey: 42 }, /option "apiKey" .* received number/],
    ["stackone without accountId", stackone, { apiKey: SECRET }, /stackone: option "accountId" must be/],
    ["stackone with empty accountId", stackone, { apiKey: SECRET, accountId: "" }, /option "accountId"/],
    ["instaview with empty companyId", instaview, { apiKey: SECRET, companyId: "" }, /option "companyId"/],
  ] as const)("%s", (_, provider, options, want) => {
    expect(() => createApiClient(provider, options as { apiKey: string })).toThrow(TypeError);
    expect(() => createApiClient(provider, options as { apiKey: string })).toThrow(want);
  });

  it("never echoes the value it rejects", () => {
    const create = () => createApiClient(folk, { apiKey: [SECRET] as unknown as string });
    expect(create).toThrow(/received object$/);
    expect(create).not.toThrow(SECRET);
  });
});
