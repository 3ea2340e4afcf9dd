/**
 * tableCost (src/estimate/moveScreen.ts) keeps its working space in a scratch object per table
 * and returns its answers, not through module variables (two tables searched in turn, or in one
 * worker, must not see each other's state): no `let` at the module's
 * top level, and two tables' costs asked in turn are each what the table alone gives.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";

const FILE = join(import.meta.dirname, "..", "..", "src", "estimate", "moveScreen.ts");

/** A walk of `n` reports on two routes sharing road (b runs 40 km ahead of a), some off b. */
function reports(n: number, pace: number): LinkReport[] {
  return Array.from({ length: n }, (_, i) => {
    const km = 100 + pace * i + (i % 3) * 7;
    const kmByRoute = new Map([["a", km]]);
    if (i % 4 !== 0) kmByRoute.set("b", km + 40);
    return { t: i, kmByRoute, weight: 1, ...(i % 2 ? { logSize: Math.log(800 + 10 * i) } : {}) };
  }) as LinkReport[];
}

describe("moveScreen's tableCost without module state", () => {
  it("declares no module-level `let` (no value returned or kept through a module variable)", () => {
    const source = ts.createSourceFile(FILE, readFileSync(FILE, "utf8"), ts.ScriptTarget.Latest);
    const lets = source.statements
      .filter(ts.isVariableStatement)
      .filter((s) => (s.declarationList.flags & ts.NodeFlags.Let) !== 0)
      .flatMap((s) => s.declarationList.declarations.map((d) => d.name.getText(source)));
    expect(lets).toEqual([]);
  });

  it("gives each table its own cost and outliers when two tables' calls alternate", () => {
    const m = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
    const small = new ReportTable(reports(6, 20));
    const large = new ReportTable(reports(90, 25));
    const rows = (t: ReportTable) => t.reports.map((_, i) => i);
    const alone = [small, large].map((t) =>
      tableCost(t, rows(t), ["a", "b"], m, undefined, undefined, true),
    );
    const turns = [];
    for (let k = 0; k < 3; k++)
      for (const t of [large, small])
        turns.push([t, tableCost(t, rows(t), ["b", "a"], m, undefined, "a", true)] as const);
    for (const [t, got] of turns) {
      const want = alone[t === small ? 0 : 1]!;
      expect(got.route).toBe(want.route);
      expect(got.cost).toBeCloseTo(want.cost, 9);
    }
  });
});
