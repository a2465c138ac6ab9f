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

/** What a keyword check is handed besides its limit, the value and where it is. */
export interface CheckContext {
  /** "Today", for `futureDate`. */
  now: Date;
  /** The keyword checks of the schema being validated. */
  keywords: Keywords;
  /** Where issues go. */
  out: ValidationIssue[];
}

/**
 * A keyword's check: `limit` is the keyword's value in the schema, `type` the JSON type of `value`
 * ("integer" for whole numbers). It pushes an issue per failure to `c.out` (`fail` builds one).
 */
export type Keyword = (limit: never, value: never, type: string, path: string, c: CheckContext) => void;

/** Keyword checks by schema key; a `format` is looked up by its name ("date-time", "uuid"). */
export type Keywords = { readonly [keyword: string]: Keyword };

/**
 * The validation table of a body: a compact, JSON-serialisable subset of JSON Schema (what the
 * generator emits from the OpenAPI specs), plus `futureDate`, `maxBytes` (of the JSON, in UTF-8),
 * `maxDepth` (nesting levels of objects and arrays: `{ a: 1 }` is 1 deep) and, at the root, the
 * `keywords` whose checks it needs (see `@patchwise/diff/keywords`): a bundle holds only those.
 * `type`, `properties`, `required`, `additionalProperties` and `items` need none.
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
  /** "date", "date-time", "email", "uri", "uuid", or one of your own `keywords`. */
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  /** The schema every key of an object must satisfy. */
  propertyNames?: ObjectSchema;
  anyOf?: readonly ObjectSchema[];
  oneOf?: readonly ObjectSchema[];
  /** A date (or date-time) strictly after today (UTC). */
  futureDate?: true;
  maxBytes?: number;
  maxDepth?: number;
  /** The checks of every other keyword this schema uses, read at the root (`validate`'s schema). */
  keywords?: Keywords;
}

export interface ValidateOptions {
  /** "Today" for `futureDate`; default `new Date()`. */
  now?: Date;
  /** The path of `value` itself, prefixed to every issue's path. */
  path?: string;
}

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

/**
 * Pushes the issue of a keyword check: `got` is what was received, the value itself unless told
 * (quoted when it is a string).
 * @example
 * // A check of your own, named in a schema's keywords as `even: true` is:
 * const even: Keyword = (_: true, v: number, t, p, c) => {
 *   if (t === "integer" && v % 2) fail(c, p, "even", "must be even", undefined, v); // "(body): must be even (got 3)"
 * };
 */
export function fail(
  c: CheckContext,
  path: string,
  rule: string,
  expected: string,
  limit: unknown,
  v: unknown,
  got: unknown = typeof v === "string" ? JSON.stringify(excerpt(v)) : excerpt(v),
): void {
  c.out.push(issue(path, rule, expected, limit as string | number, got, v));
}

/** The JSON type of a value, "integer" for whole numbers. */
const typeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;

/** Whether a value of JSON type `t` is a `type` (an integer is a number too). */
export const fits = (type: string, t: string): boolean =>
  type === t || (type === "number" && t === "integer");

/** The path of key `k` of the value at `p`. */
const at = (p: string, k: string) => (p ? `${p}.${k}` : k);

/** A schema node read once: its types, then each keyword check with its limit. */
type Plan = [types: readonly string[], checks: readonly (readonly [Keyword, unknown])[]];

const PLANS = new WeakMap<ObjectSchema, Plan>();

/** The plan of a node; throws naming the keyword when the schema's `keywords` lack its check. */
export function planOf(s: ObjectSchema, c: CheckContext, p: string): Plan {
  let plan = PLANS.get(s);
  if (!plan) {
    const checks: [Keyword, unknown][] = [];
    for (const k in s) {
      if (/^(type|properties|required|additionalProperties|items|keywords)$/.test(k)) continue;
      const limit = s[k as keyof ObjectSchema];
      const name = k === "format" ? (limit as string) : k;
      const check = Object.hasOwn(c.keywords, name) ? c.keywords[name] : undefined;
      if (!check) {
        throw new Error(`validate: no check for ${name} at ${p || "(body)"} (see @patchwise/diff/keywords)`);
      }
      checks.push([check, limit]);
    }
    plan = [[s.type ?? []].flat(), checks];
    PLANS.set(s, plan);
  }
  return plan;
}

/** Checks `v` against `s` at `p`, pushing each issue to `c.out`. */
export function check(s: ObjectSchema, v: unknown, p: string, c: CheckContext): void {
  const t = typeOf(v);
  const [types, checks] = planOf(s, c, p);
  if (types.length && !types.some((w) => fits(w, t))) {
    fail(c, p, "type", `must be ${types.join(" or ")}`, types.join("|"), v, t);
    return;
  }
  for (const [keyword, limit] of checks) keyword(limit as never, v as never, t, p, c);
  if (t === "array") {
    const list = v as unknown[];
    if (s.items) for (let i = 0; i < list.length; i++) check(s.items, list[i], `${p}[${i}]`, c);
  } else if (t === "object") {
    const o = v as Record<string, unknown>;
    const { properties: props, additionalProperties: extra } = s;
    if (s.required)
      for (const k of s.required)
        if (o[k] === undefined) fail(c, at(p, k), "required", "is required", k, o[k], null);
    for (const k in o) {
      const sub = props && Object.hasOwn(props, k) ? props[k] : extra;
      if (typeof sub === "object") check(sub, o[k], at(p, k), c);
      else if (sub === false) {
        const allowed = Object.keys(props ?? {}).join(", ");
        fail(
          c,
          at(p, k),
          "additionalProperties",
          `is not allowed${allowed && ` (allowed: ${allowed})`}`,
          undefined,
          o[k],
          null,
        );
      }
    }
  }
}

/**
 * Checks `value` against `schema` and lists every issue (an empty list when valid). String lengths
 * count code points. Keywords other than `type`, `properties`, `required`, `additionalProperties`
 * and `items` are checked by the schema's `keywords`; one missing throws, naming it. Each schema
 * object is read once and remembered: treat a schema as frozen once it has validated something.
 * @example
 * import { maxItems, maxLength } from "@patchwise/diff/keywords";
 * const schema = { keywords: { maxItems, maxLength }, type: "array", maxItems: 1, items: { type: "string", maxLength: 3 } };
 * validate(schema, ["abcd"])
 * // [{ path: "[0]", rule: "maxLength", limit: 3, message: "[0]: must be at most 3 characters (got 4)", value: "abcd" }]
 */
export function validate(
  schema: ObjectSchema,
  value: unknown,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const c: CheckContext = { now: options.now ?? new Date(), keywords: schema.keywords ?? {}, out: [] };
  check(schema, value, options.path ?? "", c);
  return c.out;
}
