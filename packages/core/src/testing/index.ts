export type { Fault, FaultOptions } from "./faults.ts";
export { mulberry32, type Random, uuidFrom } from "./random.ts";
export { type RateLimitOptions, type RateLimitWindow, xRateLimitHeaders } from "./rate-limit.ts";
export {
  type AuthFailure,
  createSimulator,
  fail,
  json,
  jsonBody,
  type RequestLogEntry,
  type Simulator,
  type SimulatorApp,
  type SimulatorContext,
  type SimulatorDefinition,
  type SimulatorEnv,
  type SimulatorErrors,
  type SimulatorOptions,
  type SimulatorRuntime,
  type SimulatorServer,
} from "./simulator.ts";
