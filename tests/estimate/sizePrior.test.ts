import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLedger, createGazetteer, importTable } from "../../src/index.ts";
import { normalCdf, normalQuantile } from "../../src/util/normal.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { syntheticCorridor } from "../../src/estimate/simulate.ts";
import {
  fallbackSizePrior,
  fitSizePrior,
  MAX_PRIOR_SD,
  MIN_PRIOR_SD,
  sizePriorsLeaveOneOut,
} from "../../src/estimate/sizePrior.ts";
import { smoothSize } from "../../src/estimate/sizeSmoother.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { assertInDelta } from "../asserts.ts";

/**
 * The stated multiple: a group known only by a lower bound gets an interval whose upper end is at
 * most this many times the largest size seen in the same dataset — the largest figure any source
 * gave, or the largest size estimated for a group (sources that report low, like governments, make
 * the estimate the larger of the two). Why 3 and not 1: with a handful of groups, a new one is
 * larger than all of them with probability ≈ 1/(groups + 1), so an honest 95th percentile lies
 * beyond the largest group seen.
 */
const MAX_MULTIPLE_OF_LARGEST = 3;

function largestSeen(
  sightings: readonly Sighting[],
  tracks: readonly TrackPoint[],
  except: string,
): number {
  let max = 0;
  for (const s of sightings) {
    for (const v of [s.sizeBest, s.sizeMin, s.sizeMax]) if (v !== undefined && v > max) max = v;
  }
  for (const t of tracks) if (t.group !== except && t.size > max) max = t.size;
  return max;
}

describe("size prior (sizePrior.ts)", () => {
  it("fallbackSizePrior is the log-normal of the 2018 IOM group sizes: median ≈ 865, sd ≈ 1.34", () => {
    const p = fallbackSizePrior();
    assertInDelta(Math.exp(p.logMean), 865, 5);
    assertInDelta(p.logSd, 1.344, 0.005);
    expect(p.groups).toBe(0);
  });

  it("fitSizePrior moves towards the groups' sizes as groups accumulate, within the sd bounds", () => {
    const groups = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        group: `g${i}`,
        logMean: Math.log(3000) + (i % 2 === 0 ? 0.3 : -0.3),
        logSd: 0.1,
      }));
    const few = fitSizePrior(groups(2));
    const many = fitSizePrior(groups(40));
    expect(few.logMean).toBeLessThan(many.logMean);
    assertInDelta(many.logMean, Math.log(3000), 0.15);
    // 40 groups of nearly one size: the sd shrinks to its floor, never below.
    expect(many.logSd).toBeLessThan(few.logSd);
    expect(many.logSd).toBeGreaterThanOrEqual(MIN_PRIOR_SD);
    expect(fitSizePrior(groups(2)).logSd).toBeLessThanOrEqual(MAX_PRIOR_SD);
  });

  it("sizePriorsLeaveOneOut never fits a group's prior on the group's own figures", () => {
    const priors = sizePriorsLeaveOneOut(
      ["A", "B"],
      [{ group: "A", logMean: Math.log(50_000), logSd: 0.1 }],
    );
    expect(priors.get("A")).toEqual(fallbackSizePrior());
    expect(priors.get("B")?.groups).toBe(1);
    expect(priors.get("B")?.logMean).toBeGreaterThan(fallbackSizePrior().logMean);
  });

  it("smoothSize with only 'at least 150': unbounded above without a prior, the prior truncated at the bound with it", () => {
    const observations = [{ step: 0, logLow: Math.log(150), bias: 0, sigma: 0.3, outlier: 0.03 }];
    const flat = smoothSize({ nDays: 1, observations })[0];
    const prior = fallbackSizePrior();
    const withPrior = smoothSize({ nDays: 1, observations, prior })[0];
    expect(flat.high).toBeGreaterThan(100_000);
    expect(withPrior.low).toBeGreaterThan(100);
    // The prior's own 95th percentile is ≈ 7,900; truncating it below 150 raises it a little.
    expect(withPrior.high).toBeLessThan(1.5 * Math.exp(prior.logMean + 1.645 * prior.logSd));
    expect(withPrior.high).toBeGreaterThan(Math.exp(prior.logMean + 1.645 * prior.logSd));
  });
});

describe("estimateTracks: a group known only by a lower bound", () => {
  const routes = syntheticCorridor();
  const index = createRouteIndex(routes);
  const at = (km: number): { lon: number; lat: number } => {
    const [lon, lat] = index.along("main", km);
    return { lon, lat };
  };
  const sized = (label: string, day: number, km: number, size: number): Sighting => ({
    id: `${label}${day}`,
    observedAt: `2018-10-${String(13 + day).padStart(2, "0")}T12:00`,
    ...at(km),
    caravanLabel: label,
    sizeBest: size,
    sourceType: "government",
  });
  const sightings: Sighting[] = [
    sized("A", 0, 0, 4000),
    sized("A", 1, 40, 3800),
    sized("A", 2, 80, 4200),
    sized("B", 3, 0, 900),
    sized("B", 4, 45, 1000),
    sized("C", 5, 0, 300),
    sized("C", 6, 35, 350),
    {
      id: "D1",
      observedAt: "2018-10-25T12:00",
      ...at(10),
      caravanLabel: "D",
      sizeMin: 150,
      sourceType: "media",
    },
  ];
  const dataset: Dataset = {
    name: "test",
    places: [],
    routes,
    sightings,
    counts: [],
    stocks: [],
    timeZone: "America/Mexico_City",
  };

  it(`gets a finite interval above the bound, its upper end ≤ ${MAX_MULTIPLE_OF_LARGEST} × the largest size seen in the data`, () => {
    const { tracks, report } = estimateTracks(dataset);
    const d = tracks.filter((t) => t.group === "D");
    expect(d).toHaveLength(1);
    expect(Number.isFinite(d[0].sizeHigh)).toBe(true);
    expect(d[0].sizeLow).toBeGreaterThan(100);
    expect(d[0].sizeHigh).toBeLessThanOrEqual(
      MAX_MULTIPLE_OF_LARGEST * largestSeen(sightings, tracks, "D"),
    );
    // Its prior came from the three groups with figures.
    expect(report.sizePriors.find((p) => p.group === "D")?.groups).toBe(3);
  });

  it(`on the embedded 2018 data, "Salvadoran group Nov 18" (only "at least 150") stays ≤ ${MAX_MULTIPLE_OF_LARGEST} × the largest 2018 size seen`, () => {
    const data = embedded2018();
    const { tracks } = estimateTracks(data);
    const g = tracks.filter((t) => t.group === "Salvadoran group Nov 18");
    expect(g.length).toBeGreaterThan(0);
    for (const t of g) {
      expect(t.sizeLow).toBeGreaterThan(100);
      expect(t.sizeHigh).toBeLessThanOrEqual(
        MAX_MULTIPLE_OF_LARGEST * largestSeen(data.sightings, tracks, t.group),
      );
      // Plausible for one of the 2018 groups, not a city: below the 10,000 of the largest claims.
      expect(t.size).toBeLessThan(10_000);
    }
  });
});

describe("a group known only by lower bounds, when the other groups' figures scatter (the sample of README.md)", () => {
  // data/samples/avistamientos-rangos.csv replaces the embedded sightings (README.md's library
  // example): "Caravana SLV 31-oct" is reported only as "al menos 1.345" (OIM, dtm) and "+1.700"
  // (media), while the other groups' figures scatter enough that self-calibration widens.
  const base = embedded2018();
  const { records } = importTable(readFileSync("data/samples/avistamientos-rangos.csv"), {
    kind: "sightings",
    fileName: "avistamientos-rangos.csv",
    gazetteer: createGazetteer(base.places),
  });
  const dataset: Dataset = { ...base, sightings: records as Sighting[] };
  const estimate = estimateTracks(dataset);
  const group = "Caravana SLV 31-oct";

  it("keeps its interval within the size prior truncated at the bound, and its lower end near the bound", () => {
    const { tracks, report } = estimate;
    // The case at hand: the figures' scores ask for wider size intervals.
    expect(report.widening.size).toBeGreaterThan(1.2);
    const prior = report.sizePriors.find((p) => p.group === group);
    expect(prior).toBeDefined();
    const { logMean, logSd } = prior ?? { logMean: NaN, logSd: NaN };
    // 95th percentile of the prior truncated below the smaller bound (1,345): the upper end the
    // bounds and the prior allow; 1.5 × for the common bias level and the days' drift.
    const above = 1 - normalCdf((Math.log(1345) - logMean) / logSd);
    const truncated95 = Math.exp(logMean + logSd * normalQuantile(1 - 0.05 * above));
    const days = tracks.filter((t) => t.group === group);
    expect(days.length).toBeGreaterThan(10);
    for (const t of days) expect(t.sizeHigh).toBeLessThanOrEqual(1.5 * truncated95);
    // Neither source type overcounts (dtm's bias prior is 0, media's fitted one ≈ 0): on the
    // days of the reports the lower end stays near the bounds, not at half of them.
    const sourceBias = (type: string): number =>
      report.sourceBiases.find((b) => b.sourceType === type)?.bias ?? 0;
    expect(sourceBias("media")).toBeLessThan(0.1);
    for (const t of days.filter((d) => d.date <= "2018-11-02")) {
      expect(t.sizeLow).toBeGreaterThan(0.8 * 1345);
    }
  });

  it("keeps the ledger's departed and unknown upper ends within a sane multiple of departed", () => {
    const ledger = buildLedger({ dataset, tracks: estimate.tracks });
    const last = ledger.departed.at(-1);
    expect(last).toBeDefined();
    const departed = last ?? { value: NaN, valueHigh: NaN, date: "" };
    expect(departed.valueHigh).toBeLessThanOrEqual(2.5 * departed.value);
    const unknown = ledger.split.find((r) => r.category === "unknown" && r.date === departed.date);
    expect(unknown?.valueHigh ?? NaN).toBeLessThanOrEqual(departed.valueHigh);
  });
});
