// Type-checked in an empty project that installed @patchwise/stardex alone (NodeNext and Bundler resolution).
import {
  createStardexClient,
  diffPerson,
  type StardexPerson,
  type StardexPersonPatch,
} from "@patchwise/stardex";

declare const before: StardexPerson;
declare const after: StardexPerson;

const client = createStardexClient({ apiKey: "key" });
const { body, noop, changed } = diffPerson(before, after);
const typed: StardexPersonPatch = body;
export const keys: string[] = changed;
if (!noop) void client.PATCH("/v1/persons/{id}", { params: { path: { id: before.id } }, body: typed });

// @ts-expect-error an unknown key is not part of the PATCH body
export const unknownKey: StardexPersonPatch = { nickname: "Ada" };
