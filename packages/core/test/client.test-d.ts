// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import { createApiClient, type ProviderConfig } from "../src/index.ts";

interface paths {
  "/people/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { fields?: string }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } };
      };
    };
    patch: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { "application/json": { name?: string; tags?: string[] } } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } };
      };
    };
  };
}

const provider: ProviderConfig = { name: "acme", defaultBaseUrl: "https://api.example.test", auth: "bearer" };
const client = createApiClient<paths>(provider, {
  apiKey: "k",
  accountId: "extra provider options ride along",
});
const path = { id: "p1" };

export const patched = client.PATCH("/people/{id}", { params: { path }, body: { name: "Ada", tags: [] } });
// @ts-expect-error an unknown body key is refused, not swallowed by openapi-fetch's inferred init
export const unknownKey = client.PATCH("/people/{id}", { params: { path }, body: { nickname: "Ada" } });
// @ts-expect-error a body value of the wrong type
export const wrongType = client.PATCH("/people/{id}", { params: { path }, body: { tags: "a" } });
// @ts-expect-error the body is required on this PATCH
export const noBody = client.PATCH("/people/{id}", { params: { path } });
// @ts-expect-error an unknown query parameter
export const unknownQuery = client.GET("/people/{id}", { params: { path, query: { expand: "all" } } });
// @ts-expect-error a path the spec does not have
export const unknownPath = client.GET("/persons/{id}", { params: { path } });

export async function data(): Promise<string | undefined> {
  const { data } = await client.GET("/people/{id}", { params: { path, query: { fields: "id" } } });
  return data?.id;
}
