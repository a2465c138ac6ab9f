import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

/** A request as the loopback server saw it. */
export interface LoopbackRequest {
  method: string;
  /** Path and query as sent, e.g. `/candidates?page=2`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers: a JSON body, or none when `body` is undefined. */
export interface LoopbackReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A node:http server on a free loopback port answering each request with `reply(request, index)`,
 * for client tests over real HTTP. Call it inside a test: the server closes when that test finishes.
 * @example
 * const server = await serveLoopback(() => ({ body: { data: [] } }));
 * const client = createStackOneClient({ apiKey, accountId, baseUrl: server.url });
 * expect(server.seen[0]?.query.get("page_size")).toBe("100");
 */
export async function serveLoopback(
  reply: (request: LoopbackRequest, index: number) => LoopbackReply,
): Promise<{ url: string; seen: LoopbackRequest[] }> {
  const seen: LoopbackRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? "/", "http://localhost");
    const request: LoopbackRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    const r = reply(request, seen.push(request) - 1);
    const text = r.body === undefined ? "" : JSON.stringify(r.body);
    res.writeHead(r.status ?? 200, { ...(text && { "content-type": "application/json" }), ...r.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
