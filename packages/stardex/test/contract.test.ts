/**
 * The contract of a minimal PATCH (DESIGN.md, "What minimal means"), held by `diffPerson` against the
 * simulator through the real client, over generated before/after pairs:
 * 1 correct, 2 minimal, 3 no-op, 4 valid, 5 deterministic.
 * PATCHWISE_RUNS sets the pairs per property (default 1000; `test:deep` runs 100 000).
 */
import { fc, test } from "@fast-check/vitest";
import { beforeEach, describe, expect } from "vitest";
import { CUSTOM_FIELD_KINDS } from "../src/custom-fields.ts";
import {
  createStardexClient,
  diffPerson,
  PatchValidationError,
  type StardexCustomFieldValue,
  type StardexPerson,
  type StardexPersonPatch,
  unwrap,
} from "../src/index.ts";
import { createStardexSimulator } from "../src/testing.ts";
import {
  CUSTOM_FIELD_DEFINITIONS,
  contractPair,
  equivalentPerson,
  sloppyPair,
  stardexPerson,
  TEAM_MEMBERS,
} from "./arbitraries.ts";

const RUNS = Number(process.env.PATCHWISE_RUNS ?? 1000);
const OPTIONS = { numRuns: RUNS };
const TIMEOUT = Math.max(60_000, RUNS * 60);
const KEY = "sk_test_contract";

const sim = createStardexSimulator({
  apiKey: KEY,
  now: () => new Date(Date.UTC(2026, 0, 15)),
  customFields: CUSTOM_FIELD_DEFINITIONS,
  teamMembers: TEAM_MEMBERS,
});
// No retries and no timers: a refused body or a fault must show, and nothing waits.
const client = createStardexClient({ apiKey: KEY, fetch: sim.fetch, retry: false, timeoutMs: 0 });

beforeEach(() => {
  sim.clearLog();
});

const SCALARS = [
  "name",
  "first_name",
  "last_name",
  "current_job_title",
  "current_company_name",
  "linkedin_public_id",
  "linkedin_location",
  "linkedin_headline",
  "address",
] as const;

type Fields = Map<string, StardexCustomFieldValue>;

/**
 * The writable state the caller asks for, by Stardex's semantics: `before`, with every key `after`
 * manages (a key left out is left as it is; a `null` list is empty; `custom_fields: null` empties every
 * attribute; an item without its value key leaves that attribute as it is).
 */
function wanted(before: StardexPerson, after: StardexPerson): StardexPerson {
  const r = structuredClone(before);
  for (const k of [...SCALARS, "emails", "phones"] as const) {
    const v = after[k];
    if (v !== undefined) Object.assign(r, { [k]: v ?? (k === "emails" || k === "phones" ? [] : null) });
  }
  if (after.custom_fields === undefined) return r;
  const byId: Fields = new Map((before.custom_fields ?? []).map((f) => [f.attribute_id, f]));
  if (after.custom_fields === null) byId.clear();
  for (const f of after.custom_fields ?? []) {
    if (f[CUSTOM_FIELD_KINDS[f.data_type].carrier] !== undefined) byId.set(f.attribute_id, f);
  }
  r.custom_fields = [...byId.values()];
  return r;
}

/** A date's day as `sameDay` reads it: a zoned timestamp its UTC day, anything else its own date part. */
const utcDay = (v: string) =>
  ((/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(v) && new Date(v).toJSON()) || v).slice(0, 10);

/**
 * The writable state in one canonical form: contact lists as multisets of (label, value), custom values
 * by attribute with empty ones dropped, numbers by value, dates by UTC day, tag and member lists as sets.
 */
function state(r: StardexPerson): string {
  const entries = (list: StardexPerson["emails"] | null | undefined) =>
    (list ?? []).map((c) => `${c.contact_data_type}\u0000${c.value}`).sort();
  const custom: [string, unknown][] = [];
  for (const f of r.custom_fields ?? []) {
    const v = f[CUSTOM_FIELD_KINDS[f.data_type].carrier];
    if (v == null || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) custom.push([f.attribute_id, [...new Set(v)].sort()]);
    else if (f.data_type === "number") custom.push([f.attribute_id, Number(v) + 0]);
    else if (f.data_type === "date") custom.push([f.attribute_id, utcDay(v)]);
    else custom.push([f.attribute_id, v]);
  }
  return JSON.stringify({
    ...Object.fromEntries(SCALARS.map((k) => [k, r[k] ?? null])),
    emails: entries(r.emails),
    phones: entries(r.phones),
    custom: custom.sort(([a], [b]) => (a < b ? -1 : 1)),
  });
}

const params = (before: StardexPerson) => ({ params: { path: { id: before.id } } });

/** Seeds `before`, PATCHes `body` through the client; the status and, when 200, the person as stored. */
async function patched(before: StardexPerson, body: StardexPersonPatch) {
  sim.seed([before]);
  const { response, error } = await client.PATCH("/v1/persons/{id}", { ...params(before), body });
  return { status: response.status, error, stored: error ? undefined : sim.get(before.id) };
}

/**
 * The same as `patched` straight through the simulator's in-process handler: for the many synthetic
 * bodies of property 2, where the client's per-request cost (it clones each request body for retries)
 * would triple the time and adds nothing to what is checked, the simulator's semantics.
 */
async function patchedDirect(before: StardexPerson, body: StardexPersonPatch) {
  sim.seed([before]);
  const response = await sim.fetch(`https://api.stardex.ai/v1/persons/${before.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, stored: response.ok ? sim.get(before.id) : undefined };
}

/** Every body with one piece less: a key, a custom field item, a delta element or a clear_all. */
function smaller(body: StardexPersonPatch): [string, StardexPersonPatch][] {
  const out: [string, StardexPersonPatch][] = [];
  const without = (what: string, edit: (b: StardexPersonPatch) => void) => {
    const b = structuredClone(body);
    edit(b);
    out.push([what, b]);
  };
  for (const k of Object.keys(body) as (keyof StardexPersonPatch)[]) without(k, (b) => delete b[k]);
  for (const [i, op] of (body.custom_fields ?? []).entries()) {
    const item = (b: StardexPersonPatch) => b.custom_fields![i]!;
    // The only item out is `custom_fields: []`, the same as the key out; an item without its `value`
    // is `{ attribute_id }`, the same as the item out: neither is sent again.
    if (body.custom_fields!.length > 1) without(`custom_fields[${i}]`, (b) => b.custom_fields!.splice(i, 1));
    if (op.clear_all) without(`custom_fields[${i}].clear_all`, (b) => delete item(b).clear_all);
    for (const key of [
      "add_values",
      "remove_values",
      "add_team_member_ids",
      "remove_team_member_ids",
    ] as const) {
      for (const j of op[key]?.keys() ?? []) {
        without(`custom_fields[${i}].${key}[${j}]`, (b) => item(b)[key]!.splice(j, 1));
      }
    }
  }
  return out;
}

describe("the contract of diffPerson, against the simulator", () => {
  test.prop([contractPair], OPTIONS)(
    "1 correct: PATCH the body, and GET holds after on every writable field",
    async ([before, after]) => {
      const { body } = diffPerson(before, after);
      sim.seed([before]);
      if (Object.keys(body).length)
        await unwrap(client.PATCH("/v1/persons/{id}", { ...params(before), body }));
      const { data: read } = await unwrap(client.GET("/v1/persons/{id}", params(before)));
      expect(state(read), JSON.stringify(body)).toBe(state(wanted(before, after)));
      // What GET returns is, by the rules' own reading, the desired record.
      expect(diffPerson(read, after).noop).toBe(true);
    },
    TIMEOUT,
  );

  test.prop([contractPair], OPTIONS)(
    "2 minimal: without any key, custom field item or delta element the body no longer gives after",
    async ([before, after]) => {
      const { body } = diffPerson(before, after);
      const want = state(wanted(before, after));
      for (const [what, less] of smaller(body)) {
        const { status, stored } = await patchedDirect(before, less);
        // A smaller body that the provider refuses does not give after either.
        if (status === 200) expect(state(stored!), what).not.toBe(want);
      }
    },
    TIMEOUT,
  );

  test.prop(
    [
      fc.oneof(
        stardexPerson.map((x): [StardexPerson, StardexPerson] => [x, structuredClone(x)]),
        stardexPerson.chain((x) => fc.tuple(fc.constant(x), equivalentPerson(x))),
      ),
    ],
    OPTIONS,
  )(
    "3 no-op: diff(x, x), read-only changes, reorders and re-encodings send nothing",
    async ([before, after]) => {
      sim.seed([before]);
      const { data: read } = await unwrap(client.GET("/v1/persons/{id}", params(before)));
      // The simulator's read shape (defaults filled, numbers and dates canonical) is the same state.
      expect(diffPerson(read, before)).toEqual({ body: {}, noop: true, changed: [] });
      sim.clearLog();
      // What a sync does: send only when there is something to send.
      for (const [from, to] of [
        [before, after],
        [read, after],
      ] as const) {
        const { body, noop, changed } = diffPerson(from, to);
        expect({ body, noop, changed }).toEqual({ body: {}, noop: true, changed: [] });
        if (!noop) await client.PATCH("/v1/persons/{id}", { ...params(before), body });
      }
      expect(sim.requests).toEqual([]);
    },
    TIMEOUT,
  );

  test.prop([contractPair], OPTIONS)(
    "4 valid: the simulator accepts every body (never a 4xx) and confirms the update",
    async ([before, after]) => {
      const { body, noop } = diffPerson(before, after);
      if (noop) return;
      const { status, error } = await patched(before, body);
      expect({ status, error }, JSON.stringify(body)).toEqual({ status: 200, error: undefined });
    },
    TIMEOUT,
  );

  test.prop([sloppyPair], OPTIONS)(
    "4 valid: what the API would refuse or read back otherwise, diffPerson refuses first, naming the field",
    async ([before, after]) => {
      let result: ReturnType<typeof diffPerson> | undefined;
      try {
        result = diffPerson(before, after);
      } catch (e) {
        if (!(e instanceof PatchValidationError)) throw e;
        const paths = e.issues.map((i) => i.path);
        expect(paths).toEqual(
          paths.map(() => expect.stringMatching(/^(custom_fields\[\d+\]\.value|linkedin_url)$/)),
        );
        return;
      }
      if (result.noop) return;
      const { status, error, stored } = await patched(before, result.body);
      expect({ status, error }, JSON.stringify(result.body)).toEqual({ status: 200, error: undefined });
      expect(state(stored!), JSON.stringify(result.body)).toBe(state(wanted(before, after)));
    },
    TIMEOUT,
  );

  test.prop([contractPair], OPTIONS)(
    "5 deterministic: the same pair gives byte-identical bodies, and those bytes are what is sent",
    async ([before, after]) => {
      const first = JSON.stringify(diffPerson(before, after));
      expect(JSON.stringify(diffPerson(structuredClone(before), structuredClone(after)))).toBe(first);
      const { body, noop } = JSON.parse(first) as ReturnType<typeof diffPerson>;
      if (noop) return;
      sim.clearLog();
      await patched(before, body);
      expect(JSON.stringify(sim.requests[0]?.body)).toBe(JSON.stringify(body));
      expect(sim.requests[0]?.requestBytes).toBe(new TextEncoder().encode(JSON.stringify(body)).length);
    },
    TIMEOUT,
  );
});
