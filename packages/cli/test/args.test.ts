import { describe, expect, it } from "vitest";
import { run } from "../src/index.ts";

/** Runs the command line in this process, as `bin.ts` does: fast for the many ways arguments go wrong. */
async function inProcess(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const stream = (write: (s: string) => void) =>
    ({
      write: (s: string) => {
        write(s);
        return true;
      },
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
  const code = await run(argv, {
    stdout: stream((s) => (stdout += s)),
    stderr: stream((s) => (stderr += s)),
    env: {},
    onInterrupt: () => () => {},
    exit: (c) => {
      throw new Error(`exit ${c}`);
    },
  });
  return { code, stdout, stderr };
}

describe("arguments", () => {
  it.each([
    ["diff: a missing argument", ["diff", "folk", "a.json"], /missing required argument 'after'/],
    ["diff: an unknown option", ["diff", "folk", "a.json", "b.json", "--yaml"], /unknown option '--yaml'/],
    ["an unknown command", ["merge"], /unknown command 'merge'/],
    [
      "serve: a bad rate limit",
      ["serve", "folk", "--rate-limit", "fast"],
      /expected requests per window such as 60\/min/,
    ],
    [
      "serve: a share above 1",
      ["serve", "folk", "--fail-rate", "2"],
      /expected a share from 0 to 1, got "2"/,
    ],
    ["serve: a negative port", ["serve", "folk", "--port", "-1"], /expected a whole number of at least 0/],
    [
      "sync: no input with a base URL",
      ["sync", "folk", "--base-url", "http://127.0.0.1:9", "--api-key", "k"],
      /--input is required with --base-url/,
    ],
    [
      "sync: a URL that is not http",
      ["sync", "folk", "--base-url", "ftp://x", "--api-key", "k", "--input", "x"],
      /--base-url: expected an http\(s\) URL, got "ftp:\/\/x"/,
    ],
    [
      "sync: no concurrency",
      ["sync", "folk", "--concurrency", "0"],
      /expected a whole number of at least 1, got "0"/,
    ],
    ["sync: an unknown --read", ["sync", "folk", "--read", "scan"], /Allowed choices are get, list/],
    [
      "sync: StackOne without a linked account",
      ["sync", "stackone", "--base-url", "http://127.0.0.1:9", "--api-key", "k", "--input", "x"],
      /StackOne needs a linked account: pass --account-id, or set STACKONE_ACCOUNT_ID/,
    ],
    ["demo: no records", ["demo", "--records", "0"], /expected a whole number of at least 1/],
  ])("exits 2 for %s", async (_name, argv, message) => {
    const { code, stderr } = await inProcess(argv);
    expect({ code, stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  });

  it.each([
    [
      "diff: a missing file",
      ["diff", "folk", "missing-before.json", "missing-after.json"],
      /missing-before\.json: cannot read it \(ENOENT\)/,
    ],
    [
      "sync: a missing input",
      ["sync", "folk", "--input", "missing.jsonl"],
      /missing\.jsonl: cannot read it \(ENOENT\)/,
    ],
    [
      "serve: a missing seed file",
      ["serve", "folk", "--seed", "missing.json"],
      /missing\.json: cannot read it \(ENOENT\)/,
    ],
  ])("exits 3 for %s", async (_name, argv, message) => {
    const { code, stderr } = await inProcess(argv);
    expect({ code, stderr }).toEqual({ code: 3, stderr: expect.stringMatching(message) });
  });

  it("prints help without the testing flags, and the version", async () => {
    const help = await inProcess(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/diff \[options\] <provider> <before> <after>/);
    const sync = await inProcess(["sync", "--help"]);
    expect(sync.stdout).toMatch(/--failures <file>/);
    expect(sync.stdout).not.toMatch(/--sim-|--retry-delay/);
    expect(await inProcess(["--version"])).toMatchObject({ code: 0, stdout: "0.0.0\n" });
  });
});
