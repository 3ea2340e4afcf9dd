/**
 * `dtm-flow import` names the user's own columns, never the importer's internal ones:
 * the line on columns whose every value was read says `caravana`, not
 * `caravan_label_as_written`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { extraColumnShown } from "../../src/index.ts";
import { capture } from "./capture.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-es26-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("import: the file's columns in the summary lines", () => {
  it("says the caravan column by its header, not caravan_label_as_written (en and es)", async () => {
    copyFileSync(
      join(process.cwd(), "data/samples/avistamientos-rangos.csv"),
      join(dir, "avistamientos.csv"),
    );
    const es = capture(dir);
    await run(["import", "avistamientos.csv", "--lang", "es", "--out", "es"], es.context);
    const said = es.err.join("\n");
    expect(said).toMatch(/sightings\.csv: todos los valores de [^;]*\bcaravana se leyeron/);
    expect(said).not.toMatch(/_as_written/);
    const en = capture(dir);
    await run(["import", "avistamientos.csv", "--out", "en"], en.context);
    expect(en.err.join("\n")).toMatch(/every value of [^;]*\bcaravana was read/);
    expect(en.err.join("\n")).not.toMatch(/_as_written/);
  });
  it("rejected.csv: a last column motivo with the reason in Spanish under --lang es; none in English", async () => {
    copyFileSync(
      join(process.cwd(), "data/samples/avistamientos-rangos.csv"),
      join(dir, "avistamientos.csv"),
    );
    await run(
      ["import", "avistamientos.csv", "--lang", "es", "--out", "m-es"],
      capture(dir).context,
    );
    const es = readFileSync(join(dir, "m-es", "rejected.csv"), "utf8").split(/\r?\n/);
    expect(es[0]).toBe("\uFEFFfile,sheet,line,column,value,code,message,suggestions,motivo");
    expect(es[1]).toContain("is not a known place"); // message: English, for machines
    expect(es[1]).toMatch(
      /,lugar «Tapachul» no es un lugar conocido; ¿quiso decir «Tapachula»\? [^,]*$/,
    );
    await run(["import", "avistamientos.csv", "--out", "m-en"], capture(dir).context);
    const en = readFileSync(join(dir, "m-en", "rejected.csv"), "utf8").split(/\r?\n/);
    expect(en[0]).toBe("\uFEFFfile,sheet,line,column,value,code,message,suggestions");
  });
  it("a tally's summary names the file's columns (Entradas, Salidas), never a Sentido column", async () => {
    writeFileSync(
      join(dir, "resumen.csv"),
      "Fecha;Punto de monitoreo;Entradas;Salidas\n25/10/2018;Ciudad Hidalgo;1.200;35\n",
    );
    const es = capture(dir);
    await run(["validate", "resumen.csv", "--lang", "es"], es.context);
    const said = es.out.join("\n");
    expect(said).toMatch(/el encabezado de cada una de Entradas, Salidas como sentido relativo/);
    expect(said).not.toMatch(/Sentido/);
    const en = capture(dir);
    await run(["validate", "resumen.csv"], en.context);
    expect(en.out.join("\n")).toMatch(/the header of each of Entradas, Salidas as the direction/);
    expect(en.out.join("\n")).not.toMatch(/Sentido/);
  });
  it("--columns 'Hoja:…' naming no sheet of the workbook warns (en/es); a real sheet does not", async () => {
    const book = join(process.cwd(), "data/samples/conteo-por-punto.xlsx");
    const es = capture(dir);
    await run(["validate", book, "--columns", "Hoja9:total=Total", "--lang", "es"], es.context);
    expect(es.err.join("\n")).toContain(
      "aviso: --columns nombra la hoja «Hoja9», que no está en ningún archivo leído (sus hojas: Tecún Umán, Ciudad Hidalgo, Tapachula, Notas)",
    );
    const en = capture(dir);
    await run(["import", book, "--columns", "Hoja9:total=Total", "--out", "w-en"], en.context);
    expect(en.err.join("\n")).toContain(
      'warning: --columns names sheet "Hoja9", which no file read has',
    );
    const fine = capture(dir);
    await run(["validate", book, "--columns", "Tapachula:notes=Notas"], fine.context);
    expect(fine.err.join("\n")).not.toMatch(/--columns names/);
  });
  it("extraColumnShown: a kept-as-written key by its field's column, one GPS column for both", () => {
    const columns = [
      { column: "Caravana", field: "caravan_label" },
      { column: "Punto GPS", field: "geopoint" },
      {
        column: "Sentido",
        field: "direction",
        madeFrom: { columns: ["Entradas", "Salidas"], part: "header" as const },
      },
    ];
    expect(extraColumnShown(columns, "caravan_label_as_written")).toBe("Caravana");
    expect(extraColumnShown(columns, "lat_as_written")).toBe("Punto GPS");
    expect(extraColumnShown(columns, "lon_as_written")).toBe("Punto GPS");
    expect(extraColumnShown(columns, "Sentido")).toBe("Entradas, Salidas");
    expect(extraColumnShown(columns, "place_name_as_written")).toBe("place_name_as_written");
    expect(extraColumnShown(columns, "turno")).toBe("turno");
  });
});
