/**
 * Step 2 of the ledger: each series laid over time (same-day figures pooled; cumulative series made
 * non-decreasing), each figure's residual against it, and the rows behind every node.
 */
import type { StockFigure } from "../model/stock.ts";
import { isoDate } from "../calendar/index.ts";
import { categoryWords, formatPeople, rowsText, whereParams, whereText } from "./describe.ts";
import { monotonePoints, pointsByDay, valueOnDay } from "./series.ts";
import type { DailyOptions, SeriesPoint } from "./series.ts";
import type { LedgerNode, SeriesEntry } from "./tree.ts";
import type { LedgerSource, LedgerWarning, Residual } from "./types.ts";
import { ledgerWarning } from "./warning.ts";

/**
 * A `cumulative_falls` warning for every step down of a cumulative series, naming the rows and the
 * value isotonic regression gave them.
 * @param raw the pooled points before the regression; `fitted` after it.
 */
export function fallWarnings(
  node: LedgerNode,
  raw: readonly SeriesPoint[],
  fitted: readonly SeriesPoint[],
  stocks: readonly StockFigure[],
): LedgerWarning[] {
  const warnings: LedgerWarning[] = [];
  const kept = (fitted: number) =>
    `the ledger keeps the total from falling by pooling them (isotonic regression: ${formatPeople(fitted)}).`;
  for (let i = 1; i < raw.length; i++) {
    const before = raw[i - 1]!;
    const after = raw[i]!;
    if (after.value >= before.value * (1 - 1e-9)) continue;
    warnings.push(
      ledgerWarning({
        code: "cumulative_falls",
        message:
          `The cumulative total of ${categoryWords(node.category)} in ${whereText(node)} falls from ${formatPeople(before.value)} on ${isoDate(before.day)} ` +
          `(${rowsText(before.rows, stocks)}) to ${formatPeople(after.value)} on ${isoDate(after.day)} (${rowsText(after.rows, stocks)}); ` +
          kept(fitted[i]!.value),
        params: {
          category: node.category,
          ...whereParams(node),
          from: before.value,
          fromDate: isoDate(before.day),
          fromRows: [...before.rows],
          to: after.value,
          toDate: isoDate(after.day),
          toRows: [...after.rows],
          fitted: fitted[i]!.value,
        },
        rows: [...before.rows, ...after.rows],
        date: isoDate(after.day),
        category: node.category,
        country: node.country,
        placeName: node.area,
      }),
    );
  }
  return warnings;
}

/**
 * Step 2: fits every series (adding it to its node's `own`), and returns the warnings about
 * falling totals and every figure's residual, by row.
 */
export function fitSeries(
  entries: readonly SeriesEntry[],
  stocks: readonly StockFigure[],
  daily: DailyOptions,
): { warnings: LedgerWarning[]; residuals: Residual[] } {
  const warnings: LedgerWarning[] = [];
  const residuals: Residual[] = [];
  for (const { node, basis, figures } of entries) {
    const raw = pointsByDay(figures);
    // With hindsight or as of a date (where `raw` holds only the figures published by then), a
    // cumulative series is the weighted isotonic fit: a low-confidence figure does not fix it.
    const points = basis !== "cumulative" ? raw : monotonePoints(raw);
    if (basis === "cumulative") warnings.push(...fallWarnings(node, raw, points, stocks));
    node.own.push({ basis, points, rows: figures.map((f) => f.row) });
    for (const f of figures) {
      const stock = stocks[f.row]!;
      const reconciled = valueOnDay(points, basis, f.day, daily)!.value;
      residuals.push({
        row: f.row,
        date: isoDate(f.day),
        category: stock.category,
        basis,
        country: node.country,
        placeName: node.area,
        sourceOrg: stock.sourceOrg,
        sourceType: stock.sourceType,
        confidence: stock.confidence,
        value: f.value,
        reconciled,
        residual: f.value - reconciled,
        relative: reconciled > 0 ? (f.value - reconciled) / reconciled : undefined,
        weight: f.weight,
      });
    }
  }
  residuals.sort((a, b) => a.row - b.row);
  return { warnings, residuals };
}

/** Fills `rows` of a node and everything below it: every stock row at or below, sorted. */
export function collectRows(node: LedgerNode): number[] {
  node.rows = [
    ...node.own.flatMap((s) => s.rows),
    ...[...node.children.values()].flatMap(collectRows),
  ].sort((a, b) => a - b);
  return node.rows;
}

/**
 * The rows behind each country and area of every category, and behind each category's own
 * (country-less) total. Call after `collectRows`.
 */
export function listSources(roots: Iterable<LedgerNode>): LedgerSource[] {
  const sources: LedgerSource[] = [];
  const visit = (node: LedgerNode, depth: number) => {
    if (depth > 0 && depth <= 2 && node.rows.length > 0) {
      sources.push({
        category: node.category,
        country: node.country,
        placeName: node.area,
        rows: node.rows,
      });
    }
    if (depth < 2) node.children.forEach((c) => visit(c, depth + 1));
    if (depth === 0 && node.own.length > 0)
      sources.push({ category: node.category, rows: node.own.flatMap((s) => s.rows) });
  };
  for (const root of roots) visit(root, 0);
  return sources;
}
