import { defineProject } from "vitest/config";

/**
 * The test settings every package shares. Suites start loopback servers and run thousands of property
 * cases on two cores, several packages at once: timeouts are generous because no test asserts speed
 * (benchmarks do that), and a slow machine must not turn into a red run.
 */
export function project(name: string) {
  return defineProject({ test: { name, testTimeout: 60_000, hookTimeout: 60_000 } });
}
