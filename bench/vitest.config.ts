import { defineProject } from "vitest/config";

// Each test starts a simulator and makes real loopback requests: slower than a unit test on a busy machine.
export default defineProject({ test: { name: "bench", testTimeout: 20_000 } });
