import { PatchwiseError } from "../errors.ts";
import type { SyncError, SyncReport } from "./report.ts";

/**
 * A line of a JSONL input that is not a record: not JSON, or not an object. `source` and `line` (from 1)
 * say where.
 *
 * @example
 * catch (e) { if (e instanceof SyncInputError) console.error(`${e.source}:${e.line}: ${e.message}`); }
 */
export class SyncInputError extends PatchwiseError {
  declare readonly source: string;
  declare readonly line: number;

  constructor(message: string, source: string, line: number, options?: ErrorOptions) {
    super(message, options);
    Object.assign(this, { source, line });
  }

  override get name(): string {
    return "SyncInputError";
  }
}

/** A record of a JSONL input and the line it is on (from 1). */
export interface JsonLine {
  line: number;
  record: Record<string, unknown>;
}

/** A line of a failures file: why the record is not in its desired state, and the record itself. */
export interface FailureLine<Desired = unknown> {
  id: string | undefined;
  failure: SyncError | { stage: "not-attempted"; message: string };
  record: Desired;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Where `JSON.parse` stopped, as a column of `text`, from its message (Node 20 and 22 word it differently). */
function columnOf(error: unknown, text: string): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position) + 1;
  const column = /column (\d+)/.exec(message)?.[1];
  if (column !== undefined) return Number(column);
  return /end of (JSON|data) input/i.test(message) ? text.length + 1 : undefined;
}

/**
 * The records of a JSONL text, streamed: one JSON object per line, blank lines skipped. A line of a
 * failures file (`failureLines`) gives its `record`, so a failures file is input for the next run.
 * Chunks may be strings or bytes (a Node read stream, a `fetch` body) and split lines anywhere. Throws
 * `SyncInputError` naming `source` and the line when a line is not JSON or not an object.
 *
 * @example
 * for await (const { line, record } of readJsonLines(createReadStream("desired.jsonl"), { source: "desired.jsonl" }))
 *   desired.push(record);
 */
export async function* readJsonLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  { source = "input" }: { source?: string } = {},
): AsyncGenerator<JsonLine, void, undefined> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  let line = 0;
  const parse = (text: string): JsonLine | undefined => {
    line++;
    if (!text.trim()) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const column = columnOf(error, text);
      const where = column === undefined ? "" : ` at column ${column}`;
      throw new SyncInputError(`${source}:${line}: not valid JSON${where}`, source, line, { cause: error });
    }
    if (!isObject(value)) {
      const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
      throw new SyncInputError(`${source}:${line}: expected a JSON object, got ${got}`, source, line);
    }
    const record = isObject(value.failure) && isObject(value.record) ? value.record : value;
    return { line, record };
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new SyncInputError(`${source}:${line + 1}: not UTF-8`, source, line + 1, { cause: error });
    }
    const lines = (rest + text).split("\n");
    rest = lines.pop() ?? "";
    for (const l of lines) {
      const parsed = parse(l.endsWith("\r") ? l.slice(0, -1) : l);
      if (parsed) yield parsed;
    }
  }
  const last = parse(rest);
  if (last) yield last;
}

/**
 * The failures file of a run as JSONL lines (no newline at their end), in input order: every failed
 * record with its id, stage, status, provider code and message, and every record not attempted, each
 * with the desired record itself. `readJsonLines` reads such a file back as the next run's input.
 *
 * @example
 * await writeFile("failures.jsonl", failureLines(report).map((l) => `${l}\n`).join(""));
 */
export function failureLines<Desired>(report: SyncReport<Desired>): string[] {
  const reason = report.stopped ? `the run stopped (${report.stopped.reason}) before this record` : "";
  const lines: [number, FailureLine<Desired>][] = [
    ...report.failures.map(({ index, id, record, ...failure }): [number, FailureLine<Desired>] => [
      index,
      { id, failure, record },
    ]),
    ...report.pending.map(({ index, id, record }): [number, FailureLine<Desired>] => [
      index,
      { id, failure: { stage: "not-attempted", message: `not attempted: ${reason}` }, record },
    ]),
  ];
  return lines.sort((a, b) => a[0] - b[0]).map(([, line]) => JSON.stringify(line));
}
