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
  const ctx: DiffContext = { now: options?.now ?? new Date(), field: "", issues: [] };
  const found = new Map<string, unknown>();
  for (const k in rules) {
    ctx.field = k;
    const v = rules[k]!.diff(before, after, ctx);
    if (v !== UNCHANGED && v !== undefined) found.set(k, v);
  }
  for (const { field, requires } of spec.companions ?? []) {
    if (!found.has(field) || found.has(requires)) continue;
    // The full value as it is after the update: after's, or before's when after leaves it unmanaged.
    const rule = rules[requires];
    let v = rule?.value?.(after) ?? UNCHANGED;
    if (v === UNCHANGED) v = rule?.value?.(before) ?? UNCHANGED;
    if (v !== UNCHANGED) found.set(requires, v);
    else {
      ctx.issues.push(
        issue(requires, "companion", `must be sent with ${field}`, field, "no value in either record"),
      );
    }
  }
  const body: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const k in rules) {
    if (!found.has(k)) continue;
    body[k] = toJson(found.get(k));
    changed.push(k);
  }
  const issues = ctx.issues;
  if (spec.schema) issues.push(...validate(spec.schema, body, { now: ctx.now }));
  if (spec.check) issues.push(...spec.check(body as Patch, before, after));
  if (issues.length > 0) throw new PatchValidationError(issues);
  return { body: body as Patch, noop: changed.length === 0, changed: changed as (keyof Patch & string)[] };
}
