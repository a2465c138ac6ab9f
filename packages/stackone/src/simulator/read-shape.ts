/**
 * How the simulator stores a candidate and how GET writes it back (providers/stackone.md "Read shape").
 */
import type { StackOneCandidate } from "../generated/schema.ts";
import { updateCandidateBody } from "../generated/validation.ts";

/** A candidate to seed a simulator with: the read shape (what GET returns) with its `id`. */
export type StackOneSeedRecord = StackOneCandidate & { readonly id: string };

/** What the store keeps: the read shape, writable, with its id. */
export type StoredCandidate = { -readonly [K in keyof StackOneCandidate]: StackOneCandidate[K] } & {
  id: string;
};

/** What a GET asks for besides the record: custom field values (`include`) and a field selection (`fields`). */
export interface View {
  /** `include=custom_fields`: custom field values are returned only then. */
  customFields: boolean;
  /** `fields=a,b`: only these keys (all when undefined). */
  fields?: ReadonlySet<string> | undefined;
}

/** The full record, as the store readers (`sim.get`, `sim.all`) give it. */
export const FULL: View = { customFields: true };

/** The date-time keys of the read shape, read back as instants. */
const DATE_TIMES = ["hired_at", "created_at", "updated_at"] as const;

/** An RFC 3339 date-time with a zone: the only kind read back as an instant (a zoneless one is machine-dependent). */
const ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

/**
 * A date-time as StackOne writes it back: the same instant in UTC with milliseconds
 * (`2021-01-01T02:01:01+01:00` → `2021-01-01T01:01:01.000Z`). Anything else is returned as stored.
 */
export function instant(value: unknown): unknown {
  if (typeof value !== "string" || !ZONED.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

/** The keys StackOne keeps of each list's items (the spec's item properties); others are dropped. */
const ITEM_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(updateCandidateBody.properties ?? {}).flatMap(([key, schema]) => {
    const item = schema.items?.properties;
    return item ? [[key, Object.keys(item)]] : [];
  }),
);

/**
 * A list or list item as the store keeps it: items of an object list keep only the spec's keys (in
 * the order sent); anything else (strings, `null`) is kept as it is. Always a copy.
 */
export function cleanList(key: string, value: unknown): unknown {
  const keys = ITEM_KEYS[key];
  if (!Array.isArray(value) || !keys) return structuredClone(value);
  return value.map((item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item)
            .filter(([k, v]) => keys.includes(k) && v !== undefined)
            .map(([k, v]) => [k, structuredClone(v)]),
        )
      : structuredClone(item),
  );
}

/**
 * A stored candidate as GET returns it: date-times as UTC instants with milliseconds, custom field
 * values only with `include=custom_fields`, only the `fields` asked for. Always a copy.
 */
export function readShape(stored: StoredCandidate, view: View): StackOneCandidate {
  const out: Record<string, unknown> = structuredClone(stored);
  for (const key of DATE_TIMES) if (key in out) out[key] = instant(out[key]);
  if (!view.customFields) delete out.custom_fields;
  if (view.fields) for (const key of Object.keys(out)) if (!view.fields.has(key)) delete out[key];
  return out as StackOneCandidate;
}
