/**
 * The simulator's look-up data: the custom field definitions of GET
 * /unified/ats/custom_field_definitions/candidates. `sampleStackOneRecords` draws its custom field
 * values from the same catalogue, so a simulator seeded with sample records knows every field they use.
 */
import type { StackOneCustomField, StackOneCustomFieldDefinition } from "../generated/schema.ts";

/** A custom field definition of the catalogue: the spec's shape with a required `id`. */
export type StackOneFieldDefinition = StackOneCustomFieldDefinition & { id: string };

/** The linked account the examples and sample data use; the simulator accepts any `x-account-id`. */
export const STACKONE_ACCOUNT_ID = "45355976281015164504";

const option = (id: string, value: string) => ({ id, value });

/**
 * The default custom field definitions of a simulator: one of each common type (single and multi
 * select with options, float, boolean, date, text, checkbox), as an ATS would define them.
 */
export const STACKONE_CUSTOM_FIELD_DEFINITIONS: readonly StackOneFieldDefinition[] = [
  {
    id: "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
    remote_id: "701",
    name: "Notice period",
    description: "How long the candidate must work before leaving their current job.",
    type: { value: "single_select", source_value: "single_select" },
    options: [
      option("8b0d6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e01", "Immediately"),
      option("8b0d6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e02", "2 weeks"),
      option("8b0d6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e03", "1 month"),
      option("8b0d6f4e-1a2b-4c3d-9e8f-7a6b5c4d3e04", "3 months"),
    ],
  },
  {
    id: "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
    remote_id: "702",
    name: "Salary expectation",
    description: "Expected yearly gross salary, in the job's currency.",
    type: { value: "float", source_value: "currency" },
    options: null,
  },
  {
    id: "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e",
    remote_id: "703",
    name: "Open to remote",
    description: null,
    type: { value: "boolean", source_value: "yes_no" },
    options: null,
  },
  {
    id: "4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f",
    remote_id: "704",
    name: "Earliest start date",
    description: null,
    type: { value: "date", source_value: "date" },
    options: null,
  },
  {
    id: "5d6e7f8a-9b0c-4d1e-8f3a-4b5c6d7e8f90",
    remote_id: "705",
    name: "Skills",
    description: "Skills confirmed at screening.",
    type: { value: "multi_select", source_value: "multi_select" },
    options: [
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f01", "TypeScript"),
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f02", "Python"),
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f03", "PostgreSQL"),
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f04", "Kubernetes"),
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f05", "React"),
      option("9c1e7a5f-2b3c-4d4e-8f90-8b7c6d5e4f06", "Go"),
    ],
  },
  {
    id: "6e7f8a9b-0c1d-4e2f-9a4b-5c6d7e8f9a01",
    remote_id: "706",
    name: "Source detail",
    description: "Where exactly the candidate came from.",
    type: { value: "text", source_value: "short_text" },
    options: null,
  },
  {
    id: "7f8a9b0c-1d2e-4f3a-8b5c-6d7e8f9a0b12",
    remote_id: "707",
    name: "Visa sponsorship needed",
    description: null,
    type: { value: "checkbox", source_value: "checkbox" },
    options: null,
  },
];

/**
 * The underlying ATS's id of an option (`remote_value_id`): its definition's remote id and its
 * position, e.g. `701-3` for the third option of field 701.
 */
export function remoteValueId(definition: StackOneFieldDefinition, optionId: string): string | null {
  const at = definition.options?.findIndex((o) => o.id === optionId) ?? -1;
  return at < 0 ? null : `${definition.remote_id ?? definition.id}-${at + 1}`;
}

/** The unified type of a custom field value the catalogue has no definition for (seeded records). */
function typeOf(
  value: unknown,
): Exclude<NonNullable<StackOneCustomFieldDefinition["type"]>["value"], undefined> {
  if (typeof value === "string") return "text";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return "list";
  return value === null || value === undefined ? "unmapped_value" : "other";
}

/** A definition for a custom field value of a seeded record whose id the catalogue lacks. */
export function definitionOf(field: StackOneCustomField & { id: string }): StackOneFieldDefinition {
  const type = typeOf(field.value);
  return {
    id: field.id,
    remote_id: field.remote_id ?? null,
    name: field.name ?? null,
    description: null,
    type: { value: type, source_value: type },
    options: null,
  };
}
