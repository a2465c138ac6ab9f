import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
} from "openapi-fetch";
import { authOf } from "./auth.ts";
import type { RateLimitState } from "./rate-limit.ts";
import { type ClientEvent, createRetryingFetch, type PlannedRequest, type RetryOptions } from "./retry.ts";
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
export type ClientOptions = {
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
};

/**
 * The provider's own options (StackOne's `accountId`, Instaview's `companyId`), named by its
 * `ProviderConfig`. `ClientOptions` is a type alias, not an interface, so that it fits here as it is.
 */
export type ProviderOptions = Readonly<Record<string, unknown>>;

type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type Operation<Paths, P extends keyof Paths, M extends Method> = Paths[P][M &
  keyof Paths[P]] extends infer Op extends Record<string | number, unknown>
  ? Op
  : never;
type Init<Paths, P extends keyof Paths, M extends Method> = MaybeOptionalInit<Paths[P], M & keyof Paths[P]>;

/**
 * openapi-fetch's call signature with `init` fixed by the path instead of inferred, so that TypeScript's
 * excess-property check applies: an unknown body key or query parameter is a compile error.
 */
export type StrictMethod<Paths extends {}, M extends Method> = <
  P extends ClientPathsWithMethod<Client<Paths>, M>,
>(
  url: P,
  ...init: undefined extends Init<Paths, P, M> ? [init?: Init<Paths, P, M>] : [init: Init<Paths, P, M>]
) => Promise<FetchResponse<Operation<Paths, P, M>, Init<Paths, P, M>, `${string}/${string}`>>;

/** An openapi-fetch client typed from the spec, with the last rate-limit state it saw. */
export type ApiClient<Paths extends {}> = Omit<
  Client<Paths, `${string}/${string}`>,
  "GET" | "PUT" | "POST" | "DELETE" | "PATCH"
> & {
  GET: StrictMethod<Paths, "get">;
  PUT: StrictMethod<Paths, "put">;
  POST: StrictMethod<Paths, "post">;
  DELETE: StrictMethod<Paths, "delete">;
  PATCH: StrictMethod<Paths, "patch">;
  /** The most constraining rate-limit window of the last response that had one; undefined before. */
  readonly rateLimit: RateLimitState | undefined;
};

/**
 * Serialises query parameters as the providers read them: arrays repeat their key, objects nest in
 * deepObject style to any depth (Folk's `filter[emails][like]=…`, StackOne's `filter[email]=…`), and
 * `undefined` or `null` values are left out. openapi-fetch's default stops at one level of object.
 *
 * @example
 * deepObjectQuery({ filter: { emails: { like: "ada" } }, limit: 20 }); // "filter%5Bemails%5D%5Blike%5D=ada&limit=20"
 */
export function deepObjectQuery(query: Readonly<Record<string, unknown>>): string {
  return serialize(query);
}

/** `deepObjectQuery`, then each of `defaults` the query does not set, appended. */
function serialize(
  query: Readonly<Record<string, unknown>>,
  defaults?: Readonly<Record<string, string>>,
): string {
  const params = new URLSearchParams();
  const add = (name: string, value: unknown): void => {
    if (value == null) return;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (typeof value === "object")
      for (const [key, inner] of Object.entries(value)) add(`${name}[${key}]`, inner);
    else params.append(name, String(value));
  };
  for (const [name, value] of Object.entries(query)) add(name, value);
  for (const name in defaults) if (!params.has(name)) params.append(name, defaults[name]!);
  return params.toString();
}

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
  options: ClientOptions & ProviderOptions,
): ApiClient<Paths> {
  const { headers, query, secrets } = authOf(provider, options);
  let rateLimit: RateLimitState | undefined;
  // Whether the call being made needs a real Request: it does once a middleware is registered, or
  // when the call brings middleware or a fetch of its own (they are handed the Request).
  let real = false;
  let used = false;
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? provider.defaultBaseUrl,
    headers: { accept: "application/json", "user-agent": options.userAgent ?? USER_AGENT, ...headers },
    // The provider's default query parameters (Instaview's `companyId`) are added here rather than by
    // a middleware, which would rebuild every request.
    querySerializer: (q) => serialize(q, query),
    // openapi-fetch builds a Request per call and hands it to middleware and to `fetch`, which builds
    // another to send. When nothing else will see it, the call stays its URL and init (what openapi-fetch
    // reads of it, `method`, and `headers` for the errors' redaction): each attempt is then one Request.
    Request: class {
      // openapi-fetch checks that a middleware's replacement is `instanceof` this class.
      static [Symbol.hasInstance] = (value: unknown) => value instanceof Request;
      constructor(url: string, init: RequestInit) {
        // biome-ignore lint/correctness/noConstructorReturn: openapi-fetch calls `new Request(url, init)`.
        return real || typeof (init.body ?? "") !== "string"
          ? new Request(url, init)
          : (Object.assign(init, { url }) as PlannedRequest);
      }
    } as unknown as typeof Request,
    fetch: createRetryingFetch({
      ...options,
      provider: provider.name,
      secrets,
      onRateLimit: (state) => {
        rateLimit = state;
      },
    }),
  });
  // Every method, wrapped to say whether its call needs a real Request.
  const calls = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name in calls) {
    const call = calls[name]!;
    calls[name] = (...args) => {
      if (name === "use") used = true;
      const init = Object(args.at(-1)) as { middleware?: unknown; fetch?: unknown };
      real = used || !!(init.middleware || init.fetch);
      return call(...args);
    };
  }
  return Object.defineProperty(client, "rateLimit", {
    get: () => rateLimit,
    enumerable: true,
  }) as unknown as ApiClient<Paths>;
}
