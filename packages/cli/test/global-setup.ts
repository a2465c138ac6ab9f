import { existsSync } from "node:fs";
import { BIN } from "./helpers.ts";

/** The suite runs the built command, as a user does: `turbo run test` builds it first. */
export default function setup(): void {
  if (!existsSync(BIN)) {
    throw new Error(
      `${BIN} is missing: run \`pnpm --filter @patchwise/cli build\` (turbo's test task does it)`,
    );
  }
}
