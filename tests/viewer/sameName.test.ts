/**
 * A file dropped under a listed file's name is decided by content (viewer/analyst/sameName.ts):
 * the same bytes are a re-drop, a file on the same ground is its new version, a file elsewhere is
 * another file kept beside it; and the panel says which, in English and Spanish.
 */
import { describe, expect, it } from "vitest";
import { createGazetteer, embedded2018, importTable } from "../../src/index.ts";
import { forceCarries, heldOf, sameNameSide } from "../../viewer/analyst/panelState.ts";
import type { EarlierVersion } from "../../viewer/analyst/panelState.ts";
import type { FileSummary } from "../../viewer/analyst/protocol.ts";
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
    // The importer fills each point's id from the gazetteer (tryout21 item 2): one key per point.
    expect(v2.fingerprint.where).toEqual(["gt-tec", "mx-chi"]);
    expect(v2.fingerprint.days).toEqual(["2018-10-23", "2018-10-25"]);
    expect(sameNameDecision(v1, v2)).toEqual({
      decision: "replace",
      why: "same_ground",
      overlap: { where: [2, 2], days: [2, 2] },
    });
  });

  it("a subset of another office's points, or next week's sheet sharing one day: both kept", () => {
    // review20a #5: two points 1–7 Oct; one of them 5–9 Oct, the same organisation.
    const oct = (a: number, b: number) =>
      Array.from({ length: b - a + 1 }, (_, i) => `${String(a + i).padStart(2, "0")}/10/2018`);
    const rows = (points: string[], days: string[]) =>
      points.flatMap((p) => days.map((d) => `${d};${p};Norte;10`));
    const office = sheet(...rows(["Tecún Umán", "Ciudad Hidalgo"], oct(1, 7)));
    const subset = sheet(...rows(["Tecún Umán"], oct(5, 9)));
    expect(sameNameDecision(office, subset)).toEqual({
      decision: "keep_both",
      why: "other_places",
      overlap: { where: [1, 2], days: [3, 7] },
    });
    const week = sheet(...rows(["Tecún Umán"], oct(1, 7)));
    const nextWeek = sheet(...rows(["Tecún Umán"], oct(7, 14)));
    expect(sameNameDecision(week, nextWeek)).toEqual({
      decision: "keep_both",
      why: "other_days",
      overlap: { where: [1, 1], days: [1, 7] },
    });
    // The same week re-sent with one more day and a figure fixed is its corrected version.
    expect(sameNameDecision(week, sheet(...rows(["Tecún Umán"], oct(1, 8)))).why).toBe(
      "same_ground",
    );
  });

  it("a held new version (more rows rejected than accepted) never pushes a used one out", () => {
    const held = { ...v1, held: true };
    expect(sameNameDecision(v1, held)).toEqual({ decision: "keep_both", why: "new_held" });
    // Held against held (neither in the replay): decided by the ground as before.
    expect(sameNameDecision(held, held).why).toBe("same_ground");
  });

  it("a file's side from its summary: held unless it carries the earlier one's 'use anyway'", () => {
    const summary = (status: FileSummary["status"], rejected: number, forced = false) =>
      ({
        kind: "counts",
        status,
        forced,
        report: { accepted: 2, rejected },
        fingerprint: v1.fingerprint,
      }) as unknown as FileSummary;
    const used = summary("used", 0);
    const held = summary("held", 5);
    expect(sameNameSide(held, used).held).toBe(true);
    expect(sameNameDecision(sameNameSide(used), sameNameSide(held, used)).why).toBe("new_held");
    // The earlier was used anyway with 5 rows rejected: a version rejecting no more replaces it …
    const forced = summary("used", 5, true);
    expect(forceCarries(forced, held)).toBe(true);
    expect(sameNameDecision(sameNameSide(forced), sameNameSide(held, forced)).why).toBe(
      "same_ground",
    );
    // … one rejecting more is held beside it, for the analyst to look at (review20a #11).
    const worse = summary("held", 6);
    expect(forceCarries(forced, worse)).toBe(false);
    expect(sameNameDecision(sameNameSide(forced), sameNameSide(worse, forced)).why).toBe(
      "new_held",
    );
  });

  it("another office's sheet of the same template (other points), or another week: both kept", () => {
    const tapachula = sheet("23/10/2018;Tapachula;Norte;900", "24/10/2018;Huixtla;Norte;800");
    expect(sameNameDecision(v1, tapachula)).toMatchObject({
      decision: "keep_both",
      why: "other_places",
    });
    const nextWeek = sheet("30/10/2018;Tecún Umán;Norte;300", "31/10/2018;Ciudad Hidalgo;Norte;40");
    expect(sameNameDecision(v1, nextWeek)).toMatchObject({
      decision: "keep_both",
      why: "other_days",
    });
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
      overlap: { where: [2, 2] as [number, number], days: [2, 2] as [number, number] },
      earlier,
      choicesKept: 1,
      choicesMissing: ["Sentido_x"],
      forcedKept: true,
    };
    expect(sameNameNoteText("es", note)).toBe(
      "Sustituye al archivo anterior del mismo nombre (2 filas, 2 lugares, del 2018-10-23 al 2018-10-24): este contiene 2 de los 2 puntos o lugares y 2 de los 2 días del anterior: se lee como su versión corregida. Se conservan las columnas que usted asignó en él. No se aplican (esa columna no está en esta versión): Sentido_x. Se usa de todos modos, como la versión anterior.",
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
    // review20a #10: "both are used" only when neither is held.
    expect(sameNameNoteText("en", { ...keep, held: "new" })).toBe(
      "Same name as an earlier file, other content (other points or places): kept beside it; this one is held, not used.",
    );
    expect(sameNameNoteText("es", { ...keep, held: "earlier" })).toBe(
      "Mismo nombre que un archivo anterior, con otro contenido (otros puntos o lugares): se conserva a su lado; el anterior está en espera, no se usa.",
    );
    expect(heldOf({ status: "held" }, { status: "used" })).toBe("earlier");
    expect(heldOf({ status: "used" }, { status: "used" })).toBeUndefined();
    expect(sameNameNoteText("en", { ...keep, why: "new_held" })).toBe(
      "Same name as an earlier file; this one is held (more rows rejected than accepted) and kept beside it; the earlier one stays in the replay.",
    );
    expect(
      sameNameNoteText("en", {
        ...keep,
        why: "other_days",
        overlap: { where: [1, 1], days: [1, 7] },
      }),
    ).toBe(
      "Same name as an earlier file, other content (other days; it holds 1 of the earlier file's 1 points or places and 1 of its 7 days): both are used.",
    );
  });
});
