// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import { defineResource, type FieldRule, nullable } from "@patchwise/diff";
import { expectTypeOf } from "vitest";
import {
  candidateRules,
  createStackOneClient,
  type DiffResult,
  diffCandidate,
  type RateLimitState,
  type StackOneCandidate,
  type StackOneCandidatePatch,
  type StackOneClient,
  type StackOneCustomFieldDefinition,
  type StackOneEmail,
  type StackOneWriteResult,
} from "../src/index.ts";

export const body: StackOneCandidatePatch = {
  first_name: "Ada",
  title: null,
  emails: [{ type: "personal", value: "ada@example.com" }],
  phone_numbers: [{ type: "mobile", phone: "+447700900123" }],
  hired_at: "2025-01-01T00:00:00.000Z",
  unified_custom_fields: { source: "referral" },
};

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: StackOneCandidatePatch = { nickname: "Ada" };
// @ts-expect-error remote_id is read-only: it exists on the read shape only
export const readOnly: StackOneCandidatePatch = { remote_id: "r1" };
// @ts-expect-error "pager" is not a phone number type
export const badEnum: StackOneCandidatePatch = { phone_numbers: [{ type: "pager", phone: "1" }] };
// @ts-expect-error a list item is an object, never a bare string
export const bareEmail: StackOneCandidatePatch = { emails: ["ada@example.com"] };

// @ts-expect-error id is read-only on the read shape
export const assignId = (candidate: StackOneCandidate) => (candidate.id = "c2");

// --- The client, the diff function and the rule table -------------------------------------------

declare const before: StackOneCandidate;
declare const after: StackOneCandidate;
const id = "c0a8012e-7d3f-4b8e-9a51-2f6c1d9e4b70";

const result = diffCandidate(before, after, { now: new Date() });
expectTypeOf(result).toEqualTypeOf<DiffResult<StackOneCandidatePatch>>();
expectTypeOf(result.body).toEqualTypeOf<StackOneCandidatePatch>();
expectTypeOf(result.changed).toEqualTypeOf<(keyof StackOneCandidatePatch & string)[]>();
// @ts-expect-error diffCandidate takes the read shape: passthrough is a PATCH body key only
diffCandidate(before, { passthrough: { other_known_names: "John Doe" } });

const stackone: StackOneClient = createStackOneClient({ apiKey: "sk_test", accountId: "acc_1" });
// @ts-expect-error accountId is required (the x-account-id header)
createStackOneClient({ apiKey: "sk_test" });
// @ts-expect-error apiKey is required
createStackOneClient({ accountId: "acc_1" });
// @ts-expect-error accountId is a string
createStackOneClient({ apiKey: "sk_test", accountId: 42 });

export const patchTyped = () =>
  stackone.PATCH("/unified/ats/candidates/{id}", { params: { path: { id } }, body: result.body });
export const patchUnknownKey = () =>
  stackone.PATCH("/unified/ats/candidates/{id}", {
    params: { path: { id } },
    // @ts-expect-error an unknown key is not part of the PATCH body
    body: { nickname: "Ada" },
  });
export const patchUnknownBesideKnown = () =>
  stackone.PATCH("/unified/ats/candidates/{id}", {
    params: { path: { id } },
    body: {
      title: null,
      // @ts-expect-error tags are read-only: they exist on the read shape only
      tags: [],
    },
  });
export const patchBadValue = () =>
  stackone.PATCH("/unified/ats/candidates/{id}", {
    params: { path: { id } },
    // @ts-expect-error "pager" is not a phone number type
    body: { phone_numbers: [{ type: "pager", phone: "1" }] },
  });
// @ts-expect-error a PATCH needs its body
export const patchNoBody = () => stackone.PATCH("/unified/ats/candidates/{id}", { params: { path: { id } } });
export const patchResult = async () => {
  const { data } = await stackone.PATCH("/unified/ats/candidates/{id}", {
    params: { path: { id } },
    body: { hired_at: null, passthrough: { other_known_names: "John Doe" } },
    signal: AbortSignal.timeout(1000),
  });
  // StackOne answers a PATCH with ids only, never the updated candidate.
  expectTypeOf(data).toEqualTypeOf<StackOneWriteResult | undefined>();
};
// @ts-expect-error the spec has no DELETE on candidates
export const remove = () => stackone.DELETE("/unified/ats/candidates/{id}", { params: { path: { id } } });

export const iterated = async () => {
  for await (const candidate of stackone.iterate.candidates({ filter: { email: "ada@example.com" } })) {
    expectTypeOf(candidate).toEqualTypeOf<StackOneCandidate>();
  }
  for await (const field of stackone.iterate.customFieldDefinitions()) {
    expectTypeOf(field).toEqualTypeOf<StackOneCustomFieldDefinition>();
  }
  // @ts-expect-error next is driven by the iterator
  stackone.iterate.candidates({ next: "abc" });
  // @ts-expect-error the candidate list has no such filter
  stackone.iterate.candidates({ filter: { name: "Ada" } });
  // @ts-expect-error custom field definitions have no email filter
  stackone.iterate.customFieldDefinitions({ filter: { email: "ada@example.com" } });
};

// The rule table is typed against the generated types: a missing rule or a rule for a field the
// PATCH body lacks does not compile.
const { phone: _phone, ...withoutPhone } = candidateRules.fields;
// @ts-expect-error phone has no rule
defineResource<StackOneCandidate, StackOneCandidatePatch>({ fields: withoutPhone });
defineResource<StackOneCandidate, StackOneCandidatePatch>({
  fields: {
    ...candidateRules.fields,
    // @ts-expect-error the PATCH body has no nickname
    nickname: nullable("name"),
  },
});
defineResource<StackOneCandidate, StackOneCandidatePatch>({
  // @ts-expect-error a rule that reads a key the read shape lacks
  fields: { ...candidateRules.fields, name: nullable("nickname") },
});
expectTypeOf(candidateRules.fields.emails).toEqualTypeOf<
  FieldRule<StackOneCandidate, StackOneEmail[] | null>
>();
expectTypeOf(stackone.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
