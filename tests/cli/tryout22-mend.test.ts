/**
 * Findings of the newcomer's tryout of stop 22 (Kobo label exports, dtm-flow's own outputs given
 * back as input, HXL P-codes, reasons, duplicates across files, option ranges), through the
 * command line as `npx dtm-flow …` runs them: each test fails without its fix.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { FORECAST_COLUMNS, POSITION_COLUMNS } from "../../src/export/forecast.ts";
import { DEPARTED_COLUMNS, PLACES_COLUMNS } from "../../src/export/ledger.ts";
import { EVIDENCE_COLUMNS, SPLIT_COLUMNS, importTable, issueText } from "../../src/index.ts";
import { TRACK_COLUMNS } from "../../src/export/tracks.ts";
import {
  SCENARIO_PLACE_DAY_COLUMNS,
  SCENARIO_SUMMARY_COLUMNS,
  SCENARIO_TOTAL_COLUMNS,
} from "../../src/export/scenario.ts";
import { capture, tempFile } from "./capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** The value column of departed.csv on its last day. */
function lastDeparted(dir: string): number {
  const lines = readFileSync(join(dir, "departed.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const last = lines[lines.length - 1]!.split(",");
  return Number(last[header.indexOf("value")]);
}

describe("a Kobo label export's direction question after a group prefix (tryout22 item 1)", () => {
  it("validate reads grp_datos/Dirección del flujo as the direction", async () => {
    const { dir, file } = tempFile("dtm-t22-", "kobo.csv", fixture("kobo.csv"));
    const io = capture(dir);
    await run(["validate", file], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("grp_datos/Dirección del flujo → direction");
    expect(said).not.toContain("direction_column_missing");
  });

  it("ledger counts the 5,600 northbound people of the sheet", async () => {
    const { dir, file } = tempFile("dtm-t22-", "kobo.csv", fixture("kobo.csv"));
    const io = capture(dir);
    await run(["ledger", "--counts", file, "--out", join(dir, "l")], io.context);
    expect(io.err.join("\n")).toContain("5,600 people left by then");
    expect(lastDeparted(join(dir, "l"))).toBe(5600);
  });

  for (const header of [
    "Flow direction",
    "¿Hacia dónde se dirige el grupo?",
    "grp/¿Hacia dónde se dirige el grupo?",
    "grp/Sentido de los flujos",
  ]) {
    it(`reads "${header}" as the direction`, async () => {
      const body = `fecha,punto,${header},total\n2018-10-19,Tecún Umán,norte,100\n`;
      const { dir, file } = tempFile("dtm-t22-", "c.csv", body);
      const io = capture(dir);
      expect(await run(["validate", file], io.context)).toBe(0);
      expect(io.out.concat(io.err).join("\n")).toContain(`${header} → direction`);
    });
  }

  it("a ledger of counts with no direction repeats the import's warning in its summary", async () => {
    const body = "fecha,punto,comentario,total\n2018-10-19,Tecún Umán,x,100\n";
    const { dir, file } = tempFile("dtm-t22-", "c.csv", body);
    const io = capture(dir);
    await run(["ledger", "--counts", file, "--out", join(dir, "l")], io.context);
    const said = io.err.join("\n");
    expect(said).toContain("direction_column_missing: no direction column");
    expect(said).toMatch(
      /0 people left by then\), 1 split row, \d+ warnings? \(\d+ from reading the files\)/,
    );
    expect(said).not.toContain("0 warnings");
    const report = JSON.parse(readFileSync(join(dir, "l", "report.json"), "utf8"));
    expect(report.importWarnings.map((w: { code: string }) => w.code)).toContain(
      "direction_column_missing",
    );
  });
});

describe("dtm-flow's own outputs given back as input (tryout22 item 5)", () => {
  const headers: [string, readonly string[]][] = [
    ["tracks.csv", TRACK_COLUMNS],
    ["positions.csv", POSITION_COLUMNS],
    ["forecast.csv", FORECAST_COLUMNS],
    ["split.csv", SPLIT_COLUMNS],
    ["departed.csv", DEPARTED_COLUMNS],
    ["places.csv", PLACES_COLUMNS],
    ["scenario-place-days.csv", SCENARIO_PLACE_DAY_COLUMNS],
    ["scenario-totals.csv", SCENARIO_TOTAL_COLUMNS],
    ["scenario-summary.csv", SCENARIO_SUMMARY_COLUMNS],
    ["evidence.csv", ["group", "date", ...EVIDENCE_COLUMNS]],
  ];
  for (const [name, columns] of headers) {
    it(`validate refuses ${name} (the columns dtm-flow writes) in one sentence, exit 2`, async () => {
      const body = `\uFEFF${columns.join(",")}\n${columns.map(() => "1").join(",")}\n`;
      const { dir, file } = tempFile("dtm-t22-", `mine-${name}`, body);
      const io = capture(dir);
      expect(await run(["validate", file], io.context)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain(`: this is dtm-flow's own ${name} (`);
      expect(io.err[0]).toMatch(/not data to read: give .+\.$/);
      expect(io.err[0]).not.toMatch(/\n|at .*\.ts:\d+/);
    });
  }

  it("estimate --sightings tracks.csv is refused, naming what to give instead", async () => {
    const { dir, file } = tempFile("dtm-t22-", "tracks.csv", fixture("tracks.csv"));
    const io = capture(dir);
    const out = join(dir, "e");
    expect(await run(["estimate", "--sightings", file, "--out", out], io.context)).toBe(2);
    expect(io.err.join("\n")).toBe(
      `dtm-flow estimate: ${file}: this is dtm-flow's own tracks.csv (the groups dtm-flow estimate placed day by day, an estimate), not data to read: give the sightings, counts and stock figures it was made from.`,
    );
    expect(existsSync(join(out, "tracks.csv"))).toBe(false);
  });

  it("ledger --stocks split.csv is refused", async () => {
    const body = `${SPLIT_COLUMNS.join(",")}\n2018-11-20,asylum_claim,MEX,Tijuana,100,90,110\n`;
    const { dir, file } = tempFile("dtm-t22-", "split.csv", body);
    const io = capture(dir);
    expect(await run(["ledger", "--stocks", file, "--out", join(dir, "l")], io.context)).toBe(2);
    expect(io.err.join("\n")).toContain("this is dtm-flow's own split.csv");
  });

  it("the files dtm-flow import writes are still read as input", async () => {
    const { dir, file } = tempFile("dtm-t22-", "kobo.csv", fixture("kobo.csv"));
    const io = capture(dir);
    await run(["import", file, "--out", join(dir, "i")], io.context);
    const io2 = capture(dir);
    expect(await run(["validate", join(dir, "i", "counts.csv")], io2.context)).toBe(0);
  });
});

describe("a negative number given to an option (tryout22 item 19)", () => {
  it("forecast --horizon -3 says the accepted range, in one sentence", async () => {
    const { dir } = tempFile("dtm-t22-", "x.txt", "");
    const io = capture(dir);
    expect(await run(["forecast", "--horizon", "-3", "--out", join(dir, "f")], io.context)).toBe(2);
    expect(io.err).toEqual([
      "dtm-flow forecast: --horizon -3 must be a whole number from 0 to 365.",
    ]);
  });

  it("ledger --hold-days -3 says its range too, not 'write --hold-days=-3'", async () => {
    const { dir } = tempFile("dtm-t22-", "x.txt", "");
    const io = capture(dir);
    expect(await run(["ledger", "--hold-days", "-3", "--out", join(dir, "l")], io.context)).toBe(2);
    expect(io.err.join("\n")).not.toContain("if that is the value");
    expect(io.err.join("\n")).toMatch(/--hold-days -3 .*\d/);
  });
});

describe("one reason for a day past its month's end, and Spanish stock categories (tryout22 item 13)", () => {
  it("validate gives 32/11/2018 the reason 31/04/2018 gets: the month's days", async () => {
    const { dir, file } = tempFile("dtm-t22-", "avist.csv", fixture("avist-excel.csv"));
    const io = capture(dir);
    await run(["validate", file], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain('"32/11/2018" is not a usable date: November has 30 days.');
    const { dir: d2, file: f2 } = tempFile("dtm-t22-", "cifras.csv", fixture("cifras-excel.csv"));
    const io2 = capture(d2);
    await run(["validate", f2], io2.context);
    expect(io2.out.concat(io2.err).join("\n")).toContain(
      '"31/04/2018" is not a usable date: April has 30 days.',
    );
  });

  it("the viewer's Spanish reason (the library's issueText) names the month's days too", () => {
    const { report } = importTable(fixture("cifras-excel.csv"), { fileName: "cifras.csv" });
    const bad = report.rejections.find((r) => r.code === "invalid_date")!;
    expect(issueText("es", bad)).toBe(
      "Fecha «31/04/2018» no es una fecha utilizable: abril tiene 30 días.",
    );
    const { report: r2 } = importTable("fecha;lugar;personas\n29/02/2018;Tapachula;100\n", {
      kind: "sightings",
    });
    expect(issueText("es", r2.rejections[0]!)).toBe(
      "fecha «29/02/2018» no es una fecha utilizable: febrero de 2018 tiene 28 días.",
    );
  });

  it("a stock category in Spanish is read, and a refused one is told the Spanish words", async () => {
    const body = [
      "Fecha;Tipo;Base;Valor;País;Lugar",
      "25/11/2018;presente;presente;6.000;MEX;Tijuana",
      "25/11/2018;pendiente;presente;500;MEX;Tijuana",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t22-", "cifras.csv", body);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("1 accepted, 1 rejected");
    expect(said).toContain(
      'Tipo "pendiente" is not one of asylum_claim (solicitud de asilo), return (retorno), remaining (permanecen), regularized (regularizado), onward (continuaron), other (otro).',
    );
  });
});

describe("the same sheet imported twice (tryout22 item 17)", () => {
  it("import warns about every row repeated across the files, with both file:line", async () => {
    const { dir, file } = tempFile("dtm-t22-", "ambig.csv", fixture("ambig.csv"));
    const copy = join(dir, "ambig-copy.csv");
    writeFileSync(copy, fixture("ambig.csv"));
    const io = capture(dir);
    await run(["import", file, copy, "--out", join(dir, "i")], io.context);
    const warned = io.err.filter((l) => l.startsWith("warning: "));
    expect(warned).toEqual(
      [2, 3, 4, 5].map(
        (n) =>
          `warning: ambig-copy.csv:${n} repeats ambig.csv:${n} (the same row in two files); both are written: if the files are one sheet twice, import one of them.`,
      ),
    );
    const report = JSON.parse(readFileSync(join(dir, "i", "import-report.json"), "utf8"));
    expect(report.crossFileDuplicates).toHaveLength(4);
    expect(report.crossFileDuplicates[0]).toEqual({
      file: "ambig-copy.csv",
      line: 2,
      firstFile: "ambig.csv",
      firstLine: 2,
    });

    // The ledger of that counts.csv drops the repeats and its summary says so, not "0 warnings".
    const io2 = capture(dir);
    const counts = join(dir, "i", "counts.csv");
    await run(["ledger", "--counts", counts, "--out", join(dir, "l")], io2.context);
    expect(io2.err.join("\n")).toMatch(
      /1,050 people left by then\), .*, 4 rows rejected \(see report\.json\)/,
    );
  });

  it("two files with different rows: no warning", async () => {
    const { dir, file } = tempFile(
      "dtm-t22-",
      "a.csv",
      "fecha;punto;sentido;total\n01/11/2018;Tecún Umán;norte;300\n",
    );
    const b = join(dir, "b.csv");
    writeFileSync(b, "fecha;punto;sentido;total\n02/11/2018;Tecún Umán;norte;300\n");
    const io = capture(dir);
    expect(await run(["import", file, b, "--out", join(dir, "i")], io.context)).toBe(0);
    expect(io.err.join("\n")).not.toContain("repeats");
  });
});

describe("HXL P-code tags and +type (tryout22 item 10)", () => {
  it("validate reads #adm2+code as the place's P-code and #affected+ind as the figure", async () => {
    const { dir, file } = tempFile("dtm-t22-", "hxl.csv", fixture("hxl.csv"));
    const io = capture(dir);
    await run(["validate", file], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("Admin2 P-code [#adm2+code] → place_pcode");
    expect(said).toContain("Population type [#population+type] → (kept as extra)");
    expect(said).toContain("Individuals [#affected+ind] → size (hxl)");
    expect(said).not.toContain("duplicate_column");
    // A row with only its P-code: read as the place the code names, or refused naming the code.
    expect(said).toContain('Admin2 P-code "HN05" looks like a P-code, but no known place is in it');
    expect(said).not.toContain("missing_place");
  });

  it("a sighting with only #adm2+code MX02004 is placed at Tijuana; #adm1+code is read too", async () => {
    const body = [
      "Date,Admin1 P-code,Admin2 P-code,Place,Caravana,Individuals",
      "#date,#adm1+code,#adm2+code,#loc+name,#event,#affected+ind",
      "2018-11-25,MX02,MX02004,,C1,6000",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t22-", "s.csv", body);
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "i")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "i", "sightings.csv"), "utf8").split(/\r?\n/);
    const header = rows[0]!.replace(/^\uFEFF/, "").split(",");
    const row = rows[2]!.split(",");
    expect(row[header.indexOf("place_name")]).toBe("Tijuana");
    expect(row[header.indexOf("Admin2 P-code")]).toBe("MX02004");
    const report = JSON.parse(readFileSync(join(dir, "i", "import-report.json"), "utf8"));
    const cols = report.files[0].columns.map((c: { column: string; field?: string }) => [
      c.column,
      c.field,
    ]);
    expect(cols).toContainEqual(["Admin2 P-code", "place_pcode"]);
    expect(cols).toContainEqual(["Admin1 P-code", "adm1_pcode"]);
    expect(row[header.indexOf("Admin1 P-code")]).toBe("MX02");
  });

  it("stocks: #population+type is not the value, #affected+ind is", async () => {
    const body = [
      "Date,Population type,Individuals,Basis,Admin2 P-code",
      "#date,#population+type,#affected+ind,#x_basis,#adm2+code",
      "2018-11-25,remaining,6000,present,MX02004",
    ].join("\n");
    const { dir, file } = tempFile("dtm-t22-", "st.csv", body);
    const io = capture(dir);
    await run(
      ["validate", file, "--kind", "stocks", "--columns", "category=Population type"],
      io.context,
    );
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("Individuals [#affected+ind] → value (hxl)");
    expect(said).toContain("1 accepted, 0 rejected");
  });
});
