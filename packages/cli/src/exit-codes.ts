/** The exit codes of `patchwise`, one per way a run can end (packages/cli/README.md lists them). */
export const EXIT = {
  /** Done: every record is as desired (or, for `diff`, the body was printed). */
  ok: 0,
  /** `diff`: the desired record cannot be written (validation errors, with field paths); also any unexpected error. */
  invalid: 1,
  /** Bad arguments: an unknown command, provider or option, a missing value, a malformed number. */
  usage: 2,
  /** An input file that cannot be read or is not valid JSON / JSONL (the file and line are named). */
  input: 3,
  /** The provider refused the API key (401). */
  auth: 4,
  /** Some records failed or were not attempted (an interrupted run included): see the failures file. */
  partial: 5,
  /** Quit at once by a second Ctrl-C. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error that ends the command with its exit code and a one-line message on stderr.
 * @example throw new CliError(`no API key: pass --api-key or set PATCHWISE_API_KEY`, EXIT.usage);
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }

  override get name(): string {
    return "CliError";
  }
}
