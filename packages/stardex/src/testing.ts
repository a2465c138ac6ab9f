/**
 * `@patchwise/stardex/testing`: an in-memory Stardex for tests, demos and benchmarks. Never imported
 * by the main entry.
 */
export type {
  Fault,
  FaultOptions,
  RateLimitOptions,
  RequestLogEntry,
  SimulatorServer,
} from "@patchwise/core/testing";
export {
  STARDEX_COMPANIES,
  STARDEX_CUSTOM_FIELDS,
  STARDEX_JOBS,
  STARDEX_TEAM_MEMBERS,
  type StardexCatalogue,
  type StardexDataType,
  type StardexFieldDefinition,
  type StardexTeamMember,
} from "./simulator/catalogue.ts";
export { STARDEX_RATE_LIMIT } from "./simulator/errors.ts";
export {
  type SampleChangesOptions,
  type SampleRecordsOptions,
  sampleStardexChanges,
  sampleStardexNewRecords,
  sampleStardexRecords,
} from "./simulator/samples.ts";
export {
  createStardexSimulator,
  type StardexCatalogueInput,
  type StardexSimulator,
  type StardexSimulatorOptions,
} from "./simulator/stardex.ts";
