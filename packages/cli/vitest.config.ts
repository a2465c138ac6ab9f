import { defineProject } from "vitest/config";

// The tests spawn the built `dist/bin.js` (turbo builds it first: see turbo.json).
export default defineProject({
  test: { name: "cli", globalSetup: ["test/global-setup.ts"], testTimeout: 60_000 },
});
