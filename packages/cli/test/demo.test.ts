import { describe, expect, it } from "vitest";
import { patchwise } from "./helpers.ts";

describe.concurrent("patchwise demo", () => {
  it("syncs every provider's sample changes and prints one report table", async () => {
    const { code, stdout, stderr } = await patchwise(["demo", "--records", "30"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^patchwise demo: 30 sample records per provider, a third of them changed/);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      /^provider +records +patched +created +skipped +failed +requests +bytes sent +whole-record bodies +saved +time$/,
    );
    for (const [i, name] of ["Stardex", "StackOne", "Folk", "Instaview"].entries()) {
      expect(lines[i + 1]).toMatch(
        new RegExp(`^${name} +30 +10 +0 +20 +0 +40 +[\\d.]+ k?B +[\\d.]+ k?B +\\d+\\.\\d% +[\\d.]+ m?s$`),
      );
    }
    expect(stdout).toMatch(
      /^Sent [\d.]+ kB where whole-record PATCHes would send [\d.]+ kB \(\d+\.\d% saved\), in /m,
    );
    expect(stdout).toMatch(/^Checked afterwards: all 120 records are as desired in their simulators\.$/m);
  });

  it("creates the new records it is given, once each, and checks them by natural key", async () => {
    const { code, stdout } = await patchwise(["demo", "--records", "30", "--new", "6", "--json"]);
    expect(code).toBe(0);
    const { rows } = JSON.parse(stdout) as { rows: Record<string, number | string>[] };
    for (const row of rows) {
      expect(row).toMatchObject({
        records: 36,
        patched: 10,
        created: 6,
        skipped: 20,
        failed: 0,
        unsynced: 0,
      });
    }
  });

  it("gives the rows as JSON, reading current records by list", async () => {
    const { code, stdout } = await patchwise(["demo", "--records", "120", "--read", "list", "--json"]);
    expect(code).toBe(0);
    const { rows } = JSON.parse(stdout) as { rows: Record<string, number | string>[] };
    expect(rows.map((r) => r.provider)).toEqual(["Stardex", "StackOne", "Folk", "Instaview"]);
    for (const row of rows) {
      // One page of 100 and one of 20 (StackOne's 100 a page too), then a PATCH per changed record.
      expect(row).toMatchObject({
        records: 120,
        patched: 40,
        created: 0,
        skipped: 80,
        failed: 0,
        requests: 42,
        unsynced: 0,
      });
      expect(row.savedPercent).toBeGreaterThan(80);
    }
  });
});
