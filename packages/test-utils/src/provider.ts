import type { ClientOptions, ResourceAdapter } from "@patchwise/core";
import type { Simulator, SimulatorOptions } from "@patchwise/core/testing";

/** A provider's simulator as the suites drive it: the kit's simulator, its key, and its records as GET returns them. */
export interface RecordSimulator<Read> extends Simulator {
  readonly apiKey: string;
  /** A record as GET returns it; undefined when unknown. */
  get(id: string): Read | undefined;
  /** Every record as GET returns them, in list order. */
  all(): Read[];
}

/** What the suites create a simulator with: the sample records, and a rate limit, faults or clock when a test needs one. */
export type SuiteSimulatorOptions<Seed> = Pick<SimulatorOptions, "rateLimit" | "faults" | "now"> & {
  records: readonly Seed[];
};

/**
 * One resource of a provider wired to its simulator, what every shared suite is given: its sample
 * records, its simulator, its client and its adapter, each as the provider package exports it.
 * `Seed` is a sample record (it has an id, and is both a read and a desired record), `Read` what GET
 * returns, `Patch` the PATCH body, `Desired` what a sync holds.
 * @example
 * const folk: SimulatedResource<FolkPerson, FolkPerson, FolkPersonPatch, FolkPersonDesired, FolkClient, FolkSimulator> = {
 *   sampleRecords: sampleFolkRecords,
 *   sampleChanges: sampleFolkChanges,
 *   createSimulator: createFolkSimulator,
 *   createClient: createFolkClient,
 *   createAdapter: createFolkPeopleAdapter,
 * };
 */
export interface SimulatedResource<
  Seed extends Read & Desired & { readonly id: string },
  Read,
  Patch,
  Desired,
  Client,
  Sim extends RecordSimulator<Read>,
> {
  /** Realistic records, the same for the same seed (`sampleFolkRecords`). */
  sampleRecords(count: number, options: { seed: number }): Seed[];
  /** Desired records of `records`, `changedRatio` of them changed (default a third; `sampleFolkChanges`). */
  sampleChanges(records: Seed[], options: { seed: number; changedRatio?: number }): Desired[];
  /** The simulator seeded with `records` (`createFolkSimulator`). */
  createSimulator(options: SuiteSimulatorOptions<Seed>): Sim;
  /** The client factory (`createFolkClient`); the suites give it the simulator's key and `fetch`. */
  createClient(options: ClientOptions): Client;
  /** The adapter factory of the resource (`createFolkPeopleAdapter`). */
  createAdapter(client: Client): ResourceAdapter<Read, Patch, Desired>;
}
