// Type tests: checked by `tsc` (pnpm typecheck); each @ts-expect-error must be needed on its exact line.
import { expectTypeOf } from "vitest";
import {
  createPersonBody,
  type createStardexPersonsAdapter,
  type StardexNewPerson,
  type StardexPersonCreate,
} from "../src/index.ts";

expectTypeOf(createPersonBody).returns.toEqualTypeOf<StardexPersonCreate>();
// A new person is the read shape with every key optional: no id needed.
export const fresh: StardexNewPerson = { name: "Sam Placeholder", linkedin_public_id: "sam-placeholder" };
expectTypeOf<
  Parameters<ReturnType<typeof createStardexPersonsAdapter>["id"]>[0]
>().toExtend<StardexNewPerson>();

const profile = "https://www.linkedin.com/in/sam";
// @ts-expect-error create takes plain strings, not the read shape's contact objects
export const objects: StardexPersonCreate = { name: "Sam", linkedin_url: profile, emails: [{ value: "x" }] };
// @ts-expect-error linkedin_url is required
export const noProfile: StardexPersonCreate = { name: "Sam" };
