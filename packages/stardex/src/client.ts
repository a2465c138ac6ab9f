import {
  type ApiClient,
  type ClientOptions,
  createApiClient,
  offsetPager,
  paginate,
  unwrap,
} from "@patchwise/core";
import { provider } from "./generated/provider.ts";
import type {
  operations,
  paths,
  StardexCompanySummary,
  StardexCustomFieldDefinition,
  StardexJobSearch,
  StardexJobSummary,
  StardexPerson,
  StardexPersonSearch,
} from "./generated/schema.ts";

/**
 * Options of `createStardexClient`: the API key (or OAuth / session token, sent as `Bearer`), and the
 * shared client options `baseUrl`, `fetch`, `timeoutMs`, `retry`, `userAgent`, `signal`, `logger`.
 * @example
 * const options: StardexClientOptions = { apiKey: process.env.STARDEX_API_KEY ?? "", timeoutMs: 10_000 };
 */
export type StardexClientOptions = ClientOptions;

/**
 * How `iterate` walks pages: `pageSize` is the `limit` of each request (1–100, default 100), `maxPages`
 * the most pages fetched before it throws rather than stop silently (default 10 000).
 * @example
 * for await (const job of stardex.iterate.jobs({}, { pageSize: 50, maxPages: 20 })) console.log(job.name);
 */
export interface StardexIterateOptions {
  pageSize?: number;
  maxPages?: number;
}

/**
 * The filters of `POST /v1/persons/search`; the iterator sets `offset` and `limit` itself.
 * @example const filter: StardexPersonFilter = { email: "sam@widgets.example" };
 */
export type StardexPersonFilter = Omit<StardexPersonSearch, "offset" | "limit">;

/**
 * The filters of `POST /v1/jobs/search`; the iterator sets `offset` and `limit` itself.
 * @example const filter: StardexJobFilter = { keywords: ["engineer"], is_archived: false };
 */
export type StardexJobFilter = Omit<StardexJobSearch, "offset" | "limit">;

/**
 * The query of `GET /v1/custom-fields/persons`: `job_id` or `list_id` adds that job's or list's attributes.
 * @example const query: StardexCustomFieldQuery = { job_id: "2a4b6c8d-1e3f-4a5b-9c7d-0e1f2a3b4c5d" };
 */
export type StardexCustomFieldQuery = NonNullable<
  operations["listPersonCustomFields"]["parameters"]["query"]
>;

/**
 * Async iterators over every Stardex list and search operation, yielding records across all pages
 * (offset/limit pages until `meta.total`). Errors surface as `PatchwiseApiError`. Searches are POSTs,
 * which the client never retries.
 * @example
 * for await (const person of stardex.iterate.persons({ email: "sam@widgets.example" })) console.log(person.id);
 */
export interface StardexIterators {
  /** `POST /v1/persons/search`: persons in the read shape. */
  persons(filter?: StardexPersonFilter, options?: StardexIterateOptions): AsyncGenerator<StardexPerson, void>;
  /** `POST /v1/jobs/search`: jobs, whose ids `job_id` takes. */
  jobs(filter?: StardexJobFilter, options?: StardexIterateOptions): AsyncGenerator<StardexJobSummary, void>;
  /** `GET /v1/companies`: companies, whose ids `client_id` takes on create. */
  companies(options?: StardexIterateOptions): AsyncGenerator<StardexCompanySummary, void>;
  /** `GET /v1/custom-fields/persons`: attribute definitions, in one unpaginated response. */
  customFields(query?: StardexCustomFieldQuery): AsyncGenerator<StardexCustomFieldDefinition, void>;
}

/**
 * An openapi-fetch client typed from specs/stardex.yaml, with `rateLimit` (the last
 * `X-RateLimit-*` state seen) and `iterate`.
 * @example
 * const stardex: StardexClient = createStardexClient({ apiKey });
 * const { data } = await unwrap(stardex.GET("/v1/persons/{id}", { params: { path: { id } } }));
 */
export type StardexClient = ApiClient<paths> & {
  /** Async iterators over the list operations. */
  readonly iterate: StardexIterators;
};

const MAX_PAGE_SIZE = 100; // the `limit` maximum of every Stardex list

function pageSizeOf(options: StardexIterateOptions | undefined): number {
  const size = options?.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new RangeError(`stardex: pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, received ${size}`);
  }
  return size;
}

/**
 * Creates a Stardex client: `Authorization: Bearer <apiKey>`, retries of 429 (honouring `Retry-After`,
 * `X-RateLimit-Reset` and `retry_after_seconds`), 408 and 5xx for GET and PATCH (never POST), per-attempt
 * timeouts, and `iterate` over every list. Throws a TypeError when `apiKey` is missing or empty.
 * @example
 * const stardex = createStardexClient({ apiKey: process.env.STARDEX_API_KEY ?? "" });
 * const { data: person } = await unwrap(stardex.GET("/v1/persons/{id}", { params: { path: { id } } }));
 * for await (const job of stardex.iterate.jobs({ is_archived: false })) console.log(job.id, job.name);
 */
export function createStardexClient(options: StardexClientOptions): StardexClient {
  const client = createApiClient<paths>(provider, options);
  // Every offset/limit list: one page of `limit` records from `offset`, until `meta.total`.
  const pages = <T>(
    options: StardexIterateOptions | undefined,
    load: (offset: number, limit: number) => Promise<{ data: T[]; meta: { total: number } }>,
  ) => {
    const limit = pageSizeOf(options);
    return paginate(
      offsetPager(async (offset) => {
        const { data, meta } = await load(offset, limit);
        return { items: data, total: meta.total };
      }),
      options,
    );
  };

  const iterate: StardexIterators = {
    persons: (filter = {}, options) =>
      pages(options, (offset, limit) =>
        unwrap(client.POST("/v1/persons/search", { body: { ...filter, offset, limit } })),
      ),
    jobs: (filter = {}, options) =>
      pages(options, (offset, limit) =>
        unwrap(client.POST("/v1/jobs/search", { body: { ...filter, offset, limit } })),
      ),
    companies: (options) =>
      pages(options, (offset, limit) =>
        unwrap(client.GET("/v1/companies", { params: { query: { offset, limit } } })),
      ),
    customFields(query = {}) {
      return paginate(async () => {
        const { data } = await unwrap(client.GET("/v1/custom-fields/persons", { params: { query } }));
        return { items: data };
      });
    },
  };
  return Object.assign(client, { iterate });
}
