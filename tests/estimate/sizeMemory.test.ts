import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { groupShare } from "../../src/estimate/parts.ts";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import {
  MEMORY_FALL_PER_DAY,
  memoryShares,
  rememberedPeople,
} from "../../src/estimate/sizeMemory.ts";
import { stockDrift } from "../../src/estimate/stocks.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { dataset, day, on, report } from "./corridor.ts";

const fig = (id: string, t: number, v: number): PreparedSighting =>
  ({ id, t, logValue: Math.log(v) }) as PreparedSighting;
const atLeast = (id: string, t: number, v: number): PreparedSighting =>
  ({ id, t, logLow: Math.log(v) }) as PreparedSighting;
const returns = (d: number, value: number, caravanLabel?: string): StockFigure => ({
  date: day(d),
  category: "return",
  value,
  basis: "cumulative",
  country: "HND",
  ...(caravanLabel ? { caravanLabel } : {}),
});

describe("the size pass remembers what a labelled group held, less its outflows (sizeMemory.ts)", () => {
  // Stress world 206 in small: 4,500 and 5,000 on its body, "más de 2.010", then only "100"s from
  // its front, two days apart, that meet nothing but each other within ±4 days.
  const fronts = [20, 22, 24, 26].map((t) => fig(`f${t}`, t + 0.5, 100));
  const members = [fig("a", 0.5, 4500), fig("b", 1.5, 5000), atLeast("c", 18.5, 2010), ...fronts];

  it("small figures that only vouch for each other read as a part's while no outflow is reported", () => {
    const shares = memoryShares({ members, labelled: true });
    for (const f of fronts) {
      // The window alone: each "100" is the group's whole size.
      expect(groupShare({ members }, f)).toBe(1);
      // Against the history (4,500–5,000 less 4 % a day, ÷ 4): a part surely (sizeBodyWeight 0).
      expect(shares.get(f.id)).toBeLessThan(0.3);
    }
    expect(shares.get("b")).toBe(1);
  });

  it("the memory falls with the people reported to have left the group", () => {
    // 4,900 reported gone on day 10: the memory of 5,000 (day 1) is ~100 at most.
    const outflow = (d: number): number => (d === 10 ? 4900 : 0);
    const shares = memoryShares({ members, labelled: true }, outflow);
    for (const f of fronts) expect(shares.get(f.id)).toBe(1);
    // Before the outflow is reported the memory holds; after it, it is what is left.
    const h = { t: 1.5, x: Math.log(5000) };
    expect(rememberedPeople(h, 9.5, (d) => (d >= 10 ? 4900 : 0))).toBeCloseTo(
      5000 * Math.exp(-MEMORY_FALL_PER_DAY * 8),
    );
    expect(rememberedPeople(h, 12.5, (d) => (d >= 10 ? 4900 : 0))).toBeLessThan(0);
  });

  it("a lone figure, a track of the association and a first size estimate are no memory", () => {
    const later = [8, 10, 12, 14].map((t) => fig(`l${t}`, t + 0.5, 1500));
    const wild = [fig("w", 0.5, 20000), ...later];
    for (const l of later)
      expect(memoryShares({ members: wild, labelled: true }).get(l.id)).toBe(1);
    const unlabelled = memoryShares({ members, labelled: false });
    for (const f of fronts) expect(unlabelled.get(f.id)).toBe(groupShare({ members }, f));
    const sizeByDay = new Map([[20, 3000]]);
    const estimated = memoryShares({ members, labelled: true, sizeByDay });
    expect(estimated.get("f20")).toBe(groupShare({ members, sizeByDay }, fronts[0]));
  });

  it("stock figures: each rise of a running total on its day, figures without a label shared", () => {
    const stocks = [returns(10, 4000, "A"), returns(14, 4700, "A"), returns(12, 900)];
    const outflow = stockDrift(stocks, "America/Mexico_City").outflowFor("A", 3);
    const d = (x: number): number => Math.round(Date.UTC(2018, 9, x) / 86_400_000);
    expect(outflow(d(10))).toBe(4000);
    expect(outflow(d(11))).toBe(0);
    expect(outflow(d(12))).toBe(300);
    expect(outflow(d(14))).toBe(700);
  });
});

describe("a group that shrinks, with and without reported outflows (estimateTracks)", () => {
  // review19d #1: one figure a day of 5,000 on days 1–8, then of 300 on days 11–30, from two
  // source types, no part word.
  const drop = (): Sighting[] => {
    const s: Sighting[] = [];
    for (let d = 1; d <= 8; d++)
      s.push(report(`a${d}`, d, 30 * (d - 1), 5000, d % 2 ? "dtm" : "media"));
    for (let d = 11; d <= 30; d++)
      s.push(report(`b${d}`, d, 30 * (d - 1), 300, d % 2 ? "dtm" : "media"));
    return s;
  };

  it("5,000 → 300 with 4,700 returns reported: the estimate follows down", () => {
    const data = dataset(drop());
    data.stocks = [returns(10, 4700, "A")];
    const tracks = estimateTracks(data).tracks;
    // Without the outflows in the memory: 2,183–2,398 on these days (memory falling 2 % a day,
    // 6ed3a73); 803 on day 12 at 4 % a day.
    for (let d = 12; d <= 30; d++) {
      expect(on(tracks, d).size).toBeGreaterThan(200);
      expect(on(tracks, d).size).toBeLessThan(450);
    }
  });

  it("5,000 → 300 with no outflow reported: the interval holds the drop", () => {
    const tracks = estimateTracks(dataset(drop())).tracks;
    // Without the second reading (6ed3a73): day 20 2,165–7,192.
    for (let d = 14; d <= 30; d++) {
      expect(on(tracks, d).sizeLow).toBeLessThanOrEqual(300);
      expect(on(tracks, d).sizeHigh).toBeGreaterThanOrEqual(300);
    }
  });

  // Stress world 206 in small: a body of 4,000–5,000, then only "100"s from its front every two
  // days from four source types, and no outflow reported.
  const fronts = (): Sighting[] => {
    const types = ["organiser", "social_media", "media", "government"] as const;
    const s: Sighting[] = [
      report("b1", 1, 30, 4000, "media"),
      report("b2", 2, 60, 4500, "government"),
      report("b3", 3, 90, 5000, "media"),
    ];
    for (let d = 16; d <= 30; d += 2) s.push(report(`f${d}`, d, 30 * d, 100, types[(d / 2) % 4]));
    return s;
  };

  it("a walk-down by '100's that vouch for each other, no outflow reported: not walked down", () => {
    const day22 = on(estimateTracks(dataset(fronts())).tracks, 22);
    // Read as the body, the "100"s made the group ~100 people (main 0c6d81b: 98).
    expect(day22.size).toBeGreaterThan(2000);
    // The interval holds both readings: a group of ~3,000 and one that fell to its figures.
    expect(day22.sizeHigh).toBeGreaterThan(3000);
    expect(day22.sizeLow).toBeLessThan(150);
  });

  it("the same '100's after returns that account for the group are its body's", () => {
    const data = dataset(fronts());
    data.stocks = [returns(12, 4600, "A")];
    expect(on(estimateTracks(data).tracks, 22).size).toBeLessThan(300);
  });
});
