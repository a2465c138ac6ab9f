import { describe, expect, it } from "vitest";
import { toProviderConfig } from "../src/provider-config.ts";
import type { OpenApiDocument } from "../src/spec.ts";

const companyId = { name: "companyId", in: "query" as const, required: false };

describe("toProviderConfig", () => {
  it.each<[string, { given: OpenApiDocument; want: unknown }]>([
    [
      "bearer",
      {
        given: {
          servers: [{ url: "https://api.example.test" }],
          security: [{ bearer: [] }],
          components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
        },
        want: { name: "p", defaultBaseUrl: "https://api.example.test", auth: "bearer" },
      },
    ],
    [
      "basic plus an account header",
      {
        given: {
          servers: [{ url: "https://api.example.test" }],
          security: [{ basic: [], account: [] }],
          components: {
            securitySchemes: {
              basic: { type: "http", scheme: "basic" },
              account: { type: "apiKey", in: "header", name: "x-account-id" },
            },
          },
        },
        want: {
          name: "p",
          defaultBaseUrl: "https://api.example.test",
          auth: "basic",
          headers: { "x-account-id": { option: "accountId", required: true } },
        },
      },
    ],
    [
      "a query parameter every operation takes becomes a client option",
      {
        given: {
          servers: [{ url: "https://api.example.test" }],
          security: [{ bearer: [] }],
          paths: {
            "/a": { get: { parameters: [{ $ref: "#/components/parameters/CompanyId" } as never] } },
            "/b": { post: { parameters: [{ $ref: "#/components/parameters/CompanyId" } as never] } },
          },
          components: {
            securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
            parameters: { CompanyId: companyId, Page: { name: "page", in: "query" } },
          },
        },
        want: {
          name: "p",
          defaultBaseUrl: "https://api.example.test",
          auth: "bearer",
          query: { companyId: { option: "companyId", required: false } },
        },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(toProviderConfig("p", given)).toEqual(want);
  });

  it("says which spec lacks a server", () => {
    expect(() => toProviderConfig("p", { security: [{ b: [] }] })).toThrow(
      "specs/p.yaml: servers[0].url is missing",
    );
  });

  it("refuses a scheme the client cannot send", () => {
    const given: OpenApiDocument = {
      servers: [{ url: "https://api.example.test" }],
      security: [{ oauth: [] }],
      components: { securitySchemes: { oauth: { type: "oauth2" } } },
    };
    expect(() => toProviderConfig("p", given)).toThrow(
      "security scheme oauth is not one the client supports",
    );
  });
});
