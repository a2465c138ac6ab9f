export { type AdapterSuite, describeAdapter, type Pacing } from "./adapter-suite.ts";
export { type LoopbackReply, type LoopbackRequest, serveLoopback } from "./loopback.ts";
export type { RecordSimulator, SimulatedResource, SuiteSimulatorOptions } from "./provider.ts";
export { describeThreeWay, type SimResource, type ThreeWaySuite } from "./three-way-sim.ts";
export { describeUpsert, type UpsertSuite } from "./upsert-suite.ts";
