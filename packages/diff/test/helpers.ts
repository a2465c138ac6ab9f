import { type DiffContext, type FieldRule, UNCHANGED, type ValidationIssue } from "../src/index.ts";

/** "Today" in every test that needs one. */
export const NOW = new Date("2025-06-15T12:00:00Z");

/** Freezes a value and everything in it, so a test fails if the code under test mutates its inputs. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Runs one rule on frozen copies of two records, as `diff()` would for a field named "f". */
export function runRule<R, W>(
  rule: FieldRule<R, W>,
  before: R,
  after: R,
): { got: W | typeof UNCHANGED; issues: ValidationIssue[] } {
  const ctx: DiffContext = { now: NOW, field: "f", issues: [] };
  const got = rule.diff(deepFreeze(structuredClone(before)), deepFreeze(structuredClone(after)), ctx);
  return { got, issues: ctx.issues };
}

export { UNCHANGED };
