import { readFile } from "node:fs/promises";
import { readJsonLines } from "@patchwise/core";
import { CliError, EXIT } from "./exit-codes.ts";
import { jsonErrorOffset, lineColumn } from "./json-error.ts";

/** A record of an input file and where it is: `desired.jsonl:12`, or `records.json item 3`. */
export interface InputRecord {
  where: string;
  record: Record<string, unknown>;
}

const unreadable = (file: string, error: unknown) =>
  new CliError(
    `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    EXIT.input,
  );

/** `:line:column` of the first error of `text` as JSON, for a message. */
function whereInvalid(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return "";
  const { line, column } = lineColumn(text, offset);
  return `:${line}:${column}`;
}

/**
 * One JSON object from a file; a file that cannot be read or parsed, or holds no object, is a
 * `CliError` with exit code 3 naming the file, line and column.
 * @example const before = await readJsonObject("before.json");
 */
export async function readJsonObject(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw unreadable(file, error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file}${whereInvalid(text)}: not valid JSON`, EXIT.input);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
    throw new CliError(`${file}:1: expected a JSON object, got ${got}`, EXIT.input);
  }
  return value as Record<string, unknown>;
}

/**
 * The records of a JSONL file (one object per line; a failures file gives its records back), or of a
 * file holding one JSON array of objects. Errors are `CliError`s with exit code 3 naming the file and
 * line (or array item).
 * @example const desired = await readRecords("desired.jsonl"); // [{ where: "desired.jsonl:1", record }, ...]
 */
export async function readRecords(file: string): Promise<InputRecord[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw unreadable(file, error);
  }
  if (text.trimStart().startsWith("[")) return arrayItems(file, text);
  const out: InputRecord[] = [];
  try {
    for await (const { line, record } of readJsonLines([text], { source: file })) {
      out.push({ where: `${file}:${line}`, record });
    }
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.input);
  }
  return out;
}

function arrayItems(file: string, text: string): InputRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file}${whereInvalid(text)}: not valid JSON`, EXIT.input);
  }
  return (value as unknown[]).map((record, i) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      throw new CliError(`${file}: item ${i} of the array is not a JSON object`, EXIT.input);
    }
    return { where: `${file} item ${i}`, record: record as Record<string, unknown> };
  });
}
