// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import { defineResource, type FieldRule, scalar } from "@patchwise/diff";
import { expectTypeOf } from "vitest";
import {
  candidateRules,
  createInstaviewClient,
  type DiffResult,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewCandidatePatch,
  type InstaviewClient,
  type RateLimitState,
} from "../src/index.ts";

export const body: InstaviewCandidatePatch = {
  firstName: "Ada",
  phoneNumber: "+421901234567",
  status: "IN_PROCESS",
  jobIds: ["123e4567-e89b-12d3-a456-426614174000"],
  metadata: { source: "LinkedIn" },
  gender: null,
};

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: InstaviewCandidatePatch = { nickname: "Ada" };
// @ts-expect-error overallRating is read-only: it exists on the read shape only
export const readOnly: InstaviewCandidatePatch = { overallRating: 90 };
// @ts-expect-error "HIRED" is named in the vendor's prose but is not in the status enum
export const badEnum: InstaviewCandidatePatch = { status: "HIRED" };
// @ts-expect-error firstName is not nullable
export const nullName: InstaviewCandidatePatch = { firstName: null };

// @ts-expect-error id is read-only on the read shape
export const assignId = (candidate: InstaviewCandidate) => (candidate.id = "c2");

// --- The client, the diff function and the rule table -------------------------------------------
declare const before: InstaviewCandidate;
declare const after: InstaviewCandidate;

const result = diffCandidate(before, after, { now: new Date() });
expectTypeOf(result).toEqualTypeOf<DiffResult<InstaviewCandidatePatch>>();
expectTypeOf(result.body).toEqualTypeOf<InstaviewCandidatePatch>();
expectTypeOf(result.changed).toEqualTypeOf<(keyof InstaviewCandidatePatch & string)[]>();
// @ts-expect-error diffCandidate takes the read shape: a PATCH body is not a candidate
diffCandidate(before, { status: "APPLIED" });

const instaview: InstaviewClient = createInstaviewClient({ apiKey: "sk_test", companyId: "co_42" });
// @ts-expect-error companyId is a string
createInstaviewClient({ apiKey: "sk_test", companyId: 42 });
// @ts-expect-error apiKey is required
createInstaviewClient({ companyId: "co_42" });

export const patchTyped = () =>
  instaview.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body: result.body });
export const patchUnknownKey = () =>
  instaview.PATCH("/candidates/{id}", {
    params: { path: { id: before.id } },
    // @ts-expect-error an unknown key is not part of the PATCH body
    body: { nickname: "Ada" },
  });
export const patchUnknownBesideKnown = () =>
  instaview.PATCH("/candidates/{id}", {
    params: { path: { id: before.id } },
    body: {
      gender: null,
      // @ts-expect-error overallRating is read-only: it exists on the read shape only
      overallRating: 90,
    },
  });
export const patchBadValue = () =>
  instaview.PATCH("/candidates/{id}", {
    params: { path: { id: before.id } },
    // @ts-expect-error "HIRED" is not in the status enum
    body: { status: "HIRED" },
  });
// @ts-expect-error a PATCH needs its body
export const patchNoBody = () => instaview.PATCH("/candidates/{id}", { params: { path: { id: before.id } } });
export const patchWithSignal = async () => {
  const { data } = await instaview.PATCH("/candidates/{id}", {
    params: { path: { id: before.id }, query: { companyId: "co_1" } },
    body: { status: "REJECTED", gender: null },
    signal: AbortSignal.timeout(1000),
  });
  expectTypeOf(data).toEqualTypeOf<InstaviewCandidate | undefined>();
};
// @ts-expect-error the spec has no PUT on candidates
export const put = () => instaview.PUT("/candidates/{id}", { params: { path: { id: before.id } } });

export const iterated = async () => {
  for await (const candidate of instaview.iterate.candidates({ status: "APPLIED", limit: 50 })) {
    expectTypeOf(candidate).toEqualTypeOf<InstaviewCandidate>();
  }
  // @ts-expect-error page is driven by the iterator
  instaview.iterate.candidates({ page: 2 });
  // @ts-expect-error "HIRED" is not a status
  instaview.iterate.candidates({ status: "HIRED" });
};

// The rule table is typed against the generated types: a missing rule or a rule for a field the
// PATCH body lacks does not compile.
const { cvText: _cvText, ...withoutCvText } = candidateRules.fields;
// @ts-expect-error cvText has no rule
defineResource<InstaviewCandidate, InstaviewCandidatePatch>({ fields: withoutCvText });
defineResource<InstaviewCandidate, InstaviewCandidatePatch>({
  fields: {
    ...candidateRules.fields,
    // @ts-expect-error the PATCH body has no nickname
    nickname: scalar("firstName"),
  },
});
defineResource<InstaviewCandidate, InstaviewCandidatePatch>({
  // @ts-expect-error a rule that reads a key the read shape lacks
  fields: { ...candidateRules.fields, firstName: scalar("nickname") },
});
expectTypeOf(candidateRules.fields.jobIds).toEqualTypeOf<FieldRule<InstaviewCandidate, string[]>>();
expectTypeOf(instaview.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
