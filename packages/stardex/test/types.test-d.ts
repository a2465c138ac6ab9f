// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import type { StardexCustomFieldValue, StardexPerson, StardexPersonPatch } from "../src/index.ts";

export const body: StardexPersonPatch = {
  name: "Ada Lovelace",
  company_name: "Analytical Engines Ltd",
  emails: [{ contact_data_type: "work", value: "ada@example.com" }],
  custom_fields: [
    { attribute_id: "7b0c9d9e-3f5a-4a44-9a0e-5d2f1b3c4d5e", add_values: ["Python"], remove_values: ["Perl"] },
    { attribute_id: "8c1d0e0f-4a6b-4b55-8b1f-6e3a2c4d5e6f", clear_all: true },
  ],
};

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: StardexPersonPatch = { nickname: "Ada" };
// @ts-expect-error candidate_id is read-only: it exists on the read shape only
export const readOnly: StardexPersonPatch = { candidate_id: "c1" };
// @ts-expect-error the read shape's `phones` is written as `phone_numbers`
export const readName: StardexPersonPatch = { phones: [] };
// @ts-expect-error no Stardex PATCH field is nullable
export const nullTitle: StardexPersonPatch = { current_job_title: null };
// @ts-expect-error "checkbox" is not a custom field data type
export const badEnum: StardexCustomFieldValue["data_type"] = "checkbox";

// @ts-expect-error id is read-only on the read shape
export const assignId = (person: StardexPerson) => (person.id = "p2");

// ——— The client, the rule table and diffPerson ———
import { defineResource, type RuleTable, scalar } from "@patchwise/diff";
import { expectTypeOf } from "vitest";
import {
  createStardexClient,
  type DiffResult,
  diffPerson,
  personRules,
  type StardexClient,
  type StardexCompanySummary,
  type StardexCustomFieldDefinition,
  type StardexJobSummary,
} from "../src/index.ts";

declare const stardex: StardexClient;
declare const person: StardexPerson;
const id = "0b6f3f3e-5d7a-4a63-9a53-2f0d3c1e9a10";

expectTypeOf(
  createStardexClient({ apiKey: "k", retry: false, timeoutMs: 5_000 }),
).toEqualTypeOf<StardexClient>();
// @ts-expect-error apiKey is required
createStardexClient({ baseUrl: "http://127.0.0.1:4010" });

// The PATCH path takes the generated body: a known key passes, an unknown key does not.
stardex.PATCH("/v1/persons/{id}", { params: { path: { id } }, body: { current_job_title: "CTO" } });
stardex.PATCH("/v1/persons/{id}", {
  params: { path: { id } },
  // @ts-expect-error `nickname` is not a field of the PATCH body
  body: { current_job_title: "CTO", nickname: "Sam" },
});
stardex.PATCH("/v1/persons/{id}", {
  params: { path: { id } },
  // @ts-expect-error the read name `phones` is not a PATCH field
  body: { phones: [] },
});

// diffPerson takes two read-shape records and gives the PATCH body type.
const diffed = diffPerson(person, { ...person, current_job_title: "CTO" });
expectTypeOf(diffed).toEqualTypeOf<DiffResult<StardexPersonPatch>>();
expectTypeOf(diffed.body).toEqualTypeOf<StardexPersonPatch>();
stardex.PATCH("/v1/persons/{id}", { params: { path: { id } }, body: diffed.body });
// @ts-expect-error a PATCH body is not a read-shape record
diffPerson(person, diffed.body);

// The rule table covers exactly the PATCH body fields.
expectTypeOf(personRules.fields).toEqualTypeOf<RuleTable<StardexPerson, StardexPersonPatch>>();
const { job_id: _noRule, ...withoutJobId } = personRules.fields;
// @ts-expect-error `job_id` has no rule
defineResource<StardexPerson, StardexPersonPatch>({ fields: withoutJobId });
defineResource<StardexPerson, StardexPersonPatch>({
  fields: {
    ...personRules.fields,
    // @ts-expect-error `nickname` is not a PATCH field
    nickname: scalar("name"),
  },
});

// iterate yields the records of each list, and takes only its operation's filters.
expectTypeOf(stardex.iterate.persons({ email: "sam@widgets.example" })).toEqualTypeOf<
  AsyncGenerator<StardexPerson, void>
>();
expectTypeOf(stardex.iterate.jobs()).toEqualTypeOf<AsyncGenerator<StardexJobSummary, void>>();
expectTypeOf(stardex.iterate.companies()).toEqualTypeOf<AsyncGenerator<StardexCompanySummary, void>>();
expectTypeOf(stardex.iterate.customFields()).toEqualTypeOf<
  AsyncGenerator<StardexCustomFieldDefinition, void>
>();
// @ts-expect-error the iterator sets offset itself
stardex.iterate.persons({ offset: 100 });
// @ts-expect-error `keywords` filters jobs, not persons
stardex.iterate.persons({ keywords: ["engineer"] });
