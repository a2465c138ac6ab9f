import { defineConfig } from "vitest/config";

// Every workspace package is a vitest project; `pnpm test` runs them through turbo,
// `pnpm vitest` at the root runs them all in one process while developing.
export default defineConfig({
  test: {
    projects: ["packages/*", "tools"],
  },
});
