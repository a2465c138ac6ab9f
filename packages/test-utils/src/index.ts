export { type AdapterSuite, describeAdapter, type Pacing } from "./adapter-suite.ts";
export { type LoopbackReply, type LoopbackRequest, serveLoopback } from "./loopback.ts";
export type { RecordSimulator, SimulatedResource, SuiteSimulatorOptions } from "./provider.ts";
export { describeUpsert, type UpsertSuite } from "./upsert-suite.ts";
