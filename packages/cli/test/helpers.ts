import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built `patchwise` command. */
export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** What a finished run of the command gave. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running command: its process and output so far, and its end. */
export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<Run>;
}

/** An environment with no API keys of the caller's in it. */
function cleanEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/API_KEY|ACCOUNT_ID|COMPANY_ID/.test(k)),
  );
  return { ...base, NO_COLOR: "1", ...env };
}

/** Starts `patchwise <args>` in `cwd`. */
export function start(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** Runs `patchwise <args>` to its end. */
export const patchwise = (args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
  start(args, options).done;

/** Resolves once `check` holds for the output so far (polled), or rejects after `ms`. */
export async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting for the command's output");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A fresh temporary folder, with `files` written into it. */
export async function folder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "patchwise-cli-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Lines of JSON as JSONL text. */
export const jsonl = (values: readonly unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join("");

/** `patchwise serve <provider> --json …` running: its URL and key, and a stop that sends SIGINT. */
export async function serve(args: readonly string[], cwd?: string) {
  const running = start(["serve", ...args, "--json"], cwd === undefined ? {} : { cwd });
  await waitFor(() => running.stdout().includes("\n") || running.child.exitCode !== null);
  const line = running.stdout().split("\n")[0] ?? "";
  if (!line.startsWith("{")) throw new Error(`serve did not start: ${running.stderr()}`);
  const info = JSON.parse(line) as { url: string; apiKey: string; accountId?: string; records: number };
  return {
    ...info,
    async stop(): Promise<Run> {
      running.child.kill("SIGINT");
      return running.done;
    },
  };
}
