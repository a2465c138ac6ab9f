import { defineConfig } from "tsdown";
import { base } from "../../tsdown.base.ts";

// A Node program (`bin` is the `patchwise` command, `index` its programmatic entry), as `.js` like the others.
export default defineConfig({
  ...base,
  platform: "node",
  fixedExtension: false,
  entry: ["src/index.ts", "src/bin.ts"],
});
