import { join } from "node:path";
import { diffPerson } from "@patchwise/folk";
import { sampleFolkRecords } from "@patchwise/folk/testing";
import { sampleInstaviewRecords } from "@patchwise/instaview/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { folder, patchwise } from "./helpers.ts";

const [ada] = sampleFolkRecords(1, { seed: 3 });
const before = ada!;
const after = { ...before, jobTitle: "CTO", emails: ["ada@new.example", ...before.emails] };
const candidate = sampleInstaviewRecords(1, { seed: 3 })[0]!;

let dir: string;
beforeAll(async () => {
  dir = await folder({
    "before.json": JSON.stringify(before, null, 2),
    "after.json": JSON.stringify(after, null, 2),
    "touched.json": JSON.stringify({ ...before, createdAt: "2020-01-01T00:00:00.000Z" }),
    "invalid.json": JSON.stringify({ ...before, emails: ["x".repeat(300)], birthday: "soon" }),
    "broken.json": '{\n  "jobTitle": "CTO",\n  "emails": [,]\n}\n',
    "candidate.json": JSON.stringify(candidate),
    "candidate-after.json": JSON.stringify({ ...candidate, status: "REJECTED" }),
  });
});

const at = (name: string) => join(dir, name);

describe.concurrent("patchwise diff", () => {
  it("prints the minimal body, with its fields and size", async () => {
    const { code, stdout, stderr } = await patchwise(["diff", "folk", at("before.json"), at("after.json")]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const [head, ...json] = stdout.trimEnd().split("\n");
    expect(head).toMatch(
      /^PATCH body for Folk \(2 fields: jobTitle, emails; \d+ B, the whole record [\d.]+ kB\):$/,
    );
    expect(JSON.parse(json.join("\n"))).toEqual(diffPerson(before, after).body);
  });

  it("says when there is nothing to send", async () => {
    const { code, stdout } = await patchwise(["diff", "folk", at("before.json"), at("touched.json")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Nothing to send: .*touched\.json equals .*before\.json on every writable Folk field\.\n$/,
    );
  });

  it("prints one JSON object with --json, for any provider", async () => {
    const folk = await patchwise(["diff", "folk", at("before.json"), at("after.json"), "--json"]);
    expect(JSON.parse(folk.stdout)).toEqual({
      noop: false,
      changed: ["jobTitle", "emails"],
      body: { jobTitle: "CTO", emails: after.emails },
      bytes: expect.any(Number),
      fullBodyBytes: expect.any(Number),
    });
    const instaview = await patchwise([
      "diff",
      "instaview",
      at("candidate.json"),
      at("candidate-after.json"),
      "--json",
    ]);
    expect(JSON.parse(instaview.stdout)).toMatchObject({ noop: false, body: { status: "REJECTED" } });
  });

  it("exits 1 with each field path and rule when the desired record cannot be written", async () => {
    const human = await patchwise(["diff", "folk", at("before.json"), at("invalid.json")]);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe("");
    expect(human.stderr).toContain("invalid.json cannot be written to Folk: nothing would be sent.");
    expect(human.stderr).toMatch(/^ {2}birthday: .*\[/m);
    expect(human.stderr).toMatch(
      /^ {2}emails\[0\]: must be at most 254 characters \(got 300\) \[maxLength\]$/m,
    );
    const json = await patchwise(["diff", "folk", at("before.json"), at("invalid.json"), "--json"]);
    expect(json.code).toBe(1);
    const { error, issues } = JSON.parse(json.stdout);
    expect(error).toBe("PatchValidationError");
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "emails[0]", rule: "maxLength", limit: 254 }),
        expect.objectContaining({ path: "birthday" }),
      ]),
    );
  });

  it("exits 3 for invalid JSON, with its line and column", async () => {
    const { code, stderr } = await patchwise(["diff", "folk", at("before.json"), at("broken.json")]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/broken\.json:3:14: not valid JSON$/m);
  });

  it("exits 2 for an unknown provider (the other bad arguments are in args.test.ts)", async () => {
    const { code, stderr } = await patchwise(["diff", "hubspot", "a.json", "b.json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid for argument 'provider'/);
  });
});
