import { describe, expect, it } from "vitest";
import { collapse } from "../../scripts/data/build.ts";
import { situationReport2018 } from "../../src/embedded/seeds.ts";
import { SEED_QUALIFIERS } from "../../src/model/seed.ts";
import { STOCK_CATEGORIES } from "../../src/model/stock.ts";
import { readRepo, readTable } from "./helpers.ts";

const text = collapse(readRepo("data/sources/situation-report-2018-12.txt"));
const seeds = situationReport2018();
const exclusions = readTable("seeds/situation-report-2018-12-exclusions.csv");
const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const ISO3 = new Set(["HND", "GTM", "SLV", "MEX", "NIC", "USA"]);

/** Every [start, end) where `needle` occurs in the report text. */
function spans(needle: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    out.push([i, i + needle.length]);
  }
  return out;
}

/** Numbers written with digits in `s`, with their offsets; "1.5 million" → 1500000. */
function numbersIn(s: string): { value: number; index: number; token: string }[] {
  return [...s.matchAll(/\d+(?:[.,]\d+)*(\s+million)?/g)].map((m) => {
    const digits = m[0].replace(/\s+million$/, "");
    const value = Number(digits.replace(/,/g, "")) * (m[1] ? 1_000_000 : 1);
    return { value, index: m.index, token: digits };
  });
}

describe("situation report seeds", () => {
  it("are well formed: unique ids, known qualifiers and categories, ISO3 countries, dates in the report period", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(40);
    expect(new Set(seeds.map((s) => s.id)).size).toBe(seeds.length);
    for (const s of seeds) {
      expect(SEED_QUALIFIERS).toContain(s.qualifier);
      if (s.category !== undefined) expect(STOCK_CATEGORIES).toContain(s.category);
      for (const c of s.countries) expect(ISO3.has(c), `${s.id} ${c}`).toBe(true);
      expect(s.asOf).toMatch(/^2018-1[0-2]-\d\d$/);
      expect(s.asOf >= "2018-10-15" && s.asOf <= "2018-12-15", s.id).toBe(true);
      if (s.period !== undefined) expect(s.period).toMatch(/^2018-\d\d-\d\d\/2018-\d\d-\d\d$/);
      expect(Number.isFinite(s.value) && s.value >= 0).toBe(true);
      if (s.valueMax !== undefined) expect(s.valueMax).toBeGreaterThan(s.value);
      expect(s.measure.length).toBeGreaterThan(10);
      expect(s.agency).not.toBe("");
      expect(s.unit).not.toBe("");
    }
  });

  it("each seed's quote is verbatim in the report and contains its value", () => {
    for (const s of seeds) {
      expect(spans(s.quote).length, `${s.id} quote`).toBeGreaterThan(0);
      const values = numbersIn(s.quote).map((n) => n.value);
      const words = [...s.quote.toLowerCase().matchAll(/\b[a-z]+\b/g)].map((m) => WORDS[m[0]]);
      expect([...values, ...words], s.id).toContain(s.value);
      if (s.valueMax !== undefined) expect(values, s.id).toContain(s.valueMax);
    }
  });

  it("the headline figures are there: people in Tijuana, asylum claims, returns, assisted returns, children reached", () => {
    const byId = new Map(seeds.map((s) => [s.id, s]));
    expect(byId.get("sr-01")).toMatchObject({
      value: 4000,
      qualifier: "at_least",
      category: "remaining",
      placeNames: ["Tijuana"],
    });
    expect(byId.get("sr-02")).toMatchObject({
      value: 3700,
      qualifier: "over",
      category: "asylum_claim",
      countries: ["MEX"],
    });
    expect(byId.get("sr-03")).toMatchObject({
      value: 8500,
      category: "return",
      countries: ["HND", "SLV"],
    });
    expect(byId.get("sr-09")).toMatchObject({ value: 448, category: "return" });
    expect(byId.get("sr-42")).toMatchObject({
      value: 7200,
      qualifier: "about",
      asOf: "2018-12-03",
    });
    expect(byId.get("sr-49")).toMatchObject({ value: 1300, countries: ["SLV"] });
    expect(byId.get("sr-17")).toMatchObject({ value: 322, unit: "children" });
  });

  it("every number in the report is a seed or an explicit, reasoned exclusion", () => {
    const covered = (index: number, value: number, token: string): boolean =>
      seeds.some((s) =>
        spans(s.quote).some(
          ([a, b]) => index >= a && index < b && (value === s.value || value === s.valueMax),
        ),
      ) ||
      exclusions.some((e) =>
        spans(e.context!).some(
          ([a, b]) =>
            index >= a &&
            index < b &&
            e.token === token &&
            numbersIn(e.context!).some((n) => n.index === index - a),
        ),
      );
    const missing = numbersIn(text).filter((n) => !covered(n.index, n.value, n.token));
    expect(missing.map((n) => `${n.token} …${text.slice(n.index - 30, n.index + 30)}…`)).toEqual(
      [],
    );
    for (const e of exclusions) expect(e.reason!.length, e.context).toBeGreaterThan(8);
  });
});
