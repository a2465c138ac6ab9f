export {
  type ApiClient,
  type ClientOptions,
  createApiClient,
  deepObjectQuery,
  type ProviderConfig,
  type ProviderOptions,
  type StrictMethod,
} from "./client.ts";
export { type ApiErrorInput, toApiError } from "./envelope.ts";
export {
  type ApiErrorFields,
  PatchwiseApiError,
  PatchwiseError,
  PatchwiseNetworkError,
  PatchwiseTimeoutError,
} from "./errors.ts";
export {
  cursorPager,
  type FetchPage,
  nextLinkPager,
  offsetPager,
  type Page,
  type PaginateOptions,
  pageNumberPager,
  paginate,
} from "./paginate.ts";
export { parseRateLimit, parseRetryAfter, type RateLimitState } from "./rate-limit.ts";
export {
  type ClientEvent,
  createRetryingFetch,
  type RetryingFetchOptions,
  type RetryOptions,
} from "./retry.ts";
export { type FetchResult, unwrap } from "./unwrap.ts";
