/**
 * The StackOne simulator: a stateful in-memory fake of the candidate part of StackOne's unified ATS
 * API (specs/stackone.yaml) with the provider's semantics (providers/stackone.md), built on
 * @patchwise/core's simulator kit.
 */
import {
  createSimulator,
  fail,
  jsonBody,
  type Simulator,
  type SimulatorApp,
  type SimulatorContext,
  type SimulatorOptions,
  type SimulatorRuntime,
} from "@patchwise/core/testing";
import { issue, type ObjectSchema, type ValidationIssue, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import type {
  StackOneCandidate,
  StackOneCandidateCreate,
  StackOneCandidatePatch,
  StackOneCustomField,
  StackOneCustomFieldDefinition,
  StackOneRawResponse,
  StackOneWriteResult,
} from "../generated/schema.ts";
import { createCandidateBody, updateCandidateBody } from "../generated/validation.ts";
import {
  definitionOf,
  STACKONE_CUSTOM_FIELD_DEFINITIONS,
  type StackOneFieldDefinition,
} from "./catalogue.ts";
import { ATS_URL, badRequest, envelope, unprocessable } from "./errors.ts";
import {
  cleanList,
  FULL,
  instant,
  readShape,
  type StackOneSeedRecord,
  type StoredCandidate,
  type View,
} from "./read-shape.ts";

/** Options of `createStackOneSimulator`: the kit's knobs plus StackOne's data. */
export interface StackOneSimulatorOptions extends SimulatorOptions {
  /** Candidates to start with, in the read shape (`sampleStackOneRecords` gives realistic ones). */
  records?: readonly StackOneSeedRecord[] | undefined;
  /**
   * The custom field definitions (default `STACKONE_CUSTOM_FIELD_DEFINITIONS`); seeded candidates add
   * the custom fields they use. A write naming another custom field `id` gets 422.
   */
  customFieldDefinitions?: readonly StackOneFieldDefinition[] | undefined;
  /** Refuse requests without a `User-Agent` with 403, as StackOne may (default false). */
  requireUserAgent?: boolean | undefined;
}

/** A running StackOne simulator: the kit's simulator plus its store. */
export interface StackOneSimulator extends Simulator {
  /** The key it accepts (`Authorization: Basic base64("<apiKey>:")`). */
  readonly apiKey: string;
  /** Adds or replaces candidates (by id), in the read shape; custom fields they use join the catalogue. */
  seed(records: readonly StackOneSeedRecord[]): void;
  /** Adds or replaces custom field definitions (by id). */
  seedCustomFieldDefinitions(definitions: readonly StackOneFieldDefinition[]): void;
  /** A candidate as GET with `include=custom_fields` returns it; undefined when unknown. */
  get(id: string): StackOneCandidate | undefined;
  /** Every candidate as GET with `include=custom_fields` returns it, in list order. */
  all(): StackOneCandidate[];
  /** The custom field definitions, in list order. */
  customFieldDefinitions(): StackOneCustomFieldDefinition[];
}

const CANDIDATES = "/unified/ats/candidates";
const DEFINITIONS = "/unified/ats/custom_field_definitions/candidates";
const DEFAULT_PAGE_SIZE = 25; // spec: CandidatesPageSize and CustomFieldDefinitionsPageSize default
const FIRST_REMOTE_ID = 100_000; // remote ids of created candidates: "100001", "100002", …

const dateTime: ObjectSchema = { type: "string", format: "date-time" };
const pageSize: ObjectSchema = { type: "integer", minimum: 1, maximum: 100 };

/** The query parameters of GET /unified/ats/candidates/{id} (the generated tables cover bodies only). */
const GET_QUERY: ObjectSchema = {
  type: "object",
  additionalProperties: false,
  properties: { include: { type: "string" }, fields: { type: "string" }, raw: { type: "boolean" } },
};

/** POST and PATCH take no query parameters. */
const NO_QUERY: ObjectSchema = { type: "object", additionalProperties: false, properties: {} };

/** The query of GET /unified/ats/candidates: `filter` is `filter[email]=…` (deepObject). */
const LIST_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  additionalProperties: false,
  properties: {
    ...GET_QUERY.properties,
    page_size: pageSize,
    next: { type: "string" },
    filter: {
      type: "object",
      additionalProperties: false,
      properties: { updated_after: dateTime, created_after: dateTime, email: { type: "string" } },
    },
  },
};

/** The query of GET /unified/ats/custom_field_definitions/candidates (no `include`). */
const DEFINITIONS_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  additionalProperties: false,
  properties: {
    fields: { type: "string" },
    raw: { type: "boolean" },
    page_size: pageSize,
    next: { type: "string" },
    filter: { type: "object", additionalProperties: false, properties: { updated_after: dateTime } },
  },
};

/** The PATCH body keys the store takes (`passthrough` is forwarded to the ATS and never stored). */
const PATCHED = [
  "name",
  "first_name",
  "last_name",
  "email",
  "emails",
  "social_links",
  "phone",
  "phone_numbers",
  "company",
  "title",
  "country",
  "application_ids",
  "hired_at",
  "custom_fields",
  "unified_custom_fields",
] as const satisfies readonly (keyof StackOneCandidatePatch & keyof StackOneCandidate)[];

/** Query parameters as the spec types them: `filter[x]` gathered into `filter`, numbers and booleans parsed. */
type Query = {
  page_size?: number;
  next?: string;
  include?: string;
  fields?: string;
  raw?: boolean;
  filter?: { updated_after?: string; created_after?: string; email?: string };
};

/** `filter.email` as the request wrote it: `filter[email]`. */
const deepObjectPath = (i: ValidationIssue): ValidationIssue => {
  const path = i.path.replace(/^filter\.(.*)$/, "filter[$1]");
  return { ...i, path, message: path + i.message.slice(i.path.length) };
};

/** The request's query, checked against `schema` (400 naming each parameter). */
function queryOf(c: SimulatorContext, schema: ObjectSchema, now: Date): Query {
  const query: Record<string, unknown> = {};
  const filter: Record<string, string> = {};
  for (const [name, value] of new URL(c.req.url).searchParams) {
    const key = /^filter\[(.*)\]$/.exec(name)?.[1];
    if (key !== undefined) filter[key] ??= value;
    else query[name] ??= value;
  }
  if (Object.keys(filter).length) query.filter = filter;
  if (typeof query.page_size === "string" && /^-?\d+(\.\d+)?$/.test(query.page_size))
    query.page_size = Number(query.page_size);
  if (query.raw === "true" || query.raw === "false") query.raw = query.raw === "true";
  const issues = validate(schema, query).map(deepObjectPath);
  if (issues.length) fail(badRequest(issues, now));
  return query as Query;
}

/** What a GET asks for: custom field values with `include=custom_fields`, and the `fields` to return. */
function viewOf(query: Query): View {
  const list = (s: string | undefined) => s?.split(",").map((x) => x.trim()) ?? [];
  return {
    customFields: list(query.include).includes("custom_fields"),
    fields: query.fields === undefined ? undefined : new Set(list(query.fields)),
  };
}

/** An opaque cursor: the offset of the next page's first item. */
const cursorOf = (offset: number) => btoa(`offset:${offset}`).replace(/=+$/, "");

/** One page of `items` from the cursor `next` (400 when it is not one this simulator gave). */
function pageOf<T>(items: readonly T[], query: Query, now: Date): { next: string | null; data: T[] } {
  let from = 0;
  if (query.next !== undefined) {
    let text = "";
    try {
      text = atob(query.next);
    } catch {}
    const offset = /^offset:(\d+)$/.exec(text)?.[1];
    if (offset === undefined) {
      const expected = "must be the next cursor of a previous page";
      fail(badRequest([issue("next", "cursor", expected, undefined, JSON.stringify(query.next))], now));
    }
    from = Number(offset);
  }
  const to = from + (query.page_size ?? DEFAULT_PAGE_SIZE);
  return { next: to < items.length ? cursorOf(to) : null, data: items.slice(from, to) };
}

/** What the ATS was asked, as `raw=true` returns it. */
const rawOf = (method: string, path: string): StackOneRawResponse[] => [{ method, url: `${ATS_URL}${path}` }];

/** Instants strictly after `after` (a valid date-time): `value` as a date-time, else never. */
const isAfter = (value: unknown, after: string) =>
  typeof value === "string" && Date.parse(String(instant(value))) > Date.parse(after);

/**
 * Creates an in-memory StackOne: list, create, get and update of candidates and the list of custom
 * field definitions, with HTTP Basic auth (the key as user name), a required `x-account-id`, spec
 * validation with StackOne's error envelope, PATCH with the provider's semantics, and the kit's rate
 * limit, faults, latency and request log. Ids come from `options.seed`, timestamps from `options.now`.
 * @example
 * const sim = createStackOneSimulator({ records: sampleStackOneRecords(50, { seed: 1 }) });
 * const stackone = createStackOneClient({ apiKey: sim.apiKey, accountId: STACKONE_ACCOUNT_ID, fetch: sim.fetch });
 * for await (const c of stackone.iterate.candidates({ include: "custom_fields" })) console.log(c.id);
 */
export function createStackOneSimulator(options: StackOneSimulatorOptions = {}): StackOneSimulator {
  const clock = options.now ?? (() => new Date());
  const store = new Map<string, StoredCandidate>(); // insertion order is list order
  /** Custom field definitions, with when each was last seeded (for `filter[updated_after]`). */
  const definitions = new Map<string, { definition: StackOneFieldDefinition; at: number }>();
  let created = 0;

  const seedCustomFieldDefinitions = (list: readonly StackOneFieldDefinition[]) => {
    const at = +clock();
    for (const definition of list)
      definitions.set(definition.id, { definition: structuredClone(definition), at });
  };
  const seed = (records: readonly StackOneSeedRecord[]) => {
    for (const record of records) {
      if (typeof record.id !== "string" || !record.id) {
        throw new TypeError(`seed: every candidate needs a string id (got ${JSON.stringify(record.id)})`);
      }
      for (const field of record.custom_fields ?? []) {
        if (typeof field?.id === "string" && !definitions.has(field.id)) {
          const definition = definitionOf(field as StackOneCustomField & { id: string });
          definitions.set(field.id, { definition, at: +clock() });
        }
      }
      const stored = structuredClone(record) as StoredCandidate & { passthrough?: unknown };
      delete stored.passthrough; // write-only: never read back
      store.set(record.id, stored);
    }
  };

  /** Stops with StackOne's 422 when the underlying ATS would refuse the write. */
  const refuse = (issues: ValidationIssue[], atsPath: string) => {
    if (issues.length) fail(unprocessable(issues, clock(), atsPath));
  };

  /** Issues of custom field values whose `id` names no definition. */
  const unknownFields = (fields: readonly (StackOneCustomField | null)[] | null | undefined) =>
    (fields ?? []).flatMap((field, i) =>
      typeof field?.id === "string" && !definitions.has(field.id)
        ? [
            issue(
              `custom_fields[${i}].id`,
              "exists",
              "must be the id of a candidate custom field definition",
              undefined,
              JSON.stringify(field.id),
              field.id,
            ),
          ]
        : [],
    );

  /** The candidate of the path's id (404 when unknown). */
  const find = (c: SimulatorContext): StoredCandidate => {
    const id = c.req.param("id") ?? "";
    return store.get(id) ?? fail(envelope(404, clock(), `Candidate ${id} not found`));
  };

  /** A request body checked against a generated table (400 naming each field). */
  const bodyOf = async (c: SimulatorContext, schema: ObjectSchema): Promise<unknown> => {
    const input = await jsonBody(c);
    const issues = validate(schema, input, { now: clock() });
    if (issues.length) fail(badRequest(issues, clock()));
    return input;
  };

  const writeResult = (status: 200 | 201, message: string, candidate: StoredCandidate) => {
    const result: StackOneWriteResult = {
      statusCode: status,
      message,
      timestamp: clock().toISOString(),
      data: { id: candidate.id, remote_id: candidate.remote_id ?? null },
    };
    return result;
  };

  /** A new candidate id: the seeded stream may repeat a seeded candidate's id. */
  const unusedId = (runtime: SimulatorRuntime): string => {
    let id = runtime.uuid();
    while (store.has(id)) id = runtime.uuid();
    return id;
  };

  function routes(app: SimulatorApp, runtime: SimulatorRuntime) {
    // After the kit's auth, faults and rate limit: the linked account, then the User-Agent.
    app.use(async (c, next) => {
      if (!c.req.header("x-account-id")?.trim()) {
        return envelope(400, clock(), "Missing x-account-id header in request");
      }
      if (options.requireUserAgent && !c.req.header("user-agent")?.trim()) {
        return envelope(403, clock(), "Forbidden: requests need a User-Agent header");
      }
      await next();
    });

    app.get(CANDIDATES, (c) => {
      const query = queryOf(c, LIST_QUERY, clock());
      const { email, updated_after, created_after } = query.filter ?? {};
      const address = email?.toLowerCase();
      /** Whether a stored address is the one asked for (email addresses match whatever their case). */
      const same = (value: unknown) => typeof value === "string" && value.toLowerCase() === address;
      const matches = [...store.values()].filter(
        (s) =>
          (address === undefined || same(s.email) || (s.emails ?? []).some((e) => same(e?.value))) &&
          (updated_after === undefined || isAfter(s.updated_at, updated_after)) &&
          (created_after === undefined || isAfter(s.created_at, created_after)),
      );
      const { next, data } = pageOf(matches, query, clock());
      const view = viewOf(query);
      const raw = query.raw ? { raw: rawOf("GET", "/candidates") } : {};
      return c.json({ next, data: data.map((s) => readShape(s, view)), ...raw });
    });

    app.post(CANDIDATES, async (c) => {
      queryOf(c, NO_QUERY, clock());
      const body = (await bodyOf(c, createCandidateBody)) as StackOneCandidateCreate;
      refuse(unknownFields(body.custom_fields), "/candidates");
      const now = clock().toISOString();
      const name = [body.first_name, body.last_name].filter((s) => typeof s === "string" && s).join(" ");
      const phone = body.phone_number ?? null;
      const candidate: StoredCandidate = {
        id: unusedId(runtime),
        remote_id: String(FIRST_REMOTE_ID + ++created),
        name: body.name ?? (name || null),
        first_name: body.first_name ?? null,
        last_name: body.last_name ?? null,
        email: body.email ?? null,
        // The create body has no `emails`: the email given is the candidate's one address.
        emails: typeof body.email === "string" ? [{ type: "personal", value: body.email }] : [],
        social_links: (cleanList("social_links", body.social_links) as StoredCandidate["social_links"]) ?? [],
        phone,
        phone_numbers:
          (cleanList("phone_numbers", body.phone_numbers) as StoredCandidate["phone_numbers"]) ??
          (phone === null ? [] : [{ type: "personal", phone }]),
        company: body.company ?? null,
        title: body.title ?? null,
        country: body.country ?? null,
        application_ids: [],
        remote_application_ids: [],
        hired_at: body.hired_at ?? null,
        custom_fields:
          (cleanList("custom_fields", body.custom_fields) as StoredCandidate["custom_fields"]) ?? [],
        unified_custom_fields: structuredClone(body.unified_custom_fields) ?? null,
        tags: [],
        created_at: now,
        updated_at: now,
      };
      store.set(candidate.id, candidate);
      return c.json(writeResult(201, "Record created successfully.", candidate), 201);
    });

    app.get(`${CANDIDATES}/:id`, (c) => {
      const query = queryOf(c, GET_QUERY, clock());
      const candidate = find(c);
      const raw = query.raw
        ? { raw: rawOf("GET", `/candidates/${candidate.remote_id ?? candidate.id}`) }
        : {};
      return c.json({ data: readShape(candidate, viewOf(query)), ...raw });
    });

    app.patch(`${CANDIDATES}/:id`, async (c) => {
      queryOf(c, NO_QUERY, clock());
      const body = (await bodyOf(c, updateCandidateBody)) as StackOneCandidatePatch;
      const candidate = find(c);
      refuse(
        [...emailConflict(body), ...unknownFields(body.custom_fields)],
        `/candidates/${candidate.remote_id ?? candidate.id}`,
      );
      applyPatch(candidate, body);
      candidate.updated_at = clock().toISOString();
      return c.json(writeResult(200, "Record updated successfully.", candidate), 200);
    });

    app.get(DEFINITIONS, (c) => {
      const query = queryOf(c, DEFINITIONS_QUERY, clock());
      const after = query.filter?.updated_after;
      const matches = [...definitions.values()].filter(
        ({ at }) => after === undefined || at > Date.parse(after),
      );
      const { next, data } = pageOf(matches, query, clock());
      const fields = viewOf(query).fields;
      const shaped = data.map(({ definition }) => {
        const out: Record<string, unknown> = structuredClone(definition);
        if (fields) for (const key of Object.keys(out)) if (!fields.has(key)) delete out[key];
        return out as StackOneCustomFieldDefinition;
      });
      const raw = query.raw ? { raw: rawOf("GET", "/custom_fields/candidates") } : {};
      return c.json({ next, data: shaped, ...raw });
    });
  }

  const kit = createSimulator(
    {
      name: "stackone",
      auth: "basic",
      routes,
      errors: {
        unauthorized: () => envelope(401, clock()),
        rateLimited: () => envelope(429, clock()), // the kit adds Retry-After; StackOne sends no X-RateLimit-*
        serverError: (_c, status) => envelope(status, clock()),
        badRequest: (_c, message) => envelope(400, clock(), `Bad Request: ${message}`),
        notFound: (c) => envelope(404, clock(), `Cannot ${c.req.method} ${c.req.path}`),
      },
    },
    options,
  );

  seedCustomFieldDefinitions(options.customFieldDefinitions ?? STACKONE_CUSTOM_FIELD_DEFINITIONS);
  seed(options.records ?? []);

  return Object.assign(kit, {
    apiKey: options.apiKey ?? "test-key",
    seed,
    seedCustomFieldDefinitions,
    get: (id: string) => {
      const stored = store.get(id);
      return stored && readShape(stored, FULL);
    },
    all: () => [...store.values()].map((s) => readShape(s, FULL)),
    customFieldDefinitions: () =>
      [...definitions.values()].map(({ definition }) => structuredClone(definition)),
  });
}

/**
 * StackOne's rule for a body that sends both: `email` must be the value of one of the `emails` sent
 * with it (the ATS would otherwise get two answers for the main address). Compared exactly.
 */
function emailConflict(body: StackOneCandidatePatch): ValidationIssue[] {
  const { email, emails } = body;
  if (typeof email !== "string" || emails === undefined) return [];
  if (emails?.some((e) => e?.value === email)) return [];
  const expected = "must be the value of one of the emails sent with it";
  return [issue("email", "conflicts-with", expected, "emails", JSON.stringify(email), email)];
}

/**
 * StackOne's PATCH: each key sent sets its field and `null` clears it; every list, and
 * `unified_custom_fields`, is replaced whole by what is sent (list items keep the spec's keys only);
 * `hired_at` is stored as sent (GET writes it back as a UTC instant); `email` and `emails` are
 * separate fields (one sent alone leaves the other as it is); `passthrough` and unknown keys are not
 * stored. Omitted keys stay as they are.
 */
function applyPatch(candidate: StoredCandidate, body: StackOneCandidatePatch): void {
  const target = candidate as Record<string, unknown>;
  for (const key of PATCHED) {
    const value = body[key];
    if (value !== undefined) target[key] = cleanList(key, value);
  }
}
