/**
 * What a user would reach for instead of a provider's diff function, each called the way its docs
 * show, on the same record pairs.
 */
import jsonPatch from "fast-json-patch";
import { create } from "jsondiffpatch";
import microdiff from "microdiff";
import { deepEqual } from "./floor.ts";

/** Array items matched by identity rather than position, as jsondiffpatch's docs advise. */
const jsondiffpatch = create({
  objectHash: (item: object, index?: number) => {
    const o = item as Record<string, unknown>;
    const id = o.id ?? o.attribute_id ?? o.value;
    return typeof id === "string" ? id : `$$index:${index}`;
  },
});

/** A way to diff two records. */
export interface Competitor {
  name: string;
  run(before: object, after: object): unknown;
}

/** The libraries compared, and the floor (last), by the names results.json and BENCHMARKS.md use. */
export const competitors: readonly Competitor[] = [
  // fast-json-patch is CommonJS for Node: its default export is the one reachable from ESM.
  { name: "fast-json-patch compare", run: (before, after) => jsonPatch.compare(before, after) },
  {
    name: "microdiff",
    run: (before, after) => microdiff(before as Record<string, unknown>, after as Record<string, unknown>),
  },
  { name: "jsondiffpatch (objectHash)", run: (before, after) => jsondiffpatch.diff(before, after) },
  { name: "deep-equal (floor)", run: (before, after) => deepEqual(before, after) },
];

/** The RFC 6902 operations fast-json-patch would send for a pair. */
export const jsonPatchOperations = (before: object, after: object): jsonPatch.Operation[] =>
  jsonPatch.compare(before, after);
