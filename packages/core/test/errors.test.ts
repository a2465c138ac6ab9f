import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { PatchwiseError, PatchwiseNetworkError, PatchwiseTimeoutError, toApiError } from "../src/index.ts";

describe("error classes", () => {
  it.each([
    ["PatchwiseError", new PatchwiseError("m")],
    ["PatchwiseNetworkError", new PatchwiseNetworkError("m", { cause: new Error("c") })],
    ["PatchwiseTimeoutError", new PatchwiseTimeoutError("m", { cause: new Error("c") })],
    ["PatchwiseApiError", toApiError({ status: 500, body: "m" })],
  ])("%s has its name, extends PatchwiseError and Error", (name, error) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(PatchwiseError);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error.stack).toMatch(new RegExp(`^${name}: `));
  });

  it("serialises to JSON with name, message and fields, never the cause", () => {
    expect(
      JSON.parse(JSON.stringify(new PatchwiseNetworkError("down", { cause: new Error("inner") }))),
    ).toEqual({
      name: "PatchwiseNetworkError",
      message: "down",
    });
    const api = toApiError({
      status: 404,
      body: { error: { code: "RESOURCE_NOT_FOUND", message: "gone", requestId: "r1" } },
      method: "GET",
      url: "https://api.folk.app/v1/people/p",
      provider: "folk",
    });
    expect(JSON.parse(JSON.stringify(api))).toEqual({
      name: "PatchwiseApiError",
      message: "404 RESOURCE_NOT_FOUND: gone (folk GET https://api.folk.app/v1/people/p)",
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      requestId: "r1",
      body: { error: { code: "RESOURCE_NOT_FOUND", message: "gone", requestId: "r1" } },
      method: "GET",
      url: "https://api.folk.app/v1/people/p",
      provider: "folk",
    });
  });

  it("shows its fields in util.inspect", () => {
    const shown = inspect(toApiError({ status: 429, headers: { "retry-after": "3" }, body: "slow down" }));
    expect(shown).toContain("status: 429");
    expect(shown).toContain("retryAfter: 3");
  });
});
