// fast-json-patch is CommonJS for Node and ESM (`module`) for bundlers: only its default export is
// reachable the same way from both.
import jsonPatch, { type Operation } from "fast-json-patch";

export type { Operation };

/**
 * The RFC 6902 operations that turn `before` into `after`, computed by fast-json-patch `compare`:
 * for audit logs and for comparing against the minimal PATCH body. Not part of the main entry.
 * @example
 * auditOperations({ name: "Ada", emails: ["a@x.io"] }, { name: "Ada L.", emails: ["a@x.io"] })
 * // [{ op: "replace", path: "/name", value: "Ada L." }]
 */
export function auditOperations(before: object, after: object): Operation[] {
  return jsonPatch.compare(before, after);
}
