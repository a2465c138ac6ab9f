/**
 * The Stardex simulator: a stateful in-memory fake of the persons API of specs/stardex.yaml with the
 * provider's semantics (providers/stardex.md), built on @patchwise/core's simulator kit.
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
  xRateLimitHeaders,
} from "@patchwise/core/testing";
import { issue, type ObjectSchema, type ValidationIssue, validate } from "@patchwise/diff";
import { keywords } from "@patchwise/diff/keywords";
import { CUSTOM_FIELD_KINDS } from "../custom-fields.ts";
import type {
  StardexCompanySummary,
  StardexContactValue,
  StardexCustomFieldDefinition,
  StardexJobSearch,
  StardexJobSummary,
  StardexPerson,
  StardexPersonCreate,
  StardexPersonPatch,
  StardexPersonSearch,
} from "../generated/schema.ts";
import {
  createPersonBody,
  searchJobsBody,
  searchPersonsBody,
  updatePersonBody,
} from "../generated/validation.ts";
import { LINKEDIN_PROFILE_URL } from "../person-rules.ts";
import {
  STARDEX_COMPANIES,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_JOBS,
  STARDEX_TEAM_MEMBERS,
  type StardexCatalogue,
  type StardexFieldDefinition,
  type StardexTeamMember,
  tagsOf,
} from "./catalogue.ts";
import { applyCustomFields, type CustomFieldLookup, customFieldIssues } from "./custom-values.ts";
import {
  alternative,
  CODES,
  envelope,
  MALFORMED_CODE,
  personNotFound,
  rateLimited,
  serverError,
  validationError,
} from "./errors.ts";
import {
  createdSummary,
  dedupKey,
  linkedinPublicId,
  readShape,
  type StoredPerson,
  storedFrom,
} from "./read-shape.ts";

/** Options of `createStardexSimulator`: the kit's knobs plus Stardex's data and catalogues. */
export interface StardexSimulatorOptions extends SimulatorOptions, StardexCatalogueInput {
  /** Persons to start with, in the read shape (`sampleStardexRecords` gives realistic ones). */
  records?: readonly StardexPerson[] | undefined;
  /**
   * The catalogues, each replacing its default: `customFields` (default `STARDEX_CUSTOM_FIELDS`),
   * `jobs` (`STARDEX_JOBS`), `companies` (`STARDEX_COMPANIES`), `teamMembers` (`STARDEX_TEAM_MEMBERS`).
   */
  customFields?: readonly StardexCustomFieldDefinition[] | undefined;
}

/** A running Stardex simulator: the kit's simulator plus its store and catalogues. */
export interface StardexSimulator extends Simulator {
  /** The key it accepts (`Authorization: Bearer <apiKey>`). */
  readonly apiKey: string;
  /**
   * Adds or replaces persons (by id), in the read shape. What they name that the catalogues lack
   * (a custom attribute, a tag name, a team member, a job, a company) joins the catalogues; a custom
   * value whose data type differs from its attribute's definition throws a TypeError.
   */
  seed(records: readonly StardexPerson[]): void;
  /** Adds or replaces catalogue entries (by id); a custom field of a data type outside the model throws. */
  seedCatalogue(catalogue: StardexCatalogueInput): void;
  /** A person as GET returns it; undefined when unknown. */
  get(id: string): StardexPerson | undefined;
  /** Every person as GET returns them, in search order (first created or seeded first). */
  all(): StardexPerson[];
  /** A copy of the catalogues as they are now. */
  catalogue(): StardexCatalogue;
}

/** Catalogue entries to add: any of the four lists. */
export interface StardexCatalogueInput {
  customFields?: readonly StardexCustomFieldDefinition[] | undefined;
  jobs?: readonly StardexJobSummary[] | undefined;
  companies?: readonly StardexCompanySummary[] | undefined;
  teamMembers?: readonly StardexTeamMember[] | undefined;
}

const UPDATED = "Person updated successfully"; // the docs' example message
const DEFAULT_LIMIT = 100; // spec: PersonSearch.limit default (also used where the spec claims none)

/** The generated table with `additionalProperties: false` on every object of it. */
function strict(schema: ObjectSchema): ObjectSchema {
  const out: { -readonly [K in keyof ObjectSchema]: ObjectSchema[K] } = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, strict(s)]));
    out.additionalProperties = false;
  }
  if (schema.items) out.items = strict(schema.items);
  return out;
}

// Assumed: Stardex refuses keys its DTOs do not declare (a whitelisting validator), so a body with
// `phones` for `phone_numbers`, or a read-shape key such as `data_type` in a custom field item, is a 400.
const CREATE = strict(createPersonBody);
const UPDATE = strict(updatePersonBody);
const SEARCH = strict(searchPersonsBody);
const JOB_SEARCH = strict(searchJobsBody);

/** The `id` path parameter of /v1/persons/{id}. */
const PERSON_ID: ObjectSchema = { keywords, type: "string", format: "uuid" };

/** The queries of the GET lists (the generated tables cover bodies only); other parameters are ignored. */
const COMPANY_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  properties: {
    offset: { type: "integer", minimum: 0 },
    limit: { type: "integer", minimum: 1, maximum: 100 },
  },
};
const DEFINITION_QUERY: ObjectSchema = {
  keywords,
  type: "object",
  properties: { job_id: { type: "string", format: "uuid" }, list_id: { type: "string", format: "uuid" } },
};

const LINKEDIN_EXPECTED = `must be a LinkedIn profile URL, ${LINKEDIN_PROFILE_URL}<public id>`;
const LINKEDIN_LIMIT = `${LINKEDIN_PROFILE_URL}<public id>`;

/** Labels create gives its typed values and plain lists (assumed: the docs show only `work` / `mobile`). */
const CREATE_LABELS = {
  work_email: "work",
  personal_email: "personal",
  emails: "other",
  mobile_phone: "mobile",
  work_phone: "work",
  phone_numbers: "other",
} as const;

const digits = (s: string) => s.replace(/\D/g, "");
const folded = (s: string) => s.trim().toLowerCase();

/** A query with its numeric parameters as numbers, for the schema to judge. */
function numericQuery(query: Record<string, string>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const name of names) {
    const raw = query[name];
    if (raw?.trim() && Number.isFinite(Number(raw))) out[name] = Number(raw);
  }
  return out;
}

/**
 * Creates an in-memory Stardex: create, get, search and PATCH persons, the custom field definitions,
 * jobs and companies of specs/stardex.yaml, with bearer-key auth, spec validation with Stardex's error
 * envelope, PATCH with the provider's semantics, and the kit's rate limit, faults, latency and request
 * log. Ids come from `options.seed`, timestamps from `options.now`.
 * @example
 * const sim = createStardexSimulator({ records: sampleStardexRecords(50, { seed: 1 }) });
 * const stardex = createStardexClient({ apiKey: sim.apiKey, fetch: sim.fetch });
 * const page = await unwrap(stardex.POST("/v1/persons/search", { body: { email: "ada@example.com" } }));
 */
export function createStardexSimulator(options: StardexSimulatorOptions = {}): StardexSimulator {
  const clock = options.now ?? (() => new Date());
  const store = new Map<string, StoredPerson>(); // insertion order is search order
  const definitions = new Map<string, StardexFieldDefinition>();
  const jobs = new Map<string, StardexJobSummary>();
  const companies = new Map<string, StardexCompanySummary>();
  const team = new Map<string, StardexTeamMember>();
  // The kit's seeded ids; `routes` receives them while the simulator is built, before any request.
  let uuid: () => string = () => {
    throw new Error("stardex simulator: no id source before its routes are registered");
  };

  const lookup: CustomFieldLookup = {
    definition: (id) => definitions.get(id),
    isTeamMember: (id) => team.has(id),
  };

  const seedCatalogue: StardexSimulator["seedCatalogue"] = (catalogue) => {
    for (const def of catalogue.customFields ?? []) {
      if (!Object.hasOwn(CUSTOM_FIELD_KINDS, def.data_type)) {
        const known = Object.keys(CUSTOM_FIELD_KINDS).join(", ");
        throw new TypeError(
          `seed: custom field ${def.id} has data_type ${def.data_type}, not one of ${known}`,
        );
      }
      definitions.set(def.id, structuredClone(def) as StardexFieldDefinition);
    }
    for (const job of catalogue.jobs ?? []) jobs.set(job.id, structuredClone(job));
    for (const company of catalogue.companies ?? []) companies.set(company.id, structuredClone(company));
    for (const member of catalogue.teamMembers ?? []) team.set(member.id, structuredClone(member));
  };

  /** Adds to the catalogues what a seeded person names and they lack. */
  const learn = (record: StardexPerson) => {
    for (const field of record.custom_fields ?? []) {
      const id = field.attribute_id;
      if (!Object.hasOwn(CUSTOM_FIELD_KINDS, field.data_type)) {
        throw new TypeError(
          `seed: person ${record.id} has custom field ${id} of data_type ${field.data_type}`,
        );
      }
      let def = definitions.get(id);
      if (!def) {
        const name = `Custom field ${definitions.size + 1}`;
        def = {
          id,
          name,
          description: null,
          data_type: field.data_type,
          job_id: null,
          list_id: null,
          tags: [],
        };
        definitions.set(id, def);
      }
      if (def.data_type !== field.data_type) {
        throw new TypeError(
          `seed: person ${record.id} has custom field ${id} as ${field.data_type}, defined as ${def.data_type}`,
        );
      }
      const names = field.data_type === "single-select" && field.value != null ? [field.value] : [];
      if (field.data_type === "multi-select") names.push(...(field.values ?? []));
      const known = new Set(def.tags.map((t) => t.name));
      def.tags.push(...tagsOf(id, [...new Set(names.filter((n) => !known.has(n)))]));
      if (field.data_type === "team-member") {
        for (const member of field.team_member_ids ?? []) {
          if (!team.has(member)) team.set(member, { id: member, name: "Team member", email: "" });
        }
      }
    }
    for (const candidacy of record.candidates ?? []) {
      const id = candidacy.job_id;
      if (id === undefined || jobs.has(id)) continue;
      jobs.set(id, {
        id,
        name: candidacy.job_name ?? "Job",
        is_archived: candidacy.is_archived ?? false,
        client_company_name: candidacy.job_client_company_name ?? null,
      });
    }
    const company = record.current_company_id;
    if (company && !companies.has(company)) {
      companies.set(company, { id: company, name: record.current_company_name ?? "Company" });
    }
  };

  const seed = (records: readonly StardexPerson[]) => {
    for (const record of records) {
      learn(record);
      store.set(record.id, storedFrom(record));
    }
  };

  const check = (issues: readonly ValidationIssue[]) => {
    if (issues.length) fail(validationError(issues));
  };

  /** The person of the path id: 400 for an id that is not a uuid, 404 for an unknown one. */
  const idOf = (c: SimulatorContext): string => {
    const id = c.req.param("id") ?? "";
    check(validate(PERSON_ID, id, { path: "id" }));
    return id;
  };
  const find = (id: string) => store.get(id) ?? fail(personNotFound(id));

  const companyNamed = (name: string) => {
    const key = folded(name);
    return [...companies.values()].find((c) => folded(c.name) === key);
  };

  /** A new person id: the seeded stream may repeat a seeded person's id (samples draw from the same seeds). */
  const unusedId = (): string => {
    let id = uuid();
    while (store.has(id)) id = uuid();
    return id;
  };

  const byLinkedin = (publicId: string) =>
    [...store.values()].find((p) => dedupKey(p.linkedin_public_id) === dedupKey(publicId));

  /** Adds `person` as a candidate to `job` (once per job). */
  const addCandidacy = (person: StoredPerson, job: StardexJobSummary) => {
    if (person.candidates.some((c) => c.job_id === job.id)) return;
    const candidate_id = uuid();
    person.candidates.push({
      candidate_id,
      job_id: job.id,
      job_name: job.name,
      job_client_company_name: job.client_company_name ?? null,
      current_pipeline_stage_id: null,
      current_pipeline_stage_name: null,
      is_archived: job.is_archived ?? false,
      created_at: clock().toISOString(),
    });
    person.candidate_id ??= candidate_id;
  };

  const linkedinIssue = (url: string): ValidationIssue[] =>
    linkedinPublicId(url) === undefined
      ? [issue("linkedin_url", "pattern", LINKEDIN_EXPECTED, LINKEDIN_LIMIT, JSON.stringify(url), url)]
      : [];

  const jobIssue = (id: string | undefined): ValidationIssue[] => {
    if (id === undefined || jobs.has(id)) return [];
    const expected = "must be the id of a job (POST /v1/jobs/search)";
    return [issue("job_id", "exists", expected, undefined, JSON.stringify(id))];
  };

  /** A new person, or the existing one with the same LinkedIn profile (then nothing is written). */
  function create(body: StardexPersonCreate): StoredPerson {
    const job =
      body.job_id !== undefined
        ? jobs.get(body.job_id)
        : body.job_name !== undefined
          ? [...jobs.values()].find((j) => folded(j.name) === folded(body.job_name ?? ""))
          : undefined;
    const client =
      body.client_id !== undefined
        ? companies.get(body.client_id)
        : body.client_name !== undefined
          ? companyNamed(body.client_name)
          : undefined;
    const issues = [...linkedinIssue(body.linkedin_url), ...jobIssue(body.job_id)];
    if (body.job_id === undefined && body.job_name !== undefined && !job) {
      issues.push(
        issue("job_name", "exists", "must be the title of a job", undefined, JSON.stringify(body.job_name)),
      );
    }
    if (body.client_id !== undefined && !client) {
      const expected = "must be the id of a company (GET /v1/companies)";
      issues.push(issue("client_id", "exists", expected, undefined, JSON.stringify(body.client_id)));
    }
    if (body.client_id === undefined && body.client_name !== undefined && !client) {
      const expected = "must be the name of a company (GET /v1/companies)";
      issues.push(issue("client_name", "exists", expected, undefined, JSON.stringify(body.client_name)));
    }
    check(issues);
    const publicId = linkedinPublicId(body.linkedin_url) ?? "";
    // De-duplication by LinkedIn URL (documented); what happens to the rest is not: the simulator
    // returns the existing person's summary as it is and writes nothing (no field, note or candidacy).
    const existing = byLinkedin(publicId);
    if (existing) return existing;

    const [first = null, ...rest] = body.name.trim().split(/\s+/);
    const emails: StardexContactValue[] = [];
    const phones: StardexContactValue[] = [];
    const push = (list: StardexContactValue[], label: string, value: string, key: (v: string) => string) => {
      if (!list.some((c) => key(c.value) === key(value))) list.push({ contact_data_type: label, value });
    };
    if (body.work_email) push(emails, CREATE_LABELS.work_email, body.work_email, folded);
    if (body.personal_email) push(emails, CREATE_LABELS.personal_email, body.personal_email, folded);
    for (const e of body.emails ?? []) push(emails, CREATE_LABELS.emails, e, folded);
    if (body.mobile_phone) push(phones, CREATE_LABELS.mobile_phone, body.mobile_phone, digits);
    if (body.work_phone) push(phones, CREATE_LABELS.work_phone, body.work_phone, digits);
    for (const p of body.phone_numbers ?? []) push(phones, CREATE_LABELS.phone_numbers, p, digits);

    const person: StoredPerson = {
      id: unusedId(),
      name: body.name,
      first_name: body.first_name ?? first,
      last_name: body.last_name ?? (rest.join(" ") || null),
      linkedin_public_id: publicId,
      current_job_title: body.current_job_title ?? null,
      current_company_name: body.company_name ?? null,
      current_company_id:
        body.company_name === undefined ? null : (companyNamed(body.company_name)?.id ?? null),
      linkedin_location: body.linkedin_location ?? null,
      linkedin_headline: null,
      address: null,
      emails,
      phones,
      candidate_id: null,
      external_source_id: body.external_source_id ?? null,
      work_experience: [],
      education_experience: [],
      certifications: [],
      candidates: [],
      custom: new Map(),
      client_contact_id: client ? uuid() : null,
      notes: body.notes === undefined ? [] : [body.notes],
    };
    if (job) addCandidacy(person, job);
    store.set(person.id, person);
    return person;
  }

  function update(person: StoredPerson, body: StardexPersonPatch): void {
    check([
      ...(body.linkedin_url === undefined ? [] : linkedinIssue(body.linkedin_url)),
      ...customFieldIssues(body.custom_fields ?? [], lookup),
      ...jobIssue(body.job_id),
    ]);
    // Checked as a whole first: a refused body writes nothing.
    const set = <K extends keyof StoredPerson>(key: K, value: StoredPerson[K] | undefined) => {
      if (value !== undefined) person[key] = value;
    };
    set("name", body.name);
    set("first_name", body.first_name);
    set("last_name", body.last_name);
    set("current_job_title", body.current_job_title);
    if (body.company_name !== undefined) {
      person.current_company_name = body.company_name;
      person.current_company_id = companyNamed(body.company_name)?.id ?? null;
    }
    if (body.linkedin_url !== undefined)
      person.linkedin_public_id = linkedinPublicId(body.linkedin_url) ?? null;
    set("linkedin_location", body.linkedin_location);
    set("linkedin_headline", body.linkedin_headline);
    set("address", body.address);
    // Documented: each list replaces the whole list.
    if (body.emails)
      person.emails = body.emails.map(({ contact_data_type, value }) => ({ contact_data_type, value }));
    if (body.phone_numbers) {
      person.phones = body.phone_numbers.map(({ contact_data_type, value }) => ({
        contact_data_type,
        value,
      }));
    }
    // Assumed (their overlap with the lists is undocumented): a typed single value sets the first entry
    // with its label, or adds one, after the lists are replaced.
    const upsert = (list: StardexContactValue[], label: string, value: string | undefined) => {
      if (value === undefined) return;
      const entry = list.find((c) => c.contact_data_type === label);
      if (entry) entry.value = value;
      else list.push({ contact_data_type: label, value });
    };
    upsert(person.emails, "work", body.work_email);
    upsert(person.emails, "personal", body.personal_email);
    upsert(person.phones, "mobile", body.mobile_phone);
    upsert(person.phones, "work", body.work_phone);
    if (body.custom_fields) applyCustomFields(person.custom, body.custom_fields, lookup);
    const job = body.job_id === undefined ? undefined : jobs.get(body.job_id);
    if (job) addCandidacy(person, job);
    // enrich_record starts a background job on Stardex: no state to simulate.
  }

  function matches(person: StoredPerson, filter: StardexPersonSearch): boolean {
    const { name, email, phone, linkedin_url, job_id } = filter;
    if (name !== undefined && !folded(person.name).includes(folded(name))) return false;
    if (email !== undefined && !person.emails.some((e) => folded(e.value) === folded(email))) return false;
    if (phone !== undefined) {
      const wanted = digits(phone);
      if (!wanted || !person.phones.some((p) => digits(p.value) === wanted)) return false;
    }
    if (linkedin_url !== undefined) {
      const key = dedupKey(linkedinPublicId(linkedin_url) ?? null);
      if (key === undefined || dedupKey(person.linkedin_public_id) !== key) return false;
    }
    if (job_id !== undefined && !person.candidates.some((c) => c.job_id === job_id)) return false;
    return true;
  }

  const page = <T>(all: readonly T[], offset: number, limit: number) => ({
    success: true as const,
    data: all.slice(offset, offset + limit),
    meta: { total: all.length, offset, limit },
  });

  function routes(app: SimulatorApp, sim: SimulatorRuntime) {
    uuid = sim.uuid;

    app.post("/v1/persons", async (c) => {
      const input = await jsonBody(c);
      check(validate(CREATE, input));
      return c.json({ success: true, data: createdSummary(create(input as StardexPersonCreate)) });
    });

    app.post("/v1/persons/search", async (c) => {
      const input = await jsonBody(c);
      check(validate(SEARCH, input));
      const filter = input as StardexPersonSearch;
      const { offset = 0, limit = DEFAULT_LIMIT } = filter;
      const found = [...store.values()].filter((p) => matches(p, filter));
      const result = page(found, offset, limit);
      return c.json({ ...result, data: result.data.map(readShape) });
    });

    app.get("/v1/persons/:id", (c) => c.json({ success: true, data: readShape(find(idOf(c))) }));

    app.patch("/v1/persons/:id", async (c) => {
      const id = idOf(c);
      const input = await jsonBody(c);
      check(validate(UPDATE, input));
      update(find(id), input as StardexPersonPatch);
      return c.json({ success: true, data: { message: UPDATED } });
    });

    app.get("/v1/custom-fields/persons", (c) => {
      const query = c.req.query();
      check(validate(DEFINITION_QUERY, query));
      const { job_id, list_id } = query;
      const data = [...definitions.values()].filter(
        (d) => (d.job_id == null || d.job_id === job_id) && (d.list_id == null || d.list_id === list_id),
      );
      return c.json({ success: true, data: structuredClone(data) });
    });

    app.post("/v1/jobs/search", async (c) => {
      const input = await jsonBody(c);
      check(validate(JOB_SEARCH, input));
      const { offset = 0, limit = DEFAULT_LIMIT, keywords = [], is_archived } = input as StardexJobSearch;
      const words = keywords.map(folded).filter(Boolean);
      const found = [...jobs.values()]
        .filter((j) => is_archived === undefined || (j.is_archived ?? false) === is_archived)
        .filter((j) => {
          const text = folded([j.name, j.client_company_name, j.location].filter(Boolean).join(" "));
          return words.every((w) => text.includes(w));
        })
        .map((j) => ({
          ...structuredClone(j),
          candidate_count: [...store.values()].filter((p) => p.candidates.some((x) => x.job_id === j.id))
            .length,
        }));
      return c.json(page(found, offset, limit));
    });

    app.get("/v1/companies", (c) => {
      const query = numericQuery(c.req.query(), ["offset", "limit"]);
      check(validate(COMPANY_QUERY, query));
      const { offset = 0, limit = DEFAULT_LIMIT } = query as { offset?: number; limit?: number };
      return c.json(page(structuredClone([...companies.values()]), offset, limit));
    });
  }

  const kit = createSimulator(
    {
      name: "stardex",
      auth: "bearer",
      routes,
      errors: {
        unauthorized: (_c, { reason }) =>
          envelope(
            401,
            CODES[401],
            reason === "missing" ? "Missing bearer token." : "API key not recognised.",
          ),
        rateLimited: (_c, seconds, window) => rateLimited(seconds, window),
        serverError: (_c, status) => serverError(status),
        badRequest: (_c, message) => envelope(400, MALFORMED_CODE, message),
        notFound: (c) => alternative(404, `Cannot ${c.req.method} ${c.req.path}`),
      },
      rateLimitHeaders: (window) => xRateLimitHeaders(window),
    },
    options,
  );

  seedCatalogue({
    customFields: options.customFields ?? STARDEX_CUSTOM_FIELDS,
    jobs: options.jobs ?? STARDEX_JOBS,
    companies: options.companies ?? STARDEX_COMPANIES,
    teamMembers: options.teamMembers ?? STARDEX_TEAM_MEMBERS,
  });
  seed(options.records ?? []);

  return Object.assign(kit, {
    apiKey: options.apiKey ?? "test-key",
    seed,
    seedCatalogue,
    get: (id: string) => {
      const person = store.get(id);
      return person && readShape(person);
    },
    all: () => [...store.values()].map(readShape),
    catalogue: (): StardexCatalogue =>
      structuredClone({
        customFields: [...definitions.values()],
        jobs: [...jobs.values()],
        companies: [...companies.values()],
        teamMembers: [...team.values()],
      }),
  });
}
