/**
 * Bytes as people read them, in 1000s as size-limit and npm report sizes.
 * @example formatBytes(1_420_000); // "1.42 MB"
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 2 : 1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/**
 * A duration: milliseconds under a second, then seconds, then minutes and seconds.
 * @example formatDuration(3210); // "3.2 s"
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * The share of `full` that sending `sent` saved, in percent with one decimal (0 when `full` is 0).
 * @example savedPercent(50, 1000); // 95
 */
export function savedPercent(sent: number, full: number): number {
  return full > 0 ? Math.round((1 - sent / full) * 1000) / 10 : 0;
}

/**
 * Rows as aligned columns: `align` says per column whether it is left (`l`) or right (`r`) aligned.
 * @example table([["a", "1"], ["bb", "22"]], ["l", "r"]); // ["a    1", "bb  22"]
 */
export function table(rows: readonly (readonly string[])[], align: readonly ("l" | "r")[]): string[] {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) =>
    align
      .map((a, c) => (a === "l" ? (r[c] ?? "").padEnd(widths[c]!) : (r[c] ?? "").padStart(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}
