/**
 * Every code the importer can give (IMPORT_ISSUE_CODES, the type of each issue's `code`, so the
 * compiler refuses an emitted code that is not in it) has its English sentence and a Spanish form
 * (src/ingest/issue-text.ts); the rarer warnings the analyst's tryout left in English are said in
 * Spanish from their values (docs/tryout-analyst.md).
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  IMPORT_ISSUE_CODES,
  createGazetteer,
  embedded2018,
  SPANISH_ISSUE_CODES,
  importTable,
  issueReason,
  issueText,
  issueWhere,
  totalCheckText,
} from "../../src/index.ts";
import type { ImportReport } from "../../src/index.ts";
import { issueLine } from "../../cli/issue-line.ts";

/** The library's sources outside the list and the words themselves. */
function librarySources(): string {
  const files = ["src/ingest", "src/geo"].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !/^issue-(codes|text)\.ts$/.test(f))
      .map((f) => `${dir}/${f}`),
  );
  return files.map((f) => readFileSync(f, "utf8")).join("\n");
}

const issues = (r: ImportReport) => [...r.rejections, ...r.warnings];

describe("every import code in English and Spanish", () => {
  it("each code of the list has a Spanish form, and none is said in Spanish that is not in the list", () => {
    expect([...SPANISH_ISSUE_CODES].sort()).toEqual([...IMPORT_ISSUE_CODES].sort());
  });

  it("each code of the list is named in the library's sources outside the lists", () => {
    // A weak check (a type union or a comment also names a code); the codes' Spanish forms are
    // checked against real imports below.
    const source = librarySources();
    for (const code of IMPORT_ISSUE_CODES) expect(source, code).toContain(`"${code}"`);
  });
});

describe("the rarer warnings in Spanish", () => {
  it("a size-only report, a header that counts one place, a stray cell and an unclosed quote", () => {
    const opts = { kind: "sightings" as const, today: "2019-01-31" };
    const sizeOnly = importTable("fecha,caravana,cantidad\n2018-10-20,Caravana 1,7000\n", {
      ...opts,
      fileName: "a.csv",
    }).report;
    const scoped = importTable(
      "fecha,lugar,caravana,¿Cuántas personas hay en el albergue?\n2018-10-20,Tapachula,Caravana 1,700\n",
      { ...opts, fileName: "b.csv" },
    ).report;
    const stray = importTable(
      'fecha,lugar,caravana,cantidad\n2018-10-20,Tapachula,Caravana 1,7000,x,y\n2018-10-21,"Tapachula,Caravana 1,7000\n',
      { ...opts, fileName: "c.csv" },
    ).report;
    const es = new Map(
      [sizeOnly, scoped, stray].flatMap(issues).map((x) => [x.code, issueText("es", x)]),
    );
    expect(es.get("size_only")).toBe(
      "sin lugar ni coordenadas: se acepta solo como dato de tamaño (p. ej. una cifra nacional).",
    );
    expect(es.get("count_scope_from_header")).toBe(
      "la columna 4 (D) «¿Cuántas personas hay en el albergue?» cuenta las personas en un lugar (la ocupación de un albergue), no un grupo entero: la cifra de cada fila se lee como «al menos» para su grupo, y el encabezado se añade a las notas de la fila, donde lo lee el estimador.",
    );
    expect(es.get("cells_beyond_header")).toBe(
      'la fila tiene 6 celdas y el encabezado 4: 5 (E) "x", 6 (F) "y" después de la última columna no se leen (¿un separador de más, o una columna sin encabezado?).',
    );
    expect(es.get("unclosed_quote")).toMatch(
      /^unas comillas \("\) abiertas en esta fila no se cierran/,
    );
  });

  it("the three conflicts of a places file, with the earlier row's line, name, id and distance", () => {
    const csv = [
      "place_id,name,lat,lon,country,kind",
      "P1,Villa Uno,14.9,-92.2,MEX,city",
      "P1,Villa Dos,15.0,-92.3,MEX,city", // the same id
      "P2,Villa Tres,15.0,-92.3,MEX,city",
      "P3,Villa Tres,15.05,-92.3,MEX,city", // the same name 5.6 km away
      "P4,Villa Tres,13.5,-88.3,SLV,city", // the same name in another country
      "P5,Villa Cuatro,14.0,-90,GTM,city",
      "P6,Villa Cuatro,16.5,-93,GTM,city", // the same name far away in the same country
    ].join("\n");
    const r = importTable(csv + "\n", { fileName: "lugares.csv", kind: "places" }).report;
    const es = issues(r).map((x) => [x.code, x.line, issueText("es", x)]);
    expect(es).toEqual([
      [
        "duplicate_place_id",
        3,
        "el place_id «P1» ya lo usa la fila 2 («Villa Uno»); se conserva la primera fila.",
      ],
      [
        "place_name_conflict",
        8,
        "el nombre «Villa Cuatro» ya lo lleva la fila 7 («Villa Cuatro», P5), a 425 km; un conteo que lo nombre podría referirse a cualquiera de los dos, así que se conserva la primera fila (cambie uno de los nombres, o dé a cada uno su país).",
      ],
      [
        "place_name_shared",
        5,
        "el nombre «Villa Tres» también lo lleva la fila 4 («Villa Tres», P2), a 5.6 km: ¿dos identificadores para un mismo lugar? El nombre se lee como el primero.",
      ],
      [
        "place_name_shared",
        6,
        "el nombre «Villa Tres» también lo lleva la fila 4 («Villa Tres», P2) en MEX, a 462 km; el país de cada fila elige entre ellos (sin país, el primero).",
      ],
    ]);
  });
});

describe("where an issue is, its suggestions, a Total row: one place for each rule", () => {
  it("a whole sheet's or file's issue is said as the sheet or the file, not as row 0", () => {
    expect(issueWhere("en", { line: 0, sheet: "Resumen" })).toBe("sheet Resumen");
    expect(issueWhere("es", { line: 0, sheet: "Resumen" })).toBe("hoja Resumen");
    expect(issueWhere("es", { line: 0 })).toBe("archivo");
    expect(issueWhere("en", { line: 7, sheet: "Resumen" })).toBe("Resumen!7");
    expect(issueWhere("en", { line: 7 })).toBe("7");
  });

  it("in words for a line of text (the command line's issue lines go through it)", () => {
    expect(issueWhere("en", { line: 9, sheet: "Resumen" }, "row")).toBe("Resumen row 9");
    expect(issueWhere("es", { line: 9, sheet: "Resumen" }, "row")).toBe("Resumen fila 9");
    expect(issueWhere("en", { line: 3 }, "feature")).toBe("feature 3");
    expect(issueWhere("en", { line: 0, sheet: "Notas" }, "row")).toBe("sheet Notas");
    expect(issueWhere("en", { line: 0 }, "row")).toBe("file");
    const at = (i: { line: number; sheet?: string }) =>
      issueLine({ ...i, column: "Punto", code: "unknown_place", message: "a\nb" });
    expect(at({ line: 9, sheet: "Resumen" })).toBe("  Resumen row 9 [Punto] unknown_place: a\\nb");
    expect(at({ line: 0, sheet: "Notas" })).toBe("  sheet Notas [Punto] unknown_place: a\\nb");
    expect(issueLine({ line: 2, code: "bad_coordinates", message: "m" }, "feature")).toBe(
      "  feature 2 bad_coordinates: m",
    );
  });

  it("an unknown place's suggestions are said once: the reason already asks 'did you mean'", () => {
    const r = importTable(
      "fecha,lugar,caravana,cantidad\n2018-10-20,Tapachulita,Caravana 1,7000\n",
      {
        fileName: "s.csv",
        kind: "sightings",
        today: "2019-01-31",
        gazetteer: createGazetteer(embedded2018().places),
      },
    ).report;
    const x = r.rejections[0]!;
    expect(x.code).toBe("unknown_place");
    for (const lang of ["en", "es"] as const) {
      const reason = issueReason(lang, x);
      expect(reason.match(/Tapachula\b/g)?.length, reason).toBe(1);
    }
    // Suggestions the reason does not name follow it.
    expect(issueReason("en", { code: "x", message: "Odd.", suggestions: ["Huixtla"] })).toBe(
      "Odd. → Huixtla",
    );
  });

  it("a Total row names its column once, in either language", () => {
    const t = {
      line: 12,
      sheet: "Resumen",
      column: "Total",
      stated: 2500,
      computed: 2440,
      matches: false,
    };
    expect(totalCheckText("en", t)).toBe(
      "Total row 12 (sheet Resumen): Total says 2,500; the accepted rows add up to 2,440 — they differ.",
    );
    expect(totalCheckText("es", t)).toBe(
      "La fila de Total (fila 12, hoja Resumen): Total dice 2,500; las filas aceptadas suman 2,440 — no coinciden.",
    );
  });
});

describe("review19b: the Spanish keeps the cell and formats numbers one way", () => {
  const gazetteer = createGazetteer(embedded2018().places);
  const opts = { today: "2019-01-31", gazetteer, fileName: "x.csv" };
  it("unknown_code and pcode_format name the cell, never an empty «»", () => {
    const s = importTable(
      "fecha,lugar,caravana,cantidad,metodo\n2018-10-20,Tapachula,Caravana 1,700,a ojo\n",
      { ...opts, kind: "sightings" },
    ).report;
    const unknown = s.warnings.find((w) => w.code === "unknown_code")!;
    expect(issueText("es", unknown)).toContain("«a ojo»");
    const p = importTable(
      "place_id,name,lat,lon,country,adm2_pcode\nx1,Pueblo,15.5,-88.0,HND,07089\n",
      { ...opts, kind: "places" },
    ).report;
    const pcode = p.warnings.find((w) => w.code === "pcode_format")!;
    expect(issueText("es", pcode)).toContain("«07089»");
    for (const x of [...s.warnings, ...p.warnings]) expect(issueText("es", x)).not.toContain("«»");
  });
  it("the unlikely count's comparison is formatted as its number (no 7.000 beside 2,000,000)", () => {
    const r = importTable(
      "fecha,lugar,caravana,cantidad\n2018-10-20,Tapachula,Caravana 1,2000000\n",
      { ...opts, kind: "sightings" },
    ).report;
    const w = r.warnings.find((x) => x.code === "unlikely_count")!;
    const es = issueText("es", w);
    expect(es).toContain("2,000,000");
    expect(es).not.toMatch(/\d\.\d{3}\b/);
    expect(es).toContain("7,000");
  });
  it("an approximate range is formatted in Spanish as a single figure is", () => {
    const r = importTable(
      "fecha,lugar,caravana,cantidad\n2018-10-20,Tapachula,Caravana 1,~ entre 5000 y 7000\n",
      { ...opts, kind: "sightings" },
    ).report;
    const w = r.warnings.find((x) => x.code === "approximate")!;
    expect(issueText("es", w)).toContain("5,000–7,000");
  });
});

describe("review19b: coordinate advice in Spanish says what the English says", () => {
  const opts = { today: "2019-01-31", fileName: "x.csv", kind: "sightings" as const };
  const issuesOf = (lat: string, lon: string) => {
    const r = importTable(
      `fecha,lat,lon,caravana,cantidad\n2018-10-20,"${lat}","${lon}",Caravana 1,700\n`,
      opts,
    ).report;
    return [...r.rejections, ...r.warnings];
  };
  it("far coordinates ask no minus sign; a lost minus sign is asked about", () => {
    const far = issuesOf("40", "-30").find((x) => x.code === "outside_region")!;
    expect(issueText("es", far)).not.toContain("signo menos");
    expect(issueText("es", far)).toContain("40");
    const sign = issuesOf("14.9", "92.2").find((x) => x.code === "outside_region")!;
    expect(issueText("es", sign)).toContain("signo menos");
  });
  it("invalid_coordinate says which: sign against letter, the wrong axis's letter, out of range", () => {
    const sign = issuesOf("-14.5 N", "-92.2").find((x) => x.code === "invalid_coordinate")!;
    expect(issueText("es", sign)).toMatch(/signo.*letra/);
    const letter = issuesOf("92.2 W", "-92.2").find((x) => x.code === "invalid_coordinate")!;
    expect(issueText("es", letter)).toContain("letra de longitud");
    const range = issuesOf("95", "-92.2").find((x) => x.code === "invalid_coordinate")!;
    expect(issueText("es", range)).toContain("no son grados válidos");
    expect(issueText("es", range)).toContain("95");
  });
});

describe("review19b: the Spanish forms keep the specifics the English gives", () => {
  const FILE =
    "fecha;punto;sentido_x;total;notas\n20/10/2018;GT-TEC;norte;120;a\n21/10/2018;GT-TEC;sur;80;b\n";
  const fatalEs = (columns: Record<string, string>) => {
    const f = importTable(FILE, { kind: "counts", columns }).report.fatal!;
    return issueText("es", f);
  };
  it("a column mapping's problems name the columns and fields", () => {
    const two = fatalEs({ sentido_x: "direction", notas: "direction" });
    expect(two).toContain("«direction»");
    expect(two).toContain("«sentido_x»");
    expect(two).toContain("«notas»");
    const field = fatalEs({ sentido_x: "rumbo" });
    expect(field).toContain("«rumbo»");
    expect(field).toContain("fmp_id");
    const column = fatalEs({ sentido: "direction" });
    expect(column).toContain("«sentido»");
    expect(column).toContain("«sentido_x»");
    expect(column).not.toContain("(o indique");
  });
  it("a long layout's total names the stated total and the sum", () => {
    const text = [
      "t\tfmp\tdirection\tsex\tage\tn",
      "2018-10-13\tGT-TEC\tnorthbound\ttotal\ttotal\t100",
      "2018-10-13\tGT-TEC\tnorthbound\tmale\t18+\t60",
    ].join("\n");
    const w = importTable(text).report.warnings.find((x) => x.code === "long_total_mismatch")!;
    expect(w.message).toContain("100");
    const es = issueText("es", w);
    expect(es).toContain("100");
    expect(es).toContain("60");
  });
  it("a generated place id is named", () => {
    const r = importTable("name,lat,lon,country\nPueblo Nuevo,15.5,-88.0,HND\n", {
      kind: "places",
      fileName: "p.csv",
    }).report;
    const w = r.warnings.find((x) => x.code === "id_generated")!;
    expect(issueText("es", w)).toContain("HND-PUEBLO-NUEVO");
  });
});

describe("review19b: route problems name the route and counts in Spanish", () => {
  it("a repeated route_id, a generated one and a one-position route", async () => {
    const { importRoute } = await import("../../src/index.ts");
    const line = (id: string | null, coords: number[][]) => ({
      type: "Feature",
      properties: id === null ? {} : { route_id: id },
      geometry: { type: "LineString", coordinates: coords },
    });
    const fc = {
      type: "FeatureCollection",
      features: [
        line("costa", [
          [-92.2, 14.9],
          [-93.1, 16.7],
        ]),
        line("costa", [
          [-92.2, 14.9],
          [-93.1, 16.7],
        ]),
        line(null, [
          [-92.2, 14.9],
          [-93.1, 16.7],
        ]),
        line("corta", [[-92.2, 14.9]]),
      ],
    };
    const r = importRoute(JSON.stringify(fc), "rutas.geojson").report;
    const es = (code: string) =>
      issueText(
        "es",
        [...r.rejections, ...r.warnings].find((x) => x.code === code)!,
      );
    expect(es("duplicate_route_id")).toContain("«costa»");
    expect(es("route_id_generated")).toContain("route_3");
    expect(es("too_few_positions")).toContain("1 posición");
  });

  it("a route file with no usable route gives its first reason in Spanish too (review19b #5)", async () => {
    const { importRoute } = await import("../../src/index.ts");
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { route_id: "a" },
          geometry: { type: "LineString", coordinates: [[-92, 14]] },
        },
        {
          type: "Feature",
          properties: { route_id: "b" },
          geometry: { type: "Point", coordinates: [-92, 14] },
        },
      ],
    };
    const fatal = importRoute(JSON.stringify(fc), "ruta.geojson").report.fatal!;
    expect(fatal.message).toBe(
      "the route file has no usable LineString route: feature 1 has 1 position; a route needs at least two distinct [lon, lat] positions (and 1 more problem).",
    );
    expect(issueText("es", fatal)).toBe(
      "el archivo de rutas no tiene ninguna ruta LineString utilizable; el elemento 1: la ruta tiene 1 posición; una ruta necesita al menos dos posiciones distintas [lon, lat] (y 1 problema más).",
    );
  });
});

describe("review19b: counts of one are said in the singular", () => {
  const opts = { kind: "sightings" as const, today: "2019-01-31", fileName: "x.csv" };
  it("one slashed date, one stray cell", () => {
    const r = importTable(
      "fecha,lugar,caravana,cantidad\n05/10/2018,Tapachula,Caravana 1,7000,x\n",
      opts,
    ).report;
    const undecided = r.warnings.find((w) => w.code === "date_order_undecided")!;
    expect(undecided.message).toContain("whether 1 slashed date is");
    expect(issueText("es", undecided)).toContain("si 1 fecha con barras es");
    const stray = r.warnings.find((w) => w.code === "cells_beyond_header")!;
    expect(stray.message).toContain("past the last column is not read");
    expect(issueText("es", stray)).toContain("después de la última columna no se lee ");
  });
});

describe("review19b: swapped and bad coordinates say the values in Spanish", () => {
  it("a swapped pair says what it was read as", () => {
    const r = importTable(
      "fecha,lat,lon,caravana,cantidad\n2018-10-20,-92.2,14.9,Caravana 1,700\n",
      {
        kind: "sightings",
        today: "2019-01-31",
        fileName: "x.csv",
      },
    ).report;
    const w = r.warnings.find((x) => x.code === "coordinates_swapped")!;
    expect(issueText("es", w)).toContain("14.9, -92.2");
  });
  it("a route position in [lat, lon] order is named, with the hint", async () => {
    const { importRoute } = await import("../../src/index.ts");
    const fc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { route_id: "costa" },
          geometry: {
            type: "LineString",
            coordinates: [
              [-92.2, 14.9],
              [14.9, -120.5],
            ],
          },
        },
      ],
    };
    const x = importRoute(JSON.stringify(fc)).report.rejections[0]!;
    expect(x.code).toBe("bad_coordinates");
    const es = issueText("es", x);
    expect(es).toContain("posición 2");
    expect(es).toContain("[lat, lon]");
  });
});

describe("review19b: route geometry notes name their positions in Spanish", () => {
  it("antimeridian, a too long segment, a repeated vertex, extra values", async () => {
    const { importRoute } = await import("../../src/index.ts");
    const feature = (id: string, coords: number[][]) => ({
      type: "Feature",
      properties: { route_id: id },
      geometry: { type: "LineString", coordinates: coords },
    });
    const fc = {
      type: "FeatureCollection",
      features: [
        feature("a", [
          [-92.2, 14.9],
          [-93.1, 16.7],
          [-93.1, 16.7],
          [-94, 17, 0, 5],
        ]),
        feature("b", [
          [179.5, 0],
          [-179.5, 0],
        ]),
        feature("c", [
          [0, 0],
          [179.5, 0],
        ]),
      ],
    };
    const r = importRoute(JSON.stringify(fc)).report;
    const es = (code: string) =>
      issueText(
        "es",
        [...r.rejections, ...r.warnings].find((x) => x.code === code)!,
      );
    expect(es("repeated_vertex")).toContain("posición 3");
    expect(es("extra_position_values")).toContain("posición 4");
    expect(es("extra_position_values")).toContain("4 valores");
    expect(es("crosses_antimeridian")).toContain("posiciones 1");
    expect(es("segment_too_long")).toContain("179.5°");
  });
});

describe("review19b: no Spanish sentence of the samples has a hole", () => {
  it("no «», undefined, NaN or double space in any issue of data/samples/*", () => {
    const gazetteer = createGazetteer(embedded2018().places);
    const files = readdirSync("data/samples").filter((f) => /\.(csv|tsv|xlsx)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(`data/samples/${f}`));
      const r = importTable(bytes, { fileName: f, gazetteer, today: "2019-01-31" }).report;
      for (const x of [...issues(r), ...(r.fatal ? [r.fatal] : [])]) {
        const es = issueText("es", x);
        expect(es, `${f} ${x.code}`).not.toMatch(/«»|undefined|NaN| {2}/);
      }
    }
  });
});
