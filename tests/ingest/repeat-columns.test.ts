import { describe, expect, it } from "vitest";
import { instanceRows, repeatColumns } from "../../src/ingest/repeat-columns.ts";
import { importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";

describe("repeat-columns", () => {
  const header = ["fecha", "g[1]/nac", "g[1]/total", "g[2]/nac", "g[2]/total", "_uuid"];
  it("reads name[n]/field columns as instances, the other columns as the submission's", () => {
    const r = repeatColumns(header)!;
    expect(r.header).toEqual(["fecha", "_uuid", "g/nac", "g/total"]);
    expect(instanceRows(r, ["2018-11-19", "HND", "390", "SLV", "180", "u1"])).toEqual([
      ["2018-11-19", "u1", "HND", "390"],
      ["2018-11-19", "u1#2", "SLV", "180"],
    ]);
    // An instance not written is not a row; a submission with none stays one row.
    expect(instanceRows(r, ["2018-11-19", "HND", "390", "", "", "u1"])).toHaveLength(1);
    expect(instanceRows(r, ["2018-11-19", "", "", "", "", "u1"])).toEqual([
      ["2018-11-19", "u1", "", ""],
    ]);
    expect(repeatColumns(["fecha", "g[1]/total"])).toBeUndefined();
  });

  it("importTable gives one count per instance, each with its nationality and the row's line", () => {
    const text = [
      "fecha;punto;direccion;g[1]/nacionalidad;g[1]/total;g[2]/nacionalidad;g[2]/total",
      "2018-11-19;MX-TAP;norte;hondurena;390;salvadorena;180",
    ].join("\n");
    const r = importTable(text, { fileName: "k.csv" });
    const c = r.records as CountRecord[];
    expect(c.map((x) => [x.total, x.nationality])).toEqual([
      [390, "HND"],
      [180, "SLV"],
    ]);
    expect(r.report.warnings.map((w) => [w.code, w.line])).toEqual([["repeat_group_rows", 1]]);
  });
});
