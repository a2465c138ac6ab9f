import { PatchwiseApiError } from "../errors.ts";
import type { SyncConflict } from "./adapter.ts";

/**
 * Where a record failed: naming it (`id`), reading the current record, diffing, sending the PATCH, or,
 * for a record the provider lacks, naming its natural key (`key`), looking it up by it (`lookup`) or
 * creating it (`create`).
 */
export type SyncStage = "id" | "read" | "diff" | "patch" | "key" | "lookup" | "create" | "state";

/** One field a desired record cannot be written with (a `PatchValidationError` issue). */
export interface SyncIssue {
  /** `emails[3]`, `customFieldValues.grp_1.Score`. */
  path: string;
  /** `maxLength`, `not-nullable`, ... */
  rule: string;
  /** The whole line: where, what was expected, what was received. */
  message: string;
}

/** Why a record failed, as it is reported and written to a failures file. */
export interface SyncError {
  stage: SyncStage;
  /** HTTP status of the provider's answer; absent when there was none (network, validation). */
  status?: number;
  /** The provider's error code, else the error's name (`PatchValidationError`, `PatchwiseNetworkError`). */
  code?: string;
  message: string;
  /** The provider's request id, when it gave one. */
  requestId?: string;
  /** The fields that cannot be written, for a validation error. */
  issues?: SyncIssue[];
}

/** A record that failed: its place in the input, its id, why, and the desired record itself (for a rerun). */
export interface SyncFailure<Desired> extends SyncError {
  /** Position in the input, from 0. */
  index: number;
  id: string | undefined;
  record: Desired;
}

/** A record that was never attempted (the run was stopped first): nothing was written for it. */
export interface PendingRecord<Desired> {
  index: number;
  id: string | undefined;
  record: Desired;
}

/** How one record ended. */
export type RecordOutcome =
  | {
      index: number;
      id: string;
      status: "patched" | "unchanged";
      changed: readonly string[];
      /** Fields both sides changed since the record's base (three-way diffs only). */
      conflicts?: readonly SyncConflict[];
    }
  /** Created (in a dry run: would be; then `id` is undefined); `changed`, the keys of a follow-up PATCH. */
  | { index: number; id: string | undefined; status: "created"; changed: readonly string[] }
  | { index: number; id: string | undefined; status: "failed"; error: SyncError };

/** A record whose three-way diff found fields both sides changed since its base. */
export interface ConflictedRecord {
  index: number;
  id: string;
  conflicts: readonly SyncConflict[];
}

/** Why a run stopped before the end of its input. */
export interface SyncStop {
  /**
   * `signal`: the caller aborted; `unauthorized`: the provider refused the key (401), so every later
   * record would fail too; `input`: the input iterable threw; `snapshot`: listing the current records failed.
   */
  reason: "signal" | "unauthorized" | "input" | "snapshot";
  message: string;
}

/**
 * What `syncRecords` did. Every input record is counted once: `read` = `unchanged` + `patched` +
 * `created` + `failed` + `notAttempted`, and each failed or not-attempted record is listed with its
 * desired record.
 */
export interface SyncReport<Desired> {
  resource: string;
  /** True when nothing was written: `patched` counts the records that would have been. */
  dryRun: boolean;
  /** Desired records taken from the input. */
  read: number;
  /** Records already as desired: skipped, nothing sent. */
  unchanged: number;
  /** Records patched (in a dry run: that would have been). */
  patched: number;
  /** Records the provider lacked, created (in a dry run: that would have been), once each. */
  created: number;
  failed: number;
  /** Records never attempted because the run stopped first (see `stopped`). */
  notAttempted: number;
  /** GET, PATCH, look-up and create calls made through the adapter (each may have been retried by the client). */
  requests: number;
  /** Bytes of the PATCH bodies sent (in a dry run: that would have been), as UTF-8 JSON. */
  bodyBytes: number;
  /** Bytes of a body of every writable field for the same diffed records: what a sync without a diff sends. */
  fullBodyBytes: number;
  elapsedMs: number;
  failures: SyncFailure<Desired>[];
  pending: PendingRecord<Desired>[];
  /** Conflicts of the three-way diffs (fields both sides changed since the base), over all records. */
  conflicts: number;
  /** Each record with conflicts and how they were settled (under `fail`, refused: the record is in `failures` too). */
  conflicted: ConflictedRecord[];
  /** Set when the run stopped before the end of its input. */
  stopped?: SyncStop;
}

/**
 * The reportable part of any error thrown for a record: status, provider code, message and request id
 * of a `PatchwiseApiError`; the issues of a `PatchValidationError` (read structurally); else its name
 * and message.
 *
 * @example
 * syncErrorOf(new PatchwiseApiError("Not found", { status: 404, code: "RESOURCE_NOT_FOUND", ... }), "read");
 * // { stage: "read", status: 404, code: "RESOURCE_NOT_FOUND", message: "Not found" }
 */
export function syncErrorOf(error: unknown, stage: SyncStage): SyncError {
  const out: SyncError = { stage, message: error instanceof Error ? error.message : String(error) };
  if (error instanceof PatchwiseApiError) {
    out.status = error.status;
    if (error.code !== undefined) out.code = error.code;
    if (error.requestId !== undefined) out.requestId = error.requestId;
    return out;
  }
  if (error instanceof Error) out.code = error.name;
  const { issues, conflicts } = (error ?? {}) as { issues?: unknown; conflicts?: unknown };
  // A `MergeConflictError` (policy `fail`): each field both sides changed, as an issue.
  if (Array.isArray(conflicts)) {
    out.issues = conflicts.map((c: Partial<SyncConflict>) => ({
      path: String(c.field ?? ""),
      rule: "conflict",
      message: `${String(c.field ?? "")}: changed on both sides since the base`,
    }));
  }
  if (Array.isArray(issues)) {
    out.issues = issues.map((i: Partial<SyncIssue>) => ({
      path: String(i.path ?? ""),
      rule: String(i.rule ?? ""),
      message: String(i.message ?? ""),
    }));
  }
  return out;
}

// Pure: a bundle that does not use the sync runner drops it.
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * UTF-8 bytes of a body as JSON, as it goes over the wire.
 *
 * @example
 * jsonBytes({ name: "Zoë" }); // 15
 */
export const jsonBytes = (body: unknown): number => encoder.encode(JSON.stringify(body) ?? "").byteLength;
