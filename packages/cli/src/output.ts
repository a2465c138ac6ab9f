/** Where a command writes: stdout for results, stderr for progress and errors, with secrets masked. */
export interface Output {
  /** A line (or lines) of results, on stdout. */
  out(text: string): void;
  /** A line of progress, notes and errors, on stderr. */
  err(text: string): void;
  /** Masks `secret` in everything written from now on (an API key taken from a flag or the environment). */
  secret(secret: string | undefined): void;
  /** Whether stderr is a terminal (progress bar) or not (plain lines). */
  readonly isTTY: boolean;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * An `Output` over the process's streams. Every write replaces each secret registered with `***`: a
 * last line of defence, since the clients already keep keys out of errors.
 * @example const output = createOutput(); output.secret(apiKey); output.err(`failed: ${error.message}`);
 */
export function createOutput(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Output {
  const secrets: string[] = [];
  const mask = (text: string) => secrets.reduce((t, s) => t.split(s).join("***"), text);
  return {
    out: (text) => void stdout.write(`${mask(text)}\n`),
    err: (text) => void stderr.write(`${mask(text)}\n`),
    secret(secret) {
      // A key of one or two characters would mask unrelated text; such a key is refused anyway.
      if (secret && secret.length >= 4 && !secrets.includes(secret)) secrets.push(secret);
    },
    isTTY: Boolean(stderr.isTTY),
    stderr,
  };
}
