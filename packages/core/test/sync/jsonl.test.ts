import { createReadStream } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failureLines, type JsonLine, readJsonLines, SyncInputError, syncRecords } from "../../src/index.ts";
import { apiError, memoryAdapter, type Thing, things } from "./memory-adapter.ts";

async function all(source: Parameters<typeof readJsonLines>[0]): Promise<JsonLine[]> {
  const out: JsonLine[] = [];
  for await (const line of readJsonLines(source, { source: "in.jsonl" })) out.push(line);
  return out;
}

async function errorOf(source: Parameters<typeof readJsonLines>[0]): Promise<SyncInputError> {
  const error = await all(source).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SyncInputError);
  return error as SyncInputError;
}

describe("readJsonLines", () => {
  it("reads one object per line, skipping blank lines, across any chunking and CRLF", async () => {
    const text = '{"id":"a"}\r\n\n  \n{"id":"b","n":[1,2]}\n{"id":"ü"}';
    const want = [
      { line: 1, record: { id: "a" } },
      { line: 4, record: { id: "b", n: [1, 2] } },
      { line: 5, record: { id: "ü" } },
    ];
    expect(await all([text])).toEqual(want);
    const bytes = new TextEncoder().encode(text);
    // One byte at a time splits lines, and the two bytes of "ü", anywhere.
    expect(await all(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(want);
  });

  it.each([
    ["not JSON", '{"id":"a"}\n{"id": }\n', 2, /^in\.jsonl:2: not valid JSON( at column \d+)?$/],
    ["cut short", '{"id":"a"}\n{"id":"b"', 2, /^in\.jsonl:2: not valid JSON/],
    ["an array", "[1,2]\n", 1, /^in\.jsonl:1: expected a JSON object, got an array$/],
    ["a string", '{"id":"a"}\n\n"x"\n', 3, /^in\.jsonl:3: expected a JSON object, got string$/],
    ["null", "null", 1, /got null$/],
  ])("names the file and line of %s", async (_name, text, line, message) => {
    const error = await errorOf([text]);
    expect(error).toMatchObject({ source: "in.jsonl", line });
    expect(error.message).toMatch(message);
  });

  it("refuses bytes that are not UTF-8, with the line", async () => {
    const error = await errorOf([new TextEncoder().encode('{"id":"a"}\n'), Uint8Array.of(0xff, 0xfe)]);
    expect(error).toMatchObject({ line: 2 });
    expect(error.message).toBe("in.jsonl:2: not UTF-8");
  });
});

describe("failure files", () => {
  it("holds every failed and not-attempted record, and is the input of the next run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "patchwise-sync-"));
    const mem = memoryAdapter(things(6), {
      patchErrors: { t1: apiError(503, "UNAVAILABLE", "PATCH failed after 4 attempts") },
    });
    const desired: Thing[] = things(6).map((t) => ({ ...t, name: `${t.name}!` }));
    desired[3] = { name: "no id" };
    const controller = new AbortController();
    const report = await syncRecords(mem.adapter, desired, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.type === "record" && e.outcome.index === 4) controller.abort();
      },
    });
    expect(report).toMatchObject({ patched: 3, failed: 2, notAttempted: 1 });

    const file = join(dir, "failures.jsonl");
    await writeFile(
      file,
      failureLines(report)
        .map((l) => `${l}\n`)
        .join(""),
    );
    const lines = (await readFile(file, "utf8"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: "t1",
        failure: {
          stage: "patch",
          status: 503,
          code: "UNAVAILABLE",
          requestId: "req_503",
          message: "PATCH failed after 4 attempts",
        },
        record: desired[1],
      },
      {
        failure: { stage: "id", code: "MISSING_ID", message: "memory.things: the record has no id" },
        record: { name: "no id" },
      },
      {
        id: "t5",
        failure: {
          stage: "not-attempted",
          message: "not attempted: the run stopped (signal) before this record",
        },
        record: desired[5],
      },
    ]);

    // The next run reads the file back: the desired records themselves.
    const again: Record<string, unknown>[] = [];
    for await (const { record } of readJsonLines(createReadStream(file), { source: file }))
      again.push(record);
    expect(again).toEqual([desired[1], desired[3], desired[5]]);
    const healthy = memoryAdapter([...mem.store.values()]);
    const rerun = await syncRecords(healthy.adapter, again as Thing[]);
    expect(rerun).toMatchObject({ patched: 2, failed: 1 });
  });

  it("is empty when nothing is lost", async () => {
    const mem = memoryAdapter(things(2));
    expect(failureLines(await syncRecords(mem.adapter, things(2)))).toEqual([]);
  });
});
