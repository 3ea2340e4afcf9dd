import { describe, expect, it } from "vitest";
import {
  isUnknown,
  parseDecimal,
  parseGeopoint,
  parsePeopleNumber,
  parseQuantity,
  parseShare,
} from "../../src/ingest/values.ts";

describe("parsePeopleNumber", () => {
  const cases: [string, number | undefined][] = [
    ["1345", 1345],
    ["1.345", 1345],
    ["1,345", 1345],
    ["1 345", 1345],
    ["1\u00a0345", 1345],
    ["1.345.000", 1345000],
    ["2 mil 731", 2731],
    ["4 mil", 4000],
    ["1,5 mil", 1500],
    ["4k", 4000],
    ["12.0", 12],
    ["1.345,5", 1345.5],
    ["12.5", 12.5],
    ["-12", -12],
    ["abc", undefined],
    ["", undefined],
  ];
  for (const [text, expected] of cases) {
    it(`parsePeopleNumber(${JSON.stringify(text)}) is ${expected}`, () => {
      expect(parsePeopleNumber(text)).toBe(expected);
    });
  }
});

describe("parseQuantity", () => {
  it("parseQuantity reads Spanish and English ranges", () => {
    expect(parseQuantity("entre 4.000 y 10.000")).toEqual({
      kind: "range",
      min: 4000,
      max: 10000,
      approx: false,
    });
    expect(parseQuantity("4.000–10.000")).toEqual({
      kind: "range",
      min: 4000,
      max: 10000,
      approx: false,
    });
    expect(parseQuantity("4,000-10,000")).toEqual({
      kind: "range",
      min: 4000,
      max: 10000,
      approx: false,
    });
    expect(parseQuantity("between 500 and 700")).toEqual({
      kind: "range",
      min: 500,
      max: 700,
      approx: false,
    });
    expect(parseQuantity("500 a 700 personas")).toEqual({
      kind: "range",
      min: 500,
      max: 700,
      approx: false,
    });
  });
  it("parseQuantity reads lower and upper bounds", () => {
    expect(parseQuantity("más de 500")).toEqual({ kind: "atLeast", min: 500, approx: false });
    expect(parseQuantity("mas de 1.700")).toEqual({ kind: "atLeast", min: 1700, approx: false });
    expect(parseQuantity("+500")).toEqual({ kind: "atLeast", min: 500, approx: false });
    expect(parseQuantity("500+")).toEqual({ kind: "atLeast", min: 500, approx: false });
    expect(parseQuantity("al menos 1.345")).toEqual({ kind: "atLeast", min: 1345, approx: false });
    expect(parseQuantity("hasta 700")).toEqual({ kind: "atMost", max: 700, approx: false });
    expect(parseQuantity("less than 300")).toEqual({ kind: "atMost", max: 300, approx: false });
  });
  it("parseQuantity reads a bound written after the number (stop 20 leftover)", () => {
    // "7.000 o más" was not a number, so its sightings row was rejected and the report lost.
    const atLeast = { kind: "atLeast", min: 7000, approx: false };
    expect(parseQuantity("7.000 o más")).toEqual(atLeast);
    expect(parseQuantity("7.000 y mas")).toEqual(atLeast);
    expect(parseQuantity("7,000 or more")).toEqual(atLeast);
    expect(parseQuantity("7 mil personas o más")).toEqual(atLeast);
    expect(parseQuantity("7000 como mínimo")).toEqual(atLeast);
    expect(parseQuantity("7,000 at least")).toEqual(atLeast);
    expect(parseQuantity("unos 7.000 o más")).toEqual({ ...atLeast, approx: true });
    expect(parseQuantity("700 o menos")).toEqual({ kind: "atMost", max: 700, approx: false });
    expect(parseQuantity("700 or fewer")).toEqual({ kind: "atMost", max: 700, approx: false });
    // Review 21a LOW 14: "mín. 500" and "max 500" were read, "500 mín." and "500 max" rejected.
    expect(parseQuantity("500 mín.")).toEqual({ kind: "atLeast", min: 500, approx: false });
    expect(parseQuantity("500 min")).toEqual({ kind: "atLeast", min: 500, approx: false });
    expect(parseQuantity("500 max")).toEqual({ kind: "atMost", max: 500, approx: false });
    expect(parseQuantity("500 máx.")).toEqual({ kind: "atMost", max: 500, approx: false });
    expect(parseQuantity("o más")).toEqual({ kind: "invalid" });
    expect(parseQuantity("5.000 a 7.000 o más")).toEqual({ kind: "invalid" });
  });
  it("parseQuantity marks approximations and keeps the number", () => {
    expect(parseQuantity("aprox. 300")).toEqual({ kind: "number", value: 300, approx: true });
    expect(parseQuantity("~7.000")).toEqual({ kind: "number", value: 7000, approx: true });
    expect(parseQuantity("alrededor de 2 mil")).toEqual({
      kind: "number",
      value: 2000,
      approx: true,
    });
  });
  it("parseQuantity treats N/A, ND, -, Not available and blank as unknown, never zero", () => {
    for (const t of [
      "",
      " ",
      "N/A",
      "n/a",
      "ND",
      "NS/NR",
      "-",
      "—",
      "Not available",
      "no disponible",
      "s/d",
      "?",
    ]) {
      expect(parseQuantity(t), t).toEqual({ kind: "unknown" });
      expect(isUnknown(t), t).toBe(true);
    }
    expect(parseQuantity("0")).toEqual({ kind: "number", value: 0, approx: false });
    expect(isUnknown("0")).toBe(false);
  });
  it("parseQuantity says invalid for text that is no number", () => {
    expect(parseQuantity("muchos")).toEqual({ kind: "invalid" });
    expect(parseQuantity("12 buses")).toEqual({ kind: "invalid" });
  });
});

describe("parseDecimal / parseGeopoint / parseShare", () => {
  it("parseDecimal reads a decimal comma as in coordinates (14,6349)", () => {
    expect(parseDecimal("14,6349")).toBe(14.6349);
    expect(parseDecimal("-92.1434")).toBe(-92.1434);
    expect(parseDecimal("−92,14")).toBe(-92.14);
    expect(parseDecimal("14.6349.2")).toBeUndefined();
    expect(parseDecimal("N")).toBeUndefined();
  });
  it("parseGeopoint reads Kobo 'lat lon alt precision' strings", () => {
    expect(parseGeopoint("14.6773 -92.1404 0 5")).toEqual({ lat: 14.6773, lon: -92.1404 });
    expect(parseGeopoint("14.6773,-92.1404")).toEqual({ lat: 14.6773, lon: -92.1404 });
    expect(parseGeopoint("somewhere")).toBeUndefined();
  });
  it("parseShare reads fractions and percentages", () => {
    expect(parseShare("30%")).toBeCloseTo(0.3);
    expect(parseShare("0.3")).toBeCloseTo(0.3);
    expect(parseShare("45")).toBeCloseTo(0.45);
  });
});
