import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createFolkClient, type FolkPerson, unwrap } from "@patchwise/folk";
import { describe, expect, it } from "vitest";
import { folder, jsonl, patchwise, serve } from "./helpers.ts";

interface Summary {
  patched: number;
  unchanged: number;
  failed: number;
  conflicts: number;
  conflicted: { where: string; id: string; conflicts: { field: string; kept: string }[] }[];
  stateFile?: string;
}

const lines = async (file: string) =>
  (await readFile(file, "utf8"))
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as FolkPerson);

describe("patchwise sync --state: base snapshots, three-way diffs", () => {
  it("keeps an edit made by hand between two runs, reports a field changed on both sides, and saves the bases", async () => {
    const dir = await folder();
    const server = await serve(["folk", "--samples", "3"], dir);
    try {
      const folk = createFolkClient({ apiKey: server.apiKey, baseUrl: server.url, retry: false });
      const { data: page } = await unwrap(folk.GET("/v1/people", { params: { query: { limit: 3 } } }));
      const [person] = page.items;
      if (!person) throw new Error("no sample person");
      const id = person.id;
      const sync = (desired: object[], ...flags: string[]) =>
        writeFile(join(dir, "desired.jsonl"), jsonl(desired)).then(() =>
          patchwise(
            [
              "sync",
              "folk",
              "--base-url",
              server.url,
              "--input",
              "desired.jsonl",
              "--state",
              "state.jsonl",
              "--json",
              ...flags,
            ],
            { cwd: dir, env: { FOLK_API_KEY: server.apiKey } },
          ),
        );

      // First run: no base yet, a two-way diff; every record's base is saved.
      const first = await sync([{ id, jobTitle: "Analyst", emails: ["sync@example.com"] }]);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ patched: 1, conflicts: 0, stateFile: "state.jsonl" });
      expect((await lines(join(dir, "state.jsonl"))).map((p) => [p.id, p.jobTitle, p.emails])).toEqual([
        [id, "Analyst", ["sync@example.com"]],
      ]);

      // By hand, meanwhile: an email added and the job title changed.
      const params = { path: { personId: id } };
      await unwrap(
        folk.PATCH("/v1/people/{personId}", {
          params,
          body: { emails: ["sync@example.com", "hand@example.com"], jobTitle: "Lead" },
        }),
      );

      // Second run: the sync adds an email and changes the title; prefer current keeps the hand's title.
      const second = await sync(
        [{ id, jobTitle: "Manager", emails: ["new@example.com", "sync@example.com"] }],
        "--prefer",
        "current",
      );
      expect(second.code).toBe(0);
      const summary = JSON.parse(second.stdout) as Summary;
      expect(summary).toMatchObject({ patched: 1, conflicts: 1 });
      expect(summary.conflicted).toEqual([
        {
          where: "desired.jsonl:1",
          id,
          conflicts: [
            { field: "jobTitle", base: "Analyst", current: "Lead", desired: "Manager", kept: "current" },
          ],
        },
      ]);
      expect(second.stderr).toContain(`${id}: changed on both sides since the base: jobTitle (kept current)`);
      const { data: now } = await unwrap(folk.GET("/v1/people/{personId}", { params }));
      expect(now.emails).toEqual(["new@example.com", "sync@example.com", "hand@example.com"]);
      expect(now.jobTitle).toBe("Lead");
      const [saved] = await lines(join(dir, "state.jsonl"));
      expect(saved).toMatchObject({
        id,
        jobTitle: "Lead",
        emails: ["new@example.com", "sync@example.com", "hand@example.com"],
      });

      // prefer fail: nothing sent, the record fails with the conflicting field, exit 5.
      await unwrap(folk.PATCH("/v1/people/{personId}", { params, body: { jobTitle: "Director" } }));
      const third = await sync([{ id, jobTitle: "Chief" }], "--prefer", "fail");
      expect(third.code).toBe(5);
      expect(JSON.parse(third.stdout)).toMatchObject({ failed: 1, conflicts: 1 });
      expect((await unwrap(folk.GET("/v1/people/{personId}", { params }))).data.jobTitle).toBe("Director");
    } finally {
      await server.stop();
    }
  });

  it("exits 3 for a state file that is not JSONL, before anything is sent", async () => {
    const dir = await folder({
      "desired.jsonl": jsonl([{ id: "per_1" }]),
      "state.jsonl": '{"id":"per_1"}\nnot json\n',
    });
    const run = await patchwise(["sync", "folk", "--input", "desired.jsonl", "--state", "state.jsonl"], {
      cwd: dir,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("state.jsonl:2");
  });
});
