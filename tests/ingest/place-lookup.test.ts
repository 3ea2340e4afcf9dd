import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import type { CountRecord } from "../../src/model/count.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { embedded2018 } from "../../src/embedded/index.ts";

const gazetteer = createGazetteer(embedded2018().places);
const countsOf = (rows: string[]) => {
  const text =
    "fecha;punto de monitoreo;direccion;total;latitud;longitud\n" + rows.join("\n") + "\n";
  const r = importTable(text, { gazetteer, kind: "counts" });
  return { r, recs: r.records as CountRecord[] };
};

describe("one place look-up for names, lone coordinates and points with coordinates", () => {
  it("a lone coordinate beside an abbreviated or lost-letter name is left out, the row placed", () => {
    const { r, recs } = countsOf([
      "23/10/2018;Cd. Hidalgo;norte;10;14,68;",
      "23/10/2018;Tec?n Um?n;norte;20;14,6774;",
    ]);
    expect(r.report.rejections).toEqual([]);
    expect(recs.map((x) => x.fmpName)).toEqual(["Ciudad Hidalgo", "Tecún Umán"]);
    const ignored = r.report.warnings.filter((w) => w.code === "half_coordinate_ignored");
    expect(ignored.map((w) => w.params?.["place"])).toEqual(["Ciudad Hidalgo", "Tecún Umán"]);
    expect(recs.map((x) => x.extra?.["lat_as_written"])).toEqual(["14,68", "14,6774"]);
  });
  it("a point with coordinates named by an abbreviation or lost letters is written under its gazetteer name", () => {
    const { recs } = countsOf([
      "23/10/2018;Cd. Hidalgo;norte;10;14,6815;-92,1522",
      "23/10/2018;Tec?n Um?n;norte;20;14,6774;-92,1404",
    ]);
    expect(recs.map((x) => x.fmpName)).toEqual(["Ciudad Hidalgo", "Tecún Umán"]);
    expect(recs.map((x) => x.extra?.fmp_name_as_written)).toEqual(["Cd. Hidalgo", "Tec?n Um?n"]);
    expect(recs[0]!.lat).toBe(14.6815);
  });
  it("renames a point with coordinates only when its named place is the nearest known point", () => {
    const { r, recs } = countsOf([
      "23/10/2018;Suchiate;norte;10;14,677;-92,147",
      "23/10/2018;Tecun Uman;norte;20;14,6774;-92,1404",
      "23/10/2018;El Buen Pastor;norte;30;14,896;-92,27",
    ]);
    expect(recs.map((x) => x.fmpName)).toEqual([
      "Suchiate",
      "Tecún Umán",
      "El Buen Pastor shelter (Tapachula)",
    ]);
    const near = r.report.warnings.filter((w) => w.code === "place_name_near_other");
    expect(near.map((w) => [w.line, w.params?.["place"]])).toEqual([[2, "Ciudad Hidalgo"]]);
    expect(near[0]!.params?.["nearest"]).toMatch(/bridge|puente/i);
  });
  it("the same name reads as the same place for a sighting, a count's point and a point with coordinates", () => {
    for (const name of ["Cd. Hidalgo", "Tec?n Um?n", "tecun uman", "Tapachula, Chiapas"]) {
      const s = importTable(`fecha;lugar;caravana;cantidad\n13/10/2018;${name};C1;100\n`, {
        gazetteer,
        kind: "sightings",
      });
      const place = (s.records[0] as Sighting).placeName;
      const { recs } = countsOf([`23/10/2018;${name};norte;10;;`]);
      const p = gazetteer.places.find((x) => x.name === place)!;
      const withXY = countsOf([`23/10/2018;${name};norte;10;${p.lat};${p.lon}`]).recs;
      expect([recs[0]!.fmpName, withXY[0]!.fmpName], name).toEqual([place, place]);
    }
  });
});

describe("region qualifiers after a town's name", () => {
  it("reads municipalities, state abbreviations, titles and codes after a town as the town", () => {
    const cases: [string, string][] = [
      ["Tecún Umán, Ayutla", "Tecún Umán"],
      ["Ciudad Hidalgo, Suchiate", "Ciudad Hidalgo"],
      ["Ciudad Hidalgo, Suchiate, Chiapas", "Ciudad Hidalgo"],
      ["Tapachula, Chis.", "Tapachula"],
      ["Tapachula (Chis)", "Tapachula"],
      ["Tijuana, B.C.", "Tijuana"],
      ["Tijuana, BC", "Tijuana"],
      ["Tijuana, Baja California Norte", "Tijuana"],
      ["Tecún Umán, Depto. San Marcos", "Tecún Umán"],
      ["Tecún Umán, depto San Marcos", "Tecún Umán"],
      ["Tapachula, Chiapas MX", "Tapachula"],
      ["Tecún Umán, Guatemala, C.A.", "Tecún Umán"],
      ["Tapachula (Chiapas), México", "Tapachula"],
      ["Tecún Umán - San Marcos", "Tecún Umán"],
    ];
    const { r, recs } = countsOf(cases.map(([n]) => `23/10/2018;${n};norte;10;;`));
    expect(r.report.rejections).toEqual([]);
    expect(recs.map((x) => x.fmpName)).toEqual(cases.map((c) => c[1]));
    const said = r.report.warnings.filter((w) => w.code === "place_name_qualified");
    expect(said.map((w) => w.params?.["qualifierIs"])).toEqual(cases.map(() => "region"));
  });
  it("still keeps another point in the town under its own name", () => {
    const { recs } = countsOf([
      "23/10/2018;Tecún Umán (puente);norte;10;;",
      "23/10/2018;Tapachula - albergue;norte;10;;",
    ]);
    expect(recs.map((x) => x.fmpName)).toEqual(["Tecún Umán (puente)", "Tapachula - albergue"]);
  });
});
