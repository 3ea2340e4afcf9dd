import { describe, expect, it } from "vitest";
import { importTable } from "../../src/ingest/importer.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { testGazetteer } from "./helpers.ts";

const sightings = (csv: string) =>
  importTable(csv, { kind: "sightings", gazetteer: testGazetteer(), today: "2019-01-31" });

describe("size_approximate column", () => {
  it("a header such as 'Tamaño aproximado' or 'size approx' is not the flag column: its numbers are kept", () => {
    for (const h of [
      "Tamaño aproximado",
      "tamano_aproximado",
      "size approx",
      "Grupo/Tamaño aproximado",
    ]) {
      const r = sightings(`Fecha,Lugar,Caravana,${h}\n2018-10-20,Tapachula,Caravana 1,3000\n`);
      const col = r.report.columns.find((c) => c.column === h);
      expect(col?.field, h).not.toBe("size_approximate");
      const rec = r.records[0] as Sighting;
      expect(rec.sizeBest === 3000 || rec.extra?.[h] === "3000", h).toBe(true);
    }
  });
  it("the exact name and the HXL tag still read the flag", () => {
    const a = sightings(
      "observed_at,place_name,size_best,size_approximate\n2018-10-20,Tapachula,3000,true\n",
    );
    expect((a.records[0] as Sighting).sizeApproximate).toBe(true);
    const b = sightings(
      "observed_at,place_name,size_best,aprox\n#date,#loc+name,#affected,#x_approximate\n2018-10-20,Tapachula,3000,sí\n",
    );
    expect((b.records[0] as Sighting).sizeApproximate).toBe(true);
  });
  it("a flag that is not a yes- or no-word is warned and kept as written; a no-word is no flag", () => {
    const r = sightings(
      "observed_at,place_name,size_best,size_approximate\n2018-10-20,Tapachula,3000,3000\n2018-10-21,Tapachula,1200,no\n2018-10-22,Tapachula,1300,FALSO\n",
    );
    expect(r.report.warnings.map((w) => [w.line, w.code])).toEqual([[2, "invalid_category"]]);
    const [a, b, c] = r.records as Sighting[];
    expect(a!.sizeApproximate).toBeUndefined();
    expect(a!.extra).toEqual({ size_approximate: "3000" });
    expect(b!.sizeApproximate).toBeUndefined();
    expect(c!.sizeApproximate).toBeUndefined();
  });
  it("a yes flag on a row without a size is ignored with a warning", () => {
    const r = sightings(
      "observed_at,place_name,caravan_label,size_best,size_approximate\n2018-10-25,Tapachula,C1,,true\n",
    );
    expect(r.report.warnings.map((w) => w.code)).toContain("approximate_without_size");
    expect((r.records[0] as Sighting).sizeApproximate).toBeUndefined();
  });
});

describe("size_approximate and repeated reports", () => {
  it("'aprox. 7000' and '7000' from the same source the same day are one report (the flag is not compared)", () => {
    const r = sightings(
      "observed_at,place_name,caravan_label,size_best,source_org\n2018-10-20,Tapachula,C1,aprox. 7000,OIM\n2018-10-20,Tapachula,C1,7000,OIM\n",
    );
    expect(r.report.rejections.map((x) => [x.line, x.code])).toEqual([[3, "duplicate_record"]]);
    expect((r.records[0] as Sighting).sizeApproximate).toBe(true);
  });
});

describe("an approximate figure that is not accepted", () => {
  it("'aprox. 700 a 500' is only an inverted range; 'aprox. -500' only negative", () => {
    const r = sightings(
      "observed_at,place_name,caravan_label,size\n2018-10-20,Tapachula,C1,aprox. 700 a 500\n2018-10-21,Tapachula,C1,aprox. -500\n",
    );
    expect([...r.report.rejections, ...r.report.warnings].map((x) => [x.line, x.code])).toEqual([
      [2, "range_inverted"],
      [3, "negative_count"],
    ]);
  });
});
