import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { parseStockCategory } from "../../src/ingest/enums.ts";
import {
  createGazetteer,
  embedded2018,
  importPlacesGeoJson,
  importTable,
  toGeoJson,
} from "../../src/index.ts";
import type { CountRecord, Place } from "../../src/index.ts";

describe("tryout24 LOW-7: common Spanish stock categories", () => {
  it("reads a shelter's people and those who crossed north", () => {
    expect(parseStockCategory("Personas en albergue")).toBe("remaining");
    expect(parseStockCategory("Personas en albergues")).toBe("remaining");
    expect(parseStockCategory("Cruzaron a EE.UU.")).toBe("onward");
    expect(parseStockCategory("Cruzaron a Estados Unidos")).toBe("onward");
  });
});

describe("tryout24 MED-A: a point written with its state under a `Punto` header", () => {
  it("is the place, as under `Punto de monitoreo` (one rule for place, state)", () => {
    const gazetteer = createGazetteer(embedded2018().places);
    const text = (header: string) =>
      [
        `Fecha;${header};Dirección;Total`,
        "20/10/2018;Tapachula, Chiapas;norte;2240",
        "21/10/2018;Tapachula;norte;100",
      ].join("\n");
    for (const header of ["Punto", "Punto de monitoreo"]) {
      const { records, report } = importTable(text(header), { kind: "counts", gazetteer });
      const codes = report.warnings.map((w) => w.code);
      expect(codes, header).not.toContain("point_without_position");
      const [first, second] = records as CountRecord[];
      expect(first!.lat, header).toBeCloseTo(second!.lat!, 6);
      expect(first!.fmpName, header).toBe("Tapachula");
    }
  });
});

describe("tryout24 MED-F: merged cells in an XLSX sheet's data rows", () => {
  it("fill the range's value into every cell of it, said in the report", () => {
    const plain = writeXlsx([
      {
        name: "Hoja1",
        rows: [
          ["Fecha", "Punto de monitoreo", "Dirección", "Nacionalidad", "Total"],
          ["01/03/2021", "Tapachula", "Norte", "Honduras", 2250],
          ["", "", "", "Guatemala", 230],
          ["", "", "", "El Salvador", 15],
          ["02/03/2021", "Tapachula", "Norte", "Honduras", 2100],
          ["", "", "", "Guatemala", 200],
        ],
      },
    ]);
    const refs = ["A2:A4", "B2:B4", "C2:C4", "A5:A6", "B5:B6", "C5:C6"];
    const files = unzipSync(plain);
    const name = "xl/worksheets/sheet1.xml";
    const merged = strFromU8(files[name]!).replace(
      "</sheetData>",
      `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`,
    );
    const bytes = zipSync({ ...files, [name]: strToU8(merged) });
    const gazetteer = createGazetteer(embedded2018().places);
    const { records, report } = importTable(bytes, { kind: "counts", gazetteer });
    expect(report.rejected).toBe(0);
    expect(records.map((r) => (r as CountRecord).total)).toEqual([2250, 230, 15, 2100, 200]);
    expect(records.map((r) => (r as CountRecord).fmpName)).toEqual(Array(5).fill("Tapachula"));
    expect((records[2] as CountRecord).date).toBe("2021-03-01");
    const w = report.warnings.find((x) => x.code === "merged_cells_filled");
    expect(w?.message).toContain("A2:A4");
    expect(w?.line).toBe(2);
  });
});

describe("tryout24 MED-G: a places file in GeoJSON", () => {
  it("reads a QGIS-style export (nombre/id/tipo/pais) and rejects a non-Point feature by number", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { nombre: "Tenosique", id: "MX-TNQ", tipo: "city", pais: "MEX" },
          geometry: { type: "Point", coordinates: [-91.4226, 17.4736] },
        },
        {
          type: "Feature",
          properties: { nombre: "Ruta" },
          geometry: {
            type: "LineString",
            coordinates: [
              [-91, 17],
              [-92, 18],
            ],
          },
        },
      ],
    });
    const { records, report } = importPlacesGeoJson(text, { fileName: "lugares.geojson" });
    expect(records).toHaveLength(1);
    const p = records[0] as Place;
    expect([p.name, p.placeId, p.kind, p.country, p.lat, p.lon]).toEqual([
      "Tenosique",
      "MX-TNQ",
      "city",
      "MEX",
      17.4736,
      -91.4226,
    ]);
    expect(report.rejections.map((r) => [r.line, r.code])).toEqual([[2, "invalid_coordinate"]]);
    expect(report.accepted + report.rejected).toBe(report.dataRows);
  });

  it("reads back the places dtm-flow itself writes as GeoJSON (toGeoJson, the viewer's export)", () => {
    const places = embedded2018().places.slice(0, 12);
    const back = importPlacesGeoJson(JSON.stringify(toGeoJson("places", places)));
    expect(back.report.rejected).toBe(0);
    expect((back.records as Place[]).map((p) => [p.placeId, p.name, p.lat, p.lon])).toEqual(
      places.map((p) => [p.placeId, p.name, p.lat, p.lon]),
    );
  });
});

describe("tryout24 MED-E: one column per nationality", () => {
  const gazetteer = createGazetteer(embedded2018().places);
  const sheet = (total: boolean) =>
    [
      `Fecha;Punto de monitoreo;Dirección;Hondureños;Salvadoreños;Guatemaltecos${total ? ";Total" : ""}`,
      `01/03/2021;Tapachula;Norte;2.250;0;230${total ? ";2.480" : ""}`,
      `08/03/2021;Tapachula;Norte;790;15;${total ? ";805" : ""}`,
    ].join("\n");
  for (const total of [true, false]) {
    it(`is read as one count row per nationality (${total ? "with" : "without"} a Total)`, () => {
      const { records, report } = importTable(sheet(total), { kind: "counts", gazetteer });
      expect(report.fatal).toBeUndefined();
      expect(report.rejected).toBe(0);
      const rows = (records as CountRecord[]).map((r) => [r.date, r.nationality, r.total]);
      expect(rows).toEqual([
        ["2021-03-01", "HND", 2250],
        ["2021-03-01", "SLV", 0],
        ["2021-03-01", "GTM", 230],
        ["2021-03-08", "HND", 790],
        ["2021-03-08", "SLV", 15],
      ]);
      expect(report.warnings.some((w) => w.code === "repeat_group_rows")).toBe(true);
    });
  }
  it("leaves `NNA` (minors) and a sheet with its own nationality column alone", () => {
    const text =
      "Fecha;Punto;Dirección;Nacionalidad;Hondureños;Salvadoreños;NNA\n01/03/2021;Tapachula;Norte;HND;1;2;3";
    const { report } = importTable(text, { kind: "counts", gazetteer });
    expect(report.warnings.some((w) => w.code === "repeat_group_rows")).toBe(false);
  });
});
