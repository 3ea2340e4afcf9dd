// The analyst workspace (viewer/analyst/workspace.ts) and the Content-Security-Policy, in Node.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGazetteer, embedded2018, importTable, EMBEDDED_2018_NAME } from "../../src/index.ts";
import type { ImportReport } from "../../src/index.ts";
import { BUILD_CSP, DEV_CSP } from "../../viewer/analyst/csp.ts";
import { assembleDataset, columnOverrides, fileStatus } from "../../viewer/analyst/workspace.ts";
import type { WorkspaceFile } from "../../viewer/analyst/workspace.ts";
import { fieldName, hasFieldWords, howName, kindName } from "../../viewer/analyst/texts.ts";
import { KIND_SPECS } from "../../src/ingest/fields.ts";

const base = embedded2018();
const gazetteer = createGazetteer(base.places);
const enc = (s: string) => new TextEncoder().encode(s);

function sample(name: string): WorkspaceFile {
  const r = importTable(new Uint8Array(readFileSync(join("data/samples", name))), {
    fileName: name,
    gazetteer,
  });
  return { id: name, name, kind: r.kind, records: r.records, report: r.report, forced: false };
}

describe("fileStatus", () => {
  it("a file with a fatal problem or no accepted row is unusable", () => {
    expect(fileStatus({ accepted: 0, rejected: 1, fatal: { code: "x" } })).toBe("unusable");
    expect(fileStatus({ accepted: 0, rejected: 0 })).toBe("unusable");
  });
  it("more rejected than accepted rows holds the file until the analyst forces it", () => {
    expect(fileStatus({ accepted: 1, rejected: 5 })).toBe("held");
    expect(fileStatus({ accepted: 1, rejected: 5 }, true)).toBe("used");
    expect(fileStatus({ accepted: 5, rejected: 4 })).toBe("used");
  });
  it("gives the statuses of the sample files", () => {
    const got = Object.fromEntries(
      [
        "malformado.csv",
        "sin-columna-fecha.csv",
        "avistamientos-rangos.csv",
        "excel-conteo-windows1252.csv",
      ].map((n) => [n, fileStatus(sample(n).report)]),
    );
    expect(got).toEqual({
      "malformado.csv": "held",
      "sin-columna-fecha.csv": "unusable",
      "avistamientos-rangos.csv": "used",
      "excel-conteo-windows1252.csv": "used",
    });
  });
});

describe("assembleDataset", () => {
  it("without a used file there is no dataset (the replay stays as it is)", () => {
    expect(assembleDataset([], base)).toBeUndefined();
    expect(assembleDataset([sample("malformado.csv")], base)).toBeUndefined();
  });
  it("movement tables replace all three embedded ones, as the CLI's loadDataset does", () => {
    const d = assembleDataset([sample("avistamientos-rangos.csv")], base)!;
    expect(d.sightings).toHaveLength(10);
    expect(d.counts).toEqual([]);
    expect(d.stocks).toEqual([]);
    expect(d.places.length).toBe(base.places.length);
    expect(d.routes).toBe(base.routes);
    expect(d.name).toBe("avistamientos-rangos.csv");
  });
  it("files of one kind are concatenated; user places come first and replace same ids", () => {
    const s = sample("avistamientos-rangos.csv");
    const place = { ...base.places[0]!, name: "Mine" };
    const places: WorkspaceFile = {
      id: "p",
      name: "p.csv",
      kind: "places",
      records: [place],
      report: { ...s.report, accepted: 1, rejected: 0 } as ImportReport,
      forced: false,
    };
    const d = assembleDataset([s, { ...s, id: "b" }, places], base)!;
    expect(d.sightings).toHaveLength(20);
    expect(d.places[0]!.name).toBe("Mine");
    expect(d.places.filter((p) => p.placeId === place.placeId)).toHaveLength(1);
  });
  it("places or a route alone keep the embedded movement data", () => {
    const route: WorkspaceFile = {
      id: "r",
      name: "r.geojson",
      kind: "route",
      records: [],
      routes: base.routes,
      report: { features: 1, accepted: 1, rejected: 0, rejections: [], warnings: [] },
      forced: false,
    };
    const d = assembleDataset([route], base)!;
    expect(d.sightings).toBe(base.sightings);
    expect(d.name).toBe(`r.geojson + ${EMBEDDED_2018_NAME}`);
  });
});

describe("column mapping fixes", () => {
  it("columnOverrides turns the analyst's choices into the importer's columns option", () => {
    expect(columnOverrides({ 1: "fmp_id", 3: null })).toEqual({ "1": "fmp_id", "3": "extra" });
    expect(columnOverrides({})).toEqual({});
  });
  it("columnOverrides drops a choice for a workbook's '(sheet name)' pseudo-column", () => {
    const columns = [
      { index: 0, column: "fecha" },
      { index: 1, column: "(sheet name)" },
    ];
    expect(columnOverrides({ 0: "date", 1: "notes" }, columns)).toEqual({ "0": "date" });
  });
  it("a fixed file re-imports with the chosen field and the report names the file's own headers", () => {
    const text =
      "fecha;codigo_xyz;direccion;total\n20/10/2018;GT-TEC;norte;120\n21/10/2018;GT-TEC;norte;80\n";
    const first = importTable(text, { gazetteer });
    expect(first.report.fatal?.code).toBe("missing_column");
    const columns = columnOverrides({ 1: "fmp_id" }, first.report.columns);
    const second = importTable(enc(text), { gazetteer, kind: first.kind!, columns });
    expect(second.report.fatal).toBeUndefined();
    expect(second.report.accepted).toBe(2);
    expect(second.report.columns.map((c) => [c.column, c.field, c.how])).toContainEqual([
      "codigo_xyz",
      "fmp_id",
      "user",
    ]);
  });
  it("a column set to no field is kept as an extra under its own header", () => {
    const r = sample("excel-conteo-windows1252.csv");
    const notes = (r.report as ImportReport).columns.find((c) => c.column === "Observaciones")!;
    expect(notes.field).toBe("notes");
    const bytes = new Uint8Array(readFileSync("data/samples/excel-conteo-windows1252.csv"));
    const again = importTable(bytes, {
      gazetteer,
      kind: "counts",
      columns: columnOverrides({ [notes.index]: null }),
    });
    expect(again.report.extraColumns).toEqual(["Observaciones"]);
    expect(again.report.accepted).toBe((r.report as ImportReport).accepted);
  });
});

describe("Content-Security-Policy", () => {
  it("index.html carries the development policy; both policies allow only the page's own scripts and origin", () => {
    const html = readFileSync("viewer/index.html", "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(DEV_CSP);
    for (const policy of [DEV_CSP, BUILD_CSP]) {
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/unsafe-eval|https?:|\s\*(;|$)|script-src[^;]*unsafe-inline/);
    }
    expect(BUILD_CSP).toContain("connect-src 'self';");
  });
});

describe("the panel names a file's kind and a column's 'how' in its language", () => {
  it("Spanish words for the kinds and the ways a column was recognised; English keeps the codes", () => {
    expect(kindName("es", "counts")).toBe("conteos");
    expect(kindName("es", "sightings")).toBe("avistamientos");
    expect(kindName("en", "stocks")).toBe("stock figures");
    expect(kindName("es", undefined)).toBe("desconocido");
    expect(howName("es", "question")).toBe("pregunta de Kobo");
    expect(howName("es", "kobo_prefix")).toBe("prefijo de grupo Kobo");
    expect(howName("en", "kobo_prefix")).toBe("kobo_prefix");
    // Own keys only: a name like an Object member is not looked up on the prototype.
    expect(howName("es", "constructor")).toBe("constructor");
    expect(kindName("es", "toString")).toBe("toString");
  });
});

describe("the column-mapping list names each field in Spanish beside its contract name", () => {
  it("gives every field of every kind Spanish words, with the English contract name beside them", () => {
    const fields = Object.values(KIND_SPECS).flatMap((k) => k.fields.map((f) => f.name));
    expect(fields.filter((f) => !hasFieldWords(f))).toEqual([]);
    expect(fieldName("es", "size_min")).toBe("tamaño mínimo (size_min)");
    expect(fieldName("es", "observed_at")).toBe("fecha y hora de la observación (observed_at)");
    expect(fieldName("es", "uac")).toBe("NNA no acompañados (uac)");
    // English keeps the contract name, as the CLI and the docs write it.
    expect(fieldName("en", "size_min")).toBe("size_min");
    expect(fieldName("es", "constructor")).toBe("constructor");
  });
});
