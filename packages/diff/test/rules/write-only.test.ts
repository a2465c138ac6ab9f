import { describe, expect, it } from "vitest";
import { writeOnly } from "../../src/index.ts";
import { runRule, UNCHANGED } from "../helpers.ts";

describe("writeOnly", () => {
  it("never sends anything and keeps its reason", () => {
    const rule = writeOnly("deprecated: use phone_numbers");
    expect(runRule(rule, { x: 1 }, { x: 2 }).got).toBe(UNCHANGED);
    expect(rule).toMatchObject({ kind: "write-only", reason: "deprecated: use phone_numbers" });
    expect(writeOnly()).not.toHaveProperty("reason");
    expect(rule.value).toBeUndefined();
  });
});
