import { describe, expect, it } from "vitest";
import type { FolkPerson } from "../../src/index.ts";
import { createFolkSimulator, FOLK_WORKSPACE } from "../../src/testing.ts";
import { folkId, GROUPS, USERS } from "../arbitraries.ts";
import { ADA, BOB, G1, GRACE, simulator } from "./fixtures.ts";

describe("seeding and reading the store", () => {
  it("takes records at creation and through seed(), adding or replacing by id, in list order", () => {
    const sim = simulator({ records: [ADA] });
    sim.seed([GRACE, { ...ADA, jobTitle: "Countess" }]);
    expect(sim.all().map((p) => [p.id, p.jobTitle])).toEqual([
      [ADA.id, "Countess"],
      [GRACE.id, GRACE.jobTitle],
    ]);
    expect(sim.get(GRACE.id)).toEqual(GRACE);
    expect(sim.get(folkId("per", 9))).toBeUndefined();
  });

  it("get() and all() are copies: changing them changes nothing stored", () => {
    const sim = simulator({ records: [ADA] });
    sim.get(ADA.id)!.emails.push("x@example.com");
    sim.all()[0]!.groups.length = 0;
    expect(sim.get(ADA.id)).toEqual(ADA);
  });

  it("clear() removes every person; the workspace stays", () => {
    const sim = simulator({ records: [ADA, GRACE] });
    sim.clear();
    expect(sim.all()).toEqual([]);
    expect(sim.workspace().groups.map((g) => g.id)).toEqual(GROUPS.map((g) => g.id));
  });

  it("learns the users, contacts and companies that seeded records show in full", () => {
    const newcomer = { id: folkId("usr", 9), fullName: "New Hire", email: "new@example.com" };
    const partner = { id: folkId("per", 500), fullName: "Pat Partner", entityType: "person" as const };
    const company = { id: folkId("com", 500), name: "Seeded Ltd" };
    const sim = simulator({
      records: [
        {
          ...ADA,
          companies: [company],
          customFieldValues: {
            ...ADA.customFieldValues,
            [G1]: { Owner: [newcomer], "Referred by": [partner] },
          },
        },
      ],
    });
    const workspace = sim.workspace();
    expect(workspace.users).toContainEqual(newcomer);
    expect(workspace.contacts).toContainEqual(partner);
    expect(workspace.companies).toContainEqual(company);
    expect(sim.get(ADA.id)?.customFieldValues[G1]?.Owner).toEqual([newcomer]);
  });

  it("people of one batch may reference each other as contacts", () => {
    const grace = { id: GRACE.id, fullName: GRACE.fullName, entityType: "person" as const };
    const sim = simulator({
      records: [
        { ...ADA, customFieldValues: { ...ADA.customFieldValues, [G1]: { "Referred by": [grace, BOB] } } },
        GRACE,
      ],
    });
    expect(sim.get(ADA.id)?.customFieldValues[G1]?.["Referred by"]).toEqual([grace, BOB]);
    expect(sim.workspace().contacts).not.toContainEqual(grace);
  });

  it.each<[string, FolkPerson, RegExp]>([
    ["an id that is not a person id", { ...ADA, id: "per_1" }, /id must be "per_" and a UUID/],
    [
      "a group the workspace lacks",
      { ...GRACE, groups: [{ id: folkId("grp", 99), name: "Ghost" }] },
      /group grp_00000063-.* is not in the workspace/,
    ],
    [
      "a custom field the group lacks",
      { ...ADA, customFieldValues: { ...ADA.customFieldValues, [G1]: { Nope: "x" } } },
      /Unknown custom field "Nope"/,
    ],
    [
      "a value that does not fit its field",
      { ...ADA, customFieldValues: { ...ADA.customFieldValues, [G1]: { Stage: "Hired" } } },
      /Stage: Expected one of the options/,
    ],
    [
      "values of a group the person is not in",
      { ...GRACE, customFieldValues: { [G1]: { Stage: "Lead" } } },
      /custom values of group grp_00000001-.*, which it is not in/,
    ],
  ])("throws a TypeError naming %s, and seeds nothing of the batch", (_name, record, message) => {
    const sim = simulator({ records: [ADA] });
    expect(() => sim.seed([GRACE, record])).toThrow(message);
    expect(() => sim.seed([record])).toThrow(TypeError);
    expect(sim.all()).toEqual([ADA]);
  });

  it("uses FOLK_WORKSPACE when no workspace is given, and the first user as the key's", async () => {
    const sim = createFolkSimulator();
    expect(sim.workspace()).toEqual(FOLK_WORKSPACE);
    const response = await sim.fetch("https://api.folk.app/v1/people", {
      method: "POST",
      headers: { authorization: `Bearer ${sim.apiKey}` },
      body: "{}",
    });
    expect(((await response.json()) as { data: FolkPerson }).data.createdBy).toEqual(FOLK_WORKSPACE.users[0]);
    const mine = createFolkSimulator({ user: USERS[2]!, apiKey: "k" });
    const created = await mine.fetch("/v1/people", {
      method: "POST",
      headers: { authorization: "Bearer k" },
      body: "{}",
    });
    expect(((await created.json()) as { data: FolkPerson }).data.createdBy).toEqual(USERS[2]);
  });
});
