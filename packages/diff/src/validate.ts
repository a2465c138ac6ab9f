/** One way a body breaks its schema or its provider's rules. */
export interface ValidationIssue {
  /** Where: `emails[3]`, `customFieldValues.grp_1.Score`; `""` is the body itself. */
  path: string;
  /** The rule broken: "maxLength", "pattern", "type", "future-date", "not-nullable", ... */
  rule: string;
  /** The limit broken, when the rule has one. */
  limit?: string | number;
  /** The whole line: where, what was expected, what was received. */
  message: string;
  /** A short excerpt (≤ 40 characters) of the value received. */
  value?: string;
}

export type SchemaType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/**
 * The validation table of a body: a compact, JSON-serialisable subset of JSON Schema (what the
 * generator emits from the OpenAPI specs), plus `futureDate`, `maxBytes` (of the JSON, in UTF-8) and
 * `maxDepth` (nesting levels of objects and arrays: `{ a: 1 }` is 1 deep).
 */
export interface ObjectSchema {
  type?: SchemaType | readonly SchemaType[];
  properties?: { readonly [name: string]: ObjectSchema };
  required?: readonly string[];
  additionalProperties?: boolean | ObjectSchema;
  items?: ObjectSchema;
  enum?: readonly (string | number | boolean | null)[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Checked: "date", "date-time", "email", "uri", "uuid"; others are accepted as is. */
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  anyOf?: readonly ObjectSchema[];
  oneOf?: readonly ObjectSchema[];
  /** A date (or date-time) strictly after today (UTC). */
  futureDate?: true;
  maxBytes?: number;
  maxDepth?: number;
}

export interface ValidateOptions {
  /** "Today" for `futureDate`; default `new Date()`. */
  now?: Date;
  /** The path of `value` itself, prefixed to every issue's path. */
  path?: string;
}

/** `YYYY-MM-DD` naming a real day: it prints back the same (2023-02-29 would print 03-01; 13-01 prints null). */
const isDate = (s: string): boolean => /^\d{4}-\d\d-\d\d$/.test(s) && !!new Date(s).toJSON()?.startsWith(s);

const FORMATS: Record<string, (s: string) => unknown> = {
  date: isDate,
  // RFC 3339 shape; Date.parse rejects out-of-range minutes, seconds and offsets (and leap seconds).
  "date-time": (s) =>
    /^.{10}t([01]\d|2[0-3])(:\d\d){2}(\.\d+)?(z|[+-]\d\d:\d\d)$/i.test(s) &&
    isDate(s.slice(0, 10)) &&
    new Date(s).toJSON(),
  email: (s) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s),
  uri: (s) => /^[a-z][a-z\d+.-]*:/i.test(s) && URL.canParse(s),
  uuid: (s) => /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(s),
};

const REGEXES = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let r = REGEXES.get(source);
  if (!r) {
    try {
      r = new RegExp(source, "u");
    } catch {
      // Not valid with the `u` flag (e.g. `\-` outside a class): JSON Schema patterns are plain ECMA-262.
      r = new RegExp(source);
    }
    REGEXES.set(source, r);
  }
  return r;
}

/** The JSON type of a value, "integer" for whole numbers. */
const typeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;

/** An integer is a number too. */
const fits = (type: string, t: string) => type === t || (type === "number" && t === "integer");

const depthOf = (v: unknown): number =>
  typeof v === "object" && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

/** A keyword's verdict on a value: nothing when it holds, else [what was expected, what was received, the limit]. */
type Keyword = (limit: never, v: unknown, t: string, now: Date) => [string, unknown?, unknown?] | undefined;

/** A minimum or maximum on a size of values of one JSON type ("" for any). */
const bound =
  (max: boolean, type: string, unit: string, size: (v: never) => number): Keyword =>
  (limit: number, v, t) => {
    const n = !type || fits(type, t) ? size(v as never) : Number.NaN;
    if (max ? n > limit : n < limit) return [`must be at ${max ? "most" : "least"} ${limit}${unit}`, n];
  };

const length = (s: string) => [...s].length; // code points, as JSON Schema counts
const count = (v: object) => Object.keys(v).length;

/** The keywords that judge a value on its own (the others walk into it), by the rule name issues carry. */
const KEYWORDS: Record<string, Keyword> = {
  enum: (allowed: readonly unknown[], v) => {
    if (allowed.includes(v)) return;
    const list = allowed.map((e) => JSON.stringify(e)).join(", ");
    return [`must be one of ${list}`, undefined, list];
  },
  minLength: bound(false, "string", " characters", length),
  maxLength: bound(true, "string", " characters", length),
  minimum: bound(false, "number", "", Number),
  maximum: bound(true, "number", "", Number),
  minItems: bound(false, "array", " items", count),
  maxItems: bound(true, "array", " items", count),
  maxProperties: bound(true, "object", " properties", count),
  "max-bytes": bound(true, "", " bytes as JSON", (v) => {
    const json = JSON.stringify(v) ?? "";
    // ASCII is a byte a character: encode only when there is more.
    return /[^\0-\x7f]/.test(json) ? new TextEncoder().encode(json).length : json.length;
  }),
  "max-depth": bound(true, "", " levels deep", depthOf),
  pattern: (source: string, v, t) => {
    if (t === "string" && !regex(source).test(v as string)) return [`must match ${source}`];
  },
  format: (format: string, v, t) => {
    const valid = FORMATS[format];
    if (t === "string" && valid && !valid(v as string)) return [`must be a valid ${format}`];
  },
  "future-date": (_: true, v, t, now) => {
    const today = now.toISOString().slice(0, 10);
    const s = v as string;
    if (t === "string" && (s.length > 10 ? !(Date.parse(s) > +now) : s <= today)) {
      return [`must be a date after ${today}`, undefined, today];
    }
  },
};

/** Schema keys whose rule has another name in issues. */
const RULE: Record<string, string> = {
  maxBytes: "max-bytes",
  maxDepth: "max-depth",
  futureDate: "future-date",
};

/**
 * A short excerpt of a value for issue messages: the string itself or its JSON, at most 40 characters.
 * @example excerpt("x".repeat(50)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 */
export function excerpt(v: unknown): string {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/**
 * One issue: where, the rule, what was expected and (unless `got` is null) what was received.
 * @example issue("emails[3]", "maxLength", "must be at most 254 characters", 254, 301)
 * // { path: "emails[3]", rule: "maxLength", limit: 254, message: "emails[3]: must be at most 254 characters (got 301)" }
 */
export function issue(
  path: string,
  rule: string,
  expected: string,
  limit?: string | number,
  got?: unknown,
  value?: unknown,
): ValidationIssue {
  const found: ValidationIssue = { path, rule, message: `${path || "(body)"}: ${expected}` };
  if (got !== null) found.message += ` (got ${got})`;
  if (limit !== undefined) found.limit = limit;
  if (value !== undefined) found.value = excerpt(value);
  return found;
}

/** A schema node read once: its types and the keywords that judge a value on its own, with their limits. */
interface Plan {
  types: readonly string[];
  keywords: readonly [rule: string, keyword: Keyword, limit: unknown][];
}

const PLANS = new WeakMap<ObjectSchema, Plan>();
const COMBINATORS = ["anyOf", "oneOf"] as const;

function planOf(s: ObjectSchema): Plan {
  let plan = PLANS.get(s);
  if (!plan) {
    const keywords: [string, Keyword, unknown][] = [];
    for (const key in s) {
      const rule = RULE[key] ?? key;
      const keyword = KEYWORDS[rule];
      if (keyword) keywords.push([rule, keyword, s[key as keyof ObjectSchema]]);
    }
    plan = { types: [s.type ?? []].flat(), keywords };
    PLANS.set(s, plan);
  }
  return plan;
}

function check(s: ObjectSchema, v: unknown, p: string, now: Date, out: ValidationIssue[]): void {
  const t = typeOf(v);
  const at = (k: string | number) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${k}` : k);
  // What was received: the value itself unless told (quoted when it is a string).
  const add = (
    rule: string,
    expected: string,
    limit?: unknown,
    got: unknown = typeof v === "string" ? JSON.stringify(excerpt(v)) : excerpt(v),
  ) => out.push(issue(p, rule, expected, limit as string | number | undefined, got, v));

  const { types, keywords } = planOf(s);
  if (types.length && !types.some((w) => fits(w, t))) {
    add("type", `must be ${types.join(" or ")}`, types.join("|"), t);
    return;
  }
  for (const [rule, keyword, limit] of keywords) {
    const failed = keyword(limit as never, v, t, now);
    if (failed) add(rule, failed[0], failed[2] ?? limit, failed[1]);
  }
  for (const rule of COMBINATORS) {
    const list = s[rule];
    if (!list?.length) continue;
    const branch = (b: ObjectSchema) => validate(b, v, { now, path: p });
    // The verdict first, with no issues built for a branch whose type cannot fit (most of them).
    const passed = list.filter((b) => {
      const { types } = planOf(b);
      return (!types.length || types.some((w) => fits(w, t))) && !branch(b).length;
    }).length;
    if (rule === "anyOf" ? passed : passed === 1) continue;
    const results = list.map(branch);
    // Nothing matched: the issues of the one branch whose type fits say the most, if there is one.
    const typed = results.filter((r) => !r.some((i) => i.path === p && i.rule === "type"));
    if (!passed && typed.length === 1) out.push(...typed[0]!);
    else
      add(
        rule,
        `must match ${rule === "oneOf" ? "exactly " : ""}one of ${list.length} shapes`,
        list.length,
        passed ? `${passed} matches` : undefined,
      );
  }
  if (t === "array") {
    const items = s.items;
    const list = v as unknown[];
    if (items) for (let i = 0; i < list.length; i++) check(items, list[i], at(i), now, out);
  } else if (t === "object") {
    const o = v as Record<string, unknown>;
    const props = s.properties ?? {};
    const extra = s.additionalProperties;
    if (s.required)
      for (const k of s.required)
        if (o[k] === undefined) out.push(issue(at(k), "required", "is required", k, null));
    for (const k in o) {
      const sub = Object.hasOwn(props, k) ? props[k] : typeof extra === "object" ? extra : undefined;
      if (sub) check(sub, o[k], at(k), now, out);
      else if (extra === false) {
        const allowed = Object.keys(props).join(", ");
        const expected = `is not allowed${allowed && ` (allowed: ${allowed})`}`;
        out.push(issue(at(k), "additionalProperties", expected, undefined, null, o[k]));
      }
    }
  }
}

/**
 * Checks `value` against `schema` and lists every issue (an empty list when valid). String lengths
 * count code points; unknown formats are accepted. Each schema object is read once and remembered:
 * treat a schema as frozen once it has validated something.
 * @example
 * validate({ type: "array", maxItems: 1, items: { type: "string", maxLength: 3 } }, ["abcd"])
 * // [{ path: "[0]", rule: "maxLength", limit: 3, message: "[0]: must be at most 3 characters (got 4)", value: "abcd" }]
 */
export function validate(
  schema: ObjectSchema,
  value: unknown,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  check(schema, value, options.path ?? "", options.now ?? new Date(), out);
  return out;
}
