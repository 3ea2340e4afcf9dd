/**
 * People of a caravan RESTING at a counted shelter are not accounted for (review 23b H1): the
 * ledger counts them at the place (not in transit), but they pass through, so the forecast moves
 * them on with their group and neither the forecast nor the state calls the group `accounted_for`.
 * Reproduction: the embedded 2018 files plus one shelter count at Mexico City on 7 Nov (the kind of
 * figure CDHDF gave daily for Estadio Palillo on 5–9 Nov 2018, absent from the embedded stocks).
 */
import { describe, expect, it } from "vitest";
import {
  dayNumber,
  embedded2018,
  forecastArrivals,
  groupDayStatus,
  groupStatus,
  nowcast,
  restingStartText,
  runReplay,
} from "../../src/index.ts";
import type { Dataset, StockFigure } from "../../src/index.ts";

const asOf = "2018-11-07";
const HC1 = "Honduran caravan 1";

function withShelterCount(value: number): Dataset {
  const data = embedded2018();
  const count: StockFigure = {
    date: asOf,
    category: "remaining",
    value,
    basis: "present",
    country: "MEX",
    placeName: "Mexico City",
    sourceOrg: "CDHDF (test)",
    sourceType: "government",
    confidence: "high",
    notes: "shelter count while the caravan rests",
  };
  return { ...data, stocks: [...data.stocks, count] };
}

describe("a caravan resting at a counted shelter stays in the forecast (2018 + one count)", () => {
  for (const value of [6000, 3000]) {
    it(`${value} counted at Mexico City on 7 Nov: Honduran caravan 1 on the road, all its people moved`, () => {
      const data = withShelterCount(value);
      const day = runReplay(data, { asOf }).state.find((d) => d.date === asOf)!;
      const body = day.groups.find((b) => b.group === HC1)!;
      // The ledger does count people of it at the shelter (they are not in transit) ...
      expect(body.onRoad).toBeLessThan(body.size * 0.95);
      // ... but the group is not accounted for: it rests there.
      expect(body.status).toBe("on_road");
      const now = nowcast(data, { asOf });
      const hc1 = now.groups.find((g) => g.group === HC1)!;
      expect(hc1.moving).toBeCloseTo(1, 6);
      expect(Math.abs(hc1.size!.median - body.size)).toBeLessThan(1);
      // The difference from the ledger's in transit is said to the user, one library sentence:
      // the resting people the runs move on are the ledger's people of it at the place.
      expect(hc1.atPlace).toBe("Mexico City");
      const resting = Math.round(body.size - body.onRoad);
      expect(Math.abs(hc1.resting! * hc1.size!.median - resting)).toBeLessThan(2);
      const en = restingStartText(hc1, "en")!;
      expect(en).toMatch(
        /^the runs start from [\d,]+ people of it: [\d,]+ of them rest at Mexico City, where the ledger counts them \(present, not in transit\), so this forecast's people on the road are [\d,]+ more than the ledger's in transit\.$/,
      );
      const n = Number(/: ([\d,]+) of them/.exec(en)![1]!.replace(/,/g, ""));
      expect(Math.abs(n - resting)).toBeLessThanOrEqual(1);
      expect(restingStartText(hc1, "es", "Ciudad de México")).toMatch(
        /^las corridas parten de [\d.,\s]+ personas del grupo: [\d.,\s]+ de ellas descansan en Ciudad de México, donde el balance las cuenta/,
      );
      expect(restingStartText({ ...hc1, resting: undefined }, "en")).toBeUndefined();
      const f = forecastArrivals(now, { dataset: data, runs: 40 });
      expect(f.groups.find((g) => g.group === HC1)!.status).toBe("on_road");
      const tijuana = f.arrivals.find((a) => a.group === HC1 && a.placeName === "Tijuana");
      expect(tijuana, "Tijuana arrival").toBeDefined();
      // Its whole size goes on (less attrition on the way), not size × the ledger's `moving`.
      expect(tijuana!.people!.p50).toBeGreaterThan(body.size * 0.6);
    }, 180_000);
  }
});

describe("the forecast's status reads the track's end (review 23b M1)", () => {
  const g = {
    km: { median: 1000, low: 990, high: 1010, mean: 1000, sd: 5 },
    routeLengthKm: 4521.5,
    lastDay: 0,
    lastSeenDate: "2018-11-15",
  };
  const asOf = (date: string) => dayNumber(date)! + 0.5;

  it("a track ended accounted_for / at its destination is so in the forecast, as in tracks.csv", () => {
    const ended = (reason: string) => ({ ...g, trackEnd: { lastDate: "2018-11-18", reason } });
    expect(groupStatus(ended("accounted_for"), asOf("2018-11-20"))).toBe(
      groupDayStatus({
        date: "2018-11-20",
        km: 1000,
        routeLengthKm: 4521.5,
        lastReportDate: "2018-11-15",
        trackEnd: { lastDate: "2018-11-18", reason: "accounted_for" },
      }),
    );
    expect(groupStatus(ended("accounted_for"), asOf("2018-11-20"))).toBe("accounted_for");
    expect(groupStatus(ended("destination"), asOf("2018-11-20"))).toBe("arrived");
    // Before the track's last day, and for a track ended only by the data's end: on the road.
    expect(groupStatus(ended("accounted_for"), asOf("2018-11-17"))).toBe("on_road");
    expect(groupStatus(ended("end_of_data"), asOf("2018-11-20"))).toBe("on_road");
  });

  it("the nowcast carries the estimator's track end", () => {
    const now = nowcast(embedded2018(), { asOf: "2018-11-20" });
    for (const n of now.groups) expect(n.trackEnd?.reason, n.group).toBeDefined();
  }, 120_000);
});
