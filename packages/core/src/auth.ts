import type { ProviderConfig } from "./client.ts";

/** What a provider's auth puts on every request, and the values to keep out of errors and logs. */
export interface Auth {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The API key and every provider header value (StackOne's account id). */
  secrets: string[];
}

type Params = ProviderConfig["headers"];

/**
 * The headers (Bearer, or Basic `base64(key + ":")`, plus required headers such as StackOne's
 * `x-account-id`) and default query parameters (Instaview's `companyId`) a provider needs, read from
 * the client options. Throws a TypeError naming the option when a required one is missing or empty.
 *
 * @example
 * const provider = { name: "folk", defaultBaseUrl: "https://api.folk.app", auth: "bearer" } as const;
 * authOf(provider, { apiKey: "k" }).headers; // { authorization: "Bearer k" }
 */
export function authOf(provider: ProviderConfig, options: Readonly<Record<string, unknown>>): Auth {
  const fill = (params: Params, into: Record<string, string> = {}) => {
    for (const [name, { option, required }] of Object.entries(params ?? {})) {
      const value = options[option];
      if (typeof value === "string" && value) into[name] = value;
      else if (value != null || required) {
        // Never echo the value: it may be a key put in the wrong option.
        const got = value === "" ? "an empty string" : typeof value;
        throw new TypeError(
          `${provider.name}: option "${option}" must be a non-empty string, received ${got}`,
        );
      }
    }
    return into;
  };
  const { apiKey } = fill({ apiKey: { option: "apiKey", required: true } });
  const headers = fill(provider.headers);
  return {
    headers: {
      ...headers,
      authorization: provider.auth === "basic" ? `Basic ${btoa(`${apiKey}:`)}` : `Bearer ${apiKey}`,
    },
    query: fill(provider.query),
    secrets: [apiKey!, ...Object.values(headers)],
  };
}
