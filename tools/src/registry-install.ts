/**
 * The release check: publishes every package to a throwaway npm registry (verdaccio on loopback, storage in
 * a temp folder), then installs each provider package ALONE into an empty project from that registry and
 * uses it the way a user would: an ESM script runs a diff and a PATCH against the package's simulator, a
 * TypeScript file type-checks under NodeNext and Bundler resolution, and `require()` loads it.
 *
 *   pnpm --filter @patchwise/tools test:release
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runServer } from "verdaccio";
import { providers } from "./providers.ts";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = join(root, "tools", "registry-install");
const published = ["diff", "core", ...providers.map((p) => p.name)];

/** Runs a command, failing with its output when it fails. Async: the registry answers in this process. */
async function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}\n${stdout}${stderr}`, { cause: error });
  }
}

/** Starts verdaccio: `@patchwise/*` is stored locally, everything else comes from the upstream registry. */
async function startRegistry(storage: string, upstream: string) {
  const app = await runServer({
    self_path: storage,
    storage: join(storage, "packages"),
    uplinks: { upstream: { url: upstream } },
    packages: {
      "@patchwise/*": { access: "$all", publish: "$all", unpublish: "$all" },
      "**": { access: "$all", proxy: "upstream" },
    },
    auth: { htpasswd: { file: join(storage, "htpasswd"), max_users: -1 } },
    logs: { type: "stdout", format: "pretty", level: "error" },
  } as never);
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, port, close: () => new Promise((r) => server.close(r)) };
}

/** Installs one provider alone into an empty project and uses it; returns what it checked. */
async function checkProvider(name: string, registry: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const project = await mkdtemp(join(tmpdir(), `patchwise-install-${name}-`));
  try {
    await writeFile(
      join(project, "package.json"),
      `${JSON.stringify({ name: "install-check", private: true, type: "module" }, null, 2)}\n`,
    );
    await sh(
      "npm",
      ["install", `@patchwise/${name}`, "--registry", registry, "--no-audit", "--no-fund"],
      project,
      env,
    );

    const scoped = (await readdir(join(project, "node_modules", "@patchwise"))).sort();
    const want = ["core", "diff", name].sort();
    if (scoped.join() !== want.join()) {
      throw new Error(
        `@patchwise/${name} brought @patchwise/{${scoped.join(",")}}, expected only {${want.join(",")}}`,
      );
    }

    await cp(join(fixtures, name), project, { recursive: true });
    await cp(join(fixtures, "shared"), project, { recursive: true });
    const node = process.execPath;
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    await sh(node, ["use.mjs"], project, env);
    await sh(node, ["require.cjs", name], project, env);
    await sh(node, [tsc, "-p", "tsconfig.nodenext.json"], project, env);
    await sh(node, [tsc, "-p", "tsconfig.bundler.json"], project, env);
    return [
      `only @patchwise/{${want.join(",")}} installed`,
      "ESM diff + PATCH against its simulator",
      "require()",
      "tsc NodeNext",
      "tsc Bundler",
    ];
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), "patchwise-registry-"));
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: "false" };
  const upstream = (await sh("npm", ["config", "get", "registry"], root, env)).trim();
  const registry = await startRegistry(work, upstream);
  try {
    // Any token will do: the throwaway registry lets anyone publish @patchwise/*.
    const npmrc = join(work, "npmrc");
    await writeFile(npmrc, `//127.0.0.1:${registry.port}/:_authToken=install-check\n`);
    env.NPM_CONFIG_USERCONFIG = npmrc;

    const tarballs = join(work, "tarballs");
    for (const name of published) {
      // pnpm pack turns workspace: and catalog: ranges into the real semver ranges users get.
      await sh("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", name), env);
    }
    for (const file of await readdir(tarballs)) {
      await sh("npm", ["publish", join(tarballs, file), "--registry", registry.url], work, env);
    }
    const version = JSON.parse(
      await readFile(join(root, "packages", "core", "package.json"), "utf8"),
    ).version;
    console.log(`published ${published.length} packages (core ${version}) to ${registry.url}`);

    for (const { name } of providers) {
      const checked = await checkProvider(name, registry.url, env);
      console.log(`@patchwise/${name}: ${checked.join(", ")}`);
    }
    console.log(`registry install check passed in ${Math.round((performance.now() - started) / 1000)} s`);
  } finally {
    await registry.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
