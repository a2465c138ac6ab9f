import os from "node:os";

/** Where the numbers were measured. */
export interface Machine {
  /** CPU model, as the OS reports it. */
  cpu: string;
  /** Logical cores. */
  cores: number;
  /** Total memory, in GiB. */
  memoryGiB: number;
  /** `linux x64`. */
  os: string;
  /** `v20.19.0`. */
  node: string;
  /** When the run started (ISO 8601, UTC). */
  date: string;
  /** The 1-minute load average when the run started: other work on the machine skews every number. */
  loadAverage: number;
}

/**
 * The machine, Node version and date of this run.
 * @example machine().cores // 2
 */
export function machine(now: Date = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.arch()}`,
    node: process.version,
    date: now.toISOString(),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
