// The sample files of data/samples/ and the reports data/samples/README.md promises for them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import type { Sighting } from "../../src/model/sighting.ts";

const gazetteer = createGazetteer(embedded2018().places);
const load = (name: string) =>
  importTable(new Uint8Array(readFileSync(join(process.cwd(), "data/samples", name))), {
    fileName: name,
    gazetteer,
  });

const EXPECTED: [
  string,
  {
    kind: string;
    encoding: string;
    dataRows: number;
    accepted: number;
    rejected: number;
    codes: string[];
  },
][] = [
  [
    "kobo-conteo-tecun-uman.csv",
    {
      kind: "counts",
      encoding: "utf-8",
      dataRows: 12,
      accepted: 10,
      rejected: 2,
      codes: ["parts_exceed_total", "resubmission"],
    },
  ],
  [
    "excel-conteo-windows1252.csv",
    {
      kind: "counts",
      encoding: "windows-1252",
      dataRows: 9,
      accepted: 5,
      rejected: 4,
      codes: ["missing_total", "unknown_place", "negative_count", "uac_exceeds_children"],
    },
  ],
  [
    "conteo-por-punto.xlsx",
    { kind: "counts", encoding: "xlsx", dataRows: 7, accepted: 7, rejected: 0, codes: [] },
  ],
  [
    "avistamientos-rangos.csv",
    {
      kind: "sightings",
      encoding: "utf-8-bom",
      dataRows: 11,
      accepted: 10,
      rejected: 1,
      codes: ["unknown_place"],
    },
  ],
  [
    "dtm-largo-sexo-edad.tsv",
    { kind: "counts", encoding: "utf-8", dataRows: 10, accepted: 10, rejected: 0, codes: [] },
  ],
  [
    "cifras-stock.csv",
    {
      kind: "stocks",
      encoding: "utf-8",
      dataRows: 5,
      accepted: 4,
      rejected: 1,
      codes: ["invalid_category"],
    },
  ],
  [
    "malformado.csv",
    {
      kind: "counts",
      encoding: "utf-8",
      dataRows: 6,
      accepted: 1,
      rejected: 5,
      codes: [
        "missing_total",
        "invalid_number",
        "invalid_date",
        "invalid_direction",
        "invalid_number",
      ],
    },
  ],
  [
    "sin-columna-fecha.csv",
    {
      kind: "counts",
      encoding: "utf-8",
      dataRows: 1,
      accepted: 0,
      rejected: 1,
      codes: ["missing_column"],
    },
  ],
  [
    "avistamiento-nombre-html.csv",
    { kind: "sightings", encoding: "utf-8", dataRows: 1, accepted: 1, rejected: 0, codes: [] },
  ],
  [
    "conteo-mensual-2016-2018.csv",
    {
      kind: "counts",
      encoding: "utf-8",
      dataRows: 37,
      accepted: 36,
      rejected: 1,
      codes: ["date_outside_window"],
    },
  ],
  [
    "kobo-avistamientos-etiquetas.csv",
    {
      kind: "sightings",
      encoding: "utf-8",
      dataRows: 5,
      accepted: 4,
      rejected: 1,
      codes: ["unknown_place"],
    },
  ],
  [
    "lugares-conflictos.csv",
    {
      kind: "places",
      encoding: "utf-8",
      dataRows: 6,
      accepted: 4,
      rejected: 2,
      codes: ["duplicate_place_id", "place_name_conflict"],
    },
  ],
];

describe("data/samples", () => {
  for (const [name, expected] of EXPECTED) {
    it(`${name} gives the report data/samples/README.md describes`, () => {
      const { report } = load(name);
      expect({
        kind: report.kind,
        encoding: report.encoding,
        dataRows: report.dataRows,
        accepted: report.accepted,
        rejected: report.rejected,
        codes: report.rejections.map((r) => r.code),
      }).toEqual(expected);
    });
  }
  it("the Kobo sample maps every field through its group prefix and keeps the Kobo metadata as extras", () => {
    const { report } = load("kobo-conteo-tecun-uman.csv");
    expect(report.delimiter).toBe(";");
    expect(report.hxlRow).toBe(2);
    expect(report.columns.filter((c) => c.how === "kobo_prefix").map((c) => c.field)).toEqual([
      "date",
      "fmp_id",
      "fmp_name",
      "direction",
      "total",
      "men",
      "women",
      "boys",
      "girls",
      "uac",
      "nationality",
      "lat",
      "lon",
    ]);
    expect(report.extraColumns).toEqual(
      expect.arrayContaining(["_submission_time", "transporte/bus", "start"]),
    );
  });
  it("the sightings sample reads ranges, bounds and Spanish dates", () => {
    const s = load("avistamientos-rangos.csv").records as Sighting[];
    expect(s.map((x) => [x.observedAt, x.sizeBest, x.sizeMin, x.sizeMax])).toEqual([
      ["2018-10-13T06:00:00", undefined, 1000, 1500],
      ["2018-10-15", undefined, 2000, undefined],
      ["2018-10-19", undefined, 4000, 10000],
      ["2018-10-21T14:30:00", 7000, undefined, undefined],
      ["2018-10-22", undefined, 5000, 7200],
      ["2018-10-24", 5000, undefined, undefined],
      ["2018-10-25", 7233, undefined, undefined],
      ["2018-10-27", undefined, undefined, undefined],
      ["2018-10-31T10:00:00", undefined, 1345, undefined],
      ["2018-11-02", undefined, 1700, undefined],
    ]);
  });
  it("the markup sample keeps the names as text, exactly as written", () => {
    const [s] = load("avistamiento-nombre-html.csv").records as Sighting[];
    expect(s).toMatchObject({
      placeName: "<img src=x onerror=alert(1)>",
      caravanLabel: "<script>alert(2)</script>",
      sourceOrg: '=HYPERLINK("http://example.invalid")',
    });
  });
});
