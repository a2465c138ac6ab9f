import { PatchValidationError } from "./errors.ts";
import { toJson } from "./json.ts";
import {
  type DiffContext,
  type DiffOptions,
  type DiffResult,
  type FieldRule,
  type ResourceSpec,
  UNCHANGED,
} from "./types.ts";
import { issue, type ValidationIssue, validate } from "./validate.ts";

/**
 * Declares a resource's rules, typed against its read shape and its PATCH body: a PATCH field with no
 * rule, a rule for a field the PATCH type lacks, or a read key the read type lacks fails to compile.
 * @example
 * const contact = defineResource<ContactRead, ContactPatch>({
 *   fields: { name: scalar("name"), emails: replaceList("emails", { ordered: true }) },
 * });
 */
export function defineResource<Read, Patch>(spec: ResourceSpec<Read, Patch>): ResourceSpec<Read, Patch> {
  return spec;
}

/**
 * The smallest valid PATCH body that turns `before` into `after` (both in read shape). Keys absent from
 * `after` are left as they are; `null` empties a field. Throws `PatchValidationError` listing every issue
 * when the desired record cannot be written.
 * @example
 * const { body, noop, changed } = diff(contact, before, { ...before, name: "Ada" });
 * // body: { name: "Ada" }, noop: false, changed: ["name"]
 */
export function diff<Read, Patch>(
  spec: ResourceSpec<Read, Patch>,
  before: Read,
  after: Read,
  options?: DiffOptions,
): DiffResult<Patch> {
  const rules = spec.fields as unknown as Record<string, FieldRule<Read, unknown>>;
  const now = options?.now ?? new Date();
  const issues: ValidationIssue[] = [];
  const ctx: DiffContext = { now, field: "", issues };
  // What to send, by key: made at the first change (most pairs have none), with no prototype so that
  // any key is a plain slot.
  let found: Record<string, unknown> | undefined;
  for (const k in rules) {
    ctx.field = k;
    const v = rules[k]!.diff(before, after, ctx);
    if (v === UNCHANGED || v === undefined) continue;
    found ??= Object.create(null) as Record<string, unknown>;
    found[k] = v;
  }
  const body: Record<string, unknown> = {};
  if (found) {
    for (const { field, requires } of spec.companions ?? []) {
      if (found[field] === undefined || found[requires] !== undefined) continue;
      // The full value as it is after the update: after's, or before's when after leaves it unmanaged.
      const v = [after, before]
        .map((r) => rules[requires]?.value?.(r))
        .find((v) => v != null && v !== UNCHANGED);
      if (v !== undefined) found[requires] = v;
      else
        issues.push(
          issue(requires, "companion", `must be sent with ${field}`, field, "no value in either record"),
        );
    }
    // In rule-table order: `for…in` and `Object.keys` both list integer-like keys first, then insertion order.
    for (const k in rules) if (found[k] !== undefined) body[k] = toJson(found[k]);
  }
  const changed = Object.keys(body) as (keyof Patch & string)[];
  const { schema, check } = spec;
  // A body is validated when there is one: nothing sent breaks no constraint of the spec.
  if (schema && changed.length) issues.push(...validate(schema, body, { now }));
  if (check) issues.push(...check(body as Patch, before, after));
  if (issues.length) throw new PatchValidationError(issues);
  return { body: body as Patch, noop: !changed.length, changed };
}
