import { PatchwiseApiError, type RateLimitState, type ResourceAdapter } from "../../src/index.ts";

/** A record of the fake resource: a name, a list of tags, and a read-only counter. */
export interface Thing {
  id?: string;
  name?: string;
  tags?: string[];
  /** Read-only: never part of a diff. */
  views?: number;
}
export type ThingPatch = { name?: string; tags?: string[] };

/** A `PatchValidationError` as `@patchwise/diff` throws it, read structurally by the runner. */
class FakeValidationError extends Error {
  override readonly name = "PatchValidationError";
  constructor(readonly issues: { path: string; rule: string; message: string }[]) {
    super(`Invalid PATCH body:\n  ${issues.map((i) => i.message).join("\n  ")}`);
  }
}

export const apiError = (status: number, code: string, message = `${status} ${code}`) =>
  new PatchwiseApiError(message, {
    status,
    code,
    requestId: `req_${status}`,
    retryAfter: undefined,
    body: undefined,
    method: "GET",
    url: undefined,
    provider: "memory",
  });

/** A gate a call waits on until the test opens it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

export interface MemoryOptions {
  /** Thrown by `get` or `patch` for these ids, instead of answering. */
  getErrors?: Record<string, Error>;
  patchErrors?: Record<string, Error>;
  /** Awaited by each call before it answers. */
  beforeGet?: (id: string) => Promise<void> | void;
  beforePatch?: (id: string) => Promise<void> | void;
  /** A fixed window of `limit` requests per `windowMs` on the clock `now`: over it, calls throw a 429. */
  window?: { limit: number; windowMs: number; now: () => number };
}

/**
 * An in-memory resource behind a `ResourceAdapter`: a `Map` of things, a diff of `name` (scalar) and
 * `tags` (replaced whole, order-free), a call log, and optional injected errors, gates and a rate-limit
 * window that answers 429 when exceeded.
 */
export function memoryAdapter(initial: readonly Thing[], options: MemoryOptions = {}) {
  const store = new Map(initial.map((t) => [t.id!, structuredClone(t)]));
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let rateLimit: RateLimitState | undefined;
  let windowStart = -1;
  let used = 0;
  let over = 0;

  const call = async <T>(label: string, before: (() => Promise<void> | void) | undefined, run: () => T) => {
    calls.push(label);
    const { window } = options;
    if (window) {
      const t = window.now();
      const start = Math.floor(t / window.windowMs) * window.windowMs;
      if (start !== windowStart) [windowStart, used] = [start, 0];
      used++;
      rateLimit = {
        limit: window.limit,
        remaining: Math.max(0, window.limit - used),
        reset: new Date(start + window.windowMs),
      };
      if (used > window.limit) {
        over++;
        throw apiError(429, "RATE_LIMITED");
      }
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await before?.();
      return run();
    } finally {
      inFlight--;
    }
  };

  const sameTags = (a: string[] = [], b: string[] = []) =>
    a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

  const adapter: ResourceAdapter<Thing, ThingPatch> = {
    resource: "memory.things",
    id: (t) => t.id,
    get: (id) =>
      call(
        `GET ${id}`,
        () => options.beforeGet?.(id),
        () => {
          const error = options.getErrors?.[id];
          if (error) throw error;
          const t = store.get(id);
          return t && structuredClone(t);
        },
      ),
    async *list() {
      calls.push("LIST");
      for (const t of store.values()) yield structuredClone(t);
    },
    patch: (id, body) =>
      call(
        `PATCH ${id}`,
        () => options.beforePatch?.(id),
        () => {
          const error = options.patchErrors?.[id];
          if (error) throw error;
          const t = store.get(id);
          if (!t) throw apiError(404, "NOT_FOUND");
          Object.assign(t, structuredClone(body));
        },
      ),
    diff(before, after) {
      if (after.name === "") {
        throw new FakeValidationError([
          { path: "name", rule: "minLength", message: "name: must not be empty" },
        ]);
      }
      const body: ThingPatch = {};
      if (after.name !== undefined && after.name !== before.name) body.name = after.name;
      if (after.tags !== undefined && !sameTags(before.tags, after.tags)) body.tags = [...after.tags];
      const changed = Object.keys(body);
      return { body, noop: changed.length === 0, changed };
    },
    fullBody: (t) => ({
      ...(t.name !== undefined && { name: t.name }),
      ...(t.tags !== undefined && { tags: t.tags }),
    }),
    rateLimit: () => rateLimit,
  };
  return {
    adapter,
    store,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Calls refused with a 429 because the window was spent. */
    get overLimit() {
      return over;
    },
  };
}

/** `n` things `t0`…`t{n-1}` named `name 0`… with one tag. */
export const things = (n: number): Thing[] =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `name ${i}`, tags: ["a"], views: i }));
