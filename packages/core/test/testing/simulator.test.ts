import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, type ProviderConfig, unwrap } from "../../src/index.ts";
import { type Fault, mulberry32, type Simulator, uuidFrom } from "../../src/testing/index.ts";
import { recordWaits } from "../helpers/fixtures.ts";
import { type AcmeSimulator, createAcmeSimulator } from "./acme.ts";

const KEY = "test-key";

interface Call {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

interface Transport {
  call(method: string, path: string, init?: Call): Promise<Response>;
  close(): Promise<void>;
}

const open: Transport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

/** Talks to a simulator in-process (its `fetch`) or over loopback HTTP (`listen()` and the global fetch). */
async function connect(sim: Simulator, kind: "in-process" | "http"): Promise<Transport> {
  const server = kind === "http" ? await sim.listen() : undefined;
  const base = server?.url ?? "https://api.acme.test";
  const send = server ? fetch : sim.fetch;
  const transport: Transport = {
    call: (method, path, { body, raw, headers } = {}) =>
      send(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", ...headers },
        ...((body !== undefined || raw !== undefined) && { body: raw ?? JSON.stringify(body) }),
      }),
    close: () => server?.close() ?? Promise.resolve(),
  };
  open.push(transport);
  return transport;
}

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return {
    now: () => new Date(t),
    /** Sets the clock to `ms` after the start. */
    at: (ms: number) => {
      t = start + ms;
    },
  };
}

/** What a client sees of a response, minus the transport's own headers. */
async function seen(response: Promise<Response>) {
  try {
    const r = await response;
    const headers = Object.fromEntries(
      [...r.headers].filter(
        ([name]) => !["date", "connection", "keep-alive", "content-length"].includes(name),
      ),
    );
    return { status: r.status, headers, body: await r.text() };
  } catch (error) {
    return { rejected: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe("in-process and HTTP", () => {
  it("give the same answers to the same requests", async () => {
    const run = async (kind: "in-process" | "http") => {
      const time = clock();
      const sim = createAcmeSimulator({ now: time.now, rateLimit: { limit: 4 } });
      const t = await connect(sim, kind);
      const created = await (await t.call("POST", "/v1/things", { body: { name: "a" } })).json();
      const id = (created as { data: { id: string } }).data.id;
      return [
        created,
        await seen(t.call("GET", `/v1/things/${id}`)),
        await seen(t.call("PATCH", `/v1/things/${id}`, { body: { tags: ["x"] } })),
        await seen(t.call("GET", "/v1/things?limit=5")),
        await seen(t.call("GET", "/v1/things")), // over the limit of 4
        await seen(t.call("GET", "/v1/things/thg_missing", { headers: { authorization: "Bearer nope" } })),
        await seen(t.call("DELETE", `/v1/things/${id}`)),
        sim.requests.map(({ at, ...entry }) => entry),
      ];
    };
    const [inProcess, http] = await Promise.all([run("in-process"), run("http")]);
    expect(http).toEqual(inProcess);
    expect(inProcess[4]).toMatchObject({ status: 429, headers: { "retry-after": "60" } });
  });

  it("serves a core client in-process and over HTTP, retrying through injected faults", async () => {
    const acme: ProviderConfig = { name: "acme", defaultBaseUrl: "https://api.acme.test", auth: "bearer" };
    for (const kind of ["in-process", "http"] as const) {
      const sim = createAcmeSimulator({ faults: { schedule: ["5xx", "429", "drop"] } });
      const server = kind === "http" ? await sim.listen() : undefined;
      const { waits, sleep } = recordWaits();
      const client = createApiClient<Record<string, never>>(acme, {
        apiKey: KEY,
        ...(server ? { baseUrl: server.url } : { fetch: sim.fetch }),
        retry: { sleep, random: () => 0.5 },
      });
      // biome-ignore lint/suspicious/noExplicitAny: an untyped path for a made-up provider
      const list = await unwrap((client as any).GET("/v1/things"));
      expect(list).toEqual({ data: [] });
      expect(sim.requests.map((r) => r.fault ?? r.status)).toEqual(["5xx", "429", "drop", 200]);
      expect(waits[1]).toBe(1000); // the injected 429's Retry-After
      await server?.close();
    }
  });

  it("never replaces the process's Request and Response", async () => {
    const { Request: before, Response: response } = globalThis;
    await connect(createAcmeSimulator(), "http");
    expect(globalThis.Request).toBe(before);
    expect(globalThis.Response).toBe(response);
  });

  it("accepts a path alone in-process", async () => {
    const sim = createAcmeSimulator();
    const r = await sim.fetch("/v1/things", { headers: { authorization: `Bearer ${KEY}` } });
    expect(r.status).toBe(200);
  });
});

describe.each(["in-process", "http"] as const)("%s", (kind) => {
  let sim: AcmeSimulator;
  const make = async (options: Parameters<typeof createAcmeSimulator>[0] = {}) => {
    sim = createAcmeSimulator(options);
    return connect(sim, kind);
  };

  it("answers a missing or wrong key with the provider's 401, before any fault", async () => {
    const t = await make({ faults: { schedule: ["drop"] } });
    const missing = await t.call("GET", "/v1/things", { headers: { authorization: "" } });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "missing" } });
    const wrong = await t.call("GET", "/v1/nowhere", { headers: { authorization: "Bearer other-key" } });
    expect(await wrong.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "invalid" } });
    expect(sim.requests.map((r) => r.status)).toEqual([401, 401]);
    await expect(t.call("GET", "/v1/things")).rejects.toThrow(TypeError); // the drop is still scheduled
  });

  it("checks Basic auth and required headers", async () => {
    sim = createAcmeSimulator({ apiKey: "k1" }, { auth: "basic", requiredHeaders: { "x-account-id": 403 } });
    const t = await connect(sim, kind);
    const basic = (user: string) => `Basic ${btoa(`${user}:`)}`;
    const call = (headers: Record<string, string>) => t.call("GET", "/v1/things", { headers });
    expect((await call({ authorization: basic("k1"), "x-account-id": "acc" })).status).toBe(200);
    expect((await call({ authorization: basic("k2"), "x-account-id": "acc" })).status).toBe(401);
    expect((await call({ authorization: "Bearer k1", "x-account-id": "acc" })).status).toBe(401);
    expect((await call({ authorization: "Basic !!notbase64" })).status).toBe(401);
    const noAccount = await call({ authorization: basic("k1") });
    expect(noAccount.status).toBe(403);
    expect(await noAccount.json()).toEqual({
      error: { code: "FORBIDDEN", message: "x-account-id is required" },
    });
  });

  it("5xx: the provider's 5xx body, without running the handler", async () => {
    const t = await make({ faults: { schedule: ["5xx"], serverErrorStatus: 503 } });
    const r = await t.call("POST", "/v1/things", { body: { name: "a" } });
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ error: { code: "INTERNAL_ERROR", message: "Something went wrong" } });
    expect(sim.things.size).toBe(0);
    expect(sim.requests[0]).toMatchObject({ status: 503, fault: "5xx" });
    expect((await t.call("POST", "/v1/things", { body: { name: "a" } })).status).toBe(201);
  });

  it("drop: the fetch rejects and nothing is stored", async () => {
    const t = await make({ faults: { schedule: ["drop"] } });
    const error = await t.call("POST", "/v1/things", { body: { name: "a" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("fetch failed");
    expect(sim.things.size).toBe(0);
    expect(sim.requests[0]).toMatchObject({ status: 0, responseBytes: 0, fault: "drop" });
    expect((await t.call("GET", "/v1/things")).status).toBe(200);
  });

  it("lost: the handler runs and stores, then the fetch rejects", async () => {
    const t = await make({ faults: { schedule: ["lost"] } });
    await expect(t.call("POST", "/v1/things", { body: { name: "a" } })).rejects.toThrow("fetch failed");
    expect([...sim.things.values()].map((x) => x.name)).toEqual(["a"]);
    expect(sim.requests[0]).toMatchObject({ status: 201, fault: "lost" });
    const list = (await (await t.call("GET", "/v1/things")).json()) as { data: unknown[] };
    expect(list.data).toHaveLength(1);
  });

  it("stored-5xx: the handler runs and stores, then the provider's 5xx answers", async () => {
    const t = await make({ faults: { schedule: ["stored-5xx"], serverErrorStatus: 502 } });
    const r = await t.call("POST", "/v1/things", { body: { name: "a" } });
    expect(r.status).toBe(502);
    expect(await r.json()).toEqual({ error: { code: "INTERNAL_ERROR", message: "Something went wrong" } });
    expect([...sim.things.values()].map((x) => x.name)).toEqual(["a"]);
    expect(sim.requests[0]).toMatchObject({ status: 502, fault: "stored-5xx" });
  });

  it("stored-timeout: the handler runs and stores, then no answer comes", async () => {
    const t = await make({ faults: { schedule: ["stored-timeout"], stallMs: 50 } });
    const started = Date.now();
    await expect(t.call("POST", "/v1/things", { body: { name: "a" } })).rejects.toThrow(TypeError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect([...sim.things.values()].map((x) => x.name)).toEqual(["a"]);
    expect(sim.requests[0]).toMatchObject({ status: 0, fault: "stored-timeout" });
  });

  it("methods: only requests of those methods draw faults or take the schedule", async () => {
    const t = await make({ faults: { schedule: ["lost"], methods: ["post"] } });
    expect((await t.call("GET", "/v1/things")).status).toBe(200);
    await expect(t.call("POST", "/v1/things", { body: { name: "a" } })).rejects.toThrow(TypeError);
    expect(sim.requests.map((r) => r.fault ?? "ok")).toEqual(["ok", "lost"]);
  });

  it("429 fault: the provider's 429 with Retry-After, without running the handler", async () => {
    const t = await make({ faults: { schedule: ["429"], retryAfterSeconds: 7 } });
    const r = await t.call("POST", "/v1/things", { body: { name: "a" } });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
    expect(await r.json()).toMatchObject({ error: { code: "RATE_LIMITED", retry_after_seconds: 7 } });
    expect(sim.things.size).toBe(0);
  });

  it("reports malformed JSON, unknown routes and handler bugs in the provider's shapes", async () => {
    const t = await make();
    const bad = await t.call("POST", "/v1/things", { raw: "{nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "INVALID_REQUEST", message: "Malformed JSON body" } });
    expect((await t.call("POST", "/v1/things")).status).toBe(400);
    const missing = await t.call("GET", "/v1/things/thg_x");
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "No thing thg_x" } });
    const route = await t.call("GET", "/v2/else");
    expect(await route.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route GET /v2/else" } });
    expect((await t.call("GET", "/v1/boom")).status).toBe(500);
    expect(sim.requests.at(-1)?.error).toEqual(new Error("a bug in the simulator"));
  });

  it("adds latency to every response", async () => {
    const t = await make({ latencyMs: 60 });
    let started = performance.now();
    await t.call("GET", "/v1/things");
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    sim.setLatency(0);
    started = performance.now();
    await t.call("GET", "/v1/things");
    expect(performance.now() - started).toBeLessThan(55);
  });

  it("logs every call with its bytes, query and parsed body", async () => {
    const t = await make();
    const body = { name: "ünïcode" };
    const created = await t.call("POST", "/v1/things?dry=no", { body });
    const text = await created.text();
    await t.call("GET", "/v1/things?limit=2&limit=3");
    await t.call("GET", "/v1/things", { headers: { authorization: "" } });
    const requests = sim.requests;
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/things",
      query: { dry: "no" },
      status: 201,
      body,
      requestBytes: new TextEncoder().encode(JSON.stringify(body)).byteLength,
      responseBytes: new TextEncoder().encode(text).byteLength,
    });
    expect(requests[0]?.requestBytes).toBe(JSON.stringify(body).length + 2); // two 2-byte characters
    expect(requests[1]).toMatchObject({ method: "GET", query: { limit: "3" }, requestBytes: 0, status: 200 });
    expect(requests[1]).not.toHaveProperty("body");
    expect(requests[2]?.status).toBe(401);
    expect(requests.reduce((sum, r) => sum + r.requestBytes, 0)).toBe(requests[0]?.requestBytes);
    sim.clearLog();
    expect(sim.requests).toBe(requests);
    expect(requests).toHaveLength(0);
  });
});

describe("rate limit", () => {
  it("slides: 429 with the provider's headers and Retry-After, then recovers as the window moves", async () => {
    const time = clock();
    const sim = createAcmeSimulator({ now: time.now, rateLimit: { limit: 2, windowMs: 60_000 } });
    const t = await connect(sim, "in-process");
    const get = async () => {
      const r = await t.call("GET", "/v1/things");
      return {
        status: r.status,
        retryAfter: r.headers.get("retry-after"),
        remaining: r.headers.get("x-ratelimit-remaining"),
        reset: Number(r.headers.get("x-ratelimit-reset")) - Date.UTC(2026, 0, 1) / 1000,
        limit: r.headers.get("x-ratelimit-limit"),
      };
    };
    expect(await get()).toEqual({ status: 200, retryAfter: null, remaining: "1", reset: 60, limit: "2" });
    time.at(10_000);
    expect(await get()).toMatchObject({ status: 200, remaining: "0", reset: 60 });
    time.at(20_000);
    const limited = await t.call("GET", "/v1/things");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("40");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED", retry_after_seconds: 40 } });
    time.at(59_999);
    expect(await get()).toMatchObject({ status: 429, retryAfter: "1" });
    time.at(60_000); // the first request leaves the window
    expect(await get()).toEqual({ status: 200, retryAfter: null, remaining: "0", reset: 70, limit: "2" });
    time.at(61_000);
    expect(await get()).toMatchObject({ status: 429, retryAfter: "9" });
    time.at(200_000);
    expect(await get()).toMatchObject({ status: 200, remaining: "1" });
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429, 429, 200, 429, 200]);
  });

  it("skips 401s and drops, and can be changed or lifted between phases", async () => {
    const time = clock();
    const sim = createAcmeSimulator({ now: time.now, rateLimit: { limit: 1 } });
    const t = await connect(sim, "in-process");
    expect(
      (await t.call("GET", "/v1/things", { headers: { authorization: "" } })).headers.has(
        "x-ratelimit-limit",
      ),
    ).toBe(false);
    sim.setFaults({ schedule: ["drop"] });
    await expect(t.call("GET", "/v1/things")).rejects.toThrow(TypeError);
    expect((await t.call("GET", "/v1/things")).status).toBe(200);
    expect((await t.call("GET", "/v1/things")).status).toBe(429);
    sim.setRateLimit({ limit: 5 });
    const fresh = await t.call("GET", "/v1/things");
    expect([fresh.status, fresh.headers.get("x-ratelimit-remaining")]).toEqual([200, "4"]);
    sim.setRateLimit(undefined);
    const free = await t.call("GET", "/v1/things");
    expect([free.status, free.headers.has("x-ratelimit-remaining")]).toEqual([200, false]);
  });
});

describe("faults by seed", () => {
  const outcomes = async (faults: Parameters<Simulator["setFaults"]>[0]) => {
    const sim = createAcmeSimulator({ faults });
    const results: (number | string)[] = [];
    for (let i = 0; i < 60; i++) {
      results.push(
        await sim
          .fetch("https://api.acme.test/v1/things", { headers: { authorization: `Bearer ${KEY}` } })
          .then(
            (r) => r.status,
            () => "rejected",
          ),
      );
    }
    return { results, faults: sim.requests.map((r) => r.fault ?? "ok") };
  };
  const rates = { serverErrorRate: 0.2, rateLimitedRate: 0.1, dropRate: 0.1, lostResponseRate: 0.1 };

  it("are reproducible for a seed and differ across seeds", async () => {
    const a = await outcomes({ seed: 42, ...rates });
    expect(await outcomes({ seed: 42, ...rates })).toEqual(a);
    expect((await outcomes({ seed: 43, ...rates })).faults).not.toEqual(a.faults);
    expect(new Set(a.faults)).toEqual(new Set<Fault>(["ok", "5xx", "429", "drop", "lost"]));
    expect(a.results.filter((r) => r === "rejected")).toHaveLength(
      a.faults.filter((f) => f === "drop" || f === "lost").length,
    );
  });

  it("stored-timeout in-process: rejects with the client's abort reason when it gives up first", async () => {
    const sim = createAcmeSimulator({ faults: { schedule: ["stored-timeout"] } });
    const signal = AbortSignal.timeout(30);
    const error = await sim
      .fetch("/v1/things", {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ name: "a" }),
        signal,
      })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(sim.things.size).toBe(1);
  });

  it("keep the draws of the older rates when the stored-* rates are zero", async () => {
    const a = await outcomes({ seed: 7, ...rates });
    expect(await outcomes({ seed: 7, ...rates, storedServerErrorRate: 0, storedTimeoutRate: 0 })).toEqual(a);
  });

  it("play a schedule first, then the rates, and restart on setFaults", async () => {
    const scheduled = await outcomes({ schedule: ["5xx", "ok", "429", "lost"] });
    expect(scheduled.results.slice(0, 5)).toEqual([500, 200, 429, "rejected", 200]);
    expect(new Set(scheduled.faults.slice(4))).toEqual(new Set(["ok"]));
    const sim = createAcmeSimulator({ faults: { schedule: ["5xx"] } });
    const get = () =>
      sim.fetch("/v1/things", { headers: { authorization: `Bearer ${KEY}` } }).then((r) => r.status);
    expect([await get(), await get()]).toEqual([500, 200]);
    sim.setFaults({ schedule: ["5xx"] });
    expect([await get(), await get()]).toEqual([500, 200]);
    sim.setFaults(undefined);
    expect(await get()).toBe(200);
  });
});

describe("seeded helpers", () => {
  it("mulberry32 and uuidFrom are deterministic", () => {
    expect(mulberry32(42)()).toBe(0.6011037519201636);
    const id = uuidFrom(mulberry32(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom(mulberry32(1))).toBe(id);
    expect(uuidFrom(mulberry32(2))).not.toBe(id);
  });

  it("give every simulator with the same seed the same ids", async () => {
    const ids = async (seed: number) => {
      const sim = createAcmeSimulator({ seed });
      const t = await connect(sim, "in-process");
      await t.call("POST", "/v1/things", { body: { name: "a" } });
      return [...sim.things.keys()];
    };
    expect(await ids(5)).toEqual(await ids(5));
    expect(await ids(5)).not.toEqual(await ids(6));
  });
});
