import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { groupShare, sizeShares } from "../../src/estimate/parts.ts";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { dataset, on, report } from "./corridor.ts";

const fig = (id: string, t: number, v: number): PreparedSighting =>
  ({ id, t, logValue: Math.log(v) }) as PreparedSighting;
const atLeast = (id: string, t: number, v: number): PreparedSighting =>
  ({ id, t, logLow: Math.log(v) }) as PreparedSighting;

describe("the size pass remembers what a labelled group held (parts.ts sizeShares)", () => {
  // Stress world 206 in small: 4,500 and 5,000 on its body, "más de 2.010", then only "100"s from
  // its front, two days apart, that meet nothing but each other within ±4 days.
  const fronts = [30, 32, 34, 36].map((t) => fig(`f${t}`, t + 0.5, 100));
  const members = [fig("a", 0.5, 4500), fig("b", 1.5, 5000), atLeast("c", 20.5, 2010), ...fronts];

  it("small figures that only vouch for each other read as a part's, not the body's", () => {
    const shares = sizeShares({ members, labelled: true });
    for (const f of fronts) {
      // The window alone: each "100" is the group's whole size.
      expect(groupShare({ members }, f)).toBe(1);
      // Against the history (5,000 less 2 % a day, ÷ 4): a part surely (sizeBodyWeight 0).
      expect(shares.get(f.id)).toBeLessThan(0.3);
    }
    // The body's own figures keep their share.
    expect(shares.get("b")).toBe(1);
  });

  it("one wild figure is no memory, nor a track of the association, nor a first size estimate", () => {
    const later = [8, 10, 12, 14].map((t) => fig(`l${t}`, t + 0.5, 1500));
    const wild = [fig("w", 0.5, 20000), ...later];
    for (const l of later) expect(sizeShares({ members: wild, labelled: true }).get(l.id)).toBe(1);
    const unlabelled = sizeShares({ members, labelled: false });
    for (const f of fronts) expect(unlabelled.get(f.id)).toBe(groupShare({ members }, f));
    const sizeByDay = new Map([[30, 3000]]);
    const estimated = sizeShares({ members, labelled: true, sizeByDay });
    expect(estimated.get("f30")).toBe(groupShare({ members, sizeByDay }, fronts[0]));
  });

  it("a group of 5,000 is not walked down to its front's 100 (estimateTracks)", () => {
    const types = ["organiser", "social_media", "media", "government"] as const;
    const s: Sighting[] = [
      report("b1", 1, 30, 4000, "media"),
      report("b2", 2, 60, 4500, "government"),
      report("b3", 3, 90, 5000, "media"),
    ];
    for (let d = 16; d <= 30; d += 2) s.push(report(`f${d}`, d, 30 * d, 100, types[(d / 2) % 4]));
    // Read as the body, the "100"s made the group ~100 people from day 22 on (main 9167b6b: 98).
    expect(on(estimateTracks(dataset(s)).tracks, 22).size).toBeGreaterThan(2000);
  });
});
