import type { RateLimitState } from "../rate-limit.ts";

/** What an adapter's `diff` returns: a provider diff function's result (`diffPerson`, `diffCandidate`). */
export interface DiffOutcome<Patch> {
  /** The smallest PATCH body that turns the current record into the desired one. */
  body: Patch;
  /** True when there is nothing to send. */
  noop: boolean;
  /** The body's keys. */
  changed: readonly string[];
}

/** A field changed on both sides since the base (a `Conflict` of `@patchwise/diff/three-way`, read structurally). */
export interface SyncConflict {
  /** `jobTitle`, `emails[0]` (the primary item), `customFieldValues.grp_1.Stage`. */
  field: string;
  base: unknown;
  current: unknown;
  desired: unknown;
  /** The side the body took. */
  kept: "desired" | "current";
}

/** Which side a field changed on both sides takes; `fail` refuses the record (reported, nothing sent). */
export type ConflictPolicy = "desired" | "current" | "fail";

/** What an adapter's `diff3` returns: a provider three-way diff's result (`diff3Person`, `diff3Candidate`). */
export interface Diff3Outcome<Patch> extends DiffOutcome<Patch> {
  /** Fields both sides changed to values that differ. */
  conflicts: readonly SyncConflict[];
  /**
   * The record the body writes onto current (a desired record): `{ ...current, ...merged }` is the next
   * base. Typed loosely, so that an adapter whose desired records have optional keys still fits one
   * typed with whole records.
   */
  merged: object;
}

/**
 * One resource of one provider as `syncRecords` drives it: how to name, read, list, diff and write a
 * record. Each provider package exports a factory that builds one from its client
 * (`createFolkPeopleAdapter(client)`); a test can write one over a `Map`. `Read` is what GET returns,
 * `Patch` the PATCH body, `Desired` what a sync holds (the read shape with keys optional, by default
 * `Read` itself).
 *
 * With the three optional upsert members (`naturalKey`, `findByKey`, `create`) the runner also
 * syncs records the provider lacks: a desired record with no id, or whose GET answers 404, is looked up
 * by its natural key (an email, a LinkedIn URL), patched when found and created when not; a POST whose
 * answer was lost is settled by another look-up before it is ever sent again.
 *
 * @example
 * const adapter: ResourceAdapter<Person, PersonPatch> = createFolkPeopleAdapter(folk);
 * const report = await syncRecords(adapter, desired, { concurrency: 4 });
 */
export interface ResourceAdapter<Read, Patch, Desired = Read> {
  /** For messages and reports: `folk.people`. */
  readonly resource: string;
  /** The provider id of a record, or undefined when it has none (it cannot be synced by id). */
  id(record: Desired | Read): string | undefined;
  /** The record as GET returns it; undefined when the provider answers 404. Other errors throw. */
  get(id: string, signal?: AbortSignal): Promise<Read | undefined>;
  /** Every record, page after page: a snapshot to diff against instead of one GET per record. */
  list(signal?: AbortSignal): AsyncIterable<Read>;
  /** Sends a PATCH body; throws on a non-2xx answer (after the client's retries). */
  patch(id: string, body: Patch, signal?: AbortSignal): Promise<void>;
  /** The provider's diff: throws (`PatchValidationError`) when `after` cannot be written. */
  diff(before: Read, after: Desired): DiffOutcome<Patch>;
  /**
   * The provider's three-way diff (`diff3Person`): the changes since `base` (what the sync last saw or
   * wrote) applied onto current, keeping what others changed meanwhile. Used when the runner holds a
   * base for the record (`bases`); throws like `diff`, and `MergeConflictError` under `fail`.
   */
  diff3?(
    records: { base: Read; current: Read; desired: Desired },
    prefer: ConflictPolicy,
  ): Diff3Outcome<Patch>;
  /** A body of every writable field of `record`: what a sync without a diff would send. */
  fullBody(record: Desired): Patch;
  /** The last rate-limit state the client saw (`client.rateLimit`); undefined when the provider sends none. */
  rateLimit(): RateLimitState | undefined;
  /**
   * The natural key of a record, the one `findByKey` searches by (`ada@example.com`, a LinkedIn URL),
   * normalised so that equal keys compare equal; undefined when the record has none.
   */
  naturalKey?(record: Desired | Read): string | undefined;
  /**
   * The provider's records with the natural key of `record`, exactly (a loose server-side match is
   * filtered out): none, one, or more when the provider already holds duplicates. Throws on a non-2xx answer.
   */
  findByKey?(record: Desired, signal?: AbortSignal): Promise<Read[]>;
  /**
   * Sends one POST of `record`'s create body, which it builds and validates first (throwing
   * `PatchValidationError` before anything is sent); never retried. Throws on a non-2xx answer.
   */
  create?(record: Desired, signal?: AbortSignal): Promise<Created<Read>>;
}

/** What a create answered: the new record's id, and the record when the provider returns it whole. */
export interface Created<Read> {
  id: string;
  /** The record in the read shape, when the POST returns it (else the runner reads it with `get`). */
  record?: Read;
}

/** A rule as `fullBodyOf` reads it: it may give a field's full write value, or a symbol when it has none. */
export interface FullValueRule<Read> {
  value?(record: Read): unknown;
}

/**
 * The body `fullBodyOf` builds from a rule table: each field optional, typed by what its rule's `value`
 * returns, less the "unchanged" symbol. For a `ResourceSpec<Read, Patch>` of `@patchwise/diff` it is
 * assignable to `Patch`.
 */
export type FullBody<Rules> = {
  [K in keyof Rules]?: Rules[K] extends { value?(record: never): infer V } ? Exclude<V, symbol> : never;
};

/**
 * The body of every writable field of `record` from a rule table (`personRules.fields` of
 * `@patchwise/diff`'s `ResourceSpec`): each rule's `value(record)` that is defined, in table order. A
 * rule without `value` (write-only fields) or whose value is its "unchanged" symbol is left out.
 *
 * @example
 * fullBodyOf(personRules.fields, person); // { firstName: "Ada", ..., groups: [{ id: "grp_…" }], ... }
 */
export function fullBodyOf<Read, Rules extends { readonly [K in keyof Rules]: FullValueRule<Read> }>(
  rules: Rules,
  record: Read,
): FullBody<Rules> {
  const body: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(rules) as [string, FullValueRule<Read>][]) {
    const value = rule.value?.(record);
    // `UNCHANGED` of @patchwise/diff is a symbol; core does not depend on diff.
    if (value !== undefined && typeof value !== "symbol") body[field] = value;
  }
  return body as FullBody<Rules>;
}
