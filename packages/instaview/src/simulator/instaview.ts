/**
 * The Instaview simulator: a stateful in-memory fake of the candidates API of specs/instaview.yaml
 * with the provider's semantics (providers/instaview.md), built on @patchwise/core's simulator kit.
 */
import {
  createSimulator,
  fail,
  jsonBody,
  type RateLimitOptions,
  type Simulator,
  type SimulatorApp,
  type SimulatorContext,
  type SimulatorOptions,
} from "@patchwise/core/testing";
import { issue, type ObjectSchema, type ValidationIssue, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import type {
  InstaviewCandidate,
  InstaviewCandidateCreate,
  InstaviewCandidatePatch,
} from "../generated/schema.ts";
import { createCandidateBody, updateCandidateBody } from "../generated/validation.ts";
import { INSTAVIEW_COMPANY_ID, INSTAVIEW_JOBS, type InstaviewJob } from "./catalogue.ts";
import { CODES, envelope, forbidden, notFound, rateLimited, serverError, validationError } from "./errors.ts";
import { type HourWindow, hourWindow, INSTAVIEW_HOURLY_LIMIT, windowHeaders } from "./rate-limit.ts";
import {
  anonymize,
  type GdprDateFormat,
  type InstaviewSeedRecord,
  linksOf,
  readShape,
  type StoredCandidate,
  storedFrom,
} from "./read-shape.ts";

/** The scopes an Instaview key can carry. */
export type InstaviewScope = "read:candidates" | "write:candidates" | "delete:candidates";

const ALL_SCOPES: readonly InstaviewScope[] = ["read:candidates", "write:candidates", "delete:candidates"];

/** Options of `createInstaviewSimulator`: the kit's knobs plus Instaview's key, company and data. */
export interface InstaviewSimulatorOptions extends SimulatorOptions {
  /** Candidates to start with, in the read shape (`sampleInstaviewRecords` gives realistic ones). */
  records?: readonly InstaviewSeedRecord[] | undefined;
  /** The job catalogue (default `INSTAVIEW_JOBS`); seeded candidates add the jobs they name. */
  jobs?: readonly InstaviewJob[] | undefined;
  /** The company the key belongs to (default `INSTAVIEW_COMPANY_ID`, or the first of `companies`). */
  companyId?: string | undefined;
  /**
   * Makes the key a multi-company (ATS) key for these companies: every request must then choose one
   * with the `companyId` query parameter (missing: 400; another: 403).
   */
  companies?: readonly string[] | undefined;
  /** The key's scopes (default all three); an operation outside them gets 403. */
  scopes?: readonly InstaviewScope[] | undefined;
  /** A suspended key: every request gets 401 `API_KEY_SUSPENDED`. */
  suspended?: boolean | undefined;
  /** Requests per hour while a `rateLimit` (the minute window) is set (default 2000). */
  hourlyLimit?: number | undefined;
  /** How GET writes `gdprExpiryDate` (default `"date"`; `"timestamp"` for the vendor's planned timestamptz). */
  gdprDateFormat?: GdprDateFormat | undefined;
}

/** A running Instaview simulator: the kit's simulator plus its store. */
export interface InstaviewSimulator extends Simulator {
  /** The key it accepts (`Authorization: Bearer <apiKey>`). */
  readonly apiKey: string;
  /** The company of its key (the default one of a multi-company key). */
  readonly companyId: string;
  /** Adds or replaces candidates (by id), in the read shape; their unknown job ids join the catalogue. */
  seed(records: readonly InstaviewSeedRecord[]): void;
  /** Adds or replaces jobs of the catalogue. */
  seedJobs(jobs: readonly InstaviewJob[]): void;
  /** A candidate as GET returns it, whatever its company; undefined when unknown or deleted. */
  get(id: string): InstaviewCandidate | undefined;
  /** Every candidate, of every company, as GET returns them, in list order. */
  all(): InstaviewCandidate[];
  /** The job catalogue, each job with its company. */
  jobs(): Required<Pick<InstaviewJob, "id" | "companyId">>[];
  /** Replaces the minute window (and restarts the hour window); `undefined` for no limit. */
  setRateLimit(rateLimit: RateLimitOptions | undefined): void;
}

/** What the store keeps of a candidate. */
interface Entry {
  companyId: string;
  candidate: StoredCandidate;
}

/** The `id` path parameter of /candidates/{id}. */
const CANDIDATE_ID: ObjectSchema = { keywords, type: "string", format: "uuid" };

const body = (name: string): ObjectSchema => updateCandidateBody.properties?.[name] ?? {};

/** The query of GET /candidates (the generated tables cover bodies only). */
const LIST_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  properties: {
    companyId: { type: "string", minLength: 1 },
    page: { type: "integer", minimum: 1 },
    limit: { type: "integer", minimum: 1, maximum: 100 },
    jobId: { type: "string", format: "uuid" },
    status: body("status"),
    email: body("email"),
  },
};

const DEFAULT_LIMIT = 20; // spec: Limit default
const METADATA_MAX_KEYS = 50; // counted over all levels (MetadataWrite, x-patchwise-assumed)

/** Every key of every object in `value`, at all levels. */
function keyCount(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Object.values(value);
  return children.reduce<number>((n, v) => n + keyCount(v), Array.isArray(value) ? 0 : children.length);
}

/** Issues of a body against a generated table, plus metadata's 50 keys over all levels. */
function bodyIssues(schema: ObjectSchema, value: unknown, now: Date): ValidationIssue[] {
  const issues = validate(schema, value, { now });
  const metadata = (value as { metadata?: unknown } | null)?.metadata;
  if (typeof metadata === "object" && metadata !== null && !Array.isArray(metadata)) {
    const keys = keyCount(metadata);
    if (Object.keys(metadata).length <= METADATA_MAX_KEYS && keys > METADATA_MAX_KEYS) {
      const expected = `must have at most ${METADATA_MAX_KEYS} keys over all levels`;
      issues.push(issue("metadata", "max-keys", expected, METADATA_MAX_KEYS, keys));
    }
  }
  return issues;
}

/**
 * Creates an in-memory Instaview: GET/POST /candidates, GET/PATCH/DELETE /candidates/{id} (also under
 * `/v1/public`), with bearer-key auth, company isolation, scopes, spec validation with Instaview's
 * error envelope, PATCH with the provider's semantics, and the kit's rate limit, faults, latency and
 * request log. Ids come from `options.seed`, timestamps from `options.now`.
 * @example
 * const sim = createInstaviewSimulator({ records: sampleInstaviewRecords(50, { seed: 1 }) });
 * const instaview = createInstaviewClient({ apiKey: sim.apiKey, fetch: sim.fetch });
 * const page = await unwrap(instaview.GET("/candidates", { params: { query: { limit: 100 } } }));
 */
export function createInstaviewSimulator(options: InstaviewSimulatorOptions = {}): InstaviewSimulator {
  const clock = options.now ?? (() => new Date());
  const companies = options.companies;
  const keyCompany = options.companyId ?? companies?.[0] ?? INSTAVIEW_COMPANY_ID;
  const scopes = new Set(options.scopes ?? ALL_SCOPES);
  const format = options.gdprDateFormat ?? "date";
  const hourly = options.hourlyLimit ?? INSTAVIEW_HOURLY_LIMIT;
  let hours: HourWindow | undefined = options.rateLimit && hourWindow(hourly);

  const store = new Map<string, Entry>(); // insertion order is list order
  const jobs = new Map<string, { companyId: string }>();

  const seedJobs = (list: readonly InstaviewJob[]) => {
    for (const job of list) jobs.set(job.id, { companyId: job.companyId ?? keyCompany });
  };
  const seed = (records: readonly InstaviewSeedRecord[]) => {
    for (const record of records) {
      const companyId = record.companyId ?? keyCompany;
      for (const id of record.jobIds) {
        const owner = jobs.get(id)?.companyId;
        if (owner === undefined) jobs.set(id, { companyId });
        else if (owner !== companyId) {
          throw new TypeError(
            `seed: candidate ${record.id} of company ${companyId} names job ${id} of company ${owner}`,
          );
        }
      }
      store.set(record.id, { companyId, candidate: storedFrom(record) });
    }
  };

  const need = (scope: InstaviewScope) => {
    if (!scopes.has(scope)) fail(forbidden(`The API key lacks the scope ${scope}`, clock()));
  };

  /** The company a request acts on: the key's, or the `companyId` a multi-company key chose. */
  const companyOf = (c: SimulatorContext): string => {
    if (!companies) return keyCompany;
    const asked = c.req.query("companyId");
    if (!asked) {
      const expected = "is required for a multi-company (ATS) API key";
      fail(validationError([issue("companyId", "required", expected, "companyId", null)], clock()));
    }
    if (!companies.includes(asked)) fail(forbidden(`The API key has no access to company ${asked}`, clock()));
    return asked;
  };

  const check = (issues: ValidationIssue[]) => {
    if (issues.length) fail(validationError(issues, clock()));
  };

  /** The candidate of a path id in the request's company: 400 for a bad id, 404 unknown, 403 another company's. */
  const find = (c: SimulatorContext, company: string): StoredCandidate => {
    const id = c.req.param("id") ?? "";
    check(validate(CANDIDATE_ID, id, { path: "id" }));
    const entry = store.get(id) ?? fail(notFound(`Candidate ${id} not found`, clock()));
    if (entry.companyId !== company) {
      fail(forbidden("The candidate belongs to a different company", clock()));
    }
    return entry.candidate;
  };

  /** Job ids must exist (else 400) and belong to the company (else 403). */
  const checkJobs = (ids: readonly string[] | undefined, company: string) => {
    const at = (i: number) => `jobIds[${i}]`;
    const unknown = (ids ?? []).flatMap((id, i) => (jobs.has(id) ? [] : [[id, i] as const]));
    check(
      unknown.map(([id, i]) => issue(at(i), "exists", "must be the id of an existing job", undefined, id)),
    );
    const foreign = (ids ?? []).flatMap((id, i) => (jobs.get(id)?.companyId === company ? [] : [at(i)]));
    if (foreign.length) {
      const details = foreign.map((field) => ({ field, message: `${field}: belongs to another company` }));
      fail(forbidden("Job IDs reference jobs from other companies", clock(), details));
    }
  };

  const readOne = (candidate: StoredCandidate) => readShape(candidate, format);

  function routes(app: SimulatorApp, runtime: { uuid(): string }) {
    // After the kit's auth, faults and minute window: a suspended key, then the hour window.
    app.use(async (_c, next) => {
      const now = clock();
      if (options.suspended) return envelope(401, "API_KEY_SUSPENDED", "The API key is suspended", now);
      const taken = hours?.take(+now);
      if (taken?.retryAfterSeconds !== undefined) {
        const response = rateLimited(taken.retryAfterSeconds, taken.state, now);
        response.headers.set("Retry-After", String(taken.retryAfterSeconds));
        return response;
      }
      await next();
    });

    for (const prefix of ["", "/v1/public"]) {
      app.get(`${prefix}/candidates`, (c) => {
        need("read:candidates");
        const company = companyOf(c);
        const query: Record<string, unknown> = { ...c.req.query() };
        for (const name of ["page", "limit"]) {
          const raw = query[name];
          if (typeof raw === "string" && raw.trim() && Number.isFinite(Number(raw)))
            query[name] = Number(raw);
        }
        check(validate(LIST_QUERY, query));
        const {
          page = 1,
          limit = DEFAULT_LIMIT,
          jobId,
          status,
          email,
        } = query as {
          page?: number;
          limit?: number;
          jobId?: string;
          status?: string;
          email?: string;
        };
        const matches = [...store.values()].filter(
          (e) =>
            e.companyId === company &&
            (jobId === undefined || e.candidate.jobIds.includes(jobId)) &&
            (status === undefined || e.candidate.status === status) &&
            // Assumed: addresses match whatever their case (the search's rules are not public).
            (email === undefined || e.candidate.email?.toLowerCase() === email.toLowerCase()),
        );
        const data = matches.slice((page - 1) * limit, page * limit).map((e) => readOne(e.candidate));
        const totalPages = Math.ceil(matches.length / limit);
        return c.json({ data, total: matches.length, page, limit, totalPages });
      });

      app.post(`${prefix}/candidates`, async (c) => {
        need("write:candidates");
        const company = companyOf(c);
        const input = await jsonBody(c);
        const given = (input ?? {}) as Partial<InstaviewCandidateCreate>;
        const contact = given.email === undefined && given.phoneNumber === undefined;
        // The anyOf "email or phoneNumber" says only "one of 2 shapes": name the fields instead.
        const issues = bodyIssues(createCandidateBody, input, clock()).filter((i) => i.rule !== "anyOf");
        if (contact && typeof input === "object" && input !== null && !Array.isArray(input)) {
          issues.push(issue("email", "required", "email or phoneNumber is required", undefined, null));
        }
        check(issues);
        const create = input as InstaviewCandidateCreate;
        checkJobs(create.jobIds, company);
        // The seeded stream may repeat a seeded candidate's id.
        let id = runtime.uuid();
        while (store.has(id)) id = runtime.uuid();
        const now = clock().toISOString();
        const jobIds = [...new Set(create.jobIds ?? [])];
        const candidate: StoredCandidate = {
          id,
          firstName: create.firstName,
          lastName: create.lastName,
          // Assumed: the pages give no default status; UNDEFINED is the enum's "not set".
          status: create.status ?? "UNDEFINED",
          createdAt: now,
          updatedAt: now,
          jobId: jobIds[0] ?? null,
          jobIds,
          email: create.email ?? null,
          phoneNumber: create.phoneNumber ?? null,
          gdprExpiryDate: create.gdprExpiryDate,
          overallRating: null,
          metadata: structuredClone(create.metadata ?? {}),
          analysisCount: 0,
          interviewCount: 0,
          links: linksOf(id),
          gender: create.gender ?? null,
          cvText:
            create.cvText === undefined
              ? null
              : anonymize(create.cvText, [create.firstName, create.lastName]),
        };
        store.set(id, { companyId: company, candidate });
        return c.json(readOne(candidate), 201);
      });

      app.get(`${prefix}/candidates/:id`, (c) => {
        need("read:candidates");
        return c.json(readOne(find(c, companyOf(c))));
      });

      app.patch(`${prefix}/candidates/:id`, async (c) => {
        need("write:candidates");
        const company = companyOf(c);
        const input = await jsonBody(c);
        check(bodyIssues(updateCandidateBody, input, clock()));
        const candidate = find(c, company);
        const patch = input as InstaviewCandidatePatch;
        checkJobs(patch.jobIds, company);
        applyPatch(candidate, patch);
        candidate.updatedAt = clock().toISOString();
        return c.json(readOne(candidate));
      });

      app.delete(`${prefix}/candidates/:id`, (c) => {
        need("delete:candidates");
        const candidate = find(c, companyOf(c));
        store.delete(candidate.id);
        return c.json(true);
      });
    }
  }

  const kit = createSimulator(
    {
      name: "instaview",
      auth: "bearer",
      routes,
      errors: {
        unauthorized: (_c, { reason }) =>
          envelope(401, CODES[401], reason === "missing" ? "API key is missing" : "Invalid API key", clock()),
        rateLimited: (_c, seconds, window) => rateLimited(seconds, window, clock()),
        serverError: (_c, status) => serverError(status, clock()),
        badRequest: (_c, message) => envelope(400, CODES[400], message, clock()),
        notFound: (c) => notFound(`Cannot ${c.req.method} ${c.req.path}`, clock()),
      },
      rateLimitHeaders: (minute) => {
        const now = clock();
        const hour = hours?.peek(+now);
        return { ...windowHeaders(minute, "Minute", now), ...(hour && windowHeaders(hour, "Hour", now)) };
      },
    },
    options,
  );

  seedJobs(options.jobs ?? INSTAVIEW_JOBS);
  seed(options.records ?? []);
  const setMinuteWindow = kit.setRateLimit;

  return Object.assign(kit, {
    apiKey: options.apiKey ?? "test-key",
    companyId: keyCompany,
    seed,
    seedJobs,
    get: (id: string) => {
      const entry = store.get(id);
      return entry && readOne(entry.candidate);
    },
    all: () => [...store.values()].map((e) => readOne(e.candidate)),
    jobs: () => [...jobs].map(([id, { companyId }]) => ({ id, companyId })),
    setRateLimit: (rateLimit: RateLimitOptions | undefined) => {
      setMinuteWindow(rateLimit);
      hours = rateLimit && hourWindow(hourly);
    },
  });
}

/**
 * Instaview's PATCH: each key sets its field; `jobIds` replaces the assignments (a set; the deprecated
 * `jobId` follows the first), `metadata` replaces the object whole, `gender: null` returns to
 * auto-detection, `cvText` is stored anonymized. Omitted keys stay as they are.
 */
function applyPatch(candidate: StoredCandidate, patch: InstaviewCandidatePatch): void {
  const names = [candidate.firstName, candidate.lastName, patch.firstName ?? "", patch.lastName ?? ""];
  if (patch.firstName !== undefined) candidate.firstName = patch.firstName;
  if (patch.lastName !== undefined) candidate.lastName = patch.lastName;
  if (patch.email !== undefined) candidate.email = patch.email;
  if (patch.phoneNumber !== undefined) candidate.phoneNumber = patch.phoneNumber;
  if (patch.gdprExpiryDate !== undefined) candidate.gdprExpiryDate = patch.gdprExpiryDate;
  if (patch.status !== undefined) candidate.status = patch.status;
  if (patch.jobIds !== undefined) {
    candidate.jobIds = [...new Set(patch.jobIds)];
    candidate.jobId = candidate.jobIds[0] ?? null;
  }
  if (patch.metadata !== undefined) candidate.metadata = structuredClone(patch.metadata);
  if (patch.gender !== undefined) candidate.gender = patch.gender;
  if (patch.cvText !== undefined) {
    candidate.cvText = anonymize(patch.cvText, names); // the names it had and the names it gets
  }
}
