// Type-checked in an empty project that installed @patchwise/instaview alone (NodeNext and Bundler resolution).
import {
  createInstaviewClient,
  diffCandidate,
  type InstaviewCandidate,
  type InstaviewCandidatePatch,
} from "@patchwise/instaview";

declare const before: InstaviewCandidate;
declare const after: InstaviewCandidate;

const client = createInstaviewClient({ apiKey: "key" });
const { body, noop, changed } = diffCandidate(before, after);
const typed: InstaviewCandidatePatch = body;
export const keys: string[] = changed;
if (!noop) void client.PATCH("/candidates/{id}", { params: { path: { id: before.id } }, body: typed });

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: InstaviewCandidatePatch = { nickname: "Ada" };
