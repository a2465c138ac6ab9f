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
export { createInstaviewCandidatesAdapter, type InstaviewCandidatesAdapter } from "./adapter.ts";
export { candidateRules, diffCandidate } from "./candidate-rules.ts";
export {
  type CandidateListQuery,
  createInstaviewClient,
  type InstaviewClient,
  type InstaviewClientOptions,
  type InstaviewIterators,
} from "./client.ts";
export {
  candidateKey,
  createCandidate,
  createCandidateBody,
  findCandidatesByKey,
  type InstaviewNewCandidate,
} from "./create.ts";
export type {
  components,
  InstaviewCandidate,
  InstaviewCandidateCreate,
  InstaviewCandidatePatch,
  InstaviewCandidateStatus,
  InstaviewError,
  InstaviewGender,
  InstaviewRateLimitError,
  operations,
  paths,
} from "./generated/schema.ts";
export {
  type Conflict,
  candidateMerge,
  type Diff3Options,
  type Diff3Result,
  diff3Candidate,
  MergeConflictError,
} from "./three-way.ts";
