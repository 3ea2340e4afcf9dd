import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { createGazetteer, embedded2018, importTable, issueText } from "../../src/index.ts";
import { capture, tempFile } from "../cli/capture.ts";
import { pngBytes } from "./helpers.ts";

const gazetteer = createGazetteer(embedded2018().places);

describe("a place written as its P-code or id", () => {
  it("resolves a P-code held by one known place, and a place id, with a warning", () => {
    const csv = [
      "fecha;lugar;caravana;cantidad",
      "20/10/2018;GT1217;Caravana 1;1.000",
      "21/10/2018;gt-tec;Caravana 1;900",
    ].join("\n");
    const { records, report } = importTable(csv, { kind: "sightings", gazetteer });
    expect(report).toMatchObject({ accepted: 2, rejected: 0 });
    expect(records.map((s) => (s as { placeName?: string }).placeName)).toEqual([
      "Tecún Umán",
      "Tecún Umán",
    ]);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, "place_from_code"],
      [3, "place_from_code"],
    ]);
  });

  it("reads a city's P-code it shares with shelters and crossings as the city; rejects a P-code of no place", () => {
    const csv = [
      "fecha,punto de monitoreo,direccion,total",
      "20/10/2018,MX02004,norte,10", // Tijuana's municipality: the city, two shelters, a crossing
      "20/10/2018,GT9999,norte,10",
    ].join("\n");
    const { records, report } = importTable(csv, { kind: "counts", gazetteer });
    expect(report).toMatchObject({ dataRows: 2, accepted: 1, rejected: 1 });
    expect(records[0]).toMatchObject({ lat: 32.5027, lon: -117.00371 }); // Tijuana's position
    expect(report.warnings.map((w) => w.message).join("\n")).toMatch(
      /"MX02004" is the P-code of Tijuana \(the only town in it; .*El Barretal.* are written by name or id\); read as Tijuana/,
    );
    // In Spanish too, the shelters and the crossing of that municipality are named (review19a #12).
    const es = issueText(
      "es",
      report.warnings.find((w) => w.code === "place_from_code")!,
    );
    expect(es).toMatch(
      /^punto de monitoreo «MX02004» es el P-código de Tijuana \(la única ciudad en él; .*El Barretal.*El Chaparral.*, en el mismo municipio, se escriben por nombre o identificador\); se lee como Tijuana\.$/,
    );
    expect(
      issueText(
        "es",
        report.warnings.find((w) => w.code === "place_from_code")!,
      ),
    ).not.toBe(report.warnings.find((w) => w.code === "place_from_code")!.message);
    const [none] = report.rejections;
    expect(none!.message).toMatch(/"GT9999" looks like a P-code, but no known place is in it/);
    expect(none!.suggestions).toEqual([]);
  });

  it("a point code column (punto → fmp_id) holding names or P-codes gives the row its position", () => {
    const csv = [
      "fecha,punto,direccion,total",
      "20/10/2018,Tecun Uman,norte,10",
      "20/10/2018,GT1217,norte,10",
      "20/10/2018,XX-UNKNOWN,norte,10",
    ].join("\n");
    const { records, report } = importTable(csv, { kind: "counts", gazetteer });
    // Every row kept (an id still tells points apart); the one without a position is said.
    expect(report).toMatchObject({ dataRows: 3, accepted: 3, rejected: 0 });
    const at = records.map((c) => (c as { lat?: number }).lat);
    expect(at[0]).toBeCloseTo(14.677, 2);
    expect(at[1]).toBeCloseTo(14.677, 2);
    expect(at[2]).toBeUndefined();
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, "point_name_in_id_column"],
      [4, "point_without_position"],
    ]);
    // The name is the point's name (one key with sheets that name it under fmp_name); codes stay ids.
    const keys = records.map((c) => [
      (c as { fmpId?: string }).fmpId,
      (c as { fmpName?: string }).fmpName,
    ]);
    expect(keys).toEqual([
      ["GT-TEC", "Tecún Umán"],
      ["GT1217", "Tecún Umán"],
      ["XX-UNKNOWN", undefined],
    ]);
  });

  it("through the CLI: validate exits 0 for a count sheet whose points are P-codes", async () => {
    const { dir, file } = tempFile(
      "dtm-pcode-",
      "conteo.csv",
      "fecha;punto de monitoreo;dirección;total\n20/10/2018;GT1217;norte;10\n",
    );
    const x = capture(dir);
    expect(await run(["validate", file], x.context)).toBe(0);
    expect(x.out.join("\n")).toMatch(
      /row 2 \[punto de monitoreo\] place_from_code: punto de monitoreo "GT1217" is the P-code of Tecún Umán/,
    );
  });
});

describe("a file that is not a table written as text", () => {
  it("is refused with one sentence (exit 2), not read as a table with a missing column", async () => {
    // A picture saved under a table's name.
    const { dir, file: png } = tempFile("dtm-binary-", "conteo.csv", pngBytes(200));
    const x = capture(dir);
    expect(await run(["validate", png], x.context)).toBe(2);
    expect(x.err).toHaveLength(1);
    expect(x.err[0]).toMatch(/the file holds binary data, not a table written as text/);
    // UTF-16 text without a byte-order mark is still text.
    const utf16 = join(dir, "conteo16.csv");
    const text = "fecha,punto de monitoreo,direccion,total\n2018-10-20,Tapachula,norte,10\n";
    writeFileSync(utf16, Buffer.from(text, "utf16le"));
    const y = capture(dir);
    expect(await run(["validate", utf16], y.context)).toBe(0);
  });
});

describe("a place written with its department, state or country", () => {
  it("reads the known place before the comma or brackets, with a warning; a same-named other place is not taken", () => {
    const csv = [
      "fecha,lugar,cantidad",
      '20/10/2018,"Tecún Umán, San Marcos",10',
      "20/10/2018,Tapachula (Chiapas),10",
      '20/10/2018,"Tonalá, Jalisco",10', // the known Tonalá is Tonalá (Chiapas)
      '20/10/2018,"Nowhere, Chiapas",10',
    ].join("\n");
    const { records, report } = importTable(csv, { kind: "sightings", gazetteer });
    expect(report).toMatchObject({ dataRows: 4, accepted: 2, rejected: 2 });
    expect(records.map((s) => (s as { placeName?: string }).placeName)).toEqual([
      "Tecún Umán",
      "Tapachula",
    ]);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, "place_name_qualified"],
      [3, "place_name_qualified"],
    ]);
    // A municipality is read as a region too (Tecún Umán, Ayutla), and the sentence says so.
    const ayutla = importTable('fecha,lugar,cantidad\n20/10/2018,"Tecún Umán (Ayutla)",10\n', {
      kind: "sightings",
      gazetteer,
    }).report.warnings[0]!;
    expect(ayutla.message).toContain(
      '"Ayutla" taken as its municipality, department, state or country',
    );
    expect(issueText("es", ayutla)).toContain(
      "se toman como su municipio, departamento, estado o país",
    );
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([
      [4, "unknown_place"],
      [5, "unknown_place"],
    ]);
  });
});
