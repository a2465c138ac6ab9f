import { createRequire } from "node:module";
import type { RateLimitOptions } from "@patchwise/core/testing";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { demoCommand } from "./commands/demo.ts";
import { diffCommand } from "./commands/diff.ts";
import { serveCommand } from "./commands/serve.ts";
import { type SyncContext, syncCommand } from "./commands/sync.ts";
import { CliError, EXIT, type ExitCode } from "./exit-codes.ts";
import { createOutput, type Output } from "./output.ts";
import { loadProvider, PROVIDER_NAMES, type ProviderName } from "./providers/index.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** A whole number of at least `min`, for an option or argument named `what`. */
const integer = (min: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
  }
  return n;
};

/** A share from 0 to 1. */
const share = (value: string) => {
  const n = Number(value);
  if (!value.trim() || !(n >= 0 && n <= 1))
    throw new InvalidArgumentError(`expected a share from 0 to 1, got "${value}"`);
  return n;
};

const UNITS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** `60/min`, `5/s`, `2000/hour`, or a bare number of requests a minute. */
const rateLimit = (value: string): RateLimitOptions => {
  const [, n, unit = "min"] = /^\s*(\d+)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(value) ?? [];
  const windowMs = UNITS[unit.toLowerCase()];
  if (!n || windowMs === undefined || Number(n) < 1) {
    throw new InvalidArgumentError(
      `expected requests per window such as 60/min, 5/s or 2000/hour, got "${value}"`,
    );
  }
  return { limit: Number(n), windowMs };
};

const providerArgument = () =>
  new Argument("<provider>", `one of ${PROVIDER_NAMES.join(", ")}`).choices(PROVIDER_NAMES);

/** A hidden option of the embedded simulator, for tests (documented in the README, not in --help). */
const hidden = (flags: string, description: string, parse?: (value: string) => unknown) => {
  const option = new Option(flags, description).hideHelp();
  return parse ? option.argParser(parse) : option;
};

/** What `run` needs from the process; tests and embedders pass their own. */
export interface RunContext {
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Ctrl-C: registers a handler, returns its removal (default: the process's SIGINT and SIGTERM). */
  onInterrupt?: (handler: () => void) => () => void;
  /** Ends the process at once (default `process.exit`). */
  exit?: (code: number) => never;
}

function processInterrupts(handler: () => void): () => void {
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

function report(error: unknown, output: Output): ExitCode {
  if (error instanceof CliError) {
    output.err(`patchwise: ${error.message}`);
    return error.exitCode;
  }
  output.err(
    `patchwise: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return EXIT.invalid;
}

/**
 * Runs the `patchwise` command line (`argv` without the node and script paths) and resolves with its
 * exit code; the process is left running for the caller to end.
 * @example process.exitCode = await run(process.argv.slice(2));
 */
export async function run(argv: readonly string[], context: RunContext = {}): Promise<number> {
  const output = createOutput(context.stdout, context.stderr);
  const env = context.env ?? process.env;
  const onInterrupt = context.onInterrupt ?? processInterrupts;
  const exit = context.exit ?? ((code: number) => process.exit(code));
  let code: ExitCode = EXIT.ok;
  const provider = (name: string) => loadProvider(name as ProviderName);

  const program = new Command("patchwise")
    .description(
      "Minimal PATCH bodies for recruiting CRMs and ATSs: diff, sync, and simulators to test against.",
    )
    .version(version)
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({
      writeOut: (s) => void (context.stdout ?? process.stdout).write(s),
      writeErr: (s) => void (context.stderr ?? process.stderr).write(s),
    });

  program
    .command("diff")
    .description(
      "print the minimal PATCH body that turns <before> into <after>, or that there is nothing to send",
    )
    .addArgument(providerArgument())
    .argument("<before>", "the record as GET returns it (a JSON file)")
    .argument("<after>", "the record as it should be (a JSON file; keys left out stay as they are)")
    .option("--json", "print one JSON object: { noop, changed, body, bytes, fullBodyBytes }", false)
    .action(async (name: string, before: string, after: string, options: { json: boolean }) => {
      code = await diffCommand(await provider(name), before, after, options, output);
    });

  program
    .command("serve")
    .description("run a provider's simulator over HTTP, for your own integration tests")
    .addArgument(providerArgument())
    .option("--port <n>", "port on 127.0.0.1 (0: a free one)", integer(0), 0)
    .option("--seed <file>", "records to start with, as GET returns them (JSON array or JSONL)")
    .option("--samples <n>", "sample records to start with (default 100 without --seed)", integer(0))
    .option(
      "--desired <file>",
      "write desired versions of the records (a third changed) as JSONL for sync --input",
    )
    .option("--rate-limit <n/window>", "a sliding-window rate limit such as 60/min or 5/s", rateLimit)
    .option("--fail-rate <p>", "share of requests answered with the provider's 500", share)
    .option("--throttle-rate <p>", "share of requests answered with the provider's 429", share)
    .option("--latency <ms>", "added to every response", integer(0))
    .option("--json", "print one JSON line with the URL and the key, for scripts", false)
    .action(async (name: string, options: Record<string, unknown>) => {
      const stopped = new Promise<void>((resolve) => {
        const remove = onInterrupt(() => {
          remove();
          resolve();
        });
      });
      code = await serveCommand(
        await provider(name),
        { ...(options as { port: number; json: boolean }), stopped },
        output,
      );
    });

  program
    .command("sync")
    .description(
      "bring a provider's records to the desired records of --input; without --base-url, an embedded simulator with sample data",
    )
    .addArgument(providerArgument())
    .option(
      "--input <file>",
      "desired records, one JSON object per line (a failures file of an earlier run works too)",
    )
    .option("--base-url <url>", "the provider's API (default: an embedded simulator seeded with sample data)")
    .option("--api-key <key>", "the API key (else PATCHWISE_API_KEY or <PROVIDER>_API_KEY); never printed")
    .option("--account-id <id>", "StackOne's linked account (else STACKONE_ACCOUNT_ID)")
    .option("--company-id <id>", "Instaview's company, for multi-company keys (else INSTAVIEW_COMPANY_ID)")
    .option("--concurrency <n>", "records in flight at once", integer(1), 4)
    .option("--dry-run", "read and diff, send no PATCH", false)
    .option(
      "--failures <file>",
      "write every record not synced (failed or not attempted) as JSONL, to rerun with --input",
    )
    .addOption(
      new Option("--read <how>", "get: one GET per record; list: list every record first")
        .choices(["get", "list"])
        .default("get"),
    )
    .option(
      "--state <file>",
      "base snapshots (JSONL), read before and written after the run: a record with a base gets a three-way diff that keeps others' edits",
    )
    .addOption(
      new Option(
        "--prefer <side>",
        "with --state: the side a field changed on both sides takes (fail: the record fails)",
      )
        .choices(["desired", "current", "fail"])
        .default("desired"),
    )
    .option("--quiet", "no progress and no summary; failures still go to stderr", false)
    .option("--json", "print the summary as one JSON object", false)
    .addOption(hidden("--retries <n>", "client retries per request", integer(0)))
    .addOption(hidden("--retry-delay <ms>", "client backoff base", integer(0)))
    .addOption(hidden("--sim-records <n>", "embedded simulator: sample records", integer(0)).default(1000))
    .addOption(hidden("--sim-new <n>", "embedded simulator: new sample records to create", integer(0)))
    .addOption(hidden("--sim-seed <n>", "embedded simulator: seed", integer(0)).default(1))
    .addOption(hidden("--sim-fail-rate <p>", "embedded simulator: share of 500s", share))
    .addOption(hidden("--sim-throttle-rate <p>", "embedded simulator: share of 429s", share))
    .addOption(hidden("--sim-drop-rate <p>", "embedded simulator: share of dropped connections", share))
    .addOption(hidden("--sim-lost-rate <p>", "embedded simulator: share of lost responses", share))
    .addOption(hidden("--sim-rate-limit <n/window>", "embedded simulator: rate limit", rateLimit))
    .addOption(hidden("--sim-latency <ms>", "embedded simulator: latency", integer(0)))
    .addOption(
      hidden("--sim-retry-after <s>", "embedded simulator: Retry-After of injected 429s", integer(0)),
    )
    .action(async (name: string, o: Record<string, unknown>) => {
      const args = {
        input: o.input as string | undefined,
        baseUrl: o.baseUrl as string | undefined,
        apiKey: o.apiKey as string | undefined,
        accountId: o.accountId as string | undefined,
        companyId: o.companyId as string | undefined,
        concurrency: o.concurrency as number,
        dryRun: o.dryRun as boolean,
        failures: o.failures as string | undefined,
        read: o.read as "get" | "list",
        state: o.state as string | undefined,
        prefer: o.prefer as "desired" | "current" | "fail",
        quiet: o.quiet as boolean,
        json: o.json as boolean,
        retries: o.retries as number | undefined,
        retryDelay: o.retryDelay as number | undefined,
        sim: {
          records: o.simRecords as number,
          newRecords: o.simNew as number | undefined,
          seed: o.simSeed as number,
          failRate: o.simFailRate as number | undefined,
          throttleRate: o.simThrottleRate as number | undefined,
          dropRate: o.simDropRate as number | undefined,
          lostRate: o.simLostRate as number | undefined,
          rateLimit: o.simRateLimit as RateLimitOptions | undefined,
          latency: o.simLatency as number | undefined,
          retryAfter: o.simRetryAfter as number | undefined,
        },
      };
      output.secret(args.apiKey);
      const syncContext: SyncContext = { env, onInterrupt, exit };
      code = await syncCommand(await provider(name), args, output, syncContext);
    });

  program
    .command("demo")
    .description("sync sample data of every provider into its simulator and print one report table")
    .option("--records <n>", "sample records per provider", integer(1), 2000)
    .option("--new <n>", "sample records per provider that its simulator lacks, to be created", integer(0), 0)
    .option("--concurrency <n>", "records in flight at once", integer(1), 8)
    .addOption(
      new Option("--read <how>", "get: one GET per record; list: list every record first")
        .choices(["get", "list"])
        .default("get"),
    )
    .option("--json", "print the rows as JSON", false)
    .option("--quiet", "no progress", false)
    .action(
      async (o: {
        records: number;
        new: number;
        concurrency: number;
        read: "get" | "list";
        json: boolean;
        quiet: boolean;
      }) => {
        code = await demoCommand(o, output);
      },
    );

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return report(error, output);
  }
  return code;
}
