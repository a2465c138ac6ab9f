export {
  type ClientEvent,
  type PaginateOptions,
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
export { createStackOneCandidatesAdapter, type StackOneCandidatesAdapter } from "./adapter.ts";
export { candidateRules, diffCandidate } from "./candidate-rules.ts";
export {
  type CandidateListQuery,
  type CustomFieldDefinitionListQuery,
  createStackOneClient,
  type StackOneClient,
  type StackOneClientOptions,
  type StackOneIterators,
} from "./client.ts";
export { candidateKey, createCandidate, createCandidateBody, findCandidatesByKey } from "./create.ts";
export type {
  components,
  operations,
  paths,
  StackOneCandidate,
  StackOneCandidateCreate,
  StackOneCandidatePatch,
  StackOneCustomField,
  StackOneCustomFieldDefinition,
  StackOneEmail,
  StackOneError,
  StackOnePhoneNumber,
  StackOneSocialLink,
  StackOneWriteResult,
} from "./generated/schema.ts";
export {
  type Conflict,
  candidateMerge,
  type Diff3Options,
  type Diff3Result,
  diff3Candidate,
  MergeConflictError,
} from "./three-way.ts";
