// Type-checked in an empty project that installed @patchwise/folk alone (NodeNext and Bundler resolution).
import { createFolkClient, diffPerson, type FolkPerson, type FolkPersonPatch } from "@patchwise/folk";

declare const before: FolkPerson;
declare const after: FolkPerson;

const client = createFolkClient({ apiKey: "key" });
const { body, noop, changed } = diffPerson(before, after);
const typed: FolkPersonPatch = body;
export const keys: string[] = changed;
if (!noop)
  void client.PATCH("/v1/people/{personId}", { params: { path: { personId: before.id } }, body: typed });

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: FolkPersonPatch = { nickname: "Ada" };
