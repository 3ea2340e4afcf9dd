// `--columns field=column,…` of `dtm-flow validate` and `dtm-flow import`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { columnsOptions, parseColumnsOption } from "../../cli/columns-option.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { UserError } from "../../cli/errors.ts";
import { capture } from "./capture.ts";

const TEXT =
  "fecha;punto;sentido_x;total;notas\n20/10/2018;GT-TEC;norte;120;a\n21/10/2018;GT-TEC;sur;80;b\n";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "dtm-columns-"));
  writeFileSync(join(dir, "conteo.csv"), TEXT);
  return dir;
}

describe("parseColumnsOption", () => {
  it("turns field=column pairs into the importer's column → field mapping", () => {
    expect(parseColumnsOption("direction=sentido_x, extra=3,ignore=notas")).toEqual({
      sentido_x: "direction",
      "3": "extra",
      notas: "ignore",
    });
    expect(parseColumnsOption(undefined)).toBeUndefined();
    expect(parseColumnsOption(" ")).toBeUndefined();
  });
  it("rejects an item without '=' and a column given two fields", () => {
    expect(() => parseColumnsOption("direction")).toThrow(UserError);
    expect(() => parseColumnsOption("total=a,men=a")).toThrow(/two fields/);
  });
});

describe("--columns for one sheet (Sheet:field=column)", () => {
  it("gives that sheet its own mapping, with the pairs after it; the others keep the shared one", () => {
    expect(columnsOptions("extra=Obs,Otra:total=Cuántos pasaron, date=Día")).toEqual({
      columns: { Obs: "extra" },
      sheetColumns: { Otra: { "Cuántos pasaron": "total", Día: "date" } },
    });
    expect(columnsOptions(undefined)).toEqual({});
    expect(() => columnsOptions(":total=a")).toThrow(/no sheet name/);
  });
  it("validate: fixes a sheet whose header the importer cannot read without breaking the other, and says how", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-columns-"));
    const bytes = writeXlsx([
      {
        name: "Conteo",
        rows: [
          ["Fecha", "Punto", "Sentido", "Total"],
          [new Date("2018-10-19T00:00:00Z"), "Tecún Umán", "norte", 1345],
        ],
      },
      {
        name: "Otra",
        rows: [
          ["Día", "Lugar", "Cuántos pasaron"],
          [new Date("2018-10-20T00:00:00Z"), "Tapachula", 300],
          [new Date("2018-10-21T00:00:00Z"), "Tapachula", 200],
        ],
      },
    ]);
    writeFileSync(join(dir, "libro.xlsx"), bytes);
    const before = capture(dir);
    expect(await run(["validate", "libro.xlsx", "--lang", "es"], before.context)).toBe(1);
    const said = before.out.join("\n");
    expect(said).toMatch(/hoja Otra sheet_skipped: .*revise el encabezado; sus 2 filas/);
    expect(said).not.toMatch(/abajo/);
    expect(said).toMatch(/--columns 'Otra:<campo>=<columna>,…'/);
    const after = capture(dir);
    const mapping = "Otra:total=Cuántos pasaron,date=Día,fmp_name=Lugar";
    expect(await run(["validate", "libro.xlsx", "--columns", mapping], after.context)).toBe(0);
    expect(after.out.join("\n")).toMatch(/3 data rows: 3 accepted, 0 rejected/);
  });
});

describe("dtm-flow validate/import --columns", () => {
  it("validate: the file is read as direction unknown as detected, and with its directions with --columns direction=sentido_x", async () => {
    const dir = folder();
    const before = capture(dir);
    expect(await run(["validate", "conteo.csv"], before.context)).toBe(0);
    expect(before.out.join("\n")).toMatch(
      /no direction column; every row is read as direction unknown/,
    );
    const x = capture(dir);
    expect(
      await run(["validate", "conteo.csv", "--columns", "direction=sentido_x,ignore=4"], x.context),
    ).toBe(0);
    const text = x.out.join("\n");
    expect(text).toMatch(/2 data rows: 2 accepted, 0 rejected/);
    expect(text).toMatch(/sentido_x → direction \(user\)/);
    expect(text).toMatch(/notas → \(ignored\) \(user\)/);
  });
  it("validate: a field the kind does not have exits 2 with the list of fields", async () => {
    const x = capture(folder());
    expect(await run(["validate", "conteo.csv", "--columns", "sentido=sentido_x"], x.context)).toBe(
      2,
    );
    expect(x.err).toHaveLength(1);
    expect(x.err[0]).toMatch(
      /field "sentido", which is not a field of a counts table: use one of record_id, date, fmp_id, /,
    );
  });
  it("import: --columns maps the column in the written table", async () => {
    const dir = folder();
    const x = capture(dir);
    expect(
      await run(
        ["import", "conteo.csv", "--out", "out", "--columns", "direction=sentido_x"],
        x.context,
      ),
    ).toBe(0);
    const lines = readFileSync(join(dir, "out", "counts.csv"), "utf8")
      .trim()
      .split("\r\n");
    const header = lines[0]!.replace("\uFEFF", "").split(",");
    const direction = header.indexOf("direction");
    expect(lines.slice(2).map((l) => l.split(",")[direction])).toEqual([
      "northbound",
      "southbound",
    ]);
  });
  it("import: a bad --columns value exits 2 and writes nothing", async () => {
    const dir = folder();
    const x = capture(dir);
    expect(
      await run(["import", "conteo.csv", "--out", "out", "--columns", "direction"], x.context),
    ).toBe(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
