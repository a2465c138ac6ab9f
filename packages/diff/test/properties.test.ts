import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { after, before, equivalent } from "./fixtures/arbitraries.ts";
import {
  apply,
  type ContactPatch,
  type ContactRead,
  diffContact,
  expected,
  Rejected,
  state,
} from "./fixtures/contact.ts";
import { deepFreeze } from "./helpers.ts";

// PROPERTY_RUNS=20000 for a deeper search (CI nightly, or after changing a rule).
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) };
const TIMEOUT = 30_000 * Math.max(1, RUNS.numRuns / 1000);

/** The state the provider ends in, or "rejected" when it refuses the body. */
function outcome(record: ContactRead, body: ContactPatch): unknown {
  try {
    return state(apply(record, body));
  } catch (e) {
    if (e instanceof Rejected) return "rejected";
    throw e;
  }
}

/** Every body with one piece less: a top-level key, a keyed-list op, a delta element, a merge-map leaf. */
function smaller(body: ContactPatch): [string, ContactPatch][] {
  const out: [string, ContactPatch][] = [];
  const without = (what: string, edit: (b: ContactPatch) => void) => {
    const b = structuredClone(body);
    edit(b);
    out.push([what, b]);
  };
  for (const k of Object.keys(body) as (keyof ContactPatch)[]) without(k, (b) => delete b[k]);
  for (const [i, op] of (body.fields ?? []).entries()) {
    without(`fields[${i}]`, (b) => b.fields?.splice(i, 1));
    if (op.clear_all) without(`fields[${i}].clear_all`, (b) => delete b.fields![i]!.clear_all);
    for (const key of ["add_values", "remove_values"] as const) {
      for (const j of op[key]?.keys() ?? []) {
        without(`fields[${i}].${key}[${j}]`, (b) => b.fields![i]![key]!.splice(j, 1));
      }
    }
  }
  for (const [g, leaves] of Object.entries(body.custom ?? {})) {
    for (const f of Object.keys(leaves)) without(`custom.${g}.${f}`, (b) => delete b.custom![g]![f]);
  }
  for (const k of Object.keys(body.prefs ?? {})) without(`prefs.${k}`, (b) => delete b.prefs![k]);
  return out;
}

describe("diff contract on generated records", () => {
  test.prop([before], RUNS)(
    "diff(x, x) is a no-op",
    (x) => {
      const got = diffContact(deepFreeze(x), x);
      expect(got).toEqual({ body: {}, noop: true, changed: [] });
    },
    TIMEOUT,
  );

  test.prop([before.chain((x) => fc.tuple(fc.constant(x), equivalent(x)))], RUNS)(
    "read-only fields, reorders and equivalent encodings are a no-op",
    ([x, y]) => {
      expect(diffContact(x, y).body).toEqual({});
    },
    TIMEOUT,
  );

  test.prop([before, after], RUNS)(
    "correct: applying the body gives the desired state",
    (b, a) => {
      const { body } = diffContact(b, a);
      expect(outcome(b, body)).toEqual(state(expected(b, a)));
    },
    TIMEOUT,
  );

  test.prop([before, after], RUNS)(
    "minimal: any smaller body breaks correctness",
    (b, a) => {
      const { body } = diffContact(b, a);
      const want = state(expected(b, a));
      for (const [what, smallerBody] of smaller(body)) {
        expect(outcome(b, smallerBody), `without ${what}`).not.toEqual(want);
      }
    },
    TIMEOUT,
  );

  test.prop([before, after], RUNS)(
    "noop and changed describe the body",
    (b, a) => {
      const got = diffContact(b, a);
      expect(got.changed).toEqual(Object.keys(got.body));
      expect(got.noop).toBe(got.changed.length === 0);
      expect(JSON.stringify(got.body)).not.toContain("undefined");
    },
    TIMEOUT,
  );

  test.prop([before, after], RUNS)(
    "deterministic: the same inputs give byte-identical bodies",
    (b, a) => {
      const one = JSON.stringify(diffContact(b, a).body);
      expect(JSON.stringify(diffContact(structuredClone(b), structuredClone(a)).body)).toBe(one);
    },
    TIMEOUT,
  );

  test.prop([before, after], RUNS)(
    "inputs are never mutated",
    (b, a) => {
      const [b0, a0] = [structuredClone(b), structuredClone(a)];
      diffContact(deepFreeze(b), deepFreeze(a));
      expect([b, a]).toEqual([b0, a0]);
    },
    TIMEOUT,
  );
});
