import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the loopback server saw it. */
export interface Seen {
  method: string;
  /** Path and query, e.g. `/v1/people?cursor=abc`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers: a JSON body for objects, text for strings; `destroy` resets the socket. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  destroy?: boolean;
}

export interface TestServer {
  url: string;
  seen: Seen[];
  close: () => Promise<void>;
}

/**
 * Starts a node:http server on a free loopback port. `reply` gets each request and its index; an array
 * of replies is served in order, its last one repeated.
 */
export async function startServer(
  reply: Reply[] | ((request: Seen, index: number) => Reply | Promise<Reply>),
): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const request: Seen = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
    const index = seen.push(request) - 1;
    const r = Array.isArray(reply)
      ? (reply[Math.min(index, reply.length - 1)] ?? {})
      : await reply(request, index);
    if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
    if (r.destroy) {
      req.socket.destroy();
      return;
    }
    const text = r.body === undefined ? "" : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
    const type = typeof r.body === "string" ? "text/plain" : "application/json";
    if (res.destroyed) return;
    res.writeHead(r.status ?? 200, { ...(text && { "content-type": type }), ...r.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
