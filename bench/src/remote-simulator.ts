import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RequestLogEntry } from "@patchwise/core/testing";
import type { Provider } from "./providers.ts";

/** The requests a simulator saw: counts by method, and PATCH counts by record id. */
export interface RequestSummary {
  byMethod: [method: string, count: number][];
  patches: [id: string, count: number][];
}

/** What the parent sends to the simulator process. */
export type ParentMessage =
  | { type: "start"; provider: string; records: readonly object[] }
  | { type: "log" }
  | { type: "close" };

/** A simulator listening on loopback. */
export interface RemoteSimulator {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Its request log so far, summarized. */
  requests(): Promise<RequestSummary>;
  /** Closes the server (and ends its process). */
  close(): Promise<void>;
}

/**
 * Where a simulator runs: `process`, a child process of its own, as a real server would be; or
 * `in-process`, in the benchmark's own thread (the smoke test: no process to start).
 */
export type SimulatorHost = "process" | "in-process";

/**
 * Counts a simulator's request log by method, and its PATCH requests by record id (the last path segment).
 * @example summarize(sim.requests) // { byMethod: [["PATCH", 2]], patches: [["per_1", 2]] }
 */
export function summarize(requests: readonly RequestLogEntry[]): RequestSummary {
  const byMethod = new Map<string, number>();
  const patches = new Map<string, number>();
  for (const { method, path } of requests) {
    byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    if (method !== "PATCH") continue;
    const id = decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
    patches.set(id, (patches.get(id) ?? 0) + 1);
  }
  return { byMethod: [...byMethod], patches: [...patches] };
}

const ENTRY = fileURLToPath(new URL("./simulator-process.ts", import.meta.url));

/**
 * Starts `provider`'s simulator seeded with `records`, listening on 127.0.0.1: by default in a child
 * process (TypeScript through tsx), so that the client under test has the main thread to itself, as it
 * would against a real server.
 * @example
 * const sim = await startSimulator(folk, pairs.map((p) => p.before));
 * const client = folk.client(sim.url);
 */
export async function startSimulator(
  provider: Provider,
  records: readonly object[],
  host: SimulatorHost = "process",
): Promise<RemoteSimulator> {
  if (host === "in-process") {
    const simulator = provider.simulator(records);
    const server = await simulator.listen();
    return { url: server.url, requests: async () => summarize(simulator.requests), close: server.close };
  }
  const child = fork(ENTRY, [], {
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`${provider.name} simulator process exited (${code})`))),
  );
  exited.catch(() => {}); // observed through `next` only
  /** The next message of `type` from the child, or its exit. */
  const next = <T>(type: string) =>
    Promise.race([
      new Promise<T>((resolve) => {
        const on = (message: { type: string }) => {
          if (message.type !== type) return;
          child.off("message", on);
          resolve(message as T);
        };
        child.on("message", on);
      }),
      exited,
    ]);
  const send = (message: ParentMessage) => child.send(message);
  const ready = next<{ url: string }>("ready");
  send({ type: "start", provider: provider.name, records });
  const { url } = await ready;
  return {
    url,
    async requests() {
      const log = next<{ log: RequestSummary }>("log");
      send({ type: "log" });
      return (await log).log;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      send({ type: "close" });
      await gone;
    },
  };
}
