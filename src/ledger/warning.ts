/** Ledger warnings as DtmWarnings: the source is the ledger and the first stock row concerned. */
import type { LedgerWarning } from "./types.ts";

/**
 * Completes a ledger warning with its `source` (`module: "ledger"`, `row`: the first of `rows`,
 * a 0-based index into `dataset.stocks`; no row for warnings about tracks only).
 * @example
 * ledgerWarning({
 *   code: "invalid_row",
 *   message: 'Stock row 4 was left out: date "" is not an ISO date.',
 *   params: { problems: ["date"], date: "", category: "return", basis: "present", value: "5" },
 *   rows: [3],
 * }).source; // => { module: "ledger", row: 3 }
 */
export function ledgerWarning(warning: Omit<LedgerWarning, "source">): LedgerWarning {
  const row = warning.rows[0];
  return { ...warning, source: { module: "ledger", ...(row !== undefined ? { row } : {}) } };
}
