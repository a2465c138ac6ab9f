export {
  type ClientEvent,
  PatchwiseApiError,
  PatchwiseError,
  PatchwiseNetworkError,
  PatchwiseTimeoutError,
  type RateLimitState,
  type RetryOptions,
  unwrap,
} from "@patchwise/core";
export {
  type DiffOptions,
  type DiffResult,
  PatchValidationError,
  type ValidationIssue,
} from "@patchwise/diff";
export { createStardexPersonsAdapter, type StardexPersonsAdapter } from "./adapter.ts";
export {
  createStardexClient,
  type StardexClient,
  type StardexClientOptions,
  type StardexCustomFieldQuery,
  type StardexIterateOptions,
  type StardexIterators,
  type StardexJobFilter,
  type StardexPersonFilter,
} from "./client.ts";
export {
  createPerson,
  createPersonBody,
  findPersonsByKey,
  personKey,
  type StardexNewPerson,
} from "./create.ts";
export type {
  components,
  operations,
  paths,
  StardexCompanySummary,
  StardexContactValue,
  StardexCustomFieldDefinition,
  StardexCustomFieldPatch,
  StardexCustomFieldValue,
  StardexError,
  StardexErrorAlt,
  StardexJobSummary,
  StardexPerson,
  StardexPersonCreate,
  StardexPersonPatch,
  StardexPersonSearch,
  StardexRateLimitError,
} from "./generated/schema.ts";
export { diffPerson, personRules } from "./person-rules.ts";
export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  diff3Person,
  MergeConflictError,
  personMerge,
} from "./three-way.ts";
