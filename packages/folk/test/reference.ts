/**
 * Folk's PATCH /v1/people/{personId} semantics as the provider notes state them, written independently
 * of the rule table: what a body does to a stored person (`applyPatch`), what a desired record asks for
 * (`expected`), and the writable state in one canonical form (`state`), so that equal states compare
 * equal whatever encoding (read or write form) holds them.
 */
import type { FolkPerson, FolkPersonDesired, FolkPersonPatch } from "../src/index.ts";
import { COMPANIES, fieldOf, USERS } from "./arbitraries.ts";

/** A body Folk answers with 422: custom values for a group not in `groups` of the same request. */
export class Rejected extends Error {}

type Values = { [group: string]: { [field: string]: unknown } };
type Stored = Omit<FolkPersonDesired, "customFieldValues"> & { customFieldValues?: Values | null };

const ids = (list: readonly { id: string }[] | null | undefined) => new Set((list ?? []).map((g) => g.id));

/** Keeps the custom values of the groups the person is in, with an entry (maybe empty) for each. */
function keepGroups(values: Values | null | undefined, groups: ReadonlySet<string>): Values {
  return Object.fromEntries([...groups].map((g) => [g, { ...(values?.[g] ?? {}) }]));
}

/** The stored person after Folk applies `body`: lists replaced, custom values merged per field. */
export function applyPatch(record: FolkPerson, body: FolkPersonPatch): Stored {
  if (body.customFieldValues) {
    const sent = ids(body.groups);
    for (const g of Object.keys(body.customFieldValues)) {
      if (!sent.has(g)) throw new Rejected(`customFieldValues.${g}: not in groups`);
    }
  }
  const r: Stored = structuredClone(record);
  for (const k of ["firstName", "lastName", "fullName", "description", "jobTitle"] as const) {
    if (body[k] !== undefined) r[k] = body[k];
  }
  if (body.birthday !== undefined) r.birthday = body.birthday;
  for (const k of ["addresses", "emails", "phones", "urls"] as const)
    if (body[k] !== undefined) r[k] = body[k];
  if (body.companies !== undefined) r.companies = body.companies;
  if (body.groups !== undefined) {
    r.groups = body.groups;
    // "When removing a person from a group, their custom field values for that group are also removed."
    r.customFieldValues = keepGroups(r.customFieldValues, ids(body.groups));
  }
  for (const [g, fields] of Object.entries(body.customFieldValues ?? {})) {
    r.customFieldValues = { ...r.customFieldValues, [g]: { ...r.customFieldValues?.[g], ...fields } };
  }
  return r;
}

/** The person `after` asks for: absent keys kept, `null` clears, custom values merged per field for the groups kept. */
export function expected(before: FolkPerson, after: FolkPersonDesired): Stored {
  const r: Stored = structuredClone(before);
  for (const k of ["firstName", "lastName"] as const) if (after[k] !== undefined) r[k] = after[k] ?? "";
  for (const k of ["fullName", "description", "jobTitle"] as const)
    if (after[k] !== undefined) r[k] = after[k];
  if (after.birthday !== undefined) r.birthday = after.birthday;
  for (const k of ["addresses", "emails", "phones", "urls"] as const) {
    if (after[k] !== undefined) r[k] = after[k] ?? [];
  }
  if (after.companies !== undefined) r.companies = after.companies ?? [];
  if (after.groups !== undefined) r.groups = after.groups ?? [];
  const values = keepGroups(before.customFieldValues, ids(r.groups));
  const wanted = after.customFieldValues;
  for (const [g, fields] of Object.entries(values)) {
    if (wanted === null || wanted?.[g] === null) {
      for (const f of Object.keys(fields)) fields[f] = null;
    } else {
      for (const [f, v] of Object.entries(wanted?.[g] ?? {})) if (v !== undefined) fields[f] = v;
    }
  }
  r.customFieldValues = values;
  return r;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const dayOf = (v: unknown) =>
  typeof v === "string" ? new Date(v.length === 10 ? `${v}T00:00:00Z` : v).toISOString().slice(0, 10) : null;
const userId = (u: { id?: string; email?: string }) =>
  u.id ?? USERS.find((x) => x.email.toLowerCase() === u.email?.toLowerCase())?.id ?? `email:${u.email}`;
// By id when there is one (a name on an id is read-only), else by name (Folk finds or creates it).
const companyName = (c: { id?: string; name?: string }) =>
  c.id === undefined ? c.name : (COMPANIES.find((x) => x.id === c.id)?.name ?? `id:${c.id}`);

/** A custom field value in canonical form for its field type, or undefined when it holds no value. */
function leaf(groupId: string, field: string, v: unknown): unknown {
  if (v == null || v === "" || (Array.isArray(v) && v.length === 0)) return undefined;
  switch (fieldOf(groupId, field)?.type) {
    case "numericField":
      return Number(v);
    case "dateField":
      return dayOf(v);
    case "multipleSelect":
      return sorted(v as string[]);
    case "userField":
      return sorted((v as { id?: string; email?: string }[]).map(userId));
    case "contactField":
    case "objectField":
      return sorted((v as { id: string }[]).map((r) => r.id));
    default:
      return v;
  }
}

/** The writable state of a stored or desired person, canonical: equal states give deep-equal results. */
export function state(r: Stored): unknown {
  const groups = ids(r.groups);
  const custom = Object.entries(r.customFieldValues ?? {})
    .filter(([g]) => groups.has(g))
    .map(([g, fields]) => {
      const set = Object.entries(fields ?? {})
        .map(([f, v]) => [f, leaf(g, f, v)] as const)
        .filter(([, v]) => v !== undefined);
      return [g, Object.fromEntries(set.sort(([a], [b]) => (a < b ? -1 : 1)))] as const;
    })
    .filter(([, fields]) => Object.keys(fields).length > 0);
  return {
    firstName: r.firstName ?? "",
    lastName: r.lastName ?? "",
    fullName: r.fullName,
    description: r.description,
    jobTitle: r.jobTitle,
    birthday: dayOf(r.birthday),
    groups: sorted(groups),
    companies: (r.companies ?? []).map(companyName),
    addresses: r.addresses ?? [],
    emails: r.emails ?? [],
    phones: r.phones ?? [],
    urls: r.urls ?? [],
    customFieldValues: Object.fromEntries(custom.sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
