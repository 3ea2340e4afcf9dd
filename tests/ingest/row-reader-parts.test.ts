/**
 * The row reader and the typed cell readers, each alone, on a hand-made context; and the steps of
 * the count converter through `convertCount`.
 */
import { describe, expect, it } from "vitest";
import { convertCount } from "../../src/ingest/convert-count.ts";
import { createDateWindow } from "../../src/ingest/date-window.ts";
import { parseStockBasis } from "../../src/ingest/enums.ts";
import { readChoice, readCountry, readCountryCode } from "../../src/ingest/read-codes.ts";
import { readDate } from "../../src/ingest/read-date.ts";
import {
  MAX_PEOPLE_PER_ROW,
  readCount,
  readCoordinateCell,
} from "../../src/ingest/read-numbers.ts";
import { readCoordinates, readPlace } from "../../src/ingest/read-places.ts";
import { DEFAULT_REGION, RowReader } from "../../src/ingest/row-reader.ts";
import type { ConvertContext } from "../../src/ingest/row-reader.ts";
import { testGazetteer } from "./helpers.ts";

/** A context whose columns are the given fields, in order. */
function context(fields: string[], extra: Partial<ConvertContext> = {}): ConvertContext {
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));
  return {
    kind: "counts",
    fieldIndex,
    idx: Object.fromEntries(fieldIndex),
    columnNames: fields.map((f) => `col_${f}`),
    extraIndexes: [],
    dateOrder: "dmy",
    region: DEFAULT_REGION,
    line: 2,
    ...extra,
  };
}
const reader = (fields: string[], cells: string[], extra: Partial<ConvertContext> = {}) =>
  RowReader.for(cells, context(fields, extra));
const codes = (r: RowReader) => r.issues.rejections.map((x) => x.code);

describe("row reader", () => {
  it("is one reader per context, reset for each row", () => {
    const ctx = context(["total"]);
    const a = RowReader.for(["x"], ctx);
    a.reject("total", "invalid_number", "bad");
    const b = RowReader.for(["5"], ctx);
    expect(b).toBe(a);
    expect(b.issues.rejections).toEqual([]);
    expect(b.text("total")).toBe("5");
  });

  it("reads trimmed text, with not-known sentinels as blank, and names columns", () => {
    const r = reader(["notes", "url"], ["  hola ", "N/A"]);
    expect(r.text("notes")).toBe("hola");
    expect(r.text("url")).toBeUndefined();
    expect(r.raw("url")).toBe("N/A");
    expect(r.column("url")).toBe("col_url");
    expect(r.column("other")).toBe("other");
  });
});

describe("numbers", () => {
  it("reads counts of people and rejects what is not one", () => {
    const r = reader(["a", "b", "c", "d", "e", "f"], ["12", "1.345", "-3", "2,5", "10-20", "1a2"]);
    expect(readCount(r, "a")).toBe(12);
    expect(readCount(r, "b")).toBe(1345);
    expect(readCount(r, "c")).toBeUndefined();
    expect(readCount(r, "d")).toBeUndefined();
    expect(readCount(r, "e")).toBeUndefined();
    expect(readCount(r, "f")).toBeUndefined();
    expect(codes(r)).toEqual(["negative_count", "not_integer", "not_a_count", "invalid_number"]);
  });

  it("rejects counts beyond the per-row limit and beyond 2^53", () => {
    const r = reader(["a", "b"], [String(MAX_PEOPLE_PER_ROW + 1), "9007199254740993"]);
    expect(readCount(r, "a")).toBeUndefined();
    expect(readCount(r, "b")).toBeUndefined();
    expect(codes(r)).toEqual(["too_many_people", "number_too_large"]);
  });

  it("reads decimals with either separator", () => {
    const r = reader(["lat", "lon"], ["14,9075", "norte"]);
    expect(readCoordinateCell(r, "lat")).toEqual({ value: 14.9075 });
    expect(readCoordinateCell(r, "lon")).toEqual({});
    expect(codes(r)).toEqual(["invalid_number"]);
  });
});

describe("dates", () => {
  it("reads in the file's order, rejects imprecise and invalid dates and dates out of the window", () => {
    const window = createDateWindow({ today: "2026-01-01", sample: [17817] });
    const r = reader(
      ["date", "d2", "d3", "d4"],
      ["05/11/2018", "octubre 2018", "31/02/2018", "13/10/1899"],
      {
        window,
      },
    );
    expect(readDate(r, "date", true)).toEqual({ date: "2018-11-05" });
    expect(readDate(r, "d2", true)).toBeUndefined();
    expect(readDate(r, "d3", true)).toBeUndefined();
    expect(readDate(r, "d4", true)).toBeUndefined();
    expect(codes(r)).toEqual(["date_imprecise", "invalid_date", "date_too_early"]);
    const blank = reader(["date"], [""]);
    expect(readDate(blank, "date", false)).toBeUndefined();
    expect(codes(blank)).toEqual([]);
    readDate(blank, "date", true);
    expect(codes(blank)).toEqual(["missing_value"]);
  });
});

describe("codes", () => {
  it("reads a required choice, rejecting blanks and unknown values", () => {
    const r = reader(["basis", "b2", "b3"], ["cumulative", "", "weekly"]);
    const read = (f: string) =>
      readChoice(r, f, parseStockBasis, "invalid_basis", "cumulative or present", "say which");
    expect(read("basis")).toBe("cumulative");
    expect(read("b2")).toBeUndefined();
    expect(read("b3")).toBeUndefined();
    expect(codes(r)).toEqual(["missing_value", "invalid_basis"]);
  });

  it("reads country codes and names; an unknown one is kept as written in the extras", () => {
    const r = reader(["country", "nationality"], ["hondureña", "Atlantis"]);
    expect(readCountryCode(r, "country", undefined)).toBe("HND");
    expect(r.extraOut).toBeUndefined();
    expect(readCountry(r, "nationality", { a: "1" })).toEqual({
      extra: { a: "1", col_nationality: "Atlantis" },
    });
    expect(r.issues.warnings.map((w) => w.code)).toEqual(["unknown_country"]);
  });
});

describe("places", () => {
  it("reads coordinates, swaps swapped ones, and warns outside the region", () => {
    expect(readCoordinates(reader(["notes"], ["x"]))).toEqual({});
    expect(readCoordinates(reader(["lat", "lon"], ["14.9", "-92.26"]))).toEqual({
      lat: 14.9,
      lon: -92.26,
    });
    const swapped = reader(["lat", "lon"], ["-92.26", "14.9"]);
    expect(readCoordinates(swapped)).toEqual({ lat: 14.9, lon: -92.26 });
    expect(swapped.issues.warnings[0]?.code).toBe("coordinates_swapped");
    const half = reader(["lat", "lon"], ["14.9", ""]);
    expect(readCoordinates(half)).toEqual({});
    expect(codes(half)).toEqual(["half_coordinate"]);
    const gp = reader(["geopoint"], ["14.9 -92.26 0 5"]);
    expect(readCoordinates(gp)).toEqual({ lat: 14.9, lon: -92.26 });
  });

  it("resolves place names through the gazetteer, with suggestions for unknown ones", () => {
    const gazetteer = testGazetteer();
    const r = reader(["fmp_name"], ["Ciudad Tecún Umán"], { gazetteer });
    expect(readPlace(r, "fmp_name", undefined)).toMatchObject({ placeId: "GT-TEC" });
    const u = reader(["fmp_name"], ["Tapachulaa"], { gazetteer });
    expect(readPlace(u, "fmp_name", "MEX")).toBe("unknown");
    expect(u.issues.rejections[0]).toMatchObject({ code: "unknown_place" });
    expect(u.issues.rejections[0]?.suggestions).toContain("Tapachula");
    expect(readPlace(reader(["fmp_name"], ["Tapachula"]), "fmp_name", undefined)).toBeUndefined();
  });
});

describe("count rows", () => {
  const FIELDS = ["date", "fmp_name", "direction", "total", "men", "women", "boys", "girls", "uac"];
  const convert = (cells: string[], extra: Partial<ConvertContext> = {}) =>
    convertCount(cells, context(FIELDS, { gazetteer: testGazetteer(), ...extra }));

  it("takes the point from the gazetteer and completes a blank total from the parts", () => {
    const out = convert(["13/10/2018", "Tapachula", "norte", "", "1", "2", "3", "4", "0"]);
    expect(out.record).toMatchObject({
      date: "2018-10-13",
      fmpName: "Tapachula",
      country: "MEX",
      direction: "northbound",
      total: 10,
    });
    expect(out.warnings.map((w) => w.code)).toEqual(["total_from_parts"]);
  });

  it("maps incoming with incomingIs, and keeps it as written without", () => {
    const row = ["13/10/2018", "Tapachula", "entrada", "5", "", "", "", "", ""];
    expect(convert(row, { incomingIs: "southbound" }).record?.direction).toBe("southbound");
    const kept = convert(row);
    expect(kept.record).toMatchObject({
      direction: "unknown",
      extra: { col_direction: "entrada" },
    });
  });

  it("rejects parts above the total and unaccompanied children above the children", () => {
    const out = convert(["13/10/2018", "Tapachula", "sur", "5", "3", "3", "1", "1", "4"]);
    expect(out.record).toBeUndefined();
    expect(out.rejections.map((x) => x.code)).toEqual([
      "parts_exceed_total",
      "uac_exceeds_children",
    ]);
  });

  it("rejects a row with no point and no total", () => {
    const out = convert(["13/10/2018", "", "sur", "", "1", "", "", "", ""]);
    expect(out.rejections.map((x) => x.code)).toEqual(["missing_place", "missing_total"]);
  });
});
