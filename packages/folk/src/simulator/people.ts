/**
 * The simulator's people and workspace, and Folk's PATCH semantics on them (providers/folk.md, the
 * vendor's update-person page): what a person is stored as, how a request body is checked against the
 * workspace and applied, and how a person reads back. Request bodies reach this module already
 * checked against the spec's validation table; what is checked here needs the workspace.
 */
import type {
  FolkCompany,
  FolkCustomFieldDefinition,
  FolkCustomFieldValue,
  FolkEntityRef,
  FolkInteractionMetadata,
  FolkPerson,
  FolkPersonPatch,
  FolkStrongestConnections,
  FolkUser,
  FolkValidationIssue,
} from "../generated/schema.ts";
import type { FolkGroupDefinition, FolkWorkspace } from "./workspace.ts";

/** A custom field value as stored: text, label or date; a number; labels or referenced ids. */
type Stored = string | number | string[];

/** A person as the simulator keeps it: references by id, custom values typed, unset values absent. */
export interface StoredPerson {
  /** Position in list order (creation order, seeds first). */
  seq: number;
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  description: string;
  birthday: string | null;
  jobTitle: string;
  createdAt: string | null;
  createdBy: FolkUser;
  groups: string[];
  companies: string[];
  addresses: string[];
  emails: string[];
  phones: string[];
  urls: string[];
  values: Record<string, Record<string, Stored>>;
  interactionMetadata: FolkInteractionMetadata;
  strongestConnection?: FolkStrongestConnections;
}

/** Scalars of a body that are stored as sent. */
const SCALARS = ["firstName", "lastName", "fullName", "description", "jobTitle", "birthday"] as const;
/** Lists of strings that a body replaces whole (the first item is the primary one). */
const LISTS = ["addresses", "emails", "phones", "urls"] as const;

/** A person id as the spec's `PersonId` pattern has it. */
const PERSON_ID = /^per_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A numeric string as numericField takes it: decimal, optional sign, fraction and exponent.
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const isDate = (s: string) => DATE.test(s) && new Date(s).toJSON()?.startsWith(s) === true;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const unset = (v: unknown) => v == null || v === "" || (Array.isArray(v) && v.length === 0);
const issue = (path: (string | number)[], message: string, code = "custom"): FolkValidationIssue => ({
  path,
  message,
  code,
});

/** What a checked body does, ready to apply: custom values converted, references resolved. */
export interface Plan {
  body: FolkPersonPatch;
  values: Record<string, Record<string, Stored | null>>;
}

/** The people store over a workspace: seeding, checks, PATCH/POST semantics and the read shape. */
export class People {
  readonly #groups = new Map<string, FolkGroupDefinition>();
  readonly #fields = new Map<string, Map<string, FolkCustomFieldDefinition>>();
  readonly #users = new Map<string, FolkUser>();
  readonly #companies = new Map<string, FolkCompany>();
  readonly #contacts = new Map<string, FolkEntityRef>();
  readonly #objects = new Map<string, FolkEntityRef>();
  readonly #people = new Map<string, StoredPerson>();
  #seq = 0;

  constructor(
    workspace: FolkWorkspace,
    /** Draws the UUID of a new person or company. */
    private readonly uuid: () => string,
  ) {
    for (const g of workspace.groups) {
      this.#groups.set(g.id, g);
      this.#fields.set(g.id, new Map(g.fields.map((f) => [f.name, f])));
    }
    for (const u of workspace.users) this.#users.set(u.id, u);
    for (const c of workspace.companies) this.#companies.set(c.id, c);
    for (const e of workspace.contacts) this.#contacts.set(e.id, e);
    for (const o of workspace.objects) this.#objects.set(o.id, o);
  }

  /** The workspace as it is now: companies created by name included. */
  workspace(): FolkWorkspace {
    return structuredClone({
      groups: [...this.#groups.values()],
      users: [...this.#users.values()],
      companies: [...this.#companies.values()],
      contacts: [...this.#contacts.values()],
      objects: [...this.#objects.values()],
    });
  }

  groups(): FolkGroupDefinition[] {
    return [...this.#groups.values()];
  }

  group(id: string): FolkGroupDefinition | undefined {
    return this.#groups.get(id);
  }

  field(groupId: string, name: string): FolkCustomFieldDefinition | undefined {
    return this.#fields.get(groupId)?.get(name);
  }

  find(id: string): StoredPerson | undefined {
    return this.#people.get(id);
  }

  /** Every stored person, in list order. */
  stored(): StoredPerson[] {
    return [...this.#people.values()].sort((a, b) => a.seq - b.seq);
  }

  delete(id: string): boolean {
    return this.#people.delete(id);
  }

  clear(): void {
    this.#people.clear();
  }

  /**
   * Adds or replaces people given in the read shape, all or none. Their groups and custom fields must
   * be in the workspace; users, contacts, objects and companies they name that the workspace lacks join
   * it (the read shape says all there is to know of them), but for people of the batch, who reference
   * each other as people. Throws a TypeError naming what does not fit.
   */
  seed(records: readonly FolkPerson[]): void {
    const previous = new Map(records.map((r) => [r.id, this.#people.get(r.id)]));
    const seq = this.#seq;
    for (const record of records) {
      if (typeof record.id !== "string" || !PERSON_ID.test(record.id)) {
        throw new TypeError(
          `folk simulator: seeded person ${record.id}: id must be "per_" and a UUID (40 characters)`,
        );
      }
    }
    // First every person without custom values, so that values can reference any person of the batch.
    for (const record of records) {
      this.#people.set(record.id, this.#stored(record, previous.get(record.id)?.seq ?? this.#seq++));
    }
    const problems: string[] = [];
    for (const record of records) {
      for (const c of record.companies ?? []) if (!this.#companies.has(c.id)) this.#companies.set(c.id, c);
      this.#learn(record);
      const person = this.#people.get(record.id)!;
      const found = (what: string) => problems.push(`seeded person ${record.id}: ${what}`);
      for (const g of person.groups) {
        if (!this.#groups.has(g)) found(`group ${g} is not in the workspace (options.workspace.groups)`);
      }
      for (const [groupId, fields] of Object.entries(record.customFieldValues ?? {})) {
        if (!person.groups.includes(groupId))
          found(`has custom values of group ${groupId}, which it is not in`);
        for (const [name, v] of Object.entries(fields ?? {})) {
          const [value, issues] = this.#custom(groupId, name, v, ["customFieldValues", groupId, name]);
          for (const i of issues) found(`${i.path.join(".")}: ${i.message}`);
          if (value != null) person.values[groupId] = { ...person.values[groupId], [name]: value };
        }
      }
    }
    if (problems.length) {
      for (const [id, before] of previous) {
        if (before) this.#people.set(id, before);
        else this.#people.delete(id);
      }
      this.#seq = seq;
      throw new TypeError(`folk simulator: ${problems.join("; ")}`);
    }
  }

  /** A read record as stored, custom values aside. */
  #stored(record: FolkPerson, seq: number): StoredPerson {
    return {
      seq,
      id: record.id,
      firstName: record.firstName ?? "",
      lastName: record.lastName ?? "",
      fullName: record.fullName ?? "",
      description: record.description ?? "",
      birthday: record.birthday ?? null,
      jobTitle: record.jobTitle ?? "",
      createdAt: record.createdAt ?? null,
      createdBy: structuredClone(record.createdBy),
      groups: [...new Set((record.groups ?? []).map((g) => g.id))],
      companies: [...new Set((record.companies ?? []).map((c) => c.id))],
      addresses: [...(record.addresses ?? [])],
      emails: [...(record.emails ?? [])],
      phones: [...(record.phones ?? [])],
      urls: [...(record.urls ?? [])],
      values: {},
      interactionMetadata: structuredClone(record.interactionMetadata),
      ...(record.strongestConnection && { strongestConnection: structuredClone(record.strongestConnection) }),
    };
  }

  /** Users and entities that a read record's custom values show in full. */
  #learn(record: FolkPerson): void {
    for (const [groupId, fields] of Object.entries(record.customFieldValues ?? {})) {
      for (const [name, v] of Object.entries(fields ?? {})) {
        if (!Array.isArray(v)) continue;
        const type = this.field(groupId, name)?.type;
        for (const item of v as unknown[]) {
          if (!isObject(item) || typeof item.id !== "string") continue;
          if (type === "userField" && typeof item.email === "string" && typeof item.fullName === "string") {
            if (!this.#users.has(item.id)) this.#users.set(item.id, item as unknown as FolkUser);
          } else if (
            typeof item.fullName === "string" &&
            typeof item.entityType === "string" &&
            !this.#people.has(item.id)
          ) {
            const catalogue = type === "objectField" ? this.#objects : this.#contacts;
            if (!this.#entity(type, item.id)) catalogue.set(item.id, item as unknown as FolkEntityRef);
          }
        }
      }
    }
  }

  /** The issues of a (schema-valid) body against the workspace, or the plan to apply it. */
  plan(body: FolkPersonPatch): { issues: FolkValidationIssue[] } | { plan: Plan } {
    const issues: FolkValidationIssue[] = [];
    body.groups?.forEach((g, i) => {
      if (!this.#groups.has(g.id)) issues.push(issue(["groups", i, "id"], `Group ${g.id} not found`));
    });
    body.companies?.forEach((c, i) => {
      if ("id" in c && !this.#companies.has(c.id)) {
        issues.push(issue(["companies", i, "id"], `Company ${c.id} not found`));
      }
    });
    const sent = new Set(body.groups?.map((g) => g.id));
    const values: Plan["values"] = {};
    for (const [groupId, fields] of Object.entries(body.customFieldValues ?? {})) {
      // The PATCH page: "The group ids passed must also be provided in the groups field".
      if (!sent.has(groupId)) {
        issues.push(issue(["customFieldValues", groupId], "Group must also be listed in groups"));
        continue;
      }
      if (!this.#groups.has(groupId)) continue; // named in `groups` already
      const group: Record<string, Stored | null> = {};
      values[groupId] = group;
      for (const [name, v] of Object.entries(fields)) {
        const [value, found] = this.#custom(groupId, name, v, ["customFieldValues", groupId, name]);
        issues.push(...found);
        group[name] = value;
      }
    }
    return issues.length ? { issues } : { plan: { body, values } };
  }

  /** A new person from a planned create body: Folk sets the id, `createdAt` and `createdBy`. */
  create(plan: Plan, createdAt: Date, createdBy: FolkUser): StoredPerson {
    const { body } = plan;
    const person: StoredPerson = {
      seq: this.#seq++,
      id: this.#newId("per", this.#people),
      firstName: "",
      lastName: "",
      // Assumed: a person created without fullName shows its first and last names.
      fullName: body.fullName ?? [body.firstName, body.lastName].filter((s) => s?.trim()).join(" "),
      description: "",
      birthday: null,
      jobTitle: "",
      createdAt: createdAt.toISOString(),
      createdBy: structuredClone(createdBy),
      groups: [],
      companies: [],
      addresses: [],
      emails: [],
      phones: [],
      urls: [],
      values: {},
      interactionMetadata: {
        user: { approximateCount: 0, lastInteractedAt: null },
        workspace: { approximateCount: 0, lastInteractedAt: null, lastInteractedBy: [] },
      },
      strongestConnection: {},
    };
    this.apply(person, { ...plan, body: { ...body, fullName: person.fullName } });
    this.#people.set(person.id, person);
    return person;
  }

  /** Applies a planned body to `person` in place: Folk's PATCH semantics. */
  apply(person: StoredPerson, { body, values }: Plan): void {
    for (const key of SCALARS) {
      const v = body[key];
      if (v !== undefined) (person as unknown as Record<string, unknown>)[key] = v;
    }
    for (const key of LISTS) if (body[key]) person[key] = [...body[key]];
    if (body.companies) {
      // `{ name }` links the company of that name, created when none has it. Assumed: a company listed
      // twice is linked once (the vendor's example sends Tech Corp by name and by id, and reads one back).
      const ids = body.companies.map((c) => ("id" in c ? c.id : this.#companyNamed(c.name)));
      person.companies = [...new Set(ids)];
    }
    if (body.groups) {
      const kept = [...new Set(body.groups.map((g) => g.id))];
      // The PATCH page: "When removing a person from a group, their custom field values for that group
      // are also removed."
      for (const g of person.groups) {
        if (kept.includes(g)) continue;
        delete person.values[g];
        // Assumed: the strongest connection of a group the person left goes with it.
        if (person.strongestConnection) delete person.strongestConnection[g];
      }
      person.groups = kept;
    }
    // Merged per field (specs/folk.yaml, x-patchwise-assumed): fields not sent keep their values.
    for (const [groupId, fields] of Object.entries(values)) {
      const group = person.values[groupId] ?? {};
      person.values[groupId] = group;
      for (const [name, v] of Object.entries(fields)) {
        if (v === null) delete group[name];
        else group[name] = v;
      }
    }
  }

  /** The id of the company named exactly `name`, created when there is none. */
  #companyNamed(name: string): string {
    for (const c of this.#companies.values()) if (c.name === name) return c.id;
    const company = { id: this.#newId("com", this.#companies), name };
    this.#companies.set(company.id, company);
    return company.id;
  }

  /** A fresh id: the seeded UUIDs could meet ids of seeded records drawn from the same generator. */
  #newId(prefix: string, taken: ReadonlyMap<string, unknown>): string {
    for (;;) {
      const id = `${prefix}_${this.uuid()}`;
      if (!taken.has(id)) return id;
    }
  }

  /** A person in Folk's read shape. */
  read(p: StoredPerson): FolkPerson {
    const customFieldValues: FolkPerson["customFieldValues"] = {};
    for (const g of p.groups) {
      // A group the person belongs to appears with every field it defines, unset ones as null.
      const fields: Record<string, FolkCustomFieldValue> = {};
      for (const def of this.#groups.get(g)?.fields ?? []) {
        fields[def.name] = this.#readValue(def, p.values[g]?.[def.name]);
      }
      customFieldValues[g] = fields;
    }
    return {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: p.fullName,
      description: p.description,
      birthday: p.birthday,
      jobTitle: p.jobTitle,
      createdAt: p.createdAt,
      createdBy: structuredClone(p.createdBy),
      groups: p.groups.map((id) => ({ id, name: this.#groups.get(id)?.name ?? "" })),
      companies: p.companies.map((id) => ({ id, name: this.#companies.get(id)?.name ?? "" })),
      addresses: [...p.addresses],
      emails: [...p.emails],
      phones: [...p.phones],
      urls: [...p.urls],
      customFieldValues,
      interactionMetadata: structuredClone(p.interactionMetadata),
      ...(p.strongestConnection && { strongestConnection: structuredClone(p.strongestConnection) }),
    };
  }

  /** A stored value in the read form of its field: numbers as numeric strings, references in full. */
  #readValue(def: FolkCustomFieldDefinition, v: Stored | undefined): FolkCustomFieldValue {
    if (v === undefined) return null;
    if (typeof v === "number") return String(v);
    if (!Array.isArray(v) || def.type === "multipleSelect") return Array.isArray(v) ? [...v] : v;
    // A reference whose target is gone (a deleted person) is left out.
    const refs =
      def.type === "userField"
        ? v.flatMap((id) => (this.#users.has(id) ? [{ ...this.#users.get(id)! }] : []))
        : v.flatMap((id) => {
            const e = this.#entity(def.type, id);
            return e ? [e] : [];
          });
    return refs.length ? (refs as FolkCustomFieldValue) : null;
  }

  /** The entity a contactField or objectField value references, as read. */
  #entity(type: string | undefined, id: string): FolkEntityRef | undefined {
    if (type === "objectField") return this.#objects.get(id) && { ...this.#objects.get(id)! };
    const person = this.#people.get(id);
    if (person) return { id, fullName: person.fullName, entityType: "person" };
    const company = this.#companies.get(id);
    if (company) return { id, fullName: company.name, entityType: "company" };
    return this.#contacts.get(id) && { ...this.#contacts.get(id)! };
  }

  /**
   * A custom field value (write or read form) converted for storage by the field's type: `null`, `[]`
   * and `""` unset it (null); anything that does not fit the type is an issue at `path`.
   */
  #custom(
    groupId: string,
    name: string,
    v: unknown,
    path: (string | number)[],
  ): [Stored | null, FolkValidationIssue[]] {
    const def = this.field(groupId, name);
    const group = this.#groups.get(groupId);
    if (!def) {
      const known = group?.fields.map((f) => f.name).join(", ") || "none";
      return [
        null,
        [issue(path, `Unknown custom field "${name}" in group ${group?.name ?? groupId} (fields: ${known})`)],
      ];
    }
    // The PATCH page: "Passing a null value or an empty array will unset the custom field value."
    // Assumed: an empty string unsets too (it holds no value).
    if (unset(v)) return [null, []];
    const bad = (message: string, at = path): [null, FolkValidationIssue[]] => [
      null,
      [issue(at, message, "invalid_type")],
    ];
    const labels = (def.options ?? []).map((o) => o.label);
    switch (def.type) {
      case "textField":
      case "magicField":
        return typeof v === "string" ? [v, []] : bad(`Expected a string for a ${def.type}`);
      case "dateField":
        return typeof v === "string" && isDate(v)
          ? [v, []]
          : bad("Expected a date (YYYY-MM-DD) for a dateField");
      case "numericField": {
        const n =
          typeof v === "number" ? v : typeof v === "string" && NUMERIC.test(v) ? Number(v) : Number.NaN;
        return Number.isFinite(n)
          ? [n === 0 ? 0 : n, []]
          : bad("Expected a number or a numeric string for a numericField");
      }
      case "singleSelect":
        return typeof v === "string" && labels.includes(v)
          ? [v, []]
          : bad(`Expected one of the options of "${name}": ${labels.join(", ")}`);
      case "multipleSelect": {
        if (!Array.isArray(v)) return bad(`Expected a list of options of "${name}"`);
        const issues = v.flatMap((label, i) =>
          typeof label === "string" && labels.includes(label)
            ? []
            : [
                issue(
                  [...path, i],
                  `Expected one of the options of "${name}": ${labels.join(", ")}`,
                  "invalid_enum_value",
                ),
              ],
        );
        return issues.length ? [null, issues] : [[...new Set(v as string[])], []];
      }
      case "userField":
      case "contactField":
      case "objectField": {
        if (!Array.isArray(v)) return bad(`Expected a list of references for a ${def.type}`);
        const { type } = def;
        const ids: string[] = [];
        const issues: FolkValidationIssue[] = [];
        v.forEach((ref, i) => {
          const id = this.#reference(type, ref);
          if (id) ids.push(id);
          else issues.push(issue([...path, i], `No ${TARGET[type]} matches ${JSON.stringify(ref)}`));
        });
        return issues.length ? [null, issues] : [[...new Set(ids)], []];
      }
    }
  }

  /** The id a reference names: a user by id or by email (case-insensitive, assumed); an entity by id. */
  #reference(type: FolkCustomFieldDefinition["type"], ref: unknown): string | undefined {
    if (!isObject(ref)) return undefined;
    if (type === "userField") {
      if (typeof ref.id === "string") return this.#users.has(ref.id) ? ref.id : undefined;
      const email = typeof ref.email === "string" ? ref.email.toLowerCase() : undefined;
      return [...this.#users.values()].find((u) => u.email.toLowerCase() === email)?.id;
    }
    if (typeof ref.id !== "string") return undefined;
    const e = this.#entity(type, ref.id);
    // contactField takes people and companies, objectField custom objects.
    return e && (type === "objectField") === (e.entityType === "object") ? ref.id : undefined;
  }
}

const TARGET = {
  userField: "workspace user",
  contactField: "person or company",
  objectField: "custom object",
} as const;
