import createClient, { type Client } from "openapi-fetch";
import { authOf } from "./auth.ts";
import type { RateLimitState } from "./rate-limit.ts";
import { type ClientEvent, createRetryingFetch, type RetryOptions } from "./retry.ts";
import { USER_AGENT } from "./version.ts";

/** What a client needs to know about a provider; generated from its spec by `tools/`. */
export interface ProviderConfig {
  /** Provider name, used in errors (`folk`). */
  name: string;
  /** From the spec's `servers[0]`. */
  defaultBaseUrl: string;
  /** From `securitySchemes`: `Bearer <apiKey>` or `Basic base64(apiKey + ":")`. */
  auth: "bearer" | "basic";
  /** Headers filled from client options, e.g. `{ "x-account-id": { option: "accountId", required: true } }`. */
  headers?: Readonly<Record<string, { option: string; required: boolean }>>;
  /** Query parameters added to every request, e.g. `{ companyId: { option: "companyId", required: false } }`. */
  query?: Readonly<Record<string, { option: string; required: boolean }>>;
}

/** Options every provider's client factory takes. */
export interface ClientOptions {
  /** The provider API key; required, never logged. */
  apiKey: string;
  /** Defaults to the provider's production URL. */
  baseUrl?: string;
  /** The fetch beneath retries and timeouts (a simulator's handler, for instance). */
  fetch?: (request: Request) => Promise<Response>;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retry policy (default 3 retries), or `false`. */
  retry?: RetryOptions | false;
  /** Defaults to `patchwise/<core version>`. */
  userAgent?: string;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Receives `response` and `retry` events. */
  logger?: (event: ClientEvent) => void;
}

/** An openapi-fetch client typed from the spec, with the last rate-limit state it saw. */
export type ApiClient<Paths extends {}> = Client<Paths, `${string}/${string}`> & {
  /** The most constraining rate-limit window of the last response that had one; undefined before. */
  readonly rateLimit: RateLimitState | undefined;
};

/**
 * Creates an openapi-fetch client for a provider with auth, `Accept: application/json`, a
 * `User-Agent`, per-attempt timeouts and retries beneath the middleware chain, and `rateLimit`.
 * Throws a TypeError naming the option when `apiKey` or a required provider option is missing.
 *
 * @example
 * const folk = createApiClient<paths>(provider, { apiKey: process.env.FOLK_API_KEY ?? "" });
 * const people = await unwrap(folk.GET("/v1/people", { params: { query: { limit: 100 } } }));
 */
export function createApiClient<Paths extends {}>(
  provider: ProviderConfig,
  options: ClientOptions & Readonly<Record<string, unknown>>,
): ApiClient<Paths> {
  const { headers, query, secrets } = authOf(provider, options);
  let rateLimit: RateLimitState | undefined;
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? provider.defaultBaseUrl,
    headers: { accept: "application/json", "user-agent": options.userAgent ?? USER_AGENT, ...headers },
    fetch: createRetryingFetch({
      ...options,
      provider: provider.name,
      secrets,
      onRateLimit: (state) => {
        rateLimit = state;
      },
    }),
  });
  if (provider.query) {
    client.use({
      onRequest({ request }) {
        const url = new URL(request.url);
        for (const [name, value] of Object.entries(query)) {
          if (!url.searchParams.has(name)) url.searchParams.set(name, value);
        }
        return new Request(url, request);
      },
    });
  }
  return Object.defineProperty(client, "rateLimit", {
    get: () => rateLimit,
    enumerable: true,
  }) as ApiClient<Paths>;
}
