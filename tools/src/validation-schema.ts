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

/** Formats the validator checks; others (uri-reference, int32, …) carry no rule worth shipping. */
const FORMATS = new Set(["date", "date-time", "email", "uri", "uuid"]);

/** Spec extensions and the keyword each becomes. */
const EXTENSIONS = {
  "x-patchwise-future-date": "futureDate",
  "x-patchwise-max-bytes": "maxBytes",
  "x-patchwise-max-depth": "maxDepth",
} as const;

/**
 * Turns one schema of the spec into a self-contained validation schema: references inlined, `allOf`
 * merged, only constraint keywords kept.
 *
 * @example
 * toValidationSchema(doc, { $ref: "#/components/schemas/PersonPatch" })
 * // → { type: "object", properties: { firstName: { type: "string", maxLength: 500 } }, additionalProperties: false }
 */
export function toValidationSchema(
  doc: OpenApiDocument,
  schema: JsonSchema,
  seen: string[] = [],
): ValidationSchema {
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) throw new Error(`recursive schema ${schema.$ref} cannot be inlined`);
    return toValidationSchema(doc, resolveRef<JsonSchema>(doc, schema.$ref), [...seen, schema.$ref]);
  }
  let out: ValidationSchema = {};
  for (const part of schema.allOf ?? []) out = merge(out, toValidationSchema(doc, part, seen));
  for (const keyword of KEPT) if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
  if (schema.const !== undefined) out.enum = [schema.const];
  if (typeof schema.format === "string" && FORMATS.has(schema.format)) out.format = schema.format;
  for (const [extension, keyword] of Object.entries(EXTENSIONS)) {
    if (schema[extension] !== undefined) out[keyword] = schema[extension];
  }
  if (schema.properties) {
    const properties: Record<string, ValidationSchema> = { ...(out.properties as object | undefined) };
    for (const [name, property] of Object.entries(schema.properties)) {
      properties[name] = toValidationSchema(doc, property, seen);
    }
    out.properties = properties;
  }
  if (schema.required)
    out.required = [...new Set([...((out.required as string[]) ?? []), ...schema.required])];
  if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === "boolean"
        ? schema.additionalProperties
        : toValidationSchema(doc, schema.additionalProperties, seen);
  }
  if (schema.items) out.items = toValidationSchema(doc, schema.items, seen);
  for (const combinator of ["anyOf", "oneOf"] as const) {
    const branches = schema[combinator];
    if (branches) out[combinator] = branches.map((branch) => toValidationSchema(doc, branch, seen));
  }
  return out;
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
