import pkg from "../package.json" with { type: "json" };

/** The default `User-Agent`: `patchwise/<version of @patchwise/core>`. */
export const USER_AGENT = `patchwise/${pkg.version}`;
