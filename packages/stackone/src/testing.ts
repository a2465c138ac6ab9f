/**
 * `@patchwise/stackone/testing`: an in-memory StackOne for tests, demos and benchmarks, and realistic
 * sample candidates. Never imported by the main entry.
 */
export type {
  Fault,
  FaultOptions,
  RateLimitOptions,
  RequestLogEntry,
  SimulatorServer,
} from "@patchwise/core/testing";
export {
  STACKONE_ACCOUNT_ID,
  STACKONE_CUSTOM_FIELD_DEFINITIONS,
  type StackOneFieldDefinition,
} from "./simulator/catalogue.ts";
export { STACKONE_RATE_LIMIT } from "./simulator/errors.ts";
export type { StackOneSeedRecord } from "./simulator/read-shape.ts";
export {
  type SampleChangesOptions,
  type SampleRecordsOptions,
  sampleStackOneChanges,
  sampleStackOneNewRecords,
  sampleStackOneRecords,
} from "./simulator/samples.ts";
export {
  createStackOneSimulator,
  type StackOneSimulator,
  type StackOneSimulatorOptions,
} from "./simulator/stackone.ts";
