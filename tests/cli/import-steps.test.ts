/** The steps of `dtm-flow import` that need no files: reading the options, planning the tables. */
import { describe, expect, it } from "vitest";
import { parseImportArgs, planWriters } from "../../cli/commands/import.ts";
import { importTable } from "../../src/index.ts";

describe("dtm-flow import steps", () => {
  it("reads the options with their defaults", () => {
    expect(parseImportArgs(["a.csv", "r.geojson", "--out", "o", "--delimiter", ";"])).toEqual({
      files: ["a.csv", "r.geojson"],
      out: "o",
      kind: undefined,
      order: undefined,
      incoming: undefined,
      columns: {},
      dateWindow: undefined,
      delimiter: ";",
      suppressBelow: undefined,
      hxl: true,
      bom: true,
      lang: "en",
    });
    const a = parseImportArgs(["a.csv", "--no-hxl", "--no-bom", "--suppress-below", "5"]);
    expect(a).toMatchObject({ hxl: false, bom: false, suppressBelow: 5, delimiter: "," });
    expect(parseImportArgs(["a.csv", "--lang", "es"]).lang).toBe("es");
  });

  it("refuses a wrong option with one sentence naming it", () => {
    expect(() => parseImportArgs([])).toThrow(/give at least one file/);
    expect(() => parseImportArgs(["a.csv", "--kind", "cats"])).toThrow(/--kind must be one of/);
    expect(() => parseImportArgs(["a.csv", "--date-order", "ymd"])).toThrow(/--date-order/);
    expect(() => parseImportArgs(["a.csv", "--delimiter", "|"])).toThrow(/--delimiter/);
    expect(() => parseImportArgs(["a.csv", "--suppress-below", "2.5"])).toThrow(
      /--suppress-below must be a whole number/,
    );
  });

  it("plans one table per kind with the union of the files' extra columns", () => {
    const a = importTable(
      "fecha,punto,sentido,total,zona\n13/10/2018,Tapachula,norte,5,x\n",
    ).report;
    const b = importTable(
      "fecha,punto,sentido,total,turno\n14/10/2018,Tapachula,norte,5,m\n",
    ).report;
    const writers = planWriters(
      new Map([
        ["a.csv", a],
        ["b.csv", b],
      ]),
    );
    expect([...writers.keys()]).toEqual(["counts"]);
    expect(writers.get("counts")).toMatchObject({ file: "counts.csv", rows: 0 });
    expect(writers.get("counts")!.extraColumns).toEqual(expect.arrayContaining(["zona", "turno"]));
  });
});
