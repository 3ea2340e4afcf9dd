import { describe, expect, it } from "vitest";
import { detectLayout, mapHeaders, matchHeader } from "../../src/ingest/headers.ts";
import { isHashtagRow, parseHashtag } from "../../src/ingest/hxl.ts";

describe("matchHeader", () => {
  it("matchHeader(header, kind) matches canonical names and aliases in any case, with or without accents", () => {
    expect(matchHeader("total", "counts")).toEqual({ field: "total", how: "canonical" });
    expect(matchHeader("  TOTAL PERSONAS ", "counts")).toEqual({ field: "total", how: "alias" });
    expect(matchHeader("País", "counts")).toEqual({ field: "country", how: "alias" });
    expect(matchHeader("pais", "counts")).toEqual({ field: "country", how: "alias" });
    expect(matchHeader("NNA no acompañados", "counts")).toEqual({ field: "uac", how: "alias" });
    expect(matchHeader("Dirección", "counts")).toEqual({ field: "direction", how: "alias" });
    expect(matchHeader("fecha y hora", "sightings")).toEqual({
      field: "observed_at",
      how: "alias",
    });
    expect(matchHeader("mínimo", "sightings")).toEqual({ field: "size_min", how: "alias" });
    expect(matchHeader("caravana", "sightings")).toEqual({ field: "caravan_label", how: "alias" });
  });
  it("matchHeader strips Kobo/ODK group prefixes (grp/field, grp.field, grp-field)", () => {
    expect(matchHeader("grp_conteo/hombres", "counts")).toEqual({
      field: "men",
      how: "kobo_prefix",
    });
    expect(matchHeader("grupo.sub/mujeres", "counts")).toEqual({
      field: "women",
      how: "kobo_prefix",
    });
    expect(matchHeader("conteo-ninas", "counts")).toEqual({ field: "girls", how: "kobo_prefix" });
    expect(matchHeader("_gps_latitude", "sightings")).toMatchObject({ field: "lat" });
    expect(matchHeader("_ubicacion_longitude", "counts")).toMatchObject({ field: "lon" });
  });
  it("matchHeader reads composite hand-made headers (Niños Hombres, Adultos / Mujeres)", () => {
    expect(matchHeader("Niños - Mujeres", "counts")?.field).toBe("girls");
    expect(matchHeader("Adultos / Mujeres", "counts")?.field).toBe("women");
    expect(matchHeader("menores hombres", "counts")?.field).toBe("boys");
  });
  it("matchHeader returns undefined for unknown columns", () => {
    expect(matchHeader("color favorito", "counts")).toBeUndefined();
  });
});

describe("HXL", () => {
  it("parseHashtag(text) follows the HXL syntax: attributes must start with a letter", () => {
    expect(parseHashtag("#affected+ind+M")).toEqual({ tag: "#affected", attrs: ["ind", "m"] });
    expect(parseHashtag(" #geo +lat ")).toEqual({ tag: "#geo", attrs: ["lat"] });
    expect(parseHashtag("#affected+idps+ind+year+2013")).toBeUndefined();
    expect(parseHashtag("date")).toBeUndefined();
  });
  it("isHashtagRow(cells) accepts empty tags and up to 25 % malformed ones", () => {
    expect(isHashtagRow(["#date", "", "#loc+name", "#affected+ind"])).toBe(true);
    expect(isHashtagRow(["#date", "#loc+name", "#affected+ind", "#x+2013"])).toBe(true);
    expect(isHashtagRow(["#date", "#x+1", "#y+2"])).toBe(false);
    expect(isHashtagRow(["fecha", "#date"])).toBe(false);
    expect(isHashtagRow(["", ""])).toBe(false);
  });
  it("mapHeaders maps columns by HXL tag when the header text is unknown", () => {
    const m = mapHeaders(
      ["Día", "Sitio de conteo", "Gente", "H"],
      ["#date", "#loc+code", "#affected+ind", "#affected+ind+m+adults"],
      "counts",
    );
    expect(m.columns.map((c) => [c.field, c.how])).toEqual([
      ["date", "alias"],
      ["fmp_id", "hxl"],
      ["total", "hxl"],
      ["men", "alias"],
    ]);
  });
});

describe("detectLayout", () => {
  it("detectLayout skips title rows above the header and finds the HXL row below it", () => {
    const rows = [
      ["Conteo de flujos - Tecún Umán", "", "", ""],
      ["", "", "", ""],
      ["Fecha", "Punto", "Dirección", "Total"],
      ["#date", "#loc+code", "#x_direction", "#affected+ind"],
      ["13/10/2018", "GT-TEC", "norte", "1200"],
    ];
    const layout = detectLayout(rows);
    expect(layout.headerIndex).toBe(2);
    expect(layout.hxlIndex).toBe(3);
    expect(layout.dataIndex).toBe(4);
    expect(layout.mapping.kind).toBe("counts");
    expect(layout.kindSource).toBe("detected");
  });
  it("detectLayout detects each kind from its headers", () => {
    const kind = (header: string[]) => detectLayout([header]).mapping.kind;
    expect(kind(["fecha", "punto", "direccion", "total"])).toBe("counts");
    expect(kind(["fecha y hora", "lugar", "caravana", "mínimo", "máximo"])).toBe("sightings");
    expect(kind(["fecha", "categoria", "valor", "base"])).toBe("stocks");
    expect(kind(["place_id", "name", "aliases", "lat", "lon", "kind"])).toBe("places");
  });
  it("detectLayout uses a hashtag row alone when there is no text header", () => {
    const layout = detectLayout(
      [
        ["#date", "#loc+code", "#x_direction", "#affected+ind"],
        ["2018-10-13", "GT-TEC", "norte", "5"],
      ],
      "counts",
    );
    expect(layout.headerIndex).toBe(0);
    expect(layout.dataIndex).toBe(1);
    expect(layout.mapping.missing).toEqual([]);
  });
  it("detectLayout reads two-level headers (Adultos | Hombres, Mujeres; Niños | Hombres, Mujeres)", () => {
    const rows = [
      ["", "", "", "Adultos", "", "Niños", ""],
      ["Fecha", "Punto", "Dirección", "Hombres", "Mujeres", "Hombres", "Mujeres"],
    ];
    const m = detectLayout(rows, "counts").mapping;
    expect(m.columns.slice(3).map((c) => c.field)).toEqual(["men", "women", "boys", "girls"]);
    expect(m.columns[5]!.how).toBe("two_level_header");
  });
  it("detectLayout lists what is missing", () => {
    expect(detectLayout([["fecha", "punto", "total"]], "counts").mapping.missing).toEqual([
      ["direction"],
    ]);
  });
  it("detectLayout(rows, kind) names a kind the headers fit better than the one given, never the given one", () => {
    const counts = ["fecha", "punto", "dirección", "total", "hombres", "mujeres", "niños", "niñas"];
    expect(detectLayout([counts], "sightings").betterKind).toBe("counts");
    expect(detectLayout([counts], "counts").betterKind).toBeUndefined();
    expect(detectLayout([counts]).betterKind).toBeUndefined();
    const stocks = ["fecha", "categoría", "valor", "base", "país", "lugar", "fuente"];
    expect(detectLayout([stocks], "sightings").betterKind).toBe("stocks");
    const sightings = ["fecha y hora", "lugar", "caravana", "cantidad", "mínimo", "máximo"];
    expect(detectLayout([sightings], "sightings").betterKind).toBeUndefined();
    expect(detectLayout([sightings], "counts").betterKind).toBe("sightings");
  });
});
