// Association spread (src/estimate/assocSpread.ts): tracks built without labels hold the reports
// near-tied between them, and each other's median person on the days around such a report.
import { describe, expect, it } from "vitest";
import { REACH_DAYS, SWAP_DAYS, spreadAssociation } from "../../src/estimate/assocSpread.ts";
import type { KmDayEstimate, KmSmootherResult } from "../../src/estimate/kmSmoother.ts";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";

const DAYS = 20;

/** A track on route "r" whose median person stands at `km(k)` on day k, ±30 km (90 %). */
function track(name: string, labelled: boolean, km: (k: number) => number): WorkGroup {
  const g = newGroup(name, labelled, "r");
  g.day0 = 0;
  g.nDays = DAYS;
  const days: KmDayEstimate[] = Array.from({ length: DAYS }, (_, k) => ({
    median: km(k),
    low: km(k) - 30,
    high: km(k) + 30,
    mean: km(k),
    sd: 30 / 1.645,
  }));
  g.km = { days } as KmSmootherResult;
  g.head = days.map((d) => ({ ...d, median: d.median + 20, low: d.low + 20, high: d.high + 20 }));
  return g;
}

/** Gives `g` a report at km `km` on day `day` (noon), named by `label` or by none. */
function report(
  ctx: EstimateContext,
  g: WorkGroup,
  id: string,
  day: number,
  km: number,
  label?: string,
): void {
  const s = { id, t: day + 0.5, label } as PreparedSighting;
  g.positions.push({ s, km, off: 0 });
  ctx.projections.set(s, new Map([["r", { km, off: 0 }]]));
}

function context(): EstimateContext {
  return {
    index: { lengthKm: () => 2000 },
    maxOff: 60,
    projections: new Map(),
  } as unknown as EstimateContext;
}

describe("spreadAssociation", () => {
  it("stretches a track to hold a report near-tied with it and, around that day, the other track", () => {
    const ctx = context();
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, (k) => 180 + 20 * k);
    // Day 10: A at 300, B at 380; a report of A at 345 is almost as much B's.
    report(ctx, a, "x", 10, 345);
    const before = structuredClone(b.km?.days ?? []);
    const out = spreadAssociation(ctx, [a, b]);
    expect(out.contestedReports).toBe(1);
    const bDays = b.km?.days ?? [];
    const aDays = a.km?.days ?? [];
    // B holds the report, and A's median person within SWAP_DAYS of day 10; A holds B's.
    for (let k = 10 - REACH_DAYS; k <= 10 + REACH_DAYS; k++)
      expect(bDays[k].low).toBeLessThanOrEqual(345);
    for (let k = 10 - SWAP_DAYS; k <= 10 + SWAP_DAYS; k++) {
      expect(bDays[k].low).toBeLessThanOrEqual(aDays[k].median);
      expect(aDays[k].high).toBeGreaterThanOrEqual(bDays[k].median);
      // The head moves with the body.
      expect(b.head?.[k].low).toBeLessThanOrEqual(aDays[k].median + 20);
    }
    // Days farther away, medians and never a narrower interval.
    expect(bDays[10 + SWAP_DAYS + 1]).toEqual(before[10 + SWAP_DAYS + 1]);
    bDays.forEach((d, k) => {
      expect(d.median).toBe(before[k].median);
      expect(d.low).toBeLessThanOrEqual(before[k].low);
      expect(d.high).toBeGreaterThanOrEqual(before[k].high);
    });
  });

  it("leaves tracks alone when every report is clearly its own track's", () => {
    const ctx = context();
    const a = track("unlabelled-1", false, (k) => 100 + 20 * k);
    const b = track("unlabelled-2", false, (k) => 900 + 20 * k);
    report(ctx, a, "x", 10, 310);
    report(ctx, b, "y", 12, 1130);
    const before = structuredClone([a.km?.days, b.km?.days]);
    expect(spreadAssociation(ctx, [a, b])).toEqual({ contestedReports: 0, widenedDays: 0 });
    expect([a.km?.days, b.km?.days]).toEqual(before);
  });

  it("never touches a labelled group's track, and a labelled report contests nothing", () => {
    const ctx = context();
    const a = track("Caravana 1", true, (k) => 100 + 20 * k);
    const b = track("unlabelled-1", false, (k) => 180 + 20 * k);
    report(ctx, b, "x", 10, 335);
    report(ctx, a, "y", 5, 240, "Caravana 1");
    const before = structuredClone([a.km?.days, b.km?.days]);
    // B's report near A is contested by a labelled track only: A keeps its interval, and so does
    // B (a labelled group's report is its own).
    expect(spreadAssociation(ctx, [a, b]).contestedReports).toBe(0);
    expect([a.km?.days, b.km?.days]).toEqual(before);
  });
});
