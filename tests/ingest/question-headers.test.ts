import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { mapHeaders } from "../../src/ingest/headers.ts";
import { headerScope, matchQuestion } from "../../src/ingest/question-headers.ts";
import { importTable } from "../../src/index.ts";
import { capture, tempFile } from "../cli/capture.ts";

// A Kobo export with label headers (the question texts), `;`-separated and quoted as Kobo writes it.
const KOBO_LABELS_ES = [
  '"start";"Fecha de la observación";"¿Dónde está el grupo?";"Caravana";"¿Cuántas personas hay en el albergue?";"Observaciones";"_uuid"',
  '"2018-10-20T08:00:00.000-06:00";"20/10/2018";"Tapachula";"Honduran caravan 1";"1.200";"";"a1"',
  '"2018-10-21T08:00:00.000-06:00";"21/10/2018";"Huixtla";"Honduran caravan 1";"3 mil";"conteo nocturno";"a2"',
  '"2018-10-22T08:00:00.000-06:00";"22/10/2018";"Huixtla";"Honduran caravan 1";"";"sin conteo";"a3"',
].join("\r\n");

describe("Kobo label headers (the question text)", () => {
  it("reads how-many, where and when questions as fields, in Spanish and English", () => {
    expect(matchQuestion("¿Cuántas personas hay en el albergue?", "sightings")).toBe("size");
    expect(matchQuestion("How many people are at the shelter?", "sightings")).toBe("size");
    expect(matchQuestion("Número de migrantes en el grupo", "sightings")).toBe("size");
    expect(matchQuestion("Personas en el albergue", "sightings")).toBe("size");
    expect(matchQuestion("¿Cuántas personas pasaron?", "counts")).toBe("total");
    expect(matchQuestion("¿Dónde está el grupo?", "sightings")).toBe("place_name");
    expect(matchQuestion("Where is the group?", "counts")).toBe("fmp_name");
    expect(matchQuestion("¿Cuándo se vio el grupo?", "sightings")).toBe("observed_at");
    expect(matchQuestion("¿Qué caravana es?", "sightings")).toBe("caravan_label");
    expect(matchQuestion("Which group is it?", "stocks")).toBe("caravan_label");
    expect(matchQuestion("¿Qué caravana es?", "counts")).toBeUndefined();
    // Not questions about a count of people, or not of this table.
    expect(matchQuestion("¿Cuántos buses?", "sightings")).toBeUndefined();
    expect(matchQuestion("¿Necesitan agua?", "sightings")).toBeUndefined();
    expect(matchQuestion("¿Cuántas personas?", "places")).toBeUndefined();
  });

  it("reads the scope a header gives its figures: one place, one point, or the group", () => {
    expect(headerScope("¿Cuántas personas hay en el albergue?")).toBe("place");
    expect(headerScope("How many people are at the shelter?")).toBe("place");
    expect(headerScope("¿Cuántas personas pasaron hoy por el punto de control?")).toBe("passage");
    expect(headerScope("¿Cuántas personas hay en el grupo?")).toBeUndefined();
  });

  it("reads a question after its group's label (Kobo's hierarchy in labels), with its scope", () => {
    const m = mapHeaders(
      [
        "Observación/Fecha",
        "Observación/¿Dónde está el grupo?",
        "Conteo/How many people are at the shelter?",
      ],
      undefined,
      "sightings",
    );
    expect(m.columns.map((c) => [c.field, c.countScope])).toEqual([
      ["observed_at", undefined],
      ["place_name", undefined],
      ["size", "place"],
    ]);
  });

  it("maps the question columns and carries the scope into the notes of rows with a figure", () => {
    const { records, report } = importTable(new TextEncoder().encode(KOBO_LABELS_ES), {
      fileName: "kobo-etiquetas.csv",
    });
    expect(report).toMatchObject({ kind: "sightings", dataRows: 3, accepted: 3, rejected: 0 });
    const byColumn = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byColumn["¿Dónde está el grupo?"]).toMatchObject({
      field: "place_name",
      how: "question",
    });
    expect(byColumn["Fecha de la observación"]).toMatchObject({ field: "observed_at" });
    expect(byColumn["¿Cuántas personas hay en el albergue?"]).toMatchObject({
      field: "size",
      how: "question",
      countScope: "place",
    });
    expect(report.warnings.map((w) => w.code)).toContain("count_scope_from_header");
    const notes = (records as { notes?: string; sizeBest?: number }[]).map((r) => [
      r.sizeBest,
      r.notes,
    ]);
    expect(notes).toEqual([
      [1200, "¿Cuántas personas hay en el albergue?"],
      [3000, "conteo nocturno | ¿Cuántas personas hay en el albergue?"],
      [undefined, "sin conteo"],
    ]);
  });

  it("through the CLI: validate names the scope, estimate reads the figures as at least", async () => {
    const { dir, file } = tempFile("dtm-kobo-labels-", "kobo-etiquetas.csv", KOBO_LABELS_ES);
    const v = capture(dir);
    expect(await run(["validate", file], v.context)).toBe(0);
    expect(v.out.join("\n")).toMatch(
      /¿Cuántas personas hay en el albergue\? → size \(question\)\n[\s\S]*\n {2}"¿Cuántas personas hay en el albergue\?" counts only the people at one place.*\("at least"\)\./,
    );
    const e = capture(dir);
    expect(await run(["estimate", "--sightings", file, "--out", join(dir, "out")], e.context)).toBe(
      0,
    );
    expect(e.err.join("\n")).toMatch(
      /2 counts saw only the people at one place.*used as the fewest people their group can have: a1 \(at least 1,200, at a place\), a2 \(at least 3,000, at a place\)/,
    );
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    const scoped = report.associations.filter((a: { countScope?: string }) => a.countScope);
    expect(scoped.map((a: { sightingId: string }) => a.sightingId).sort()).toEqual(["a1", "a2"]);
    // The input is never changed.
    expect(readFileSync(file, "utf8")).toBe(KOBO_LABELS_ES);
  });
});

describe("Kobo's today column", () => {
  it("is the date only when no other column holds it, in sightings and counts", () => {
    const sightings = mapHeaders(
      ["today", "grp/lugar", "grp/cantidad", "_uuid"],
      undefined,
      "sightings",
    );
    expect(sightings.columns[0]).toMatchObject({ field: "observed_at", how: "kobo_meta" });
    expect(sightings.missing).toEqual([]);
    // Kobo puts today before the questions: a fecha question is the observation date, today an extra.
    const both = mapHeaders(["today", "grp/fecha", "grp/lugar"], undefined, "sightings");
    expect(both.fieldIndex.get("observed_at")).toBe(1);
    expect(both.columns[0]!.field).toBeUndefined();
    expect(both.duplicateFields).toEqual([]);
    const counts = mapHeaders(
      ["today", "punto", "direccion", "total", "fecha"],
      undefined,
      "counts",
    );
    expect(counts.fieldIndex.get("date")).toBe(4);
  });

  it("through the CLI: a Kobo sightings export dated only by today is read as sightings", async () => {
    const { dir, file } = tempFile(
      "dtm-kobo-today-",
      "kobo-avistamientos.csv",
      [
        '"today";"grp_obs/lugar";"grp_obs/cantidad";"_uuid"',
        '"2018-10-20";"Tapachula";"4000";"u1"',
        '"2018-10-21";"Huixtla";"aprox. 3000";"u2"',
      ].join("\n"),
    );
    const v = capture(dir);
    expect(await run(["validate", file], v.context)).toBe(0);
    expect(v.out.join("\n")).toMatch(
      /sightings \(detected\)[\s\S]*today → observed_at \(kobo_meta\)/,
    );
  });
});

describe("Kobo label headers of a count form", () => {
  const fields = (header: string[], kind: "counts" | "sightings") =>
    Object.fromEntries(
      mapHeaders(header, undefined, kind).columns.map((c) => [c.column, c.field ?? null]),
    );

  it("reads labels that start with a field's name, and counting words before one", () => {
    expect(
      fields(
        [
          "Fecha del conteo",
          "Punto de monitoreo de flujos",
          "Dirección del flujo",
          "Número de hombres adultos",
          "Número de niños",
          "Número de niñas",
          "¿Cuántos NNA no acompañados?",
          "Total de personas",
          "Nacionalidad principal",
        ],
        "counts",
      ),
    ).toEqual({
      "Fecha del conteo": "date",
      "Punto de monitoreo de flujos": "fmp_name",
      "Dirección del flujo": "direction",
      "Número de hombres adultos": "men",
      "Número de niños": "boys",
      "Número de niñas": "girls",
      "¿Cuántos NNA no acompañados?": "uac",
      "Total de personas": "total",
      "Nacionalidad principal": "nationality",
    });
  });

  it("never reads an origin or destination as the place, and a column named exactly wins", () => {
    const m = fields(["Fecha", "Lugar de origen", "Lugar de destino", "Cantidad"], "sightings");
    expect(m["Lugar de origen"]).toBeNull();
    expect(m["Lugar de destino"]).toBeNull();
    const both = fields(["Fecha", "Lugar del avistamiento", "Lugar", "Cantidad"], "sightings");
    expect(both).toMatchObject({ "Lugar del avistamiento": null, Lugar: "place_name" });
  });

  it("through the CLI: a Kobo count form exported with labels is read", async () => {
    const { dir, file } = tempFile(
      "dtm-kobo-count-labels-",
      "conteo-etiquetas.csv",
      [
        '"start";"today";"Fecha del conteo";"Punto de monitoreo de flujos";"Dirección del flujo";"Número de hombres adultos";"Número de mujeres adultas";"Número de niños";"Número de niñas";"Total de personas";"_uuid"',
        '"2018-10-20T08:00";"2018-10-21";"20/10/2018";"Tecún Umán";"Norte";"10";"5";"3";"2";"20";"z1"',
      ].join("\n"),
    );
    const x = capture(dir);
    expect(await run(["validate", file], x.context)).toBe(0);
    expect(x.out.join("\n")).toMatch(/1 data row: 1 accepted, 0 rejected/);
    expect(x.out.join("\n")).toMatch(/Número de niñas → girls \(question\)/);
  });
});
