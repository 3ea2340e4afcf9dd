// The importer on files that used to go silently wrong: duplicated headers, numbers beyond what
// one row may state (or beyond 2^53), multi-year series against the date window, places files that
// contradict themselves, and headers of 20,000 columns.
import { describe, expect, it } from "vitest";
import { columnLabel, importTable } from "../../src/ingest/importer.ts";
import { mapHeaders, uniqueNames } from "../../src/ingest/headers.ts";
import { MAX_PEOPLE_PER_ROW } from "../../src/ingest/convert.ts";
import { dataRange } from "../../src/ingest/date-window.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import type { CountRecord } from "../../src/model/count.ts";
import type { Place } from "../../src/model/place.ts";

const TODAY = "2026-12-06";
const counts = (header: string, rows: string[], options = {}) =>
  importTable([header, ...rows].join("\n") + "\n", { kind: "counts", today: TODAY, ...options });
const codes = (r: ReturnType<typeof importTable>) => r.report.rejections.map((x) => x.code);

describe("duplicated headers", () => {
  it("`total,total`: the first is read, a warning names both positions, the other is kept as total_2", () => {
    const r = counts("fecha,punto,sentido,total,total", ["13/10/2018,GT-TEC,norte,10,12"]);
    expect((r.records[0] as CountRecord).total).toBe(10);
    expect((r.records[0] as CountRecord).extra).toEqual({ total_2: "12" });
    const w = r.report.warnings.find((x) => x.code === "duplicate_column");
    expect(w).toMatchObject({ line: 0, column: "total_2" });
    expect(w?.message).toMatch(/columns 4 \(D\) "total" and 5 \(E\) "total_2" both read as total/);
    expect(r.report.columns.map((c) => c.column)).toEqual([
      "fecha",
      "punto",
      "sentido",
      "total",
      "total_2",
    ]);
  });
  it("two different headers for one field (fecha, día) are warned about too", () => {
    const r = counts("fecha,punto,sentido,total,día", ["13/10/2018,GT-TEC,norte,10,14/10/2018"]);
    expect((r.records[0] as CountRecord).date).toBe("2018-10-13");
    expect(r.report.warnings.map((x) => x.code)).toContain("duplicate_column");
    expect(r.report.warnings.find((x) => x.code === "duplicate_column")?.message).toMatch(
      /1 \(A\) "fecha" and 5 \(E\) "día" both read as date/,
    );
  });
  it("a column mapping that picks the second column is not warned about", () => {
    const r = counts("fecha,punto,sentido,total,total", ["13/10/2018,GT-TEC,norte,10,12"], {
      columns: { total_2: "total", "3": "extra" },
    });
    expect((r.records[0] as CountRecord).total).toBe(12);
    expect(r.report.warnings.map((x) => x.code)).not.toContain("duplicate_column");
  });
  it("two-level headers (Adultos | Hombres, Niños | Hombres) are not duplicates", () => {
    const m = mapHeaders(
      ["fecha", "punto", "sentido", "hombres", "mujeres", "hombres", "mujeres"],
      undefined,
      "counts",
      ["", "", "", "Adultos", "", "Niños", ""],
    );
    expect(m.duplicateFields).toEqual([]);
    expect(m.columns.slice(3).map((c) => c.field)).toEqual(["men", "women", "boys", "girls"]);
  });
  it("uniqueNames and columnLabel", () => {
    expect(uniqueNames(["a", "b", "a", "a_2", "a"])).toEqual(["a", "b", "a_3", "a_2", "a_4"]);
    expect([0, 25, 26, 27, 701, 702].map(columnLabel)).toEqual([
      "1 (A)",
      "26 (Z)",
      "27 (AA)",
      "28 (AB)",
      "702 (ZZ)",
      "703 (AAA)",
    ]);
  });
});

describe("numbers of people beyond what one row may state", () => {
  const H = "fecha,punto,sentido,total,hombres";
  it("totals beyond 2^53 are rejected with a reason, not stored as another number", () => {
    const r = counts(H, [
      "13/10/2018,GT-TEC,norte,99999999999999999999,",
      "14/10/2018,GT-TEC,norte,9007199254740993,",
      "15/10/2018,GT-TEC,norte,10,",
    ]);
    expect(r.report).toMatchObject({ dataRows: 3, accepted: 1, rejected: 2 });
    expect(r.report.rejections).toMatchObject([
      { line: 2, column: "total", code: "number_too_large", value: "99999999999999999999" },
      { line: 3, column: "total", code: "number_too_large", value: "9007199254740993" },
    ]);
    expect(r.report.rejections[1]!.message).toMatch(/beyond 2\^53/);
    expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([10]);
  });
  it(`more than ${MAX_PEOPLE_PER_ROW.toLocaleString("en-US")} people in a row is a stray digit`, () => {
    const r = counts(H, [
      `13/10/2018,GT-TEC,norte,${MAX_PEOPLE_PER_ROW},`,
      `14/10/2018,GT-TEC,norte,${MAX_PEOPLE_PER_ROW + 1},`,
      "15/10/2018,GT-TEC,norte,12,1.000.000.000",
      "16/10/2018,GT-TEC,norte,20 mil,",
    ]);
    expect(codes(r)).toEqual(["too_many_people", "too_many_people"]);
    expect(r.report.rejections.map((x) => x.line)).toEqual([3, 4]);
    expect(r.report.accepted).toBe(2);
    expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([MAX_PEOPLE_PER_ROW, 20_000]);
  });
  it("sizes of sightings and stock figures have the same limit", () => {
    const s = importTable(
      "fecha,lugar,tamaño\n2018-10-13,Tapachula,entre 1000 y 99999999999\n2018-10-13,Tapachula,más de 20000000\n2018-10-14,Tapachula,7000\n",
      { kind: "sightings", today: TODAY },
    );
    expect(codes(s)).toEqual(["too_many_people", "too_many_people"]);
    expect(s.report.accepted).toBe(1);
    const st = importTable(
      "fecha,categoria,valor,base\n2018-12-01,asylum_claims,9007199254740993,cumulative\n",
      { kind: "stocks", today: TODAY },
    );
    expect(codes(st)).toEqual(["number_too_large"]);
  });
});

describe("the date window", () => {
  const H = "fecha,punto,sentido,total";
  const monthly = Array.from({ length: 36 }, (_, i) => {
    const y = 2016 + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, "0")}-01,GT-TEC,norte,${i + 1}`;
  });
  const daily = Array.from({ length: 1095 }, (_, i) => {
    const d = new Date(Date.UTC(2016, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return `${d},GT-TEC,norte,${i + 1}`;
  });
  it("three years of monthly counts import whole (36 of 36)", () => {
    const r = counts(H, monthly);
    expect(r.report).toMatchObject({ dataRows: 36, accepted: 36, rejected: 0 });
    expect(r.report.dateWindow).toEqual({
      decidedBy: "data",
      first: "2016-01-01",
      last: "2018-12-01",
    });
  });
  it("three years of daily counts import whole (1,095 of 1,095), in any order", () => {
    expect(counts(H, daily).report).toMatchObject({ accepted: 1095, rejected: 0 });
    expect(counts(H, [...daily].reverse()).report).toMatchObject({ accepted: 1095 });
  });
  it("a series longer than the rows read before deciding grows the window as it goes", () => {
    // 30,000 rows over ~8 years, one day after another: the first 20,000 rows decide, then the
    // window follows the data.
    const rows = Array.from({ length: 30_000 }, (_, i) => {
      const d = new Date(Date.UTC(2010, 0, 1) + Math.floor(i / 10) * 86_400_000);
      return `${d.toISOString().slice(0, 10)},GT-TEC,norte,${(i % 10) + 1}`;
    });
    const r = counts(H, rows);
    expect(r.report).toMatchObject({ dataRows: 30_000, accepted: 30_000, rejected: 0 });
    expect((r.records.at(-1) as CountRecord).date).toBe("2018-03-19");
  });
  it("a mistyped year far from the other dates is still rejected, with line and reason", () => {
    const r = counts(H, [...monthly, "2061-05-01,GT-TEC,norte,5", "1018-10-13,GT-TEC,norte,5"]);
    expect(r.report.rejections).toMatchObject([
      { line: 38, code: "date_outside_window", value: "2061-05-01" },
      { line: 39, code: "date_too_early", value: "1018-10-13" },
    ]);
    expect(r.report.rejections[0]!.message).toMatch(
      /more than 366 days away from the other dates of this file \(2016-01-01 to 2018-12-01\)/,
    );
  });
  it("a date after the day of the import is rejected", () => {
    const r = counts(H, [
      "2026-12-06,GT-TEC,norte,1",
      "2026-12-07,GT-TEC,norte,2",
      "2026-12-08,GT-TEC,norte,3",
    ]);
    expect(r.report.rejections).toMatchObject([{ line: 4, code: "date_in_future" }]);
  });
  it("--from/--to restrict the window: rows outside are reported with line and reason", () => {
    const r = counts(H, monthly, { dateWindow: { from: "2017-01-01", to: "2017-12-31" } });
    expect(r.report).toMatchObject({ accepted: 12, rejected: 24 });
    expect(r.report.dateWindow).toEqual({
      decidedBy: "option",
      from: "2017-01-01",
      to: "2017-12-31",
      first: "2017-01-01",
      last: "2017-12-01",
    });
    expect(r.report.rejections[0]).toMatchObject({ line: 2, code: "date_outside_window" });
    expect(r.report.rejections[0]!.message).toMatch(
      /2016-01-01 is outside the dates asked for \(2017-01-01 to 2017-12-31\)/,
    );
    const from = counts(H, monthly, { dateWindow: { from: "2018-06-01" } });
    expect(from.report.accepted).toBe(7);
    // An explicit window replaces the one from the data: a far date inside it is accepted.
    const wide = counts(H, [...monthly, "2024-05-01,GT-TEC,norte,5"], {
      dateWindow: { from: "2016-01-01", to: "2025-12-31" },
    });
    expect(wide.report.rejected).toBe(0);
  });
  it("dataRange keeps a restarted series and drops a stray year", () => {
    const d = (iso: string) => dayNumber(iso)!;
    const a = ["2018-10-13", "2018-10-14", "2018-10-15"].map(d);
    expect(dataRange([...a, d("2081-10-16")])).toEqual([a[0], a[2]]);
    // Two monitoring periods two years apart, each with many days: both kept.
    const b = ["2021-01-10", "2021-01-11", "2021-01-12"].map(d);
    expect(dataRange([...a, ...b])).toEqual([a[0], b[2]]);
    expect(dataRange([])).toBeUndefined();
  });
});

describe("places files that contradict themselves", () => {
  const H = "place_id,nombre,alias,pais,lat,lon,tipo";
  const places = (rows: string[]) =>
    importTable([H, ...rows].join("\n") + "\n", { kind: "places", today: TODAY });
  it("the same place_id twice: the later row is rejected and listed as a duplicate", () => {
    const r = places([
      "GT-TEC,Tecún Umán,,GTM,14.6773,-92.1404,border_crossing",
      "MX-TAP,Tapachula,,MEX,14.9075,-92.2635,city",
      "GT-TEC,Tecun Uman (puente),,GTM,14.68,-92.14,border_crossing",
    ]);
    expect(r.report).toMatchObject({ dataRows: 3, accepted: 2, rejected: 1 });
    expect(r.report.rejections).toMatchObject([
      { line: 4, column: "place_id", value: "GT-TEC", code: "duplicate_place_id" },
    ]);
    expect(r.report.rejections[0]!.message).toMatch(
      /already used by row 2 .*the first row is kept/,
    );
    expect(r.report.duplicates).toEqual([{ line: 4, firstLine: 2, by: "place_id" }]);
  });
  it("one name for two places 3,000 km apart in one country: the later is rejected, with the distance", () => {
    const r = places([
      "MX-TAP,Tapachula,,MEX,14.9075,-92.2635,city",
      "MX-TIJ,Tijuana,Tapachula,MEX,32.5149,-117.0382,city",
    ]);
    expect(r.report.rejections).toMatchObject([
      { line: 3, column: "alias", value: "Tapachula", code: "place_name_conflict" },
    ]);
    expect(r.report.rejections[0]!.message).toMatch(/row 2 \("Tapachula", MX-TAP\), 3,178 km away/);
    expect(r.report.duplicates).toEqual([{ line: 3, firstLine: 2, by: "place_name" }]);
  });
  it("a shared name in two countries, or nearby, is kept with a warning", () => {
    const r = places([
      "GT-SRO,Santa Rosa,,GTM,14.2,-90.3,city",
      "HN-SRO,Santa Rosa,,HND,14.77,-88.78,city",
      "GT-TEC,Tecún Umán,,GTM,14.6773,-92.1404,border_crossing",
      "GT-AYU,Ayutla,Tecún Umán,GTM,14.68,-92.15,city",
    ]);
    expect(r.report).toMatchObject({ accepted: 4, rejected: 0 });
    expect(
      r.report.warnings.filter((w) => w.code === "place_name_shared").map((w) => w.line),
    ).toEqual([3, 5]);
    expect((r.records as Place[]).map((p) => p.placeId)).toEqual([
      "GT-SRO",
      "HN-SRO",
      "GT-TEC",
      "GT-AYU",
    ]);
  });
});

describe("a header of 20,000 columns", () => {
  /**
   * Counts the elements the linear searches of arrays could visit (indexOf, includes, find…):
   * a quadratic header mapping (a search per column over all columns) shows as n² here.
   */
  function searchedElements(run: () => void): number {
    const proto = Array.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const names = ["indexOf", "lastIndexOf", "includes", "find", "findIndex", "some", "every"];
    const saved = names.map((n) => proto[n]!);
    let visited = 0;
    names.forEach((n, k) => {
      proto[n] = function (this: unknown[], ...args: unknown[]) {
        visited += this.length;
        return saved[k]!.apply(this, args);
      };
    });
    try {
      run();
    } finally {
      names.forEach((n, k) => (proto[n] = saved[k]!));
    }
    return visited;
  }
  const wide = (n: number) => {
    const head = ["fecha", "punto", "sentido", "total"];
    const row = ["13/10/2018", "GT-TEC", "norte", "5"];
    for (let i = 0; i < n; i++) {
      head.push(`c${i}`);
      row.push("1");
    }
    return `${head.join(",")}\n${row.join(",")}\n`;
  };
  it("is mapped with work that grows linearly with the columns", () => {
    let report;
    const small = searchedElements(
      () => (report = importTable(wide(2_000), { today: TODAY }).report),
    );
    const large = searchedElements(
      () => (report = importTable(wide(20_000), { today: TODAY }).report),
    );
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    // Ten times the columns: at most about ten times the work (quadratic would be a hundred).
    expect(large).toBeLessThan(small * 15);
    expect(large).toBeLessThan(20_000 * 200);
  });
});
