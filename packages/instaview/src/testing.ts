/**
 * `@patchwise/instaview/testing`: an in-memory Instaview for tests, demos and benchmarks. Never
 * imported by the main entry.
 */
export type {
  Fault,
  FaultOptions,
  RateLimitOptions,
  RequestLogEntry,
  SimulatorServer,
} from "@patchwise/core/testing";
export { INSTAVIEW_COMPANY_ID, INSTAVIEW_JOBS, type InstaviewJob } from "./simulator/catalogue.ts";
export type { InstaviewFieldError } from "./simulator/errors.ts";
export {
  createInstaviewSimulator,
  type InstaviewScope,
  type InstaviewSimulator,
  type InstaviewSimulatorOptions,
} from "./simulator/instaview.ts";
export { INSTAVIEW_HOURLY_LIMIT, INSTAVIEW_RATE_LIMIT } from "./simulator/rate-limit.ts";
export type { GdprDateFormat, InstaviewSeedRecord } from "./simulator/read-shape.ts";
export {
  type SampleChangesOptions,
  type SampleRecordsOptions,
  sampleInstaviewChanges,
  sampleInstaviewNewRecords,
  sampleInstaviewRecords,
} from "./simulator/samples.ts";
