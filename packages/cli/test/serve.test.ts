import { createServer } from "node:net";
import { join } from "node:path";
import { createFolkClient, unwrap } from "@patchwise/folk";
import { sampleFolkRecords } from "@patchwise/folk/testing";
import { createStackOneClient } from "@patchwise/stackone";
import { describe, expect, it } from "vitest";
import { folder, jsonl, patchwise, serve, start, waitFor } from "./helpers.ts";

describe.concurrent("patchwise serve", () => {
  it("serves sample records over HTTP with the key it prints, refuses others, and stops on SIGINT", async () => {
    const server = await serve(["folk", "--samples", "30", "--rate-limit", "100/min"]);
    expect(server).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), records: 30 });
    const folk = createFolkClient({ apiKey: server.apiKey, baseUrl: server.url, retry: false });
    const people = [];
    for await (const person of folk.iterate.people({ limit: 100 })) people.push(person);
    expect(people).toHaveLength(30);
    expect(folk.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
    const stranger = createFolkClient({ apiKey: "not-the-key", baseUrl: server.url, retry: false });
    const refused = await unwrap(stranger.GET("/v1/people")).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401 });
    expect(await server.stop()).toMatchObject({ code: 0, signal: null, stderr: "" });
  });

  it("prints the URL, the key and how to sync against it, and writes desired records", async () => {
    const dir = await folder();
    const running = start(
      ["serve", "stackone", "--samples", "12", "--desired", "desired.jsonl", "--fail-rate", "0.1"],
      {
        cwd: dir,
      },
    );
    await waitFor(() => running.stdout().includes("Ctrl-C to stop."));
    const out = running.stdout();
    expect(out).toMatch(
      /^StackOne simulator listening on http:\/\/127\.0\.0\.1:\d+ with 12 sample candidates$/m,
    );
    expect(out).toMatch(/^ {2}API key {7}test-key$/m);
    expect(out).toMatch(/^ {2}x-account-id {2}\d+ \(any value works\)$/m);
    expect(out).toMatch(/^ {2}faults {8}10% 500s$/m);
    expect(out).toMatch(
      /^Try: patchwise sync stackone --base-url http:\/\/127\.0\.0\.1:\d+ --api-key test-key --account-id \d+ --input desired\.jsonl$/m,
    );
    const url = /listening on (\S+)/.exec(out)![1]!;
    const stackone = createStackOneClient({
      apiKey: "test-key",
      accountId: "acc",
      baseUrl: url,
      retry: { retries: 8, minDelayMs: 1 },
    });
    const candidates = [];
    for await (const c of stackone.iterate.candidates()) candidates.push(c);
    expect(candidates).toHaveLength(12);
    running.child.kill("SIGTERM");
    expect(await running.done).toMatchObject({ code: 0, stderr: "Stopped.\n" });
    const { readFile } = await import("node:fs/promises");
    expect((await readFile(join(dir, "desired.jsonl"), "utf8")).trimEnd().split("\n")).toHaveLength(12);
  });

  it("seeds records from a JSONL file", async () => {
    const records = sampleFolkRecords(3, { seed: 9 });
    const dir = await folder({ "seed.jsonl": jsonl(records) });
    const server = await serve(["folk", "--seed", join(dir, "seed.jsonl")]);
    expect(server.records).toBe(3);
    const folk = createFolkClient({ apiKey: server.apiKey, baseUrl: server.url, retry: false });
    const params = { path: { personId: records[1]!.id } };
    const { data } = await unwrap(folk.GET("/v1/people/{personId}", { params }));
    expect(data.id).toBe(records[1]!.id);
    await server.stop();
  });

  it("exits 3 for a seed file that is not JSONL, with its line, and 2 for a taken port", async () => {
    const dir = await folder({ "seed.jsonl": `${JSON.stringify({ id: "x" })}\nnot json\n` });
    const bad = await patchwise(["serve", "folk", "--seed", join(dir, "seed.jsonl")]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/seed\.jsonl:2: not valid JSON/);

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    const busy = await patchwise(["serve", "folk", "--port", String(port)]);
    taken.close();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`cannot listen on port ${port}: it is in use`);
  });
});
