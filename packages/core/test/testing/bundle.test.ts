import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsdown";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every module the main entry reaches through static and dynamic imports, relative to the package. */
async function importGraph(entry: string): Promise<{ files: string[]; bare: string[] }> {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = async (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = await readFile(file, "utf8");
    for (const [, specifier = ""] of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      if (specifier.startsWith(".")) await visit(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  await visit(resolve(root, entry));
  return { files: [...files].map((f) => f.slice(root.length + 1)), bare: [...bare] };
}

describe("the main entry stays free of the testing kit", () => {
  it("never imports src/testing, hono or @hono/node-server", async () => {
    const { files, bare } = await importGraph("src/index.ts");
    expect(files).toContain("src/client.ts");
    expect(files.filter((f) => f.includes("testing"))).toEqual([]);
    expect(bare.filter((b) => b.includes("hono"))).toEqual([]);
    const testing = await importGraph("src/testing/index.ts");
    expect(testing.bare).toContain("hono"); // the check sees what it looks for
  });

  it("builds to dist/index.js without hono and dist/testing.js with it, sharing no chunk", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "patchwise-core-"));
    try {
      await build({
        cwd: root,
        config: join(root, "tsdown.config.ts"),
        dts: false,
        outDir,
        logLevel: "silent",
      });
      expect((await readdir(outDir)).sort()).toEqual(["index.js", "testing.js"]);
      const index = await readFile(join(outDir, "index.js"), "utf8");
      const testing = await readFile(join(outDir, "testing.js"), "utf8");
      expect(index).not.toMatch(/hono/i);
      expect(testing).toMatch(/from "hono"/);
      expect(testing).toMatch(/import\("@hono\/node-server"\)/); // loaded by listen() only
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("exports ./testing beside . in the package", () => {
    expect(pkg.exports["./testing"]).toEqual({ types: "./dist/testing.d.ts", default: "./dist/testing.js" });
    expect(pkg.dependencies).toHaveProperty("hono");
  });
});
