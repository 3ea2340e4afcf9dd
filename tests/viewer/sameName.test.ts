/**
 * A file dropped under a listed file's name is decided by content (viewer/analyst/sameName.ts):
 * the same bytes are a re-drop, a file on the same ground is its new version, a file elsewhere is
 * another file kept beside it; and the panel says which, in English and Spanish.
 */
import { describe, expect, it } from "vitest";
import { createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import type { EarlierVersion } from "../../viewer/analyst/panelState.ts";
import { fingerprintOf, sameBytes, sameNameDecision } from "../../viewer/analyst/sameName.ts";
import type { SameNameSide } from "../../viewer/analyst/sameName.ts";
import { sameNameNoteText } from "../../viewer/analyst/sameNameText.ts";

const gazetteer = createGazetteer(embedded2018().places);
const HEADER = "Fecha;Punto de monitoreo;Dirección;Total personas";

/** The side of a count sheet, read by the library's importer as the worker reads it. */
function sheet(...rows: string[]): SameNameSide {
  const r = importTable([HEADER, ...rows].join("\n"), { fileName: "conteo.csv", gazetteer });
  return {
    kind: r.kind,
    usable: r.report.accepted > 0 && !r.report.fatal,
    fingerprint: fingerprintOf(r.records),
  };
}

const v1 = sheet("23/10/2018;Tecún Umán;Norte;2270", "24/10/2018;Ciudad Hidalgo;Norte;170");

describe("a file of a listed name: its new version or another file", () => {
  it("the same points and days (a row added, a figure fixed): its corrected version", () => {
    const v2 = sheet(
      "23/10/2018;Tecun Uman;Norte;2270",
      "24/10/2018;Ciudad Hidalgo;Norte;175",
      "25/10/2018;Ciudad Hidalgo;Norte;60",
    );
    expect(v2.fingerprint.where).toEqual(["tecún umán", "ciudad hidalgo"]);
    expect(v2.fingerprint.days).toEqual(["2018-10-23", "2018-10-25"]);
    expect(sameNameDecision(v1, v2)).toEqual({ decision: "replace", why: "same_ground" });
  });

  it("another office's sheet of the same template (other points), or another week: both kept", () => {
    const tapachula = sheet("23/10/2018;Tapachula;Norte;900", "24/10/2018;Huixtla;Norte;800");
    expect(sameNameDecision(v1, tapachula)).toEqual({ decision: "keep_both", why: "other_places" });
    const nextWeek = sheet("30/10/2018;Tecún Umán;Norte;300", "31/10/2018;Ciudad Hidalgo;Norte;40");
    expect(sameNameDecision(v1, nextWeek)).toEqual({ decision: "keep_both", why: "other_days" });
  });

  it("another source, another kind, an unusable file: never a silent replacement", () => {
    const side = (over: Partial<SameNameSide>): SameNameSide => ({ ...v1, ...over });
    const oim = side({ fingerprint: { ...v1.fingerprint, sources: ["OIM"] } });
    const acnur = side({ fingerprint: { ...v1.fingerprint, sources: ["ACNUR"] } });
    expect(sameNameDecision(oim, acnur).why).toBe("other_sources");
    expect(sameNameDecision(v1, side({ kind: "sightings" })).why).toBe("other_kind");
    // A broken new version does not push a usable one out of the replay; a broken earlier one goes.
    expect(sameNameDecision(v1, side({ usable: false }))).toEqual({
      decision: "keep_both",
      why: "new_unusable",
    });
    expect(sameNameDecision(side({ usable: false }), v1)).toEqual({
      decision: "replace",
      why: "earlier_unusable",
    });
  });

  it("the same bytes are the same file, piece by piece", async () => {
    const big = "x".repeat((1 << 20) + 5);
    expect(await sameBytes(new Blob([big]), new Blob([big]))).toBe(true);
    expect(await sameBytes(new Blob([big]), new Blob([big.slice(0, -1) + "y"]))).toBe(false);
    expect(await sameBytes(new Blob(["ab"]), new Blob(["abc"]))).toBe(false);
  });

  it("route files by their route ids", () => {
    expect(fingerprintOf([], ["ruta-1"]).where).toEqual(["ruta-1"]);
  });
});

describe("what the entry says", () => {
  const earlier: EarlierVersion = {
    file: new File(["a"], "conteo.csv"),
    accepted: 2,
    places: 2,
    days: ["2018-10-23", "2018-10-24"],
    choices: { 4: "direction" },
    forced: true,
  };
  it("what it replaced, the choices kept and not applied, use anyway carried over", () => {
    const note = {
      decision: "replace" as const,
      why: "same_ground" as const,
      earlier,
      choicesKept: 1,
      choicesMissing: ["Sentido_x"],
      forcedKept: true,
    };
    expect(sameNameNoteText("es", note)).toBe(
      "Sustituye al archivo anterior del mismo nombre (2 filas, 2 lugares, del 2018-10-23 al 2018-10-24): los mismos puntos y días: se lee como su versión corregida. Se conservan las columnas que usted asignó en él. No se aplican (esa columna no está en esta versión): Sentido_x. Se usa de todos modos, como la versión anterior.",
    );
    expect(sameNameNoteText("en", note)).toMatch(
      /^Replaces the earlier file of the same name \(2 rows, 2 places, 2018-10-23 to 2018-10-24\).* Used anyway, as the earlier version was\.$/,
    );
  });
  it("why both are kept", () => {
    const keep = {
      decision: "keep_both" as const,
      why: "other_places" as const,
      earlierId: "f1",
      choicesKept: 0,
      choicesMissing: [],
    };
    expect(sameNameNoteText("es", keep)).toBe(
      "Mismo nombre que un archivo anterior, con otro contenido (otros puntos o lugares): se usan los dos.",
    );
    expect(sameNameNoteText("en", { ...keep, why: "new_unusable" })).toBe(
      "Same name as an earlier file; this one cannot be used, and the earlier one stays in the replay.",
    );
  });
});
