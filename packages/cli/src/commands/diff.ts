import type { PatchValidationError } from "@patchwise/diff";
import { CliError, EXIT, type ExitCode } from "../exit-codes.ts";
import { formatBytes } from "../format.ts";
import { readJsonObject } from "../input.ts";
import type { Output } from "../output.ts";
import type { CliProvider } from "../providers/index.ts";

/** Options of `patchwise diff`. */
export interface DiffArgs {
  json: boolean;
}

/** Read by name, so that a provider package with its own copy of @patchwise/diff still matches. */
const isValidationError = (e: unknown): e is PatchValidationError =>
  e instanceof Error &&
  e.name === "PatchValidationError" &&
  Array.isArray((e as PatchValidationError).issues);

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * `patchwise diff <provider> <before.json> <after.json>`: prints the minimal PATCH body that turns
 * `before` (a record as GET returns it) into `after` (the desired record), or that there is nothing to
 * send. A desired record that cannot be written prints each field path and rule, and exits 1.
 * @example await diffCommand(await loadProvider("folk"), "before.json", "after.json", { json: false }, output);
 */
export async function diffCommand(
  provider: CliProvider,
  beforeFile: string,
  afterFile: string,
  args: DiffArgs,
  output: Output,
): Promise<ExitCode> {
  const before = await readJsonObject(beforeFile);
  const after = await readJsonObject(afterFile);
  let result: ReturnType<CliProvider["diff"]>;
  try {
    result = provider.diff(before, after);
  } catch (error) {
    if (!isValidationError(error)) {
      throw new CliError(
        `${beforeFile} and ${afterFile} are not ${provider.title} ${provider.records} as GET returns them (${String(error)})`,
        EXIT.input,
      );
    }
    const issues = error.issues.map(({ path, rule, limit, message }) => ({
      path,
      rule,
      ...(limit !== undefined && { limit }),
      message,
    }));
    if (args.json) output.out(JSON.stringify({ error: "PatchValidationError", file: afterFile, issues }));
    else {
      output.err(`${afterFile} cannot be written to ${provider.title}: nothing would be sent.`);
      for (const i of issues) output.err(`  ${i.message} [${i.rule}]`); // a message starts with its path
    }
    return EXIT.invalid;
  }
  const { body, noop, changed } = result;
  const bytes = noop ? 0 : bytesOf(body);
  const fullBodyBytes = bytesOf(provider.fullBody(after));
  if (args.json) {
    output.out(JSON.stringify({ noop, changed, body, bytes, fullBodyBytes }));
  } else if (noop) {
    output.out(
      `Nothing to send: ${afterFile} equals ${beforeFile} on every writable ${provider.title} field.`,
    );
  } else {
    const fields = `${changed.length} field${changed.length === 1 ? "" : "s"}`;
    output.out(
      `PATCH body for ${provider.title} (${fields}: ${changed.join(", ")}; ${formatBytes(bytes)}, the whole record ${formatBytes(fullBodyBytes)}):`,
    );
    output.out(JSON.stringify(body, null, 2));
  }
  return EXIT.ok;
}
