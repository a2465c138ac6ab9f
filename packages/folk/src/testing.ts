/**
 * `@patchwise/folk/testing`: an in-memory Folk for tests, demos and benchmarks, and realistic sample
 * people. Never imported by the main entry.
 */
export type {
  Fault,
  FaultOptions,
  RateLimitOptions,
  RequestLogEntry,
  SimulatorServer,
} from "@patchwise/core/testing";
export {
  createFolkSimulator,
  FOLK_RATE_LIMIT,
  type FolkSimulator,
  type FolkSimulatorOptions,
} from "./simulator/folk.ts";
export {
  type SampleChangesOptions,
  type SampleRecordsOptions,
  sampleFolkChanges,
  sampleFolkNewRecords,
  sampleFolkRecords,
} from "./simulator/samples.ts";
export {
  FOLK_WORKSPACE,
  type FolkGroupDefinition,
  type FolkWorkspace,
  folkSampleId,
} from "./simulator/workspace.ts";
