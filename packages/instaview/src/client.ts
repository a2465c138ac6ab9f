import {
  type ApiClient,
  type ClientOptions,
  createApiClient,
  type PaginateOptions,
  pageNumberPager,
  paginate,
  unwrap,
} from "@patchwise/core";
import { provider } from "./generated/provider.ts";
import type { InstaviewCandidate, operations, paths } from "./generated/schema.ts";

/**
 * Options of `createInstaviewClient`: core's client options (`apiKey`, `baseUrl`, `fetch`, `timeoutMs`,
 * `retry`, `userAgent`, `signal`, `logger`) plus Instaview's `companyId`.
 * @example
 * const options: InstaviewClientOptions = { apiKey, companyId: "co_42", timeoutMs: 10_000 };
 */
export type InstaviewClientOptions = ClientOptions & {
  /**
   * The company to act on, sent as the `companyId` query parameter of every request: required for
   * multi-company (ATS) keys, ignored for ordinary company keys. A call's own `companyId` wins. The
   * client's query serializer adds it: a call that passes its own `querySerializer` sends its own.
   */
  companyId?: string;
};

/**
 * Filters of `iterate.candidates`: the query of GET /candidates without `page`, which the iterator
 * drives. `limit` is the page size (default 100, the maximum).
 * @example
 * const query: CandidateListQuery = { status: "APPLIED", jobId: "9a7e6543-e21b-42d3-a456-426614174001" };
 */
export type CandidateListQuery = Omit<
  NonNullable<operations["listCandidates"]["parameters"]["query"]>,
  "page"
>;

/**
 * Async iterators over every list operation of the spec, one record at a time, fetching page after
 * page (`page` from 1 until `totalPages`).
 * @example
 * for await (const c of instaview.iterate.candidates({ email: "ada@example.com" })) console.log(c.id);
 */
export interface InstaviewIterators {
  /**
   * Every candidate matching `query` (GET /candidates), in the server's order. `options.maxPages`
   * bounds the pages fetched (an error, never a silent stop, when more remain).
   * @example
   * for await (const candidate of instaview.iterate.candidates({ status: "IN_PROCESS" })) sync(candidate);
   */
  candidates(
    query?: CandidateListQuery,
    options?: PaginateOptions,
  ): AsyncGenerator<InstaviewCandidate, void, undefined>;
}

/**
 * An openapi-fetch client typed from specs/instaview.yaml, with the last rate-limit state it saw (`rateLimit`, the tighter of the minute and hour
 * windows) and `iterate`.
 * @example
 * const instaview: InstaviewClient = createInstaviewClient({ apiKey });
 * const { data, error } = await instaview.GET("/candidates/{id}", { params: { path: { id } } });
 */
export type InstaviewClient = ApiClient<paths> & {
  /** Async iterators over the list operations. */
  readonly iterate: InstaviewIterators;
};

const PAGE_SIZE = 100; // the largest `limit` GET /candidates accepts: the fewest requests per sync

/**
 * Creates an Instaview client: `Authorization: Bearer <apiKey>`, `companyId` on every request when
 * given, retries of 429/408/5xx honouring `Retry-After` and the `X-RateLimit-*-Minute`/`-Hour`
 * headers (POST is never retried), per-attempt timeouts. Throws a TypeError when `apiKey` is missing.
 * @example
 * const instaview = createInstaviewClient({ apiKey: process.env.INSTAVIEW_API_KEY ?? "", companyId });
 * const candidate = await unwrap(instaview.GET("/candidates/{id}", { params: { path: { id } } }));
 * for await (const c of instaview.iterate.candidates({ status: "APPLIED" })) console.log(c.email);
 */
export function createInstaviewClient(options: InstaviewClientOptions): InstaviewClient {
  const client = createApiClient<paths>(provider, options);
  const iterate: InstaviewIterators = {
    candidates: (query = {}, paging) =>
      paginate(
        pageNumberPager(async (page) => {
          const params = { query: { limit: PAGE_SIZE, ...query, page } };
          const list = await unwrap(client.GET("/candidates", { params }));
          return { items: list.data, totalPages: list.totalPages };
        }),
        paging,
      ),
  };
  return Object.assign(client, { iterate });
}
