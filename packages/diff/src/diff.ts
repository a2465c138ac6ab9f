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
import { issue, validate } from "./validate.ts";

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
  const ctx: DiffContext = { now, field: "", issues: [] };
  const issues = ctx.issues;
  const found = new Map<string, unknown>();
  // The full value of a field in `record`, for a companion.
  const full = (k: string, record: Read) => rules[k]?.value?.(record) ?? UNCHANGED;
  for (const k in rules) {
    ctx.field = k;
    const v = rules[k]!.diff(before, after, ctx);
    if (v !== UNCHANGED && v !== undefined) found.set(k, v);
  }
  for (const { field, requires } of spec.companions ?? []) {
    if (!found.has(field) || found.has(requires)) continue;
    // The full value as it is after the update: after's, or before's when after leaves it unmanaged.
    let v = full(requires, after);
    if (v === UNCHANGED) v = full(requires, before);
    if (v !== UNCHANGED) found.set(requires, v);
    else
      issues.push(
        issue(requires, "companion", `must be sent with ${field}`, field, "no value in either record"),
      );
  }
  const body: Record<string, unknown> = {};
  for (const k in rules) if (found.has(k)) body[k] = toJson(found.get(k));
  // In rule-table order: `for…in` and `Object.keys` both list integer-like keys first, then insertion order.
  const changed = Object.keys(body) as (keyof Patch & string)[];
  if (spec.schema) issues.push(...validate(spec.schema, body, { now }));
  if (spec.check) issues.push(...spec.check(body as Patch, before, after));
  if (issues.length) throw new PatchValidationError(issues);
  return { body: body as Patch, noop: !changed.length, changed };
}
