import {
  createSimulator,
  fail,
  json,
  jsonBody,
  type Simulator,
  type SimulatorDefinition,
  type SimulatorErrors,
  type SimulatorOptions,
  xRateLimitHeaders,
} from "../../src/testing/index.ts";

/** A made-up provider, as short as a real provider simulator should be: routes, store, error shapes. */
interface Thing {
  id: string;
  name: string;
  tags: string[];
  createdAt: string;
}

const error = (status: number, code: string, message: string, extra?: object) =>
  json(status, { error: { code, message, ...extra } });

const acmeErrors: SimulatorErrors = {
  unauthorized: (_c, { status, reason, header }) =>
    error(status, status === 401 ? "UNAUTHORIZED" : "FORBIDDEN", header ? `${header} is required` : reason),
  rateLimited: (_c, retryAfterSeconds) =>
    error(429, "RATE_LIMITED", "Too many requests", { retry_after_seconds: retryAfterSeconds }),
  serverError: (_c, status) => error(status, "INTERNAL_ERROR", "Something went wrong"),
  badRequest: (_c, message) => error(400, "INVALID_REQUEST", message),
  notFound: (c) => error(404, "NOT_FOUND", `No route ${c.req.method} ${c.req.path}`),
};

export type AcmeSimulator = Simulator & { things: Map<string, Thing> };

export function createAcmeSimulator(
  options: SimulatorOptions = {},
  overrides: Partial<SimulatorDefinition> = {},
): AcmeSimulator {
  const things = new Map<string, Thing>();
  const find = (id: string) => things.get(id) ?? fail(error(404, "NOT_FOUND", `No thing ${id}`));
  const simulator = createSimulator(
    {
      name: "acme",
      auth: "bearer",
      errors: acmeErrors,
      rateLimitHeaders: xRateLimitHeaders,
      routes(app, sim) {
        app.get("/v1/things", (c) => c.json({ data: [...things.values()], limit: c.req.query("limit") }));
        app.get("/v1/things/:id", (c) => c.json({ data: find(c.req.param("id")) }));
        app.post("/v1/things", async (c) => {
          const body = (await jsonBody(c)) as Partial<Thing>;
          if (typeof body.name !== "string") return error(422, "UNPROCESSABLE_ENTITY", "name is required");
          const thing = {
            id: `thg_${sim.uuid()}`,
            name: body.name,
            tags: [],
            createdAt: sim.now().toISOString(),
          };
          things.set(thing.id, thing);
          return c.json({ data: thing }, 201);
        });
        app.patch("/v1/things/:id", async (c) => {
          const thing = find(c.req.param("id"));
          Object.assign(thing, await jsonBody(c));
          return c.json({ data: thing });
        });
        app.delete("/v1/things/:id", (c) => {
          things.delete(find(c.req.param("id")).id);
          return c.body(null, 204);
        });
        app.get("/v1/boom", () => {
          throw new Error("a bug in the simulator");
        });
      },
      ...overrides,
    },
    options,
  );
  return Object.assign(simulator, { things });
}
