import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { EstimateResult } from "../../src/estimate/estimateTracks.ts";
import {
  evidenceFor,
  evidenceRows,
  EVIDENCE_COLUMNS,
  peopleOf,
  safeUrl,
} from "../../src/evidence/evidence.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import { staysAsSightings } from "../../src/estimate/trackEnds.ts";

let dataset: Dataset;
let estimate: EstimateResult;
beforeAll(() => {
  dataset = embedded2018();
  estimate = estimateTracks(dataset);
});

describe("evidenceFor", () => {
  it("lists the group's associated reports within ±3 days, nearest in time first", () => {
    const group = "Honduran caravan 1";
    const e = evidenceFor(dataset, estimate, group, "2018-10-22");
    expect(e.reports.length).toBeGreaterThan(2);
    const ids = new Set(
      estimate.report.associations.filter((a) => a.group === group).map((a) => a.sightingId),
    );
    for (const r of e.reports) {
      if (r.status !== "left_out") expect(ids.has(r.sightingId)).toBe(true);
      expect(Math.abs(r.dayOffset)).toBeLessThanOrEqual(3.5);
    }
    for (let i = 1; i < e.reports.length; i++) {
      expect(Math.abs(e.reports[i].dayOffset)).toBeGreaterThanOrEqual(
        Math.abs(e.reports[i - 1].dayOffset),
      );
    }
    // Every associated report of that window is there, once.
    const reports = [...dataset.sightings, ...staysAsSightings(dataset.stocks)];
    const expected = estimate.report.associations.filter((a) => {
      if (a.group !== group) return false;
      const s = reports.find((x) => x.id === a.sightingId);
      const d = Date.parse(s!.observedAt.slice(0, 10)) - Date.parse("2018-10-22");
      return Math.abs(d) <= 3 * 86_400_000;
    });
    const listed = e.reports.filter((r) => r.status !== "left_out").map((r) => r.sightingId);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(expected.map((a) => a.sightingId).sort());
  });

  it("gives km along the route, distance from the estimate and the share of the group", () => {
    const e = evidenceFor(dataset, estimate, "Honduran caravan 1", "2018-10-22");
    const placed = e.reports.filter((r) => r.km !== undefined);
    expect(placed.length).toBeGreaterThan(0);
    for (const r of placed) {
      expect(r.distanceKm).toBeCloseTo(r.km! - r.estimateKm!, 0);
      // Same town, same day as another report: one observation, whose probability the other carries.
      if (r.outlierProb !== undefined) expect(r.outlierProb).toBeGreaterThanOrEqual(0);
    }
    const sized = e.reports.find((r) => r.people !== undefined)!;
    expect(sized.shareOfGroup).toBeGreaterThan(0);
    expect(e.track.date).toBe("2018-10-22");
  });

  it("carries the dataset's held-out check when given, and throws for a day without estimate", () => {
    const check = {
      folds: 10,
      leaveOneOut: false,
      heldOut: 80,
      position: { n: 60, coverage90: 0.88, coverage90Widened: 0.9, medianError: 12 },
      size: { n: 40, coverage90: 0.85, coverage90Widened: 0.9, medianError: 0.2 },
    };
    const e = evidenceFor(dataset, estimate, "Honduran caravan 1", "2018-10-22", { check });
    expect(e.check?.positionCoverage90).toBe(0.88);
    expect(() => evidenceFor(dataset, estimate, "Honduran caravan 1", "2017-01-01")).toThrow(
      /no estimate on 2017-01-01/,
    );
  });

  it("marks rejected and outlying reports, and keeps only http(s) links", () => {
    const tiny: Dataset = {
      ...dataset,
      sightings: dataset.sightings.map((s) =>
        s.id === "S001" ? { ...s, url: "javascript:alert(1)" } : s,
      ),
    };
    const e = evidenceFor(tiny, estimate, "Honduran caravan 1", "2018-10-14");
    const s1 = e.reports.find((r) => r.sightingId === "S001")!;
    expect(s1.url).toBeUndefined();
    const withRejection = evidenceFor(dataset, estimate, "Honduran caravan 1", "2018-10-14", {
      rejected: ["S001"],
    });
    expect(withRejection.reports.find((r) => r.sightingId === "S001")?.status).toBe("rejected");
  });

  it('marks a count of one place or one point as read "at least", as report.json does', () => {
    const bounds = estimate.report.associations.filter((a) => a.countScope !== undefined);
    expect(bounds.length).toBeGreaterThan(0);
    const a = bounds[0];
    const s = dataset.sightings.find((x) => x.id === a.sightingId)!;
    const e = evidenceFor(dataset, estimate, a.group, s.observedAt.slice(0, 10));
    const row = e.reports.find((r) => r.sightingId === a.sightingId)!;
    expect(row.countScope).toBe(a.countScope);
    expect(row.sizeAtLeast).toBe(a.sizeAtLeast);
    expect(evidenceRows(e).find((r) => r.sightingId === a.sightingId)?.countScope).toBe(
      a.countScope,
    );
    // An ordinary figure carries no scope.
    const plain = e.reports.find((r) => !bounds.some((b) => b.sightingId === r.sightingId));
    if (plain) expect(plain.countScope).toBeUndefined();
  });

  it("says a report left out as a stale repeat is left out, and which report it repeats", () => {
    // 2018: S010 (AP, 18 Oct, "more than 3,000" at Guatemala City) tells again S009's place and
    // figure (an NGO, 17 Oct, 3,000 in the city's shelters, read as at least 3,000): repeats.ts.
    const a = estimate.report.associations.find((x) => x.sightingId === "S010")!;
    expect(a.repeatOf).toBe("S009");
    expect(a.outlierProb).toBeUndefined();
    const e = evidenceFor(dataset, estimate, a.group, "2018-10-18");
    const row = e.reports.find((r) => r.sightingId === "S010")!;
    expect(row.status).toBe("left_out");
    expect(row.reason).toBe("repeat of S009");
    // Its original is used.
    expect(e.reports.find((r) => r.sightingId === "S009")?.status).toBe("used");
    // The CSV rows say why and which original (review19e #6).
    const csvRow = evidenceRows(e).find((r) => r.sightingId === "S010")!;
    expect(csvRow.reason).toBe("repeat of S009");
    expect(csvRow.repeatOf).toBe("S009");
  });

  it("evidenceRows gives one flat row per report with the table's columns", () => {
    const e = evidenceFor(dataset, estimate, "Honduran caravan 1", "2018-10-22");
    const rows = evidenceRows(e);
    expect(rows).toHaveLength(e.reports.length);
    expect(Object.keys(rows[0])).toEqual(["group", "date", ...EVIDENCE_COLUMNS]);
  });
});

describe("peopleOf and safeUrl", () => {
  it("reads a figure, a range's middle or a bound", () => {
    expect(peopleOf({ sizeBest: 7233 })).toBe(7233);
    expect(peopleOf({ sizeMin: 3000, sizeMax: 4000 })).toBe(3500);
    expect(peopleOf({ sizeMin: 500 })).toBe(500);
    expect(peopleOf({})).toBeUndefined();
  });
  it("accepts http and https only", () => {
    expect(safeUrl("https://reliefweb.int/x")).toBe("https://reliefweb.int/x");
    expect(safeUrl("  http://a.org ")).toBe("http://a.org/");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("data:text/html,<b>")).toBeUndefined();
    expect(safeUrl("//evil.example")).toBeUndefined();
  });
});

describe("timeDistance", () => {
  it("puts every report once, every group-day and the towns on one km axis", async () => {
    const { timeDistance } = await import("../../src/evidence/timeDistance.ts");
    const td = timeDistance(dataset, estimate);
    expect(td.axisRouteId).toBe("main");
    const ids = td.reports.map((r) => r.sightingId);
    expect(new Set(ids).size).toBe(dataset.sightings.length);
    expect(ids).toHaveLength(dataset.sightings.length);
    expect(td.bodies).toHaveLength(estimate.tracks.length);
    const tapachula = td.stops.find((s) => s.name === "Tapachula")!;
    const suchiate = td.stops.find((s) => s.kind === "border_crossing" && s.km > 650)!;
    expect(tapachula.km).toBeGreaterThan(suchiate.km);
    // A route that joins the axis is shifted by the km of the junction.
    const salvador = td.routes.find((r) => r.routeId === "salvador");
    if (salvador) expect(salvador.offsetKm).toBeGreaterThan(100);
    for (const b of td.bodies) {
      expect(b.kmLow).toBeLessThanOrEqual(b.km);
      expect(b.kmHigh).toBeGreaterThanOrEqual(b.km);
    }
  });

  it("shows an analyst's rejected report as rejected, not twice", async () => {
    const { timeDistance } = await import("../../src/evidence/timeDistance.ts");
    const rejected = dataset.sightings.filter((s) => s.id === "S010");
    const rest = { ...dataset, sightings: dataset.sightings.filter((s) => s.id !== "S010") };
    const td = timeDistance(rest, estimate, { rejected });
    expect(td.reports.filter((r) => r.sightingId === "S010").map((r) => r.status)).toEqual([
      "rejected",
    ]);
  });
});
