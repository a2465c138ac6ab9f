import type { ClientEvent, ResourceAdapter, RetryOptions } from "@patchwise/core";
import type { Simulator, SimulatorOptions } from "@patchwise/core/testing";
import type { DiffResult } from "@patchwise/diff";

/** The providers, in the order the demo reports them. */
export const PROVIDER_NAMES = ["stardex", "stackone", "folk", "instaview"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** How the CLI connects a client: the options every provider's factory takes, plus its own. */
export interface ConnectOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retry?: RetryOptions | false | undefined;
  logger?: ((event: ClientEvent) => void) | undefined;
  /** StackOne's linked account (`x-account-id`). */
  accountId?: string | undefined;
  /** Instaview's company, for multi-company keys. */
  companyId?: string | undefined;
}

/** A provider simulator as the CLI drives it: the kit's simulator, its key and its store. */
export interface ProviderSimulator extends Simulator {
  readonly apiKey: string;
  get(id: string): unknown;
  all(): unknown[];
}

/** One provider as the CLI knows it: its diff, adapter, simulator and sample data, with types erased. */
export interface CliProvider {
  name: ProviderName;
  /** "Folk". */
  title: string;
  /** What its records are called: "person" / "people". */
  record: string;
  records: string;
  /** The provider's own environment variable for the key (`FOLK_API_KEY`). */
  envKey: string;
  /** StackOne: every request names a linked account. */
  needsAccountId: boolean;
  diff(before: unknown, after: unknown): DiffResult<unknown>;
  fullBody(record: unknown): unknown;
  adapter(options: ConnectOptions): ResourceAdapter<unknown, unknown, unknown>;
  /** Its `/testing` entry, loaded when a command needs a simulator (never by `diff`). */
  testing(): Promise<ProviderTesting>;
}

/** What the CLI takes from a provider's `/testing` entry. */
interface ProviderTesting<Read = unknown, Desired = unknown> {
  simulator(options: SimulatorOptions & { records?: readonly Read[] }): ProviderSimulator;
  /** What a client of the simulator sends besides the key. */
  account: { accountId?: string };
  sampleRecords(count: number, seed: number): Read[];
  sampleChanges(records: readonly Read[], seed: number, changedRatio: number): Desired[];
  /** `count` records the simulator seeded with `sampleRecords` lacks, without ids, for upserts. */
  sampleNew(count: number, seed: number): Desired[];
}

/** A provider with its types, checked here once and erased for the commands. */
export interface TypedProvider<Read, Patch, Desired> {
  name: ProviderName;
  title: string;
  record: string;
  records: string;
  envKey: string;
  needsAccountId: boolean;
  diff(before: Read, after: Desired): DiffResult<Patch>;
  adapter(options: ConnectOptions): ResourceAdapter<Read, Patch, Desired>;
  testing(): Promise<ProviderTesting<Read, Desired>>;
}

/**
 * A provider for the commands, its types checked here and erased: `fullBody` comes from an adapter
 * over a client that never connects (computing it sends nothing).
 * @example export const folk = define<FolkPerson, FolkPersonPatch, FolkPersonDesired>({ name: "folk", ... });
 */
export function define<Read, Patch, Desired>(provider: TypedProvider<Read, Patch, Desired>): CliProvider {
  const offline = provider.adapter({
    apiKey: "offline",
    accountId: "offline",
    fetch: () => Promise.reject(new Error("offline: fullBody sends nothing")),
  });
  return { ...provider, fullBody: (record: Desired) => offline.fullBody(record) } as unknown as CliProvider;
}

/**
 * The options every client factory takes, without the provider's own and without `undefined` values
 * (exactOptionalPropertyTypes).
 * @example createFolkClient(clientOptions({ apiKey, baseUrl: undefined })); // { apiKey }
 */
export function clientOptions({ accountId: _a, companyId: _c, ...options }: ConnectOptions) {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as {
    apiKey: string;
  };
}

/**
 * A provider's CLI module, loaded when a command names it: `patchwise diff folk` loads Folk alone.
 * @example const folk = await loadProvider("folk");
 */
export async function loadProvider(name: ProviderName): Promise<CliProvider> {
  switch (name) {
    case "stardex":
      return (await import("./stardex.ts")).stardex;
    case "stackone":
      return (await import("./stackone.ts")).stackone;
    case "folk":
      return (await import("./folk.ts")).folk;
    case "instaview":
      return (await import("./instaview.ts")).instaview;
  }
}
