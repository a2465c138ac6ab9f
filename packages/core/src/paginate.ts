import { PatchwiseError } from "./errors.ts";

/** One page: its items and the cursor of the next page (absent or null on the last page). */
export interface Page<T, C> {
  items: readonly T[];
  next?: C | null | undefined;
}

/** Fetches the page at `cursor` (undefined for the first page). */
export type FetchPage<T, C> = (cursor: C | undefined) => Promise<Page<T, C>>;

/** Options of `paginate`. */
export interface PaginateOptions {
  /** Pages fetched at most (default 10 000); more remaining after that is an error, never a silent stop. */
  maxPages?: number;
}

/**
 * Iterates the items of every page, following `next` until a page has none. Throws a `PatchwiseError`
 * when more pages remain after `maxPages`, so a runaway cursor can neither loop forever nor truncate.
 *
 * @example
 * for await (const person of paginate((cursor) => fetchPeople(cursor), { maxPages: 50 })) sync(person);
 */
export async function* paginate<T, C>(
  fetchPage: FetchPage<T, C>,
  { maxPages = 10_000 }: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  let cursor: C | undefined;
  for (let page = 1; ; page++) {
    const { items, next } = await fetchPage(cursor);
    yield* items;
    if (next == null) return;
    if (page >= maxPages) {
      throw new PatchwiseError(
        `paginate: more pages remain after maxPages (${maxPages}); raise maxPages or narrow the query`,
      );
    }
    cursor = next;
  }
}

/**
 * Offset/limit pages with a total (Stardex `meta.total`): the next offset is this offset plus the
 * items received, until it reaches `total` or a page is empty.
 *
 * @example
 * paginate(offsetPager(async (offset) => {
 *   const { data, meta } = await unwrap(stardex.POST("/v1/persons/search", { body: { offset, limit: 100 } }));
 *   return { items: data, total: meta.total };
 * }));
 */
export function offsetPager<T>(
  load: (offset: number) => Promise<{ items: readonly T[]; total: number }>,
): FetchPage<T, number> {
  return async (offset = 0) => {
    const { items, total } = await load(offset);
    const next = offset + items.length;
    return { items, next: items.length > 0 && next < total ? next : undefined };
  };
}

/**
 * Pages linked by an opaque cursor in the response (StackOne `next`); null, absent or `""` ends.
 *
 * @example
 * paginate(cursorPager(async (next) => {
 *   const page = await unwrap(stackone.GET("/unified/ats/candidates", { params: { query: { next } } }));
 *   return { items: page.data, next: page.next };
 * }));
 */
export function cursorPager<T>(
  load: (cursor: string | undefined) => Promise<{ items: readonly T[]; next?: string | null | undefined }>,
): FetchPage<T, string> {
  return async (cursor) => {
    const { items, next } = await load(cursor);
    return { items, next: next || undefined };
  };
}

/**
 * Pages linked by a `nextLink` URL whose `param` query parameter (default `cursor`) feeds the next
 * call (Folk `pagination.nextLink`); no link ends. A link without the parameter is an error.
 *
 * @example
 * paginate(nextLinkPager(async (cursor) => {
 *   const { data } = await unwrap(folk.GET("/v1/people", { params: { query: { cursor, limit: 100 } } }));
 *   return { items: data.items, nextLink: data.pagination.nextLink };
 * }));
 */
export function nextLinkPager<T>(
  load: (
    cursor: string | undefined,
  ) => Promise<{ items: readonly T[]; nextLink?: string | null | undefined }>,
  param = "cursor",
): FetchPage<T, string> {
  return async (cursor) => {
    const { items, nextLink } = await load(cursor);
    if (!nextLink) return { items };
    const next = new URL(nextLink, "http://localhost").searchParams.get(param);
    if (!next)
      throw new PatchwiseError(`nextLinkPager: no "${param}" query parameter in nextLink ${nextLink}`);
    return { items, next };
  };
}

/**
 * Numbered pages from 1 with a page count (Instaview `page` / `totalPages`).
 *
 * @example
 * paginate(pageNumberPager(async (page) => {
 *   const r = await unwrap(instaview.GET("/candidates", { params: { query: { page, limit: 100 } } }));
 *   return { items: r.data, totalPages: r.totalPages };
 * }));
 */
export function pageNumberPager<T>(
  load: (page: number) => Promise<{ items: readonly T[]; totalPages: number }>,
): FetchPage<T, number> {
  return async (page = 1) => {
    const { items, totalPages } = await load(page);
    return { items, next: page < totalPages ? page + 1 : undefined };
  };
}
