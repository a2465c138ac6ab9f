export { PatchwiseApiError, unwrap } from "@patchwise/core";
export { type DiffOptions, type DiffResult, PatchValidationError } from "@patchwise/diff";
export { createFolkPeopleAdapter, type FolkPeopleAdapter } from "./adapter.ts";
export {
  createFolkClient,
  type FolkClient,
  type FolkClientOptions,
  type FolkIterators,
  type FolkPageQuery,
  type FolkPeopleQuery,
} from "./client.ts";
export { createPerson, createPersonBody, findPeopleByKey, personKey } from "./create.ts";
export type { FolkCustomFieldValueDesired, FolkCustomFieldValuesDesired } from "./custom-fields.ts";
export type {
  components,
  FolkCompany,
  FolkCompanyRef,
  FolkCustomFieldDefinition,
  FolkCustomFieldType,
  FolkCustomFieldValueInput,
  FolkCustomFieldValues,
  FolkCustomFieldValuesInput,
  FolkError,
  FolkGroup,
  FolkGroupRef,
  FolkPerson,
  FolkPersonCreate,
  FolkPersonPatch,
  operations,
  paths,
} from "./generated/schema.ts";
export { diffPerson, type FolkPersonDesired, personRules } from "./person-rules.ts";
export {
  type Conflict,
  type Diff3Options,
  type Diff3Result,
  diff3Person,
  MergeConflictError,
  personMerge,
} from "./three-way.ts";
