/**
 * The forecast starts from the state's people on the road on the as-of day (src/forecast/
 * startPeople.ts; review 22c M2): as of 15 Nov 2018 the ledger counts 170 of Honduran caravan 1 at
 * Mexico City (CDHDF, Estadio Palillo), so they are not sent on to Tijuana. The forecast's people
 * on the road = the ledger's in transit on the as-of day, the same number for the same thing.
 */
import { describe, expect, it } from "vitest";
import { embedded2018, forecastArrivals, nowcast, runReplay } from "../../src/index.ts";

const data = embedded2018();

describe("forecast start people = ledger in transit (2018)", () => {
  for (const asOf of ["2018-11-15", "2018-11-20", "2018-11-25"]) {
    it(`as of ${asOf}`, () => {
      const now = nowcast(data, { asOf });
      const f = forecastArrivals(now, { dataset: data, runs: 20 });
      const day = runReplay(data, { asOf }).state.find((d) => d.date === asOf)!;
      let onRoad = 0;
      for (const g of now.groups) {
        const status = f.groups.find((s) => s.group === g.group)!.status;
        const body = day.groups.find((b) => b.group === g.group);
        if (status !== "on_road") {
          // Not moved on: the state has none of it on the road either.
          expect(body?.onRoad ?? 0).toBe(0);
          continue;
        }
        expect(body, g.group).toBeDefined();
        expect(g.lastDate).toBe(asOf);
        // Per group: the same people (the nowcast's unrounded size, the ledger's from the track's).
        expect(Math.abs((g.size?.median ?? 0) - body!.onRoad), g.group).toBeLessThan(1);
        onRoad += g.size?.median ?? 0;
      }
      expect(Math.abs(onRoad - day.totals.inTransit)).toBeLessThanOrEqual(3);
    }, 120_000);
  }

  it("as of 15 Nov Honduran caravan 1's people at Mexico City stay there: 170 fewer on the road", () => {
    const now = nowcast(data, { asOf: "2018-11-15" });
    const hc1 = now.groups.find((g) => g.group === "Honduran caravan 1")!;
    expect(hc1.groupSize).toBeDefined();
    expect(hc1.moving).toBeLessThan(1);
    // The 170 of 10 Nov, 5 days old as of 15 Nov, read 6/8 (review24b M2: the rest back with the group).
    expect(Math.round(hc1.groupSize!.median - hc1.size!.median)).toBe(Math.round((170 * 6) / 8));
    // Its interval scales with it (the ledger's onRoadLow / onRoadHigh).
    expect(hc1.size!.low).toBeCloseTo(hc1.groupSize!.low * hc1.moving!, 6);
    const f = forecastArrivals(now, { dataset: data, runs: 100 });
    const tijuana = f.arrivals.find((a) => a.group === hc1.group && a.placeName === "Tijuana");
    expect(tijuana?.people?.p50).toBeLessThan(hc1.groupSize!.median);
  }, 120_000);
});
