import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { bodyProbability, PART_SHARE } from "../../src/estimate/parts.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { dataset, on, report } from "./corridor.ts";

describe("the part share without a cliff (bodyProbability)", () => {
  it("falls smoothly with the share: ½ at PART_SHARE, nearly the same at 0.39 and 0.41", () => {
    expect(bodyProbability(PART_SHARE)).toBeCloseTo(0.5, 10);
    expect(Math.abs(bodyProbability(0.41) - bodyProbability(0.39))).toBeLessThan(0.05);
    expect(bodyProbability(1)).toBeGreaterThan(0.95);
    expect(bodyProbability(0.05)).toBeLessThan(0.001);
    expect(bodyProbability(0)).toBe(0);
    let last = 0;
    for (let s = 0.01; s <= 1; s += 0.01) {
      const p = bodyProbability(s);
      expect(p).toBeGreaterThan(last);
      last = p;
    }
  });

  /**
   * A group of 5,000 reported at its body every day (DTM, 40 km a day), and on 17 Oct one media
   * report of `figure` people 250 km ahead of it: the median person's estimate that day.
   */
  function medianWith(figure: number): number {
    const s: Sighting[] = [];
    for (const d of [13, 14, 20, 21]) s.push(report(`b${d}`, d, 40 * (d - 13), 5000));
    s.push(report("ahead", 17, 160 + 120, figure, "media"));
    return on(estimateTracks(dataset(s)).tracks, 17).km;
  }

  it("a report just under and one just over the part share move the median person alike", () => {
    // Figures of 1,200 … 3,000 against ~5,000: shares ~0.24 … 0.6, across PART_SHARE. (With the
    // cliff, one step of 200 people moved the median person ~100 km.)
    const kms = [1200, 1600, 1800, 2000, 2200, 2400, 3000].map(medianWith);
    for (let i = 1; i < kms.length; i++) {
      expect(kms[i]).toBeGreaterThanOrEqual(kms[i - 1] - 1);
      expect(kms[i] - kms[i - 1]).toBeLessThan(40);
    }
    // The larger the share, the more the report is the body's (the body reports alone: 160 km).
    expect(kms[kms.length - 1] - kms[0]).toBeGreaterThan(40);
  });

  /**
   * The first 2018 Honduran caravan in small (figures and km of its reports, bench/README.md): it
   * left San Pedro Sula on 13 Oct ~1,000–1,300 strong and was 7,000 by Tapachula. Its first day's
   * figures are small against its later size; read as parts of unknown end they said almost
   * nothing of where it was (on the 2018 data, with one of them held out, the estimate put it
   * ~185 km down the road on its first day).
   */
  it("a group that grows by joiners is placed by its small first reports", () => {
    const s: Sighting[] = [
      report("S002", 13, 0, 1300, "organiser"),
      report("S003", 13, 0, 1000, "media"),
      report("S004", 14, 241, 1000, "media"),
      report("S005", 15, 271, 1500, "media"),
      report("S009", 17, 467, 3000, "ngo"),
      report("S010", 18, 467, 3000, "media"),
      report("S015", 19, 698, 3000, "media"),
      report("S016", 19, 698, 5000, "media"),
      report("S017", 20, 698, 2200, "government"),
      report("S018", 20, 699, 2000, "media"),
      report("S021", 22, 739, 7233, "un"),
      report("S022", 22, 783, 7500, "organiser"),
      report("S023", 23, 783, 7000, "media"),
    ];
    const t = on(estimateTracks(dataset(s)).tracks, 13);
    expect(t.km).toBeLessThan(60);
    // With the cliff: 90 % interval 0–238 km (the two reports of 13 Oct said almost nothing).
    expect(t.kmHigh).toBeLessThan(150);
  });
});
