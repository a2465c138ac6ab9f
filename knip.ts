import type { KnipConfig } from "knip";

// Unused files, exports and dependencies across the workspace: `pnpm knip`. Knip's plugins find the
// entries (tsdown, vitest, size-limit, package.json scripts); only what they cannot see is here.
export default {
  workspaces: {
    tools: {
      // The registry install check copies these into an empty project and runs them there.
      entry: ["registry-install/*/{use.mjs,types.ts}", "registry-install/shared/*.{mjs,cjs}"],
      // Not imported: listed so that turbo builds them (`^build`) before test:release packs them.
      ignoreDependencies: ["@patchwise/core", "@patchwise/diff"],
      // Copied flat into the install project, where round-trip.mjs sits beside use.mjs.
      ignoreUnresolved: ["./round-trip.mjs"],
    },
  },
  ignoreIssues: {
    // The generator writes one alias per spec schema (plus openapi-typescript's `webhooks`, `$defs`);
    // each package's index.ts picks the public ones.
    "packages/*/src/generated/schema.ts": ["types"],
  },
} satisfies KnipConfig;
