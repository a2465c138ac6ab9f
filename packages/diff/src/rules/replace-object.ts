import type { Equality } from "../equal.ts";
import type { FieldRule, KeysOf } from "../types.ts";
import { setRule } from "./scalar.ts";

/**
 * An object replaced whole: sent when it differs by deep equality (key order ignored). After `null`
 * sends `clear` (default `null`).
 * @example
 * replaceObject("unified_custom_fields")
 * replaceObject("metadata", { clear: {} }) // not nullable: empty it with {}
 */
export function replaceObject<R, K extends KeysOf<R, object>>(
  key: K,
  options: { equals?: Equality; clear: NonNullable<R[K]> },
): FieldRule<R, NonNullable<R[K]>>;
export function replaceObject<R, K extends KeysOf<R, object>>(
  key: K,
  options?: { equals?: Equality },
): FieldRule<R, NonNullable<R[K]> | null>;
export function replaceObject(
  key: PropertyKey,
  options: { equals?: Equality; clear?: unknown } = {},
): FieldRule<unknown, unknown> {
  return setRule("replace-object", key, options.equals, undefined, options.clear ?? null);
}
