import { it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { smoothSize } from "../../src/estimate/sizeSmoother.ts";
import { dataset, report, on } from "./corridor.ts";
it("probe", () => {
  for (const src of ["media", "dtm"] as const) {
    const s = [];
    for (let d = 5; d <= 15; d++) {
      const r = report(`a${d}`, d, 40 * (d - 5), 0, d % 2 ? "dtm" : "government");
      delete (r as { sizeBest?: number }).sizeBest;
      s.push(r);
      for (const g of ["B", "C", "D"]) s.push({ ...report(`${g}${d}`, d, 30 * (d - 5), 1500 + 300 * g.charCodeAt(0) % 5, "dtm"), caravanLabel: g });
    }
    const { sizeBest: _b, ...r } = report("m", 10, 200, 7000, src);
    s.push({ ...r, id: "m", sizeMin: 7000 });
    for (const selfCalibrate of [true, false]) {
    const res = estimateTracks(dataset(s), { selfCalibrate });
    const t = on(res.tracks, 10);
    console.log("X", src, selfCalibrate, t.sizeLow, t.sizeMedian, t.sizeHigh, JSON.stringify(res.report.sizePriors), JSON.stringify(res.report.sourceBiases), res.report.sizeLevelSd);
    }
  }
  for (const eps of [0.05, 0.01]) {
    const d = smoothSize({ nDays: 11, observations: [{ step: 5, logLow: Math.log(7000), bias: 0, sigma: 0.3, outlier: eps }], prior: { logMean: Math.log(1700), logSd: 0.5 } });
    console.log("Y", eps, d[5].low, d[5].median, d[5].high);
  }
});
