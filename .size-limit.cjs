// Bundle budgets: what a user's bundler ships for what they import, with every dependency
// (openapi-fetch included), minified by esbuild as ESM and gzipped. `pnpm size` after `pnpm build`.
// "kB" is 1000 bytes, as size-limit reports it.

/**
 * The providers: package folder, client factory, diff function (DESIGN.md, Public API), and the limit:
 * just above the size measured when it was set, so that any growth fails `pnpm size`.
 */
const providers = [
  ["stardex", "createStardexClient", "diffPerson", "9.9 kB"],
  ["stackone", "createStackOneClient", "diffCandidate", "8.45 kB"],
  ["folk", "createFolkClient", "diffPerson", "9.88 kB"],
  ["instaview", "createInstaviewClient", "diffCandidate", "8.98 kB"],
];

/**
 * Fails the bundle when a main entry reaches a `/testing` entry or the simulators' server (hono):
 * they must stay out of what a user ships.
 */
const mainEntryOnly = {
  name: "main-entry-only",
  setup(build) {
    build.onResolve({ filter: /(^|\/)testing(\.[cm]?js)?$|^(hono|@hono\/node-server)(\/|$)/ }, (args) => ({
      errors: [{ text: `${args.path} is imported by ${args.importer}: a main entry must not reach it` }],
    }));
  },
};

/** The measuring build: ESM as a user's bundler emits it, guarded by `mainEntryOnly`. */
const esm = (config) => ({ ...config, format: "esm", plugins: [...(config.plugins ?? []), mainEntryOnly] });

module.exports = [
  {
    name: "@patchwise/diff",
    import: { "packages/diff/dist/index.js": "*" },
    // The target is 3 kB: the engine with its validator measures 3.07 kB (validate alone is
    // 0.96 kB; the keyword checks are in `./keywords`, below). The limit stops growth.
    limit: "3.1 kB",
    gzip: true,
    modifyEsbuildConfig: esm,
  },
  ...providers.map(([name, client, diff, limit]) => ({
    name: `@patchwise/${name}: { ${client}, ${diff} }`,
    import: { [`packages/${name}/dist/index.js`]: `{ ${client}, ${diff} }` },
    // The target is 6 kB, below what DESIGN.md requires before any provider rule: openapi-fetch's
    // createClient is 2.6 kB, with core's createApiClient (retries, rate limits, timeouts, typed errors)
    // 4.8 kB, with diff, validate and one scalar rule 6.4 kB. Each provider's rules and generated
    // schema add 2-3.5 kB. The limit stops growth while the target waits on that decision.
    limit,
    gzip: true,
    modifyEsbuildConfig: esm,
  })),
  {
    // No budget of its own: a provider's schema imports only the checks it names, counted above.
    name: "@patchwise/diff/keywords",
    import: { "packages/diff/dist/keywords.js": "*" },
    gzip: true,
    modifyEsbuildConfig: esm,
  },
  {
    // No budget of its own: it is counted in every provider entry above.
    name: "@patchwise/core",
    import: { "packages/core/dist/index.js": "*" },
    gzip: true,
    modifyEsbuildConfig: esm,
  },
  {
    // Every main entry whole, so a `/testing` or hono import anywhere in them fails the build.
    name: "main entries reach no /testing and no hono",
    path: ["core", "diff", ...providers.map(([name]) => name)].map(
      (name) => `packages/${name}/dist/index.js`,
    ),
    gzip: true,
    modifyEsbuildConfig: esm,
  },
];
