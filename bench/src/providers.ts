/**
 * One entry per provider package: its sample record pairs, its diff function and rule table, its
 * simulator and client. Everything else in the benchmarks is provider-agnostic and reads only this.
 */
import { fullBodyOf, type ResourceAdapter, unwrap } from "@patchwise/core";
import type { Simulator } from "@patchwise/core/testing";
import type { DiffResult, ResourceSpec } from "@patchwise/diff";
import {
  createFolkClient,
  createFolkPeopleAdapter,
  diffPerson as diffFolkPerson,
  personRules as folkRules,
} from "@patchwise/folk";
import { createFolkSimulator, sampleFolkChanges, sampleFolkRecords } from "@patchwise/folk/testing";
import {
  createInstaviewCandidatesAdapter,
  createInstaviewClient,
  diffCandidate as diffInstaviewCandidate,
  candidateRules as instaviewRules,
} from "@patchwise/instaview";
import {
  createInstaviewSimulator,
  sampleInstaviewChanges,
  sampleInstaviewRecords,
} from "@patchwise/instaview/testing";
import {
  createStackOneCandidatesAdapter,
  createStackOneClient,
  diffCandidate as diffStackOneCandidate,
  candidateRules as stackOneRules,
} from "@patchwise/stackone";
import {
  createStackOneSimulator,
  STACKONE_ACCOUNT_ID,
  type StackOneSeedRecord,
  sampleStackOneChanges,
  sampleStackOneRecords,
} from "@patchwise/stackone/testing";
import {
  createStardexClient,
  createStardexPersonsAdapter,
  diffPerson as diffStardexPerson,
  personRules as stardexRules,
} from "@patchwise/stardex";
import {
  createStardexSimulator,
  sampleStardexChanges,
  sampleStardexRecords,
} from "@patchwise/stardex/testing";

/** A record as GET returns it (`before`) and as a sync wants it (`after`), in the provider's read shape. */
export interface RecordPair {
  id: string;
  before: object;
  after: object;
}

/** A diff function's result with its body type erased. */
interface Diffed {
  body: object;
  noop: boolean;
  changed: readonly string[];
}

/** The provider's `create<Name>Client`, as the client benchmark calls it. */
interface BenchClient {
  /** GET one record: the record, out of the provider's envelope. */
  get(id: string): Promise<object>;
  /** PATCH one record with a body. */
  patch(id: string, body: object): Promise<unknown>;
}

/** One provider, as the benchmarks see it: typed inside, plain objects outside. */
export interface Provider {
  /** Package name without the scope: `folk`. */
  name: string;
  /** The diff function benchmarked: `diffPerson`. */
  diffName: string;
  /** `count` pairs from the provider's sample functions, `changedRatio` of them really changed. */
  pairs(count: number, options: { seed: number; changedRatio: number }): RecordPair[];
  /** The provider's diff function. */
  diff(before: object, after: object): Diffed;
  /** A PATCH body with every writable field of `record`: each rule's full write value (`fullBodyOf`). */
  fullBody(record: object): object;
  /** A simulator seeded with `records` (the `before` of some pairs). */
  simulator(records: readonly object[]): Simulator;
  /** The provider's client against `baseUrl`, with the simulator's key. */
  client(baseUrl: string): BenchClient;
  /** The provider's `syncRecords` adapter (`create<Name><Resource>Adapter`) over a client against `baseUrl`. */
  adapter(baseUrl: string): ResourceAdapter<object, object, object>;
  /** The path (and query) of the same GET as `client.get`, for raw `fetch`. */
  recordPath(id: string): string;
  /** The auth headers the client sends, for raw `fetch`. */
  headers: Readonly<Record<string, string>>;
}

/** The key every simulator accepts by default. */
const API_KEY = "test-key";

/** The same typed pieces every provider has, before they are erased to `Provider`. */
interface ProviderDefinition<Read extends { readonly id?: string | null }, Desired, Patch extends object> {
  name: string;
  diffName: string;
  records(count: number, options: { seed: number }): Read[];
  changes(records: readonly Read[], options: { seed: number; changedRatio: number }): Desired[];
  diff(before: Read, after: Desired): DiffResult<Patch>;
  rules: ResourceSpec<Desired, Patch>;
  simulator(records: readonly Read[]): Simulator;
  client(baseUrl: string): BenchClient;
  adapter(baseUrl: string): ResourceAdapter<Read, Patch, Desired>;
  recordPath(id: string): string;
  headers?: Readonly<Record<string, string>>;
}

/** Erases a provider's types in one place: the benchmarks only hand its own records back to it. */
function provider<Read extends { readonly id?: string | null }, Desired, Patch extends object>(
  definition: ProviderDefinition<Read, Desired, Patch>,
): Provider {
  return {
    name: definition.name,
    diffName: definition.diffName,
    pairs(count, { seed, changedRatio }) {
      const before = definition.records(count, { seed });
      const after = definition.changes(before, { seed: seed + 1, changedRatio });
      return before.map((record, i) => {
        if (!record.id) throw new Error(`${definition.name}: sample record ${i} has no id`);
        return { id: record.id, before: record, after: after[i] as object };
      });
    },
    diff: (before, after) => definition.diff(before as Read, after as Desired),
    fullBody: (record) => fullBodyOf(definition.rules.fields, record as Desired),
    simulator: (records) => definition.simulator(records as readonly Read[]),
    client: definition.client,
    adapter: (baseUrl) => definition.adapter(baseUrl) as unknown as ResourceAdapter<object, object, object>,
    recordPath: definition.recordPath,
    headers: definition.headers ?? { authorization: `Bearer ${API_KEY}` },
  };
}

/** Each provider's client against a simulator at `baseUrl`. */
const stardexClient = (baseUrl: string) => createStardexClient({ apiKey: API_KEY, baseUrl });
const stackOneClient = (baseUrl: string) =>
  createStackOneClient({ apiKey: API_KEY, accountId: STACKONE_ACCOUNT_ID, baseUrl });
const folkClient = (baseUrl: string) => createFolkClient({ apiKey: API_KEY, baseUrl });
const instaviewClient = (baseUrl: string) => createInstaviewClient({ apiKey: API_KEY, baseUrl });

/** The providers, in the order of DESIGN.md. */
export const providers: readonly Provider[] = [
  provider({
    name: "stardex",
    diffName: "diffPerson",
    records: sampleStardexRecords,
    changes: sampleStardexChanges,
    diff: diffStardexPerson,
    rules: stardexRules,
    simulator: (records) => createStardexSimulator({ records }),
    client(baseUrl) {
      const stardex = stardexClient(baseUrl);
      const params = (id: string) => ({ path: { id } });
      return {
        get: async (id) => (await unwrap(stardex.GET("/v1/persons/{id}", { params: params(id) }))).data,
        patch: (id, body) => unwrap(stardex.PATCH("/v1/persons/{id}", { params: params(id), body })),
      };
    },
    adapter: (baseUrl) => createStardexPersonsAdapter(stardexClient(baseUrl)),
    recordPath: (id) => `/v1/persons/${id}`,
  }),
  provider({
    name: "stackone",
    diffName: "diffCandidate",
    records: sampleStackOneRecords,
    changes: sampleStackOneChanges,
    diff: diffStackOneCandidate,
    rules: stackOneRules,
    // The records are sampleStackOneRecords' own, each with its id: seed records.
    simulator: (records) => createStackOneSimulator({ records: records as readonly StackOneSeedRecord[] }),
    client(baseUrl) {
      const stackone = stackOneClient(baseUrl);
      const url = "/unified/ats/candidates/{id}";
      // Custom field values come back only with include=custom_fields: the records were sampled with them.
      const query = { include: "custom_fields" } as const;
      return {
        get: async (id) => (await unwrap(stackone.GET(url, { params: { path: { id }, query } }))).data,
        patch: (id, body) => unwrap(stackone.PATCH(url, { params: { path: { id } }, body })),
      };
    },
    adapter: (baseUrl) => createStackOneCandidatesAdapter(stackOneClient(baseUrl)),
    recordPath: (id) => `/unified/ats/candidates/${id}?include=custom_fields`,
    headers: { authorization: `Basic ${btoa(`${API_KEY}:`)}`, "x-account-id": STACKONE_ACCOUNT_ID },
  }),
  provider({
    name: "folk",
    diffName: "diffPerson",
    records: sampleFolkRecords,
    changes: sampleFolkChanges,
    diff: diffFolkPerson,
    rules: folkRules,
    simulator: (records) => createFolkSimulator({ records }),
    client(baseUrl) {
      const folk = folkClient(baseUrl);
      const params = (personId: string) => ({ path: { personId } });
      return {
        get: async (id) => (await unwrap(folk.GET("/v1/people/{personId}", { params: params(id) }))).data,
        patch: (id, body) => unwrap(folk.PATCH("/v1/people/{personId}", { params: params(id), body })),
      };
    },
    adapter: (baseUrl) => createFolkPeopleAdapter(folkClient(baseUrl)),
    recordPath: (id) => `/v1/people/${id}`,
  }),
  provider({
    name: "instaview",
    diffName: "diffCandidate",
    records: sampleInstaviewRecords,
    changes: sampleInstaviewChanges,
    diff: diffInstaviewCandidate,
    rules: instaviewRules,
    simulator: (records) => createInstaviewSimulator({ records }),
    client(baseUrl) {
      const instaview = instaviewClient(baseUrl);
      const params = (id: string) => ({ path: { id } });
      return {
        get: (id) => unwrap(instaview.GET("/candidates/{id}", { params: params(id) })),
        patch: (id, body) => unwrap(instaview.PATCH("/candidates/{id}", { params: params(id), body })),
      };
    },
    adapter: (baseUrl) => createInstaviewCandidatesAdapter(instaviewClient(baseUrl)),
    recordPath: (id) => `/candidates/${id}`,
  }),
];
