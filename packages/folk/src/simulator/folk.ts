/**
 * The Folk simulator: a stateful in-memory fake of the people API of specs/folk.yaml with the
 * provider's semantics (providers/folk.md), built on @patchwise/core's simulator kit. Routes check
 * the request against the spec (the generated validation tables and `validate`), then against the
 * workspace, and only then change anything: a refused request leaves the store as it was.
 */
import {
  createSimulator,
  jsonBody,
  type Simulator,
  type SimulatorContext,
  type SimulatorOptions,
  xRateLimitHeaders,
} from "@patchwise/core/testing";
import { type ObjectSchema, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import type { FolkPerson, FolkPersonPatch, FolkUser, FolkValidationIssue } from "../generated/schema.ts";
import { createPersonBody, updatePersonBody } from "../generated/validation.ts";
import { type FolkErrors, folkErrors, folkIssues } from "./errors.ts";
import { type Matcher, matcher, parseFilter } from "./filter.ts";
import { People, type Plan } from "./people.ts";
import { FOLK_WORKSPACE, type FolkWorkspace } from "./workspace.ts";

/** Folk's documented rate limit: 200 requests a minute per user (providers/folk.md). Pass it as `rateLimit`. */
export const FOLK_RATE_LIMIT = { limit: 200, windowMs: 60_000 } as const;

/** Options of `createFolkSimulator`: the kit's knobs (key, rate limit, faults, latency, seed, clock) plus Folk's data. */
export interface FolkSimulatorOptions extends SimulatorOptions {
  /** People to start with, in the read shape (what GET returns; `sampleFolkRecords` gives realistic ones). */
  records?: readonly FolkPerson[] | undefined;
  /** Groups with their custom fields, users, companies, contacts and objects; each part given replaces the default's (`FOLK_WORKSPACE`). */
  workspace?: Partial<FolkWorkspace> | undefined;
  /** The user the API key belongs to: `createdBy` of the people it creates (default the first workspace user). */
  user?: FolkUser | undefined;
}

/** A running Folk simulator: the kit's simulator plus its store. */
export interface FolkSimulator extends Simulator {
  /** The key it accepts (`Authorization: Bearer <apiKey>`). */
  readonly apiKey: string;
  /** Adds or replaces people (by id) given in the read shape; throws a TypeError naming what the workspace lacks. */
  seed(records: readonly FolkPerson[]): void;
  /** A person as GET returns it; undefined when unknown or deleted. */
  get(id: string): FolkPerson | undefined;
  /** Every person as GET returns them, in list order. */
  all(): FolkPerson[];
  /** Removes every person (the workspace stays as it is). */
  clear(): void;
  /** The workspace as it is now, companies created by name included. */
  workspace(): FolkWorkspace;
}

/** `PersonId`: `per_` and a UUID (the generated tables cover bodies only). */
const PERSON_ID: ObjectSchema = {
  keywords,
  type: "string",
  minLength: 40,
  maxLength: 40,
  pattern: "^per_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
};
/** `GroupId`: 40 characters. */
const GROUP_ID: ObjectSchema = { keywords, type: "string", minLength: 40, maxLength: 40 };
/** The paging query of every list: `Limit` and `Cursor`. */
const PAGE_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  properties: {
    limit: { type: "integer", minimum: 1, maximum: 100 },
    cursor: { type: "string", maxLength: 128 },
  },
};
/** The query of `GET /v1/people`: paging and `FilterCombinator` (the filter is checked on its own). */
const PEOPLE_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  properties: { ...PAGE_QUERY.properties, combinator: { type: "string", enum: ["and", "or"] } },
};
/** `X-API-Version`: a date. */
const API_VERSION: ObjectSchema = { keywords, type: "string", minLength: 10, maxLength: 10, format: "date" };

const DEFAULT_LIMIT = 20;

/**
 * An in-memory Folk for tests, demos and benchmarks: people (list with filters and cursors, get,
 * create, update, delete), groups and their custom fields, with Folk's PATCH semantics, read shape,
 * errors, auth and rate-limit headers; in-process (`fetch`) or over HTTP (`listen()`).
 * @example
 * const sim = createFolkSimulator({ records: sampleFolkRecords(50, { seed: 1 }) });
 * const folk = createFolkClient({ apiKey: sim.apiKey, fetch: sim.fetch });
 * const { data } = await unwrap(folk.GET("/v1/people/{personId}", { params: { path: { personId } } }));
 */
export function createFolkSimulator(options: FolkSimulatorOptions = {}): FolkSimulator {
  const { records = [], workspace = {}, user, ...kit } = options;
  const apiKey = kit.apiKey ?? "test-key";
  const now = kit.now ?? (() => new Date());
  const errors = folkErrors(kit.seed ?? 1, now);
  const catalogue: FolkWorkspace = { ...FOLK_WORKSPACE, ...workspace };
  const createdBy: FolkUser = user ??
    catalogue.users[0] ?? {
      id: "usr_00000000-0000-4000-8000-000000000000",
      fullName: "API",
      email: "api@folk.invalid",
    };
  let people: People | undefined;

  const sim = createSimulator(
    {
      name: "folk",
      auth: "bearer",
      rateLimitHeaders: xRateLimitHeaders,
      errors: {
        unauthorized: (_c, { status }) => errors.error(status),
        rateLimited: (_c, seconds, window) => errors.rateLimited(seconds, window),
        serverError: (_c, status) => errors.error(status),
        badRequest: (_c, message) => errors.error(400, message),
        notFound: (c) => errors.error(404, `No route ${c.req.method} ${c.req.path}`),
      },
      routes(app, runtime) {
        const store = new People(catalogue, runtime.uuid);
        people = store;
        const person = (id: string) => store.find(id) ?? errors.notFound(`Person ${id}`);

        app.use(async (c, next) => {
          const version = c.req.header("x-api-version");
          const issues =
            version === undefined
              ? []
              : folkIssues(validate(API_VERSION, version, { path: "X-API-Version" }), {});
          if (issues.length) return errors.invalid(issues, 422, "Invalid headers");
          await next();
        });

        app.get("/v1/people", (c) => {
          const url = new URL(c.req.url);
          const page = pageOf(url, errors, PEOPLE_QUERY);
          if (page instanceof Response) return page;
          const { conditions, issues } = parseFilter(url.searchParams);
          const matchers: Matcher[] = [];
          for (const condition of conditions) {
            const m = matcher(condition, store);
            if (typeof m === "function") matchers.push(m);
            else issues.push(m);
          }
          if (issues.length) return errors.invalid(issues, 422, "Invalid query parameters");
          const or = url.searchParams.get("combinator") === "or";
          const all = store.stored().map((p) => store.read(p));
          const hits = matchers.length
            ? all.filter((p) => (or ? matchers.some((m) => m(p)) : matchers.every((m) => m(p))))
            : all;
          return c.json(paged(hits, page, url));
        });

        app.post("/v1/people", async (c) => {
          const plan = await planOf(c, createPersonBody, errors, store);
          if (plan instanceof Response) return plan;
          return c.json({ data: store.read(store.create(plan, now(), createdBy)) });
        });

        app.get("/v1/people/:personId", (c) => {
          const id = personIdOf(c, errors);
          if (id instanceof Response) return id;
          const p = person(id);
          return p instanceof Response ? p : c.json({ data: store.read(p) });
        });

        app.patch("/v1/people/:personId", async (c) => {
          const id = personIdOf(c, errors);
          if (id instanceof Response) return id;
          // The body is checked against the spec before the person is looked up (assumed: Folk
          // validates the request first, as its zod errors suggest), then against the workspace.
          const body = await jsonBody(c);
          const schemaIssues = folkIssues(validate(updatePersonBody, body), body);
          if (schemaIssues.length) return errors.invalid(schemaIssues);
          const p = person(id);
          if (p instanceof Response) return p;
          const plan = checked(body as FolkPersonPatch, errors, store);
          if (plan instanceof Response) return plan;
          store.apply(p, plan);
          return c.json({ data: store.read(p) });
        });

        app.delete("/v1/people/:personId", (c) => {
          const id = personIdOf(c, errors);
          if (id instanceof Response) return id;
          if (!store.delete(id)) return errors.notFound(`Person ${id}`);
          return c.json({ data: { id } });
        });

        app.get("/v1/groups", (c) => {
          const url = new URL(c.req.url);
          const page = pageOf(url, errors);
          if (page instanceof Response) return page;
          return c.json(
            paged(
              store.groups().map(({ id, name }) => ({ id, name })),
              page,
              url,
            ),
          );
        });

        app.get("/v1/groups/:groupId/custom-fields/person", (c) => {
          const groupId = c.req.param("groupId");
          const issues = folkIssues(validate(GROUP_ID, groupId, { path: "groupId" }), {});
          if (issues.length) return errors.invalid(issues, 422, "Invalid path parameters");
          const url = new URL(c.req.url);
          const page = pageOf(url, errors);
          if (page instanceof Response) return page;
          const group = store.group(groupId);
          if (!group) return errors.notFound(`Group ${groupId}`);
          return c.json(paged(structuredClone([...group.fields]), page, url));
        });
      },
    },
    kit,
  );

  const store = people!;
  const simulator: FolkSimulator = Object.assign(sim, {
    apiKey,
    seed: (list: readonly FolkPerson[]) => store.seed(list),
    get: (id: string) => {
      const p = store.find(id);
      return p && store.read(p);
    },
    all: () => store.stored().map((p) => store.read(p)),
    clear: () => store.clear(),
    workspace: () => store.workspace(),
  });
  simulator.seed(records);
  return simulator;
}

/** The `personId` path parameter, or the 422 naming it. */
function personIdOf(c: SimulatorContext, errors: FolkErrors): string | Response {
  const id = c.req.param("personId") ?? "";
  const issues = folkIssues(validate(PERSON_ID, id, { path: "personId" }), {});
  return issues.length ? errors.invalid(issues, 422, "Invalid path parameters") : id;
}

/** A request body checked against the spec and the workspace: the plan to apply, or the 4xx to answer. */
async function planOf(
  c: SimulatorContext,
  schema: ObjectSchema,
  errors: FolkErrors,
  store: People,
): Promise<Plan | Response> {
  const body = await jsonBody(c);
  const issues = folkIssues(validate(schema, body), body);
  if (issues.length) return errors.invalid(issues);
  return checked(body as FolkPersonPatch, errors, store);
}

function checked(body: FolkPersonPatch, errors: FolkErrors, store: People): Plan | Response {
  const result = store.plan(body);
  return "plan" in result ? result.plan : errors.invalid(result.issues);
}

interface Page {
  offset: number;
  limit: number;
}

/**
 * `limit` and `cursor` of a list request. Folk's cursor is base64 JSON of an offset (its spec's example
 * `eyJvZmZzZXQiOjN9` is `{"offset":3}`); one that does not decode is a 400.
 */
function pageOf(url: URL, errors: FolkErrors, schema = PAGE_QUERY): Page | Response {
  const q = url.searchParams;
  const query: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties ?? {})) {
    const v = q.get(name);
    if (v === null) continue;
    query[name] = name === "limit" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  const issues: FolkValidationIssue[] = folkIssues(validate(schema, query), query);
  if (issues.length) return errors.invalid(issues, 422, "Invalid query parameters");
  const cursor = q.get("cursor");
  let offset = 0;
  if (cursor !== null) {
    const decoded = decodeCursor(cursor);
    if (decoded === undefined) {
      return errors.invalid(
        [{ path: ["cursor"], message: "Invalid cursor", code: "custom" }],
        400,
        "Invalid cursor",
      );
    }
    offset = decoded;
  }
  return { offset, limit: (query.limit as number | undefined) ?? DEFAULT_LIMIT };
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const { offset } = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as { offset?: unknown };
    return Number.isSafeInteger(offset) && (offset as number) >= 0 ? (offset as number) : undefined;
  } catch {
    return undefined;
  }
}

const encodeCursor = (offset: number) => btoa(JSON.stringify({ offset }));

/** One page of `items` in Folk's list envelope: `nextLink` is the request's URL with the next cursor, absent on the last page. */
function paged<T>(items: readonly T[], { offset, limit }: Page, url: URL) {
  const end = offset + limit;
  const pagination: { nextLink?: string } = {};
  if (end < items.length) {
    const next = new URL(url);
    next.searchParams.set("cursor", encodeCursor(end));
    pagination.nextLink = next.toString();
  }
  return { data: { items: items.slice(offset, end), pagination } };
}
