/**
 * The keyword checks of `validate`, one export each, so that a bundle holds only those its schemas
 * name in their `keywords` (the generated tables list theirs). `keywords` has them all, for schemas
 * written by hand where size does not matter (simulators, tests).
 */
import { type CheckContext, check, fail, fits, type Keyword, type Keywords, planOf } from "./validate.ts";

export { type CheckContext, fail, type Keyword, type Keywords };

// Code points, as JSON Schema counts: only a string with a high surrogate is split to count them.
const length = (s: string) => (/[\uD800-\uDBFF]/.test(s) ? [...s].length : s.length);
const count = (v: object) => Object.keys(v).length;

/** A minimum or maximum on a size of values of one JSON type ("" for any): one message for all. */
const bound =
  (rule: string, max: boolean, type: string, unit: string, size: (v: never) => number): Keyword =>
  (limit: number, v, t, p, c) => {
    if (type && !fits(type, t)) return;
    const n = size(v);
    if (max ? n > limit : n < limit)
      fail(c, p, rule, `must be at ${max ? "most" : "least"} ${limit}${unit}`, limit, v, n);
  };

/** `minLength`: at least so many characters (code points). */
export const minLength = /* @__PURE__ */ bound("minLength", false, "string", " characters", length);
/** `maxLength`: at most so many characters (code points). */
export const maxLength = /* @__PURE__ */ bound("maxLength", true, "string", " characters", length);
/** `minimum`: a number at least this. */
export const minimum = /* @__PURE__ */ bound("minimum", false, "number", "", Number);
/** `maximum`: a number at most this. */
export const maximum = /* @__PURE__ */ bound("maximum", true, "number", "", Number);
/** `minItems`: an array of at least so many items. */
export const minItems = /* @__PURE__ */ bound("minItems", false, "array", " items", count);
/** `maxItems`: an array of at most so many items. */
export const maxItems = /* @__PURE__ */ bound("maxItems", true, "array", " items", count);
/** `maxProperties`: an object of at most so many keys. */
export const maxProperties = /* @__PURE__ */ bound("maxProperties", true, "object", " properties", count);
/** `maxBytes` (rule "max-bytes"): the value's JSON at most so many bytes in UTF-8. */
export const maxBytes = /* @__PURE__ */ bound("max-bytes", true, "", " bytes as JSON", (v) => {
  const json = JSON.stringify(v) ?? "";
  // ASCII is a byte a character: encode only when there is more.
  return /[^\0-\x7f]/.test(json) ? new TextEncoder().encode(json).length : json.length;
});
const depthOf = (v: unknown): number =>
  typeof v === "object" && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
/** `maxDepth` (rule "max-depth"): objects and arrays nested at most so many levels (`{ a: 1 }` is 1). */
export const maxDepth = /* @__PURE__ */ bound("max-depth", true, "", " levels deep", depthOf);

/** `enum`: one of the listed values (exported as `enumValues`: `enum` is a reserved word). */
export const enumValues: Keyword = (allowed: readonly unknown[], v, _, p, c) => {
  if (allowed.includes(v)) return;
  const list = allowed.map((e) => JSON.stringify(e)).join(", ");
  fail(c, p, "enum", `must be one of ${list}`, list, v);
};

const REGEXES = new Map<string, RegExp>();

/** `pattern`: a string the regular expression matches (unanchored unless anchored). */
export const pattern: Keyword = (source: string, v: string, t, p, c) => {
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
  if (t === "string" && !r.test(v)) fail(c, p, "pattern", `must match ${source}`, source, v);
};

/** A format check, under the format's name in `keywords`; issues carry the rule "format". */
const format =
  (valid: (s: string) => unknown): Keyword =>
  (name: string, v: string, t, p, c) => {
    if (t === "string" && !valid(v)) fail(c, p, "format", `must be a valid ${name}`, name, v);
  };

/** `YYYY-MM-DD` naming a real day: it prints back the same (2023-02-29 would print 03-01; 13-01 prints null). */
const isDate = (s: string): boolean => /^\d{4}-\d\d-\d\d$/.test(s) && !!new Date(s).toJSON()?.startsWith(s);

/** `format: "date"`: a real day, `YYYY-MM-DD`. */
export const date = /* @__PURE__ */ format(isDate);
/** `format: "date-time"`: RFC 3339; Date.parse rejects out-of-range minutes, seconds and offsets (and leap seconds). */
export const dateTime = /* @__PURE__ */ format(
  (s) =>
    /^.{10}t([01]\d|2[0-3])(:\d\d){2}(\.\d+)?(z|[+-]\d\d:\d\d)$/i.test(s) &&
    isDate(s.slice(0, 10)) &&
    new Date(s).toJSON(),
);
/** `format: "email"`: `local@domain.tld`, no spaces. */
export const email = /* @__PURE__ */ format((s) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s));
/** `format: "uri"`: an absolute URI (a scheme, then what URL parses). */
export const uri = /* @__PURE__ */ format((s) => /^[a-z][a-z\d+.-]*:/i.test(s) && URL.canParse(s));
/** `format: "uuid"`: 8-4-4-4-12 hex digits. */
export const uuid = /* @__PURE__ */ format((s) => /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(s));

/** `futureDate` (rule "future-date"): a date, or date-time, strictly after today (UTC). */
export const futureDate: Keyword = (_: true, s: string, t, p, c) => {
  const today = c.now.toISOString().slice(0, 10);
  if (t === "string" && (s.length > 10 ? !(Date.parse(s) > +c.now) : s <= today)) {
    fail(c, p, "future-date", `must be a date after ${today}`, today, s);
  }
};

/** `propertyNames`: every key of an object satisfies this schema ("key must ..." at the key's path). */
export const propertyNames: Keyword = (names: never, v: object, t, p, c) => {
  if (t !== "object") return;
  for (const k in v) {
    const from = c.out.length;
    const path = p ? `${p}.${k}` : k;
    check(names, k, path, c);
    for (const i of c.out.slice(from)) i.message = i.message.replace(`${path || "(body)"}: `, "$&key ");
  }
};

/** The issues of `v` against one branch. */
const branch = (s: never, v: unknown, p: string, c: CheckContext) => {
  const out = c.out;
  c.out = [];
  check(s, v, p, c);
  const found = c.out;
  c.out = out;
  return found;
};

/** `anyOf` and `oneOf`: the verdict first, with no issues built for a branch whose type cannot fit. */
const combinator =
  (rule: string, one: boolean): Keyword =>
  (list: readonly never[], v, t, p, c) => {
    let passed = 0;
    for (const b of list) {
      const [types] = planOf(b, c, p);
      if ((types.length && !types.some((w) => fits(w, t))) || branch(b, v, p, c).length) continue;
      if (!one) return;
      passed++;
    }
    if (passed === 1) return;
    // Nothing matched: the issues of the one branch whose type fits say the most, if there is one.
    const typed = list
      .map((b) => branch(b, v, p, c))
      .filter((r) => !r.some((i) => i.path === p && i.rule === "type"));
    if (!passed && typed.length === 1) c.out.push(...typed[0]!);
    else {
      const expected = `must match ${one ? "exactly " : ""}one of ${list.length} shapes`;
      fail(c, p, rule, expected, list.length, v, passed ? `${passed} matches` : undefined);
    }
  };

/** `anyOf`: at least one of the schemas. */
export const anyOf = /* @__PURE__ */ combinator("anyOf", false);
/** `oneOf`: exactly one of the schemas. */
export const oneOf = /* @__PURE__ */ combinator("oneOf", true);

/**
 * Every keyword check, for schemas written by hand.
 * @example validate({ keywords, type: "string", format: "uuid" }, id, { path: "id" })
 */
export const keywords: Keywords = {
  enum: enumValues,
  minLength,
  maxLength,
  minimum,
  maximum,
  minItems,
  maxItems,
  maxProperties,
  maxBytes,
  maxDepth,
  pattern,
  date,
  "date-time": dateTime,
  email,
  uri,
  uuid,
  futureDate,
  propertyNames,
  anyOf,
  oneOf,
};
