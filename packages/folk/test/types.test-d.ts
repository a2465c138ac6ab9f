// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import type { FolkCustomFieldType, FolkPerson, FolkPersonPatch } from "../src/index.ts";

export const body: FolkPersonPatch = {
  firstName: "Ada",
  birthday: null,
  groups: [{ id: "grp_5fa7ba77-f7c4-4a4e-9e2a-6f8d1c3a9b01" }],
  companies: [{ id: "com_1" }, { name: "Analytical Engines Ltd" }],
  emails: ["ada@example.com"],
  customFieldValues: {
    "grp_5fa7ba77-f7c4-4a4e-9e2a-6f8d1c3a9b01": { Score: 42, Stage: "Lead", Owner: [{ id: "usr_1" }] },
  },
};

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: FolkPersonPatch = { nickname: "Ada" };
// @ts-expect-error createdAt is read-only: it exists on the read shape only
export const readOnly: FolkPersonPatch = { createdAt: "2024-01-01T00:00:00Z" };
// @ts-expect-error firstName is not nullable (an empty string clears it)
export const nullName: FolkPersonPatch = { firstName: null };
// @ts-expect-error groups are written as { id } only: the read shape's name is rejected
export const groupWithName: FolkPersonPatch = { groups: [{ id: "grp_1", name: "Investors" }] };
// @ts-expect-error "dropdown" is not a custom field type
export const badEnum: FolkCustomFieldType = "dropdown";

// @ts-expect-error id is read-only on the read shape
export const assignId = (person: FolkPerson) => (person.id = "per_2");

// ——— the client and the diff function ———
import { expectTypeOf } from "vitest";
import {
  createFolkClient,
  type DiffResult,
  diffPerson,
  type FolkClient,
  type FolkPersonDesired,
  personRules,
} from "../src/index.ts";

declare const folk: FolkClient;
declare const person: FolkPerson;

export async function patchTypes(): Promise<void> {
  const personId = person.id;
  await folk.PATCH("/v1/people/{personId}", { params: { path: { personId } }, body: { jobTitle: "CTO" } });
  // @ts-expect-error nickname is not a PATCH body key: the client's PATCH rejects it
  await folk.PATCH("/v1/people/{personId}", { params: { path: { personId } }, body: { nickname: "Ada" } });
  // @ts-expect-error the PATCH path needs its personId
  await folk.PATCH("/v1/people/{personId}", { body: { jobTitle: "CTO" } });
  await folk.PATCH("/v1/people/{personId}", {
    params: { path: { personId } },
    // @ts-expect-error groups are written { id } only
    body: { groups: [{ name: "VIP" }] },
  });
  // @ts-expect-error POST /v1/people takes the same body: unknown keys are rejected too
  await folk.POST("/v1/people", { body: { nickname: "Ada" } });
}

export function diffTypes(): void {
  const result = diffPerson(person, { ...person, jobTitle: "CTO" });
  expectTypeOf(result.body).toEqualTypeOf<FolkPersonPatch>();
  expectTypeOf(result).toEqualTypeOf<DiffResult<FolkPersonPatch>>();
  expectTypeOf(result.changed).toEqualTypeOf<(keyof FolkPersonPatch)[]>();
  // A GET result is a desired record, and so is a partial one in write forms.
  expectTypeOf<FolkPerson>().toExtend<FolkPersonDesired>();
  diffPerson(person, {
    companies: [{ name: "Acme" }],
    customFieldValues: { g: { Score: 42, Owner: [{ email: "a@b.co" }] } },
  });
  // @ts-expect-error jobTitle is not nullable and has no clear value: null is not a desired jobTitle
  diffPerson(person, { jobTitle: null });
  // @ts-expect-error nickname is not a Folk person field
  diffPerson(person, { nickname: "Ada" });
  expectTypeOf(personRules.fields).toHaveProperty("customFieldValues");
  expectTypeOf(createFolkClient).returns.toEqualTypeOf<FolkClient>();
  expectTypeOf(folk.iterate.people).returns.toEqualTypeOf<AsyncGenerator<FolkPerson, void, undefined>>();
}
