import type { ProviderConfig } from "../../src/index.ts";

/** Provider configs as tools/ generates them from the specs. */
export const folk: ProviderConfig = { name: "folk", defaultBaseUrl: "https://api.folk.app", auth: "bearer" };
export const stardex: ProviderConfig = {
  name: "stardex",
  defaultBaseUrl: "https://api.stardex.ai",
  auth: "bearer",
};
export const stackone: ProviderConfig = {
  name: "stackone",
  defaultBaseUrl: "https://api.stackone.com",
  auth: "basic",
  headers: { "x-account-id": { option: "accountId", required: true } },
};
export const instaview: ProviderConfig = {
  name: "instaview",
  defaultBaseUrl: "https://api.instaview.sk",
  auth: "bearer",
  query: { companyId: { option: "companyId", required: false } },
};

/** A secret that must never show up in an error or log. */
export const SECRET = "sk_live_9f8e7d6c5b4a";

/** Retry waits recorded instead of slept, so the suite stays fast and the waits exact. */
export function recordWaits(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

type Json = { "application/json": unknown };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

/** A slice of a generated `paths` type (openapi-typescript's shape), for typed calls in tests. */
export interface paths {
  /** A list endpoint for the pagination tests: any query, any JSON back. */
  "/items": {
    parameters: NoParams;
    get: {
      parameters: {
        query?: Record<string, string | number | undefined>;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { "application/json": unknown } } };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/people": {
    parameters: NoParams;
    get: {
      parameters: {
        query?: { limit?: number; cursor?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: Record<string, unknown>;
          content: { "application/json": { data: { items: { id: string }[] } } };
        };
        default: { headers: Record<string, unknown>; content: Json };
      };
    };
    post: {
      parameters: NoParams;
      requestBody: { content: { "application/json": { firstName?: string } } };
      responses: {
        201: { headers: Record<string, unknown>; content: { "application/json": { data: { id: string } } } };
        default: { headers: Record<string, unknown>; content: Json };
      };
    };
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/people/{personId}": {
    parameters: NoParams;
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: { query?: never; header?: never; path: { personId: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never } };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: { query?: never; header?: never; path: { personId: string }; cookie?: never };
      requestBody: { content: { "application/json": { firstName?: string } } };
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { data: { id: string } } } };
        default: { headers: Record<string, unknown>; content: Json };
      };
    };
    trace?: never;
  };
}
