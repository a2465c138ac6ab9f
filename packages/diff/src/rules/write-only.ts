import { type FieldRule, UNCHANGED } from "../types.ts";

/** A rule that never sends anything: `reason` says why the field is outside the state diff. */
export interface WriteOnlyRule extends FieldRule<unknown, never> {
  readonly reason?: string;
}

/**
 * A PATCH field that is never part of a state diff (side effects, deprecated or write-only fields):
 * the caller sets it on the body by hand when it wants the effect.
 * @example writeOnly("side effect: starts background enrichment")
 */
export function writeOnly(reason?: string): WriteOnlyRule {
  const rule: WriteOnlyRule = { kind: "write-only", diff: () => UNCHANGED };
  return reason === undefined ? rule : { ...rule, reason };
}
