// The analyst workspace (viewer/analyst/workspace.ts) and the Content-Security-Policy, in Node.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGazetteer, embedded2018, importTable, EMBEDDED_2018_NAME } from "../../src/index.ts";
import type { ImportReport } from "../../src/index.ts";
import { BUILD_CSP, DEV_CSP } from "../../viewer/analyst/csp.ts";
import {
  assembleDataset,
  fileStatus,
  headerNames,
  restoreHeaderNames,
  rewriteHeaderBytes,
} from "../../viewer/analyst/workspace.ts";
import type { WorkspaceFile } from "../../viewer/analyst/workspace.ts";

const base = embedded2018();
const gazetteer = createGazetteer(base.places);
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

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
        "sin-columna-direccion.csv",
        "avistamientos-rangos.csv",
        "excel-conteo-windows1252.csv",
      ].map((n) => [n, fileStatus(sample(n).report)]),
    );
    expect(got).toEqual({
      "malformado.csv": "held",
      "sin-columna-direccion.csv": "unusable",
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
  it("headerNames gives chosen fields their canonical name and frees the column that held a moved field", () => {
    expect([
      ...headerNames({ 1: "fmp_id", 3: null }, [undefined, "notes", "fmp_id", "total"]),
    ]).toEqual([
      [1, "fmp_id"],
      [3, "column_4"],
      [2, "column_3"],
    ]);
  });
  it("rewriteHeaderBytes changes only the header's chosen cells, keeping the bytes of every other cell and row", () => {
    // Windows-1252 bytes (ñ = 0xf1) and a quoted cell with the delimiter survive untouched.
    const bytes = new Uint8Array([
      ...enc("t\u00edtulo\r\n"),
      ...enc('fecha;"a;b";sitio\r\n2018-10-20;x;GT-TEC\r\n'),
      0xf1,
    ]);
    const out = rewriteHeaderBytes(bytes, 2, ";", new Map([[2, "fmp_id"]]))!;
    expect(dec(out.subarray(0, out.length - 1))).toBe(
      't\u00edtulo\r\nfecha;"a;b";fmp_id\r\n2018-10-20;x;GT-TEC\r\n',
    );
    expect(out[out.length - 1]).toBe(0xf1);
  });
  it("rewriteHeaderBytes asks for more bytes while the header row is not complete", () => {
    expect(rewriteHeaderBytes(enc("a;b"), 1, ";", new Map([[0, "x"]]), false)).toBeUndefined();
    expect(dec(rewriteHeaderBytes(enc("a;b"), 1, ";", new Map([[0, "x"]]))!)).toBe("x;b");
    expect(rewriteHeaderBytes(enc("a\n"), 3, ";", new Map())).toBeUndefined();
  });
  it("rewriteHeaderBytes keeps a UTF-8 byte-order mark", () => {
    const out = rewriteHeaderBytes(
      enc("\ufefffecha,lugar\n1,2"),
      1,
      ",",
      new Map([[1, "place_name"]]),
    )!;
    expect(dec(out)).toBe("\ufefffecha,place_name\n1,2");
  });
  it("a remapped file imports with the chosen field and the report names the file's own headers", () => {
    const text =
      "fecha;codigo_xyz;direccion;total\n20/10/2018;GT-TEC;norte;120\n21/10/2018;GT-TEC;norte;80\n";
    const first = importTable(text, { gazetteer });
    expect(first.report.fatal?.code).toBe("missing_column");
    const names = first.report.columns.map((c) => c.column);
    const fields = first.report.columns.map((c) => c.field);
    const bytes = rewriteHeaderBytes(
      enc(text),
      first.report.headerRow!,
      ";",
      headerNames({ 1: "fmp_id" }, fields),
    )!;
    const second = importTable(bytes, { gazetteer });
    expect(second.report.fatal).toBeUndefined();
    expect(second.report.accepted).toBe(2);
    restoreHeaderNames(second.report, names);
    expect(second.report.columns.map((c) => [c.column, c.field])).toContainEqual([
      "codigo_xyz",
      "fmp_id",
    ]);
  });
  it("property: rewriting no cell gives the same bytes back", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ,";\n]{0,12}$/), { maxLength: 6 }), (cells) => {
        const bytes = enc(cells.join(";") + "\nrest");
        const out = rewriteHeaderBytes(bytes, 1, ";", new Map());
        if (out) expect(dec(out)).toBe(dec(bytes));
      }),
    );
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
