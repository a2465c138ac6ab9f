import { jsonPatchOperations } from "./competitors.ts";
import type { Provider, RecordPair } from "./providers.ts";

/** What one way of writing the changed records sends. */
interface BodySize {
  /** Records it sends a request for. */
  requests: number;
  /** UTF-8 bytes of all request bodies. */
  bytes: number;
  /** Mean bytes per request. */
  perRequest: number;
}

/** Body bytes of the minimal body against a full body and RFC 6902 operations, per provider. */
export interface BodyBytes {
  provider: string;
  pairs: number;
  /** The records the diff function says to write (non-noop). */
  changed: number;
  /** The diff function's bodies, for the changed records. */
  minimal: BodySize;
  /** A body of every writable field, for the same records. */
  full: BodySize;
  /** fast-json-patch `compare` operations, for the same records. */
  jsonPatch: BodySize;
  /** fast-json-patch over every pair: it also writes records that differ only in read-only fields or encodings. */
  jsonPatchAll: BodySize;
  /** full ÷ minimal bytes. */
  fullOverMinimal: number;
  /** jsonPatch ÷ minimal bytes. */
  jsonPatchOverMinimal: number;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function sizeOf(bodies: readonly unknown[]): BodySize {
  const bytes = bodies.reduce<number>((sum, body) => sum + bytesOf(body), 0);
  return { requests: bodies.length, bytes, perRequest: bodies.length ? bytes / bodies.length : 0 };
}

/**
 * The bytes each approach sends for `pairs`: the minimal body, a body of every writable field, and
 * fast-json-patch's operations (sent as a JSON array).
 * @example
 * const sizes = bodyBytes(folk, folk.pairs(300, { seed: 1, changedRatio: 1 / 3 }));
 */
export function bodyBytes(provider: Provider, pairs: readonly RecordPair[]): BodyBytes {
  const changed = pairs.flatMap((pair) => {
    const result = provider.diff(pair.before, pair.after);
    return result.noop ? [] : [{ ...pair, body: result.body }];
  });
  const minimal = sizeOf(changed.map((c) => c.body));
  const full = sizeOf(changed.map((c) => provider.fullBody(c.after)));
  const jsonPatch = sizeOf(changed.map((c) => jsonPatchOperations(c.before, c.after)));
  const jsonPatchAll = sizeOf(
    pairs.map((p) => jsonPatchOperations(p.before, p.after)).filter((ops) => ops.length > 0),
  );
  return {
    provider: provider.name,
    pairs: pairs.length,
    changed: changed.length,
    minimal,
    full,
    jsonPatch,
    jsonPatchAll,
    fullOverMinimal: full.bytes / minimal.bytes,
    jsonPatchOverMinimal: jsonPatch.bytes / minimal.bytes,
  };
}
