/** Ledger warnings as DtmWarnings: the source is the ledger and the first stock row concerned. */
import type { LedgerWarningCode, LedgerWarningFields, LedgerWarningOf } from "./types.ts";

/**
 * Completes a ledger warning with its `source` (`module: "ledger"`, `row`: the first of `rows`,
 * a 0-based index into `dataset.stocks`; no row for warnings about tracks only).
 * @example
 * ledgerWarning({
 *   code: "returns_exceed_departures",
 *   message: "On 2018-10-20 returns (1,500) exceed …",
 *   params: { date: "2018-10-20", returns: 1500, fromTracks: 1200, raisedTo: 1500 },
 *   rows: [3],
 * }).source; // => { module: "ledger", row: 3 }
 */
export function ledgerWarning<C extends LedgerWarningCode>(
  warning: LedgerWarningFields<C>,
): LedgerWarningOf<C> {
  const row = warning.rows[0];
  return { ...warning, source: { module: "ledger", ...(row !== undefined ? { row } : {}) } };
}
