#!/usr/bin/env node
import { run } from "./program.ts";

// The exit code is set, not forced: stdout and stderr are flushed before the process ends.
process.exitCode = await run(process.argv.slice(2));
