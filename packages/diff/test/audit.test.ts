import { describe, expect, it } from "vitest";
import { auditOperations } from "../src/audit.ts";
import { deepFreeze } from "./helpers.ts";

describe("auditOperations", () => {
  it("gives RFC 6902 operations from fast-json-patch", () => {
    const before = deepFreeze({ name: "Ada", emails: ["a@x.io"], meta: { a: 1 } });
    const after = deepFreeze({ name: "Ada L.", emails: ["a@x.io", "b@x.io"], tags: [] });
    expect(auditOperations(before, after)).toEqual([
      { op: "remove", path: "/meta" },
      { op: "add", path: "/emails/1", value: "b@x.io" },
      { op: "replace", path: "/name", value: "Ada L." },
      { op: "add", path: "/tags", value: [] },
    ]);
  });

  it("is empty for equal records", () => {
    expect(auditOperations({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it("is not part of the main entry", async () => {
    const main = await import("../src/index.ts");
    expect(Object.keys(main)).not.toContain("auditOperations");
  });
});
