import { type JsonSchema, type OpenApiDocument, resolveRef } from "./spec.ts";

/**
 * The compact validation schema `@patchwise/diff` interprets: the constraint keywords of JSON Schema
 * plus the spec extensions for what JSON Schema cannot say. Everything else (descriptions, examples,
 * read/write markers) is dropped so the tables stay small in a user's bundle.
 */
export type ValidationSchema = { [keyword: string]: unknown };

/** JSON Schema keywords copied as they are. */
const KEPT = [
  "type",
  "enum",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "maxProperties",
] as const;

/** Keys read below: structure (references, combinators, properties, items) and the rest of the kept rules. */
const READ = new Set<string>([
  ...KEPT,
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "propertyNames",
  "const",
  "format",
]);

/** Keys that say nothing about what a body may hold: prose, examples, defaults, read/write markers. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "x-patchwise-assumed",
]);

/** Formats the validator checks (`@patchwise/diff/keywords` exports one check each). */
const FORMATS = new Set(["date", "date-time", "email", "uri", "uuid"]);

/** Spec extensions and the keyword each becomes. */
const EXTENSIONS = {
  "x-patchwise-future-date": "futureDate",
  "x-patchwise-max-bytes": "maxBytes",
  "x-patchwise-max-depth": "maxDepth",
} as const;

/**
 * Turns one schema of the spec into a self-contained validation schema: references inlined, `allOf`
 * merged, only constraint keywords kept, and rules that say nothing (`additionalProperties: true`,
 * `items: {}`) left out. A keyword the validator cannot check throws, naming it and where it is:
 * a spec rule is never dropped in silence.
 *
 * @example
 * toValidationSchema(doc, { $ref: "#/components/schemas/PersonPatch" })
 * // → { type: "object", properties: { firstName: { type: "string", maxLength: 500 } }, additionalProperties: false }
 */
export function toValidationSchema(
  doc: OpenApiDocument,
  schema: JsonSchema,
  seen: string[] = [],
  at = "body",
): ValidationSchema {
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) throw new Error(`recursive schema ${schema.$ref} cannot be inlined`);
    return toValidationSchema(doc, resolveRef<JsonSchema>(doc, schema.$ref), [...seen, schema.$ref], at);
  }
  for (const key of Object.keys(schema)) {
    if (READ.has(key) || ANNOTATIONS.has(key) || key in EXTENSIONS) continue;
    throw new Error(
      `${at}: ${key} is not a keyword @patchwise/diff checks (add its check, or list it as an annotation)`,
    );
  }
  let out: ValidationSchema = {};
  for (const part of schema.allOf ?? []) out = merge(out, toValidationSchema(doc, part, seen, at));
  for (const keyword of KEPT) if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
  if (schema.const !== undefined) out.enum = [schema.const];
  if (schema.format !== undefined) {
    const format = String(schema.format);
    if (!FORMATS.has(format)) throw new Error(`${at}: format ${format} is not one @patchwise/diff checks`);
    out.format = format;
  }
  for (const [extension, keyword] of Object.entries(EXTENSIONS)) {
    if (schema[extension] !== undefined) out[keyword] = schema[extension];
  }
  if (schema.properties) {
    const properties: Record<string, ValidationSchema> = { ...(out.properties as object | undefined) };
    for (const [name, property] of Object.entries(schema.properties)) {
      properties[name] = toValidationSchema(doc, property, seen, `${at}.${name}`);
    }
    out.properties = properties;
  }
  if (schema.required)
    out.required = [...new Set([...((out.required as string[]) ?? []), ...schema.required])];
  const { additionalProperties: extra, items, propertyNames } = schema;
  if (extra === false) out.additionalProperties = false;
  else if (typeof extra === "object") {
    const sub = toValidationSchema(doc, extra, seen, `${at}.*`);
    if (Object.keys(sub).length) out.additionalProperties = sub;
  }
  if (items) {
    const sub = toValidationSchema(doc, items, seen, `${at}[]`);
    if (Object.keys(sub).length) out.items = sub;
  }
  if (propertyNames)
    out.propertyNames = toValidationSchema(doc, propertyNames as JsonSchema, seen, `${at} keys`);
  for (const combinator of ["anyOf", "oneOf"] as const) {
    const branches = schema[combinator]?.map((branch) => toValidationSchema(doc, branch, seen, at));
    if (!branches) continue;
    // Branches that say only a type are one list of types: one check instead of one per branch.
    const types = branches.every((b) => Object.keys(b).join() === "type") && branches.flatMap((b) => b.type);
    if (combinator === "anyOf" && types && out.type === undefined) out.type = [...new Set(types)];
    else out[combinator] = branches;
  }
  return out;
}

/** The name a keyword's check is exported under from `@patchwise/diff/keywords`, by `keywords` key. */
export const KEYWORD_EXPORTS: Readonly<Record<string, string>> = {
  enum: "enumValues",
  "date-time": "dateTime",
};

/** Keys `validate` reads itself: they need no check in a schema's `keywords`. */
const STRUCTURE = new Set(["type", "properties", "required", "additionalProperties", "items"]);

/**
 * The `keywords` keys a validation schema needs (a format by its name), sorted.
 *
 * @example
 * keywordsOf({ type: "array", maxItems: 20, items: { type: "string", format: "email" } }) // → ["email", "maxItems"]
 */
export function keywordsOf(schema: ValidationSchema): string[] {
  const found = new Set<string>();
  const walk = (s: ValidationSchema) => {
    for (const [key, value] of Object.entries(s)) {
      if (!STRUCTURE.has(key)) found.add(key === "format" ? String(value) : key);
      if (key === "properties") for (const sub of Object.values(value as object)) walk(sub);
      else if (Array.isArray(value) && (key === "anyOf" || key === "oneOf"))
        for (const sub of value) walk(sub);
      else if (typeof value === "object" && value !== null && !Array.isArray(value))
        walk(value as ValidationSchema);
    }
  };
  walk(schema);
  return [...found].sort();
}

/** Merges an `allOf` part into what is gathered so far: properties and required lists add up. */
function merge(into: ValidationSchema, part: ValidationSchema): ValidationSchema {
  const merged: ValidationSchema = { ...into, ...part };
  if (into.properties && part.properties) merged.properties = { ...into.properties, ...part.properties };
  if (into.required && part.required) {
    merged.required = [...new Set([...(into.required as string[]), ...(part.required as string[])])];
  }
  return merged;
}

/**
 * The paths of `readOnly` properties a request body can reach. A request body must reach none: the
 * specs keep read and write shapes apart, and this is what holds them to it.
 *
 * @example
 * readOnlyPaths(doc, { $ref: "#/components/schemas/PersonPatch" }) // → [] when the write shape is clean
 */
export function readOnlyPaths(
  doc: OpenApiDocument,
  schema: JsonSchema,
  at = "body",
  seen: string[] = [],
): string[] {
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) return [];
    return readOnlyPaths(doc, resolveRef<JsonSchema>(doc, schema.$ref), at, [...seen, schema.$ref]);
  }
  const found: string[] = schema.readOnly ? [at] : [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    found.push(...readOnlyPaths(doc, property, `${at}.${name}`, seen));
  }
  if (schema.items) found.push(...readOnlyPaths(doc, schema.items, `${at}[]`, seen));
  if (typeof schema.additionalProperties === "object") {
    found.push(...readOnlyPaths(doc, schema.additionalProperties, `${at}.*`, seen));
  }
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    found.push(...readOnlyPaths(doc, branch, at, seen));
  }
  return found;
}
