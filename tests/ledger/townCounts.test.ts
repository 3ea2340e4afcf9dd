/**
 * The town rule (src/ledger/townCounts.ts): of the counts of people present at the places of one
 * town, a count held past `holdDays` (as of a date) gives way to a newer count at another place
 * of the town that shows people arriving there; same-day counts add up; a recount of a place
 * leaves the other places' counts standing. People stay conserved.
 */
import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { areaOf } from "../../src/ledger/areaOf.ts";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { splitTotal } from "../../src/ledger/splitTotal.ts";
import { currentTownCounts } from "../../src/ledger/townCounts.ts";
import type { TownCount } from "../../src/ledger/townCounts.ts";
import type { Place } from "../../src/model/place.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { SPLIT_CATEGORIES } from "../../src/model/track.ts";
import { dataset, PLACES } from "./fixtures.ts";

/** A count read on a day: its figure's day, days held, and its place's values by day. */
const count = (countDay: number, heldDays: number, values: Record<number, number>): TownCount => ({
  countDay,
  heldDays,
  valueAt: (day) => {
    const days = Object.keys(values)
      .map(Number)
      .filter((d) => d <= day);
    return days.length === 0 ? undefined : values[Math.max(...days)];
  },
});

describe("currentTownCounts(): which counts of a town stand on a day", () => {
  it("a count held past holdDays gives way to a newer count that shows people arriving at another place", () => {
    // As of 3 Dec 2018 (day 4): Benito Juárez 6,062 of 29 Nov (day 0); El Barretal 755 on 29 Nov, 2,500 on 3 Dec.
    const bj = count(0, 4, { 0: 6062 });
    const eb = count(4, 0, { 0: 755, 4: 2500 });
    expect(currentTownCounts([bj, eb], 3)).toEqual([false, true]);
  });

  it("a place not counted by the older count's day counts as 0 there: its first count shows people arriving", () => {
    expect(currentTownCounts([count(0, 5, { 0: 6000 }), count(5, 0, { 5: 800 })], 3)).toEqual([
      false,
      true,
    ]);
  });

  it("both stand: same-day counts, a recount that shows no one arriving, a count within holdDays, a count on a line", () => {
    // Same day (a census of the town), held 6 days: nothing newer.
    expect(currentTownCounts([count(0, 6, { 0: 700 }), count(0, 6, { 0: 2500 })], 3)).toEqual([
      true,
      true,
    ]);
    // El Barretal's 2,500 of 7 Dec repeats its 2,500 of 6 Dec: Benito Juárez's 700 of 6 Dec stands.
    expect(
      currentTownCounts([count(0, 6, { 0: 700 }), count(1, 5, { 0: 2500, 1: 2500 })], 3),
    ).toEqual([true, true]);
    // A recount below the place's earlier count: people left it, none arrived.
    expect(
      currentTownCounts([count(0, 6, { 0: 700 }), count(2, 0, { 0: 2500, 2: 2000 })], 3),
    ).toEqual([true, true]);
    // Within holdDays a snapshot stands (as with hindsight), and so does a count on its line.
    expect(currentTownCounts([count(0, 3, { 0: 6000 }), count(2, 1, { 2: 800 })], 3)).toEqual([
      true,
      true,
    ]);
    expect(currentTownCounts([count(0, 0, { 0: 6000 }), count(2, 0, { 2: 800 })], 3)).toEqual([
      true,
      true,
    ]);
  });

  it("one count, or none, always stands", () => {
    expect(currentTownCounts([count(0, 20, { 0: 100 })], 3)).toEqual([true]);
    expect(currentTownCounts([], 3)).toEqual([]);
  });
});

const BARRETAL: Place = {
  placeId: "MX-TIJ-BAR",
  name: "El Barretal",
  aliases: [],
  country: "MEX",
  lat: 32.49,
  lon: -116.89,
  kind: "shelter",
  capacity: 6000,
};

const present = (date: string, value: number, placeName: string): StockFigure => ({
  date,
  category: "remaining",
  basis: "present",
  value,
  country: "MEX",
  placeName,
  sourceType: "government",
  sourceOrg: "state",
  confidence: "high",
});

/** The 2018 pattern in small: a shelter empties into a new one; counts a few days apart. */
const STOCKS: StockFigure[] = [
  present("2018-11-21", 2800, "Tijuana"),
  present("2018-11-29", 6000, "Benito Juárez sports complex"),
  present("2018-11-29", 800, "El Barretal"),
  present("2018-12-03", 2500, "El Barretal"),
  present("2018-12-06", 700, "Benito Juárez sports complex"),
  present("2018-12-06", 2500, "El Barretal"),
  present("2018-12-07", 2500, "El Barretal"),
];
const DATA = dataset(STOCKS, { places: [...PLACES, BARRETAL] });
const tijuana = (asOf: string | undefined, date: string) =>
  buildLedger({ dataset: DATA, tracks: [] }, asOf ? { asOf } : {}).split.find(
    (r) => r.date === date && r.category === "remaining" && r.placeName === "Tijuana",
  )?.value;

describe("the town rule in the ledger (as of a date, and with hindsight)", () => {
  it("as of the day a newer shelter count shows people arriving, the older shelter's held count is no longer read", () => {
    // 1 Dec: Benito Juárez's 6,000 of 29 Nov is within 3 days: the same-day census adds up.
    expect(tijuana("2018-12-01", "2018-12-01")).toBe(6800);
    // 3 Dec: El Barretal 2,500 (was 800 on 29 Nov); Benito Juárez held 4 days gives way, and so
    // does the town's own 2,800 of 21 Nov (before the rule: 6,000 + 2,500 = 8,500).
    expect(tijuana("2018-12-03", "2018-12-03")).toBe(2500);
    expect(tijuana("2018-12-05", "2018-12-05")).toBe(2500);
    // 6 Dec, same-day counts add up; 12 Dec, El Barretal's 7 Dec recount leaves Benito Juárez's 700.
    expect(tijuana("2018-12-06", "2018-12-06")).toBe(3200);
    expect(tijuana("2018-12-12", "2018-12-12")).toBe(3200);
  });

  it("says which count it no longer reads, once, from the first day, with the newer count's rows (count_superseded)", () => {
    const { warnings } = buildLedger({ dataset: DATA, tracks: [] }, { asOf: "2018-12-05" });
    const superseded = warnings.filter((w) => w.code === "count_superseded");
    const bj = superseded.find((w) => w.date === "2018-12-03")!;
    expect(bj.message).toBe(
      "From 2018-12-03 the count of 6,000 people remaining at Benito Juárez sports complex (Tijuana) of 2018-11-29 " +
        "(stock row 1) is no longer held: El Barretal, another place of Tijuana, was counted at 2,500 on 2018-12-03 " +
        "(stock row 3), up from 800 on 2018-11-29; people may have moved between them, so the ledger reads the newer count " +
        "(people no count places are unaccounted for).",
    );
    expect(bj.rows).toEqual([1, 3]);
    // The town's own 2,800 of 21 Nov gives way to the shelters' counts of 29 Nov (not counted by 21 Nov).
    expect(
      superseded.map((w) => [w.date, w.code === "count_superseded" && w.params.place]),
    ).toEqual([
      ["2018-11-29", "Tijuana"],
      ["2018-12-03", "Benito Juárez sports complex"],
    ]);
    // With hindsight, none.
    expect(
      buildLedger({ dataset: DATA, tracks: [] }).warnings.filter(
        (w) => w.code === "count_superseded",
      ),
    ).toEqual([]);
  });

  it("with hindsight nothing is held past 3 days, so the rule changes nothing: the lines between counts stand", () => {
    // 3 Dec with hindsight: Benito Juárez on its line 6,000 → 700 (29 Nov → 6 Dec) + El Barretal 2,500.
    expect(tijuana(undefined, "2018-12-03")).toBe(Math.round(6000 - (5300 * 4) / 7 + 2500));
  });

  it("people stay conserved on every day of the as-of ledger and of the hindsight ledger", () => {
    for (const options of [{ asOf: "2018-12-03" }, { asOf: "2018-12-12" }, {}]) {
      const ledger = buildLedger({ dataset: DATA, tracks: [] }, options);
      expect(ledger.departed.length).toBeGreaterThan(10);
      for (const d of ledger.departed) {
        const sum = SPLIT_CATEGORIES.reduce(
          (s, c) => s + (splitTotal(ledger.split, { date: d.date, category: c })?.value ?? 0),
          0,
        );
        expect(sum, d.date).toBe(d.value);
        expect(
          splitTotal(ledger.split, { date: d.date, category: "unknown" })!.value,
        ).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("the town of a shelter (areaOf)", () => {
  const city = (name: string, lon: number, adm2Pcode?: string): Place => ({
    placeId: name,
    name,
    aliases: [],
    country: "MEX",
    lat: 20,
    lon,
    kind: "city",
    adm2Pcode,
  });
  const near = city("Near", -100.05, "MX01001");
  const own = city("Own", -99.85, "MX01002");
  const shelter = (adm2Pcode?: string): Place => ({
    ...city("Shelter", -100, adm2Pcode),
    kind: "shelter",
  });

  it("is the city of the shelter's municipality (admin-2 P-code) within the radius, before a nearer city of another", () => {
    // Near is ~5 km away, Own ~16 km: the shelter's P-code names Own's municipality.
    expect(areaOf(shelter("MX01002"), [near, own])?.name).toBe("Own");
    // Without a P-code (or with one no city shares), the nearest city, as before.
    expect(areaOf(shelter(), [near, own])?.name).toBe("Near");
    expect(areaOf(shelter("MX09999"), [near, own])?.name).toBe("Near");
    // A city of its municipality beyond the radius is not its town.
    expect(areaOf(shelter("MX01002"), [near, own], 10)?.name).toBe("Near");
  });

  it("on the 2018 places, Benito Juárez and El Barretal are in Tijuana (MX02004)", () => {
    const places = embedded2018().places;
    for (const name of ["Benito Juárez sports complex", "El Barretal"]) {
      const shelterPlace = places.find((p) => p.name === name)!;
      expect(areaOf(shelterPlace, places)?.name).toBe("Tijuana");
    }
  });
});
