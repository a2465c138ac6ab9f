export { CliError, EXIT, type ExitCode } from "./exit-codes.ts";
export { type RunContext, run } from "./program.ts";
export { PROVIDER_NAMES, type ProviderName } from "./providers/index.ts";
