import { defineConfig } from "tsdown";
import { base } from "../../tsdown.base.ts";

// Named entries build to dist/index.js and dist/testing.js (+ .d.ts); the main entry never imports testing.
export default defineConfig({ ...base, entry: { index: "src/index.ts", testing: "src/testing/index.ts" } });
