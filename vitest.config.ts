import { defineConfig } from "vitest/config";

// Every workspace package with tests is a vitest project; `pnpm test` runs them through turbo,
// `pnpm vitest` at the root runs them all in one process while developing. test-utils has no tests
// of its own (its suites run in the packages that call them), so it is no project.
export default defineConfig({
  test: {
    projects: ["packages/*", "!packages/test-utils", "tools"],
  },
});
