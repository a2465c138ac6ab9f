import { writeFile } from "node:fs/promises";
import type { RateLimitOptions, SimulatorServer } from "@patchwise/core/testing";
import { CliError, EXIT, type ExitCode } from "../exit-codes.ts";
import { readRecords } from "../input.ts";
import type { Output } from "../output.ts";
import type { CliProvider, ProviderSimulator } from "../providers/index.ts";

/** Options of `patchwise serve`. */
export interface ServeArgs {
  port: number;
  /** A JSON array or JSONL file of records in the read shape. */
  seed?: string | undefined;
  /** Sample records to start with (default 100 without `seed`). */
  samples?: number | undefined;
  /** Writes the desired versions of the sample records (a third changed) as JSONL, for `sync --input`. */
  desired?: string | undefined;
  rateLimit?: RateLimitOptions | undefined;
  /** Share of requests answered with the provider's 500. */
  failRate?: number | undefined;
  /** Share of requests answered with the provider's 429. */
  throttleRate?: number | undefined;
  latency?: number | undefined;
  json: boolean;
  /** Resolves when the server is to stop (SIGINT or SIGTERM in the CLI). */
  stopped: Promise<unknown>;
}

const SAMPLE_SEED = 1;

/**
 * `patchwise serve <provider>`: that provider's simulator over HTTP on 127.0.0.1, seeded with a file
 * or sample records, for users' own integration tests. Prints the URL and the key it accepts, and
 * stops cleanly when `args.stopped` resolves.
 * @example await serveCommand(await loadProvider("folk"), { port: 4010, json: false, stopped: once(process, "SIGINT") }, output);
 */
export async function serveCommand(
  provider: CliProvider,
  args: ServeArgs,
  output: Output,
): Promise<ExitCode> {
  const testing = await provider.testing();
  const records = args.seed
    ? (await readRecords(args.seed)).map((r) => r.record)
    : testing.sampleRecords(args.samples ?? 100, SAMPLE_SEED);
  if (args.seed && args.samples) {
    records.push(...testing.sampleRecords(args.samples, SAMPLE_SEED));
  }
  const faults =
    args.failRate || args.throttleRate
      ? {
          seed: SAMPLE_SEED,
          ...(args.failRate && { serverErrorRate: args.failRate }),
          ...(args.throttleRate && { rateLimitedRate: args.throttleRate }),
        }
      : undefined;
  let sim: ProviderSimulator;
  try {
    sim = testing.simulator({
      records,
      ...(args.rateLimit && { rateLimit: args.rateLimit }),
      ...(faults && { faults }),
      ...(args.latency !== undefined && { latencyMs: args.latency }),
    });
  } catch (error) {
    throw new CliError(
      `${args.seed ?? "samples"}: cannot seed the simulator (${(error as Error).message})`,
      EXIT.input,
    );
  }
  let server: SimulatorServer;
  try {
    server = await sim.listen(args.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EADDRINUSE" ? "it is in use" : code === "EACCES" ? "permission denied" : String(error);
    throw new CliError(`cannot listen on port ${args.port}: ${why}`, EXIT.usage);
  }
  let desired = 0;
  if (args.desired) {
    const changes = testing.sampleChanges(records, SAMPLE_SEED + 1, 1 / 3);
    desired = changes.length;
    await writeFile(args.desired, changes.map((c) => `${JSON.stringify(c)}\n`).join(""));
  }
  const { accountId } = testing.account;
  if (args.json) {
    output.out(
      JSON.stringify({
        provider: provider.name,
        url: server.url,
        apiKey: sim.apiKey,
        ...(accountId && { accountId }),
        records: records.length,
        ...(args.desired && { desired: args.desired }),
      }),
    );
  } else {
    const seeded = args.seed
      ? `${records.length} ${provider.records} from ${args.seed}`
      : `${records.length} sample ${provider.records}`;
    output.out(`${provider.title} simulator listening on ${server.url} with ${seeded}`);
    output.out(`  API key       ${sim.apiKey}`);
    if (accountId) output.out(`  x-account-id  ${accountId} (any value works)`);
    if (args.rateLimit) {
      output.out(
        `  rate limit    ${args.rateLimit.limit} requests per ${(args.rateLimit.windowMs ?? 60_000) / 1000} s`,
      );
    }
    if (faults) {
      const parts = [
        ...(args.failRate ? [`${args.failRate * 100}% 500s`] : []),
        ...(args.throttleRate ? [`${args.throttleRate * 100}% 429s`] : []),
      ];
      output.out(`  faults        ${parts.join(", ")}`);
    }
    if (args.desired) {
      output.out(`  desired       ${args.desired} (${desired} records, a third of them changed)`);
      const account = accountId ? ` --account-id ${accountId}` : "";
      output.out(
        `Try: patchwise sync ${provider.name} --base-url ${server.url} --api-key ${sim.apiKey}${account} --input ${args.desired}`,
      );
    }
    output.out("Ctrl-C to stop.");
  }
  await args.stopped;
  await server.close();
  if (!args.json) output.err("Stopped.");
  return EXIT.ok;
}
