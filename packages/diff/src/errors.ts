import type { ValidationIssue } from "./validate.ts";

/**
 * A desired record that cannot be written: thrown by `diff()` before anything is sent.
 * @example
 * try {
 *   diff(person, before, after);
 * } catch (e) {
 *   if (e instanceof PatchValidationError) for (const i of e.issues) console.error(i.path, i.rule, i.limit);
 * }
 */
export class PatchValidationError extends Error {
  override readonly name = "PatchValidationError";
  /** Each field, the rule it breaks and the limit. */
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], options?: ErrorOptions) {
    super(`Invalid PATCH body:\n  ${issues.map((i) => i.message).join("\n  ")}`, options);
    this.issues = issues;
  }
}
