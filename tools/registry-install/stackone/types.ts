// Type-checked in an empty project that installed @patchwise/stackone alone (NodeNext and Bundler resolution).
import {
  createStackOneClient,
  diffCandidate,
  type StackOneCandidate,
  type StackOneCandidatePatch,
} from "@patchwise/stackone";

declare const before: StackOneCandidate;
declare const after: StackOneCandidate;

const client = createStackOneClient({ apiKey: "key", accountId: "account" });
const { body, noop, changed } = diffCandidate(before, after);
const typed: StackOneCandidatePatch = body;
export const keys: string[] = changed;
if (!noop)
  void client.PATCH("/unified/ats/candidates/{id}", {
    params: { path: { id: before.id ?? "" } },
    body: typed,
  });

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: StackOneCandidatePatch = { nickname: "Ada" };
