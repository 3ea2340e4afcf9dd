/**
 * Errors a user can fix: bad arguments or an unusable file. The CLI prints the message as one
 * sentence (no stack trace) and exits with status 2 (docs/contracts.md §2).
 */
export class UserError extends Error {
  override name = "UserError";
}

/** Exit statuses of every command (docs/contracts.md §2). */
export const EXIT = {
  /** Everything accepted (warnings allowed). */
  ok: 0,
  /** Some rows were rejected; the report lists each with its line and reason. */
  rejected: 1,
  /** Unusable input or bad arguments. */
  unusable: 2,
} as const;
