// The caller's column mapping (ImportOptions.columns): overrides of the detected mapping.
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import { fieldNames } from "../../src/ingest/headers.ts";
import type { CountRecord } from "../../src/model/count.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { chunks } from "./helpers.ts";
import { createTableImporter } from "../../src/ingest/importer.ts";

const FILE =
  "fecha;punto;sentido_x;total;notas\n20/10/2018;GT-TEC;norte;120;a\n21/10/2018;GT-TEC;sur;80;b\n";

describe("ImportOptions.columns", () => {
  it("without the override a file whose direction column is 'sentido_x' is read as direction unknown, with a warning", () => {
    const r = importTable(FILE, { kind: "counts" });
    expect(r.report.fatal).toBeUndefined();
    expect((r.records as CountRecord[]).map((c) => c.direction)).toEqual(["unknown", "unknown"]);
    expect(r.report.warnings.map((w) => w.code)).toContain("direction_column_missing");
  });

  it("an override by header text fixes it: the column is read as direction, shown as how 'user'", () => {
    const r = importTable(FILE, { kind: "counts", columns: { sentido_x: "direction" } });
    expect(r.report.fatal).toBeUndefined();
    expect(r.report.accepted).toBe(2);
    expect((r.records as CountRecord[]).map((c) => c.direction)).toEqual([
      "northbound",
      "southbound",
    ]);
    expect(r.report.columns[2]).toEqual({
      index: 2,
      column: "sentido_x",
      field: "direction",
      how: "user",
    });
    // The other columns keep their detected mapping; the report names the file's own headers.
    expect(r.report.columns.map((c) => c.how)).toEqual([
      "alias",
      "alias",
      "user",
      "canonical",
      "alias",
    ]);
  });

  it("header keys match in any case and without accents; the kind can be left to detection", () => {
    const r = importTable(FILE, { columns: { "SENTIDO_X ": "Direction" } });
    expect(r.kind).toBe("counts");
    expect(r.report.accepted).toBe(2);
  });

  it("an override by 0-based index works like one by header text", () => {
    const byIndex = importTable(FILE, { kind: "counts", columns: { "2": "direction" } });
    const byName = importTable(FILE, { kind: "counts", columns: { sentido_x: "direction" } });
    expect(byIndex.records).toEqual(byName.records);
    expect(byIndex.report).toEqual(byName.report);
  });

  it("a field moved to another column is no longer read from the column that had it", () => {
    const text = "fecha;punto;codigo;sentido;total\n20/10/2018;Tecún;GT-TEC;norte;5\n";
    const r = importTable(text, { kind: "counts", columns: { codigo: "fmp_id" } });
    const point = r.report.columns.find((c) => c.column === "punto")!;
    expect(point.field).toBeUndefined();
    expect(r.report.extraColumns).toEqual(["punto"]);
    expect((r.records[0] as CountRecord).fmpId).toBe("GT-TEC");
    expect((r.records[0] as CountRecord).extra).toEqual({ punto: "Tecún" });
  });

  it("'extra' keeps a matched column as an extra attribute; 'ignore' drops it from the records", () => {
    const r = importTable(FILE, {
      kind: "counts",
      columns: { sentido_x: "direction", fecha: "date", notas: "ignore", total: "total" },
    });
    expect(r.report.columns[4]).toMatchObject({ column: "notas", how: "user", ignored: true });
    expect(r.report.extraColumns).toEqual([]);
    expect((r.records[0] as CountRecord).extra).toBeUndefined();
    const text = "fecha;punto;dirección;total;observaciones\n20/10/2018;GT-TEC;norte;5;ok\n";
    const kept = importTable(text, { kind: "counts", columns: { observaciones: "extra" } });
    expect(kept.report.columns[4]).toEqual({ index: 4, column: "observaciones", how: "user" });
    expect(kept.report.extraColumns).toEqual(["observaciones"]);
    expect((kept.records[0] as CountRecord).extra).toEqual({ observaciones: "ok" });
  });

  it("an unknown field is fatal: one sentence naming it and listing the fields of the kind", () => {
    const r = importTable(FILE, { kind: "counts", columns: { sentido_x: "sentido" } });
    expect(r.report.fatal?.code).toBe("unknown_field");
    expect(r.report.fatal?.message).toContain('"sentido"');
    expect(r.report.fatal?.message).toContain(fieldNames("counts").join(", "));
    expect(r.report.accepted + r.report.rejected).toBe(r.report.dataRows);
    expect(r.report.accepted).toBe(0);
  });

  it("a key that names no column is fatal and lists the header's columns", () => {
    const r = importTable(FILE, { kind: "counts", columns: { sentido_y: "direction" } });
    expect(r.report.fatal?.code).toBe("unknown_column");
    expect(r.report.fatal?.message).toContain('"sentido_y"');
    expect(r.report.fatal?.message).toContain('"sentido_x"');
    expect(
      importTable(FILE, { kind: "counts", columns: { "9": "direction" } }).report.fatal?.code,
    ).toBe("unknown_column");
  });

  it("one field given to two columns is fatal", () => {
    const r = importTable(FILE, {
      kind: "counts",
      columns: { sentido_x: "total", total: "total" },
    });
    expect(r.report.fatal?.code).toBe("column_mapping_conflict");
  });

  it("works with an HXL row: keyed by hashtag or header, and HXL-only headers by hashtag", () => {
    const hxl =
      "fecha;punto;sentido_x;total\n#date;#loc+code;#x_dir;#affected\n20/10/2018;GT-TEC;norte;12\n";
    for (const key of ["#x_dir", "sentido_x", "2"]) {
      const r = importTable(hxl, { kind: "counts", columns: { [key]: "direction" } });
      expect(r.report.hxlRow, key).toBe(2);
      expect(r.report.accepted, key).toBe(1);
      expect(r.report.columns[2], key).toMatchObject({
        field: "direction",
        how: "user",
        hxl: "#x_dir",
      });
    }
    const only = "#date;#loc+code;#x_dir;#affected\n20/10/2018;GT-TEC;norte;12\n";
    const r = importTable(only, { kind: "counts", columns: { "#x_dir": "direction" } });
    expect(r.report.accepted).toBe(1);
  });

  it("works with Kobo group prefixes: the full name or the name after the prefix", () => {
    const kobo =
      "grp/fecha;grp/punto;grp/sentido_x;grp/total;_uuid\n20/10/2018;GT-TEC;norte;12;u1\n";
    for (const key of ["grp/sentido_x", "sentido_x"]) {
      const r = importTable(kobo, { kind: "counts", columns: { [key]: "direction" } });
      expect(r.report.accepted, key).toBe(1);
      expect(r.report.columns[2]!.how, key).toBe("user");
    }
  });

  it("works for XLSX workbooks (every sheet) and for text pushed in small chunks", () => {
    const rows = FILE.trim()
      .split("\n")
      .map((l) => l.split(";"));
    const bytes = writeXlsx([
      { name: "A", rows },
      { name: "B", rows },
    ]);
    const x = importTable(bytes, { kind: "counts", columns: { sentido_x: "direction" } });
    expect(x.report.fatal).toBeUndefined();
    expect(x.report.accepted).toBe(4);
    const importer = createTableImporter("counts", { columns: { "2": "direction" } });
    for (const c of chunks(new TextEncoder().encode(FILE), 7)) importer.push(c);
    expect(importer.finish().report.accepted).toBe(2);
  });
});
