import {
  type ApiClient,
  type ClientOptions,
  createApiClient,
  cursorPager,
  type PaginateOptions,
  paginate,
  unwrap,
} from "@patchwise/core";
import { provider } from "./generated/provider.ts";
import type {
  operations,
  paths,
  StackOneCandidate,
  StackOneCustomFieldDefinition,
} from "./generated/schema.ts";

/**
 * Options of `createStackOneClient`: core's client options (`apiKey`, `baseUrl`, `fetch`, `timeoutMs`,
 * `retry`, `userAgent`, `signal`, `logger`) plus StackOne's `accountId`.
 * @example
 * const options: StackOneClientOptions = { apiKey, accountId: "45355976281015164504", timeoutMs: 10_000 };
 */
export type StackOneClientOptions = ClientOptions & {
  /** The linked ATS account every request acts on, sent as the `x-account-id` header; required. */
  accountId: string;
};

/**
 * Filters of `iterate.candidates`: the query of GET /unified/ats/candidates without `next`, which the
 * iterator drives. `page_size` defaults to 100 (the maximum); `filter` is sent as `filter[email]=…`.
 * @example
 * const query: CandidateListQuery = { filter: { updated_after: "2025-01-01T00:00:00Z" }, include: "custom_fields" };
 */
export type CandidateListQuery = Omit<
  NonNullable<operations["listCandidates"]["parameters"]["query"]>,
  "next"
>;

/**
 * Filters of `iterate.customFieldDefinitions`: the query of GET
 * /unified/ats/custom_field_definitions/candidates without `next`. `page_size` defaults to 100.
 * @example
 * const query: CustomFieldDefinitionListQuery = { filter: { updated_after: "2025-01-01T00:00:00Z" } };
 */
export type CustomFieldDefinitionListQuery = Omit<
  NonNullable<operations["listCandidateCustomFieldDefinitions"]["parameters"]["query"]>,
  "next"
>;

/**
 * Async iterators over every list operation of the spec, one record at a time, following the `next`
 * cursor of each page until it is null or absent.
 * @example
 * for await (const c of stackone.iterate.candidates({ filter: { email: "ada@example.com" } })) console.log(c.id);
 */
export interface StackOneIterators {
  /**
   * Every candidate matching `query` (GET /unified/ats/candidates), in the server's order. Pass
   * `include: "custom_fields"` to get custom field values. `options.maxPages` bounds the pages fetched
   * (an error, never a silent stop, when more remain).
   * @example
   * for await (const candidate of stackone.iterate.candidates({ include: "custom_fields" })) sync(candidate);
   */
  candidates(
    query?: CandidateListQuery,
    options?: PaginateOptions,
  ): AsyncGenerator<StackOneCandidate, void, undefined>;
  /**
   * Every candidate custom field definition (GET /unified/ats/custom_field_definitions/candidates).
   * @example
   * for await (const field of stackone.iterate.customFieldDefinitions()) console.log(field.name, field.type?.value);
   */
  customFieldDefinitions(
    query?: CustomFieldDefinitionListQuery,
    options?: PaginateOptions,
  ): AsyncGenerator<StackOneCustomFieldDefinition, void, undefined>;
}

/**
 * An openapi-fetch client typed from specs/stackone.yaml, with the last rate-limit state it saw (`rateLimit`; StackOne sends no rate-limit headers, so
 * it stays undefined against the real API) and `iterate`.
 * @example
 * const stackone: StackOneClient = createStackOneClient({ apiKey, accountId });
 * const { data, error } = await stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id } } });
 */
export type StackOneClient = ApiClient<paths> & {
  /** Async iterators over the list operations. */
  readonly iterate: StackOneIterators;
};

const PAGE_SIZE = 100; // the largest `page_size` StackOne accepts (default 25): the fewest requests per sync

/**
 * Creates a StackOne client: HTTP Basic auth with the API key as user name and an empty password,
 * `x-account-id: <accountId>` and a `User-Agent` on every request (StackOne may refuse requests without
 * one), retries of 429/408/5xx (not 501) honouring `Retry-After` (POST is never retried), per-attempt
 * timeouts. Throws a TypeError naming the option when `apiKey` or `accountId` is missing or empty.
 * @example
 * const stackone = createStackOneClient({ apiKey: process.env.STACKONE_API_KEY ?? "", accountId });
 * const { data } = await unwrap(stackone.GET("/unified/ats/candidates/{id}", { params: { path: { id } } }));
 * for await (const c of stackone.iterate.candidates({ filter: { email: "ada@example.com" } })) console.log(c.id);
 */
export function createStackOneClient(options: StackOneClientOptions): StackOneClient {
  const client = createApiClient<paths>(provider, options);
  const iterate: StackOneIterators = {
    candidates: (query = {}, paging) =>
      paginate(
        cursorPager(async (next) => {
          const params = { query: { page_size: PAGE_SIZE, ...query, ...(next && { next }) } };
          const page = await unwrap(client.GET("/unified/ats/candidates", { params }));
          return { items: page.data, next: page.next };
        }),
        paging,
      ),
    customFieldDefinitions: (query = {}, paging) =>
      paginate(
        cursorPager(async (next) => {
          const params = { query: { page_size: PAGE_SIZE, ...query, ...(next && { next }) } };
          const page = await unwrap(
            client.GET("/unified/ats/custom_field_definitions/candidates", { params }),
          );
          return { items: page.data, next: page.next };
        }),
        paging,
      ),
  };
  return Object.assign(client, { iterate });
}
