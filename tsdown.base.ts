import type { UserConfig } from "tsdown";

/** The build every published package extends: ESM for Node 20.19+, with bundled declarations. */
export const base = {
  format: "esm",
  platform: "neutral",
  target: "node20.19",
  dts: true,
  sourcemap: false,
  clean: true,
} satisfies UserConfig;
