import { readFile } from "node:fs/promises";
import { parse } from "yaml";

/** A JSON Schema object as it appears in an OpenAPI 3.1 document (only the keys the generator reads). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  readOnly?: boolean;
  [keyword: string]: unknown;
}

interface Parameter {
  $ref?: string;
  name: string;
  in: "query" | "header" | "path" | "cookie";
  required?: boolean;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, Parameter>;
    securitySchemes?: Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
  };
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Reads and parses one spec file. */
export async function loadSpec(path: string): Promise<OpenApiDocument> {
  return parse(await readFile(path, "utf8")) as OpenApiDocument;
}

/** Follows a local `#/…` reference; throws naming the reference when it leads nowhere. */
export function resolveRef<T>(doc: OpenApiDocument, ref: string): T {
  if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (node === undefined) throw new Error(`unresolved reference ${ref}`);
  return node as T;
}

/** Every operation of the document with its method, path and resolved parameters. */
export function operations(doc: OpenApiDocument) {
  const found: { method: string; path: string; operation: Operation; parameters: Parameter[] }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).map((p) =>
        p.$ref ? resolveRef<Parameter>(doc, p.$ref) : p,
      );
      found.push({ method, path, operation, parameters });
    }
  }
  return found;
}

/** The JSON request body schema of an operation, if it has one. */
export function jsonRequestBody(operation: Operation): JsonSchema | undefined {
  return operation.requestBody?.content?.["application/json"]?.schema;
}
