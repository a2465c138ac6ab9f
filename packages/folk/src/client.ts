import {
  type ApiClient,
  type ClientOptions,
  createApiClient,
  nextLinkPager,
  type PaginateOptions,
  paginate,
  unwrap,
} from "@patchwise/core";
import { provider } from "./generated/provider.ts";
import type {
  FolkCustomFieldDefinition,
  FolkGroup,
  FolkPerson,
  operations,
  paths,
} from "./generated/schema.ts";

/**
 * Options of `createFolkClient`: `apiKey` (required), `baseUrl` (default `https://api.folk.app`),
 * `fetch`, `timeoutMs`, `retry` (or `false`), `userAgent`, `signal`, `logger`.
 * @example const options: FolkClientOptions = { apiKey: process.env.FOLK_API_KEY ?? "", timeoutMs: 10_000 };
 */
export type FolkClientOptions = ClientOptions;

type ListQuery<Op extends keyof operations> = Omit<
  NonNullable<operations[Op]["parameters"]["query"]>,
  "cursor"
>;

/**
 * The query of `GET /v1/people` without `cursor`: `limit` (page size, 1–100), `filter`, `combinator`.
 * @example const query: FolkPeopleQuery = { limit: 100, filter: { emails: { eq: "ada@example.com" } } };
 */
export type FolkPeopleQuery = ListQuery<"listPeople">;

/**
 * The query of the other list operations without `cursor`: `limit` (page size, 1–100).
 * @example const query: FolkPageQuery = { limit: 100 };
 */
export type FolkPageQuery = ListQuery<"listGroups">;

/**
 * Async iterators over every list operation of the API, following `pagination.nextLink` to the last
 * page and yielding records; a non-2xx page throws `PatchwiseApiError`.
 * @example for await (const person of folk.iterate.people({ limit: 100 })) console.log(person.id);
 */
export interface FolkIterators {
  /** Every person (`GET /v1/people`), filters included. */
  people(query?: FolkPeopleQuery, options?: PaginateOptions): AsyncGenerator<FolkPerson, void, undefined>;
  /** Every workspace group (`GET /v1/groups`). */
  groups(query?: FolkPageQuery, options?: PaginateOptions): AsyncGenerator<FolkGroup, void, undefined>;
  /** The person custom field definitions of one group (`GET /v1/groups/{groupId}/custom-fields/person`). */
  groupCustomFields(
    groupId: string,
    query?: FolkPageQuery,
    options?: PaginateOptions,
  ): AsyncGenerator<FolkCustomFieldDefinition, void, undefined>;
}

/**
 * An openapi-fetch client typed from `specs/folk.yaml`, with `rateLimit` (the last `X-RateLimit-*`
 * state seen) and `iterate`.
 * @example const folk: FolkClient = createFolkClient({ apiKey });
 */
export type FolkClient = ApiClient<paths> & {
  /** Async iterators over the list operations. */
  readonly iterate: FolkIterators;
};

/**
 * Creates a Folk client: `Authorization: Bearer <apiKey>`, a `User-Agent`, per-attempt timeouts, and
 * retries of 429, 408 and 5xx (not POST) honouring `Retry-After` and `X-RateLimit-Reset`. Throws a
 * TypeError when `apiKey` is missing or empty.
 * @example
 * const folk = createFolkClient({ apiKey: process.env.FOLK_API_KEY ?? "" });
 * const { data } = await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId } } }));
 * for await (const group of folk.iterate.groups()) console.log(group.name);
 */
export function createFolkClient(options: FolkClientOptions): FolkClient {
  const client = createApiClient<paths>(provider, options);
  // Every list operation pages the same way: `{ data: { items, pagination: { nextLink? } } }`.
  const follow = <T>(
    load: (page: { cursor?: string }) => Promise<{ data: { items: T[]; pagination: { nextLink?: string } } }>,
    paging: PaginateOptions | undefined,
  ) =>
    paginate(
      nextLinkPager(async (cursor) => {
        const { data } = await load(cursor === undefined ? {} : { cursor });
        return { items: data.items, nextLink: data.pagination.nextLink };
      }),
      paging,
    );
  const iterate: FolkIterators = {
    people: (query = {}, paging) =>
      follow(
        (page) =>
          unwrap(
            client.GET("/v1/people", {
              params: { query: { ...query, ...page } },
            }),
          ),
        paging,
      ),
    groups: (query = {}, paging) =>
      follow(
        (page) => unwrap(client.GET("/v1/groups", { params: { query: { ...query, ...page } } })),
        paging,
      ),
    groupCustomFields: (groupId, query = {}, paging) =>
      follow(
        (page) =>
          unwrap(
            client.GET("/v1/groups/{groupId}/custom-fields/person", {
              params: { path: { groupId }, query: { ...query, ...page } },
            }),
          ),
        paging,
      ),
  };
  return Object.assign(client, { iterate });
}
