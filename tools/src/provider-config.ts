import { type OpenApiDocument, operations } from "./spec.ts";

/** What a client needs to know about a provider, read off its spec (the shape of core's `ProviderConfig`). */
export interface ProviderConfigData {
  name: string;
  defaultBaseUrl: string;
  auth: "bearer" | "basic";
  headers?: Record<string, { option: string; required: boolean }>;
  query?: Record<string, { option: string; required: boolean }>;
}

/** `x-account-id` → `accountId`: the client option that supplies a header. */
function optionName(header: string): string {
  return header.replace(/^x-/i, "").replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * Reads the client configuration from a spec: base URL from `servers`, authentication from the
 * top-level `security` requirement and its `securitySchemes`, and the query parameters that every
 * operation takes (Instaview's `companyId`), which become client options.
 *
 * @example
 * toProviderConfig("folk", doc) // → { name: "folk", defaultBaseUrl: "https://api.folk.app", auth: "bearer" }
 */
export function toProviderConfig(name: string, doc: OpenApiDocument): ProviderConfigData {
  const defaultBaseUrl = doc.servers?.[0]?.url;
  if (!defaultBaseUrl) throw new Error(`specs/${name}.yaml: servers[0].url is missing`);
  const requirement = doc.security?.[0];
  if (!requirement) throw new Error(`specs/${name}.yaml: a top-level security requirement is missing`);

  let auth: ProviderConfigData["auth"] | undefined;
  const headers: NonNullable<ProviderConfigData["headers"]> = {};
  for (const schemeName of Object.keys(requirement)) {
    const scheme = doc.components?.securitySchemes?.[schemeName];
    if (scheme?.type === "http" && (scheme.scheme === "bearer" || scheme.scheme === "basic")) {
      auth = scheme.scheme;
    } else if (scheme?.type === "apiKey" && scheme.in === "header" && scheme.name) {
      headers[scheme.name] = { option: optionName(scheme.name), required: true };
    } else {
      throw new Error(`specs/${name}.yaml: security scheme ${schemeName} is not one the client supports`);
    }
  }
  if (!auth)
    throw new Error(`specs/${name}.yaml: no http bearer or basic scheme in the security requirement`);

  const all = operations(doc);
  const query: NonNullable<ProviderConfigData["query"]> = {};
  for (const parameter of Object.values(doc.components?.parameters ?? {})) {
    if (parameter.in !== "query") continue;
    const everywhere = all.every(({ parameters }) => parameters.some((p) => p === parameter));
    if (everywhere) query[parameter.name] = { option: parameter.name, required: parameter.required === true };
  }

  return {
    name,
    defaultBaseUrl,
    auth,
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(Object.keys(query).length > 0 && { query }),
  };
}
