import { deepEqual, type Equality } from "../equal.ts";
import { type FieldRule, UNCHANGED } from "../types.ts";
import { issue } from "../validate.ts";
import { fieldRule } from "./field.ts";

/**
 * The shared core of `scalar`, `nullable` and `replaceObject`: set the after value when it differs.
 * `clear` is what an emptied field sends; with no `clear`, emptying a set field is a "not-nullable" issue.
 * @example setRule("nullable", "birthday", sameDay, undefined, null)
 */
export function setRule(
  kind: string,
  key: PropertyKey,
  equals: Equality = deepEqual,
  map: ((v: unknown) => unknown) | undefined,
  clear: unknown,
): FieldRule<unknown, unknown> {
  const write = map ?? ((v: unknown) => v);
  const empty = (v: unknown) => v == null || (clear !== undefined && deepEqual(write(v), clear));
  return fieldRule(
    kind,
    key,
    (b, a, ctx) => {
      if (empty(a)) {
        if (empty(b)) return UNCHANGED;
        if (clear !== undefined) return clear;
        ctx.issues.push(issue(ctx.field, "not-nullable", "cannot be cleared", undefined, "null"));
        return UNCHANGED;
      }
      return b != null && equals(b, a) ? UNCHANGED : write(a);
    },
    (a) => (a !== null ? write(a) : clear === undefined ? UNCHANGED : clear),
  );
}

interface SetOptions {
  /** Equality of two non-null read values (default: strict, then canonical deep-equal). */
  equals?: Equality;
}

/**
 * A field that is set when it differs (by `equals`). `clear` is the value sent when after is `null`
 * (or maps to `clear`); without it, clearing a set value is a "not-nullable" issue. `map` turns the
 * read value into the write value.
 * @example
 * scalar("first_name", { clear: "" })
 * scalar("linkedin_public_id", { map: (id) => `https://www.linkedin.com/in/${id}` })
 */
export function scalar<R, K extends keyof R, W>(
  key: K,
  options: SetOptions & { clear?: W; map: (value: NonNullable<R[K]>) => W },
): FieldRule<R, W>;
export function scalar<R, K extends keyof R>(
  key: K,
  options?: SetOptions & { clear?: NonNullable<R[K]> },
): FieldRule<R, NonNullable<R[K]>>;
export function scalar(
  key: PropertyKey,
  options: SetOptions & { clear?: unknown; map?: (v: never) => unknown } = {},
): FieldRule<unknown, unknown> {
  return setRule("scalar", key, options.equals, options.map as (v: unknown) => unknown, options.clear);
}

/**
 * A field that is set when it differs; after `null` clears it and is sent as `null`.
 * @example nullable("birthday", { equals: sameDay })
 */
export function nullable<R, K extends keyof R, W>(
  key: K,
  options: SetOptions & { map: (value: NonNullable<R[K]>) => W },
): FieldRule<R, W | null>;
export function nullable<R, K extends keyof R>(
  key: K,
  options?: SetOptions,
): FieldRule<R, NonNullable<R[K]> | null>;
export function nullable(
  key: PropertyKey,
  options: SetOptions & { map?: (v: never) => unknown } = {},
): FieldRule<unknown, unknown> {
  return setRule("nullable", key, options.equals, options.map as (v: unknown) => unknown, null);
}
