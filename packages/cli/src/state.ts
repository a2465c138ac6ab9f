import { renameSync, writeFileSync } from "node:fs";
import { access } from "node:fs/promises";
import type { ResourceAdapter } from "@patchwise/core";
import { CliError, EXIT } from "./exit-codes.ts";
import { readRecords } from "./input.ts";

/**
 * The base snapshots of a state file (`sync --state`): one record per line, as the sync last saw or
 * wrote it, by id. No file yet is no base (the first run diffs two-way and writes one); a line that is
 * not a record, or a record without an id, is a `CliError` with exit code 3 naming the line.
 * @example const bases = await readState("folk.state.jsonl", adapter);
 */
export async function readState(
  file: string,
  adapter: ResourceAdapter<unknown, unknown, unknown>,
): Promise<Map<string, unknown>> {
  const bases = new Map<string, unknown>();
  try {
    await access(file);
  } catch {
    return bases;
  }
  for (const { where, record } of await readRecords(file)) {
    const id = adapter.id(record);
    if (id === undefined) throw new CliError(`${where}: a base record needs an id`, EXIT.input);
    bases.set(id, record);
  }
  return bases;
}

/**
 * Writes the base snapshots as JSONL, whole or not at all: to a file beside it, then renamed over it
 * (synchronous, so that a second Ctrl-C can save what the run recorded before it quits).
 * @example writeState("folk.state.jsonl", bases);
 */
export function writeState(file: string, bases: ReadonlyMap<string, unknown>): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, [...bases.values()].map((record) => `${JSON.stringify(record)}\n`).join(""));
  renameSync(partial, file);
}
