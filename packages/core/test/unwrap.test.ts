import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { createApiClient, PatchwiseApiError, unwrap } from "../src/index.ts";
import { folk, type paths, SECRET } from "./helpers/fixtures.ts";
import { startServer, type TestServer } from "./helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

describe("unwrap", () => {
  it("returns data of a 2xx, from a promise or a settled result", async () => {
    server = await startServer([{ body: { data: { items: [{ id: "per_1" }] } } }]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    const result = await client.GET("/v1/people");
    expect(await unwrap(result)).toEqual({ data: { items: [{ id: "per_1" }] } });
    server.close();
    server = await startServer([{ body: { data: { items: [] } } }]);
    const again = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    expect(await unwrap(again.GET("/v1/people"))).toEqual({ data: { items: [] } });
  });

  it("returns undefined for a 204", async () => {
    server = await startServer([{ status: 204 }]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    expect(
      await unwrap(client.DELETE("/v1/people/{personId}", { params: { path: { personId: "p" } } })),
    ).toBe(undefined);
  });

  it("throws a PatchwiseApiError with method, url and provider", async () => {
    server = await startServer([
      { status: 404, body: { error: { code: "RESOURCE_NOT_FOUND", message: "No such person" } } },
    ]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    const error = await unwrap(
      client.PATCH("/v1/people/{personId}", {
        params: { path: { personId: "per_x" } },
        body: { firstName: "A" },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error).toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      method: "PATCH",
      url: `${server.url}/v1/people/per_x`,
      provider: "folk",
    });
  });

  it("throws for a non-2xx with an empty body", async () => {
    server = await startServer([{ status: 404 }]);
    const client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
    await expect(unwrap(client.GET("/v1/people"))).rejects.toThrow("404: HTTP 404 (folk GET ");
  });

  it("works on a result from any fetch (no method known)", async () => {
    const response = new Response(JSON.stringify({ message: "nope" }), { status: 400 });
    await expect(unwrap({ error: { message: "nope" }, response })).rejects.toThrow(/^400: nope$/);
  });

  it("is typed as the success data", async () => {
    const client = createApiClient<paths>(folk, { apiKey: SECRET, fetch: async () => Response.json({}) });
    expectTypeOf(unwrap(client.GET("/v1/people"))).resolves.toEqualTypeOf<{
      data: { items: { id: string }[] };
    }>();
    expectTypeOf(unwrap(client.POST("/v1/people", { body: {} }))).resolves.toEqualTypeOf<{
      data: { id: string };
    }>();
  });
});
