import { afterEach, describe, expect, it } from "vitest";
import {
  type ApiClient,
  createApiClient,
  cursorPager,
  nextLinkPager,
  offsetPager,
  PatchwiseError,
  pageNumberPager,
  paginate,
  unwrap,
} from "../src/index.ts";
import { folk, type paths, SECRET } from "./helpers/fixtures.ts";
import { type Seen, startServer, type TestServer } from "./helpers/server.ts";

const ALL = Array.from({ length: 23 }, (_, i) => ({ id: `rec_${i}` }));
const SIZE = 10;

let server: TestServer;
let client: ApiClient<paths>;
afterEach(() => server?.close());

/** Serves ALL in pages of SIZE in the style a provider uses. */
async function serve(page: (query: URLSearchParams, request: Seen) => unknown) {
  server = await startServer((request) => ({
    body: page(new URL(request.path, server.url).searchParams, request),
  }));
  client = createApiClient<paths>(folk, { apiKey: SECRET, baseUrl: server.url });
}

const list = async <T>(query: Record<string, string | number | undefined>) =>
  (await unwrap(client.GET("/items", { params: { query } }))) as T;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("the four pagination styles, to the last page", () => {
  it("offset/limit with meta.total (Stardex)", async () => {
    await serve((q) => {
      const offset = Number(q.get("offset"));
      return {
        success: true,
        data: ALL.slice(offset, offset + SIZE),
        meta: { total: ALL.length, offset, limit: SIZE },
      };
    });
    type Body = { data: { id: string }[]; meta: { total: number } };
    const items = await collect(
      paginate(
        offsetPager(async (offset) => {
          const { data, meta } = await list<Body>({ offset, limit: SIZE });
          return { items: data, total: meta.total };
        }),
      ),
    );
    expect(items).toEqual(ALL);
    expect(server.seen.map((s) => s.path)).toEqual([
      "/items?offset=0&limit=10",
      "/items?offset=10&limit=10",
      "/items?offset=20&limit=10",
    ]);
  });

  it("an opaque next cursor (StackOne)", async () => {
    await serve((q) => {
      const at = Number(q.get("next") ?? 0);
      const end = at + SIZE;
      return { data: ALL.slice(at, end), next: end < ALL.length ? String(end) : null };
    });
    type Body = { data: { id: string }[]; next?: string | null };
    const items = await collect(
      paginate(
        cursorPager(async (next) => {
          const page = await list<Body>({ page_size: SIZE, next });
          return { items: page.data, next: page.next };
        }),
      ),
    );
    expect(items).toEqual(ALL);
    expect(server.seen).toHaveLength(3);
  });

  it("a nextLink URL whose cursor feeds the next call (Folk)", async () => {
    const token = (i: number) => Buffer.from(`at:${i}`).toString("base64url");
    await serve((q) => {
      const cursor = q.get("cursor");
      const at = cursor ? Number(Buffer.from(cursor, "base64url").toString().slice(3)) : 0;
      const end = at + SIZE;
      const nextLink =
        end < ALL.length ? `https://api.folk.app/v1/people?limit=10&cursor=${token(end)}` : undefined;
      return { data: { items: ALL.slice(at, end), pagination: { ...(nextLink && { nextLink }) } } };
    });
    type Body = { data: { items: { id: string }[]; pagination: { nextLink?: string } } };
    const items = await collect(
      paginate(
        nextLinkPager(async (cursor) => {
          const { data } = await list<Body>({ limit: SIZE, cursor });
          return { items: data.items, nextLink: data.pagination.nextLink };
        }),
      ),
    );
    expect(items).toEqual(ALL);
    expect(server.seen.map((s) => s.path)).toEqual([
      "/items?limit=10",
      `/items?limit=10&cursor=${token(10)}`,
      `/items?limit=10&cursor=${token(20)}`,
    ]);
  });

  it("page/totalPages (Instaview)", async () => {
    await serve((q) => {
      const page = Number(q.get("page"));
      const data = ALL.slice((page - 1) * SIZE, page * SIZE);
      return { data, total: ALL.length, page, limit: SIZE, totalPages: Math.ceil(ALL.length / SIZE) };
    });
    type Body = { data: { id: string }[]; totalPages: number };
    const items = await collect(
      paginate(
        pageNumberPager(async (page) => {
          const r = await list<Body>({ page, limit: SIZE });
          return { items: r.data, totalPages: r.totalPages };
        }),
      ),
    );
    expect(items).toEqual(ALL);
    expect(server.seen.map((s) => s.path)).toEqual([
      "/items?page=1&limit=10",
      "/items?page=2&limit=10",
      "/items?page=3&limit=10",
    ]);
  });
});

describe("paginate", () => {
  const pages = (count: number) => async (cursor: number | undefined) => {
    const page = cursor ?? 1;
    return { items: [page], next: page < count ? page + 1 : undefined };
  };

  it("stops at a page without next", async () => {
    expect(await collect(paginate(pages(3)))).toEqual([1, 2, 3]);
  });

  it("reads exactly maxPages pages", async () => {
    expect(await collect(paginate(pages(3), { maxPages: 3 }))).toEqual([1, 2, 3]);
  });

  it("throws, after yielding what it read, when more pages remain than maxPages", async () => {
    const seen: number[] = [];
    const reading = (async () => {
      for await (const item of paginate(pages(5), { maxPages: 2 })) seen.push(item);
    })();
    await expect(reading).rejects.toThrow(PatchwiseError);
    await expect(reading).rejects.toThrow("paginate: more pages remain after maxPages (2)");
    expect(seen).toEqual([1, 2]);
  });

  it("fetches lazily: breaking out fetches no more pages", async () => {
    let fetched = 0;
    for await (const item of paginate(async (c: number | undefined) => {
      fetched++;
      return { items: [c ?? 0], next: (c ?? 0) + 1 };
    })) {
      if (item === 1) break;
    }
    expect(fetched).toBe(2);
  });

  it("stops an offset pager on an empty page", async () => {
    const items = await collect(paginate(offsetPager(async () => ({ items: [], total: 50 }))));
    expect(items).toEqual([]);
  });

  it("treats an empty cursor as the end", async () => {
    const items = await collect(paginate(cursorPager(async () => ({ items: ["a"], next: "" }))));
    expect(items).toEqual(["a"]);
  });

  it("rejects a nextLink without the cursor parameter rather than stopping", async () => {
    const iterator = paginate(nextLinkPager(async () => ({ items: [1], nextLink: "/v1/people?page=2" })));
    await expect(collect(iterator)).rejects.toThrow('nextLinkPager: no "cursor" query parameter');
  });

  it("reads another cursor parameter name", async () => {
    const iterator = paginate(
      nextLinkPager(
        async (after) => ({ items: [after ?? "first"], nextLink: after ? null : "/x?after=2" }),
        "after",
      ),
    );
    expect(await collect(iterator)).toEqual(["first", "2"]);
  });
});
