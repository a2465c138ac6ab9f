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
export {
  type ConflictPolicy,
  type Created,
  type Diff3Outcome,
  type DiffOutcome,
  type FullBody,
  type FullValueRule,
  fullBodyOf,
  type ResourceAdapter,
  type SyncConflict,
} from "./sync/adapter.ts";
export {
  type FailureLine,
  failureLines,
  type JsonLine,
  readJsonLines,
  SyncInputError,
} from "./sync/jsonl.ts";
export {
  type ConflictedRecord,
  type PendingRecord,
  type RecordOutcome,
  type SyncError,
  type SyncFailure,
  type SyncIssue,
  type SyncReport,
  type SyncStage,
  type SyncStop,
  syncErrorOf,
} from "./sync/report.ts";
export {
  type BaseStore,
  type CurrentSource,
  type SyncCounts,
  type SyncOptions,
  type SyncProgress,
  syncRecords,
} from "./sync/sync-records.ts";
export { type FetchResult, unwrap } from "./unwrap.ts";
