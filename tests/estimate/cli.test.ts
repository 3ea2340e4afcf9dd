import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { formatCsv } from "../../src/export/csv.ts";
import { mulberry32 } from "../../src/util/random.ts";

const HEADER =
  "group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high," +
  "head_km,head_km_low,head_km_high,tail_km,tail_km_low,tail_km_high,written_before_fit,held_after_data,status";

describe("dtm-flow estimate", () => {
  it("dtm-flow estimate with no files writes tracks.csv (exact header), tracks.geojson and report.json for 2018", async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-"));
    const { context } = capture(dir);
    expect(await run(["estimate", "--out", "out"], context)).toBe(0);
    const csv = readFileSync(join(dir, "out", "tracks.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe(`\uFEFF${HEADER}`);
    expect(csv).toMatch(/Honduran caravan 1,2018-10-13,main,/);
    const geo = JSON.parse(readFileSync(join(dir, "out", "tracks.geojson"), "utf8"));
    const kinds = new Set(geo.features.map((f: { geometry: { type: string } }) => f.geometry.type));
    expect(kinds).toEqual(new Set(["Point", "LineString"]));
    // Each point's status is tracks.csv's, day by day (review 23b M2: it was blank on every point).
    const csvRows = csv
      .split("\r\n")
      .slice(1)
      .filter((l) => l !== "");
    const pointFeatures = geo.features.filter(
      (f: { geometry: { type: string } }) => f.geometry.type === "Point",
    );
    expect(
      pointFeatures.map((f: { properties: { status: string } }) => f.properties.status),
    ).toEqual(csvRows.map((l) => l.split(",").at(-1)));
    expect(new Set(csvRows.map((l) => l.split(",").at(-1)))).toContain("arrived");
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(report.sourceBiases.length).toBeGreaterThan(0);
    expect(Array.isArray(report.leftOut)).toBe(true);
    expect(Array.isArray(report.associations)).toBe(true);
    // Every track's end has a reason; the biggest group reached Tijuana, the end of its route.
    const ends = report.trackEnds as { group: string; reason: string }[];
    expect(ends.length).toBe(report.groups.length);
    expect(ends.find((e) => e.group === "Honduran caravan 1")?.reason).toBe("destination");
    // One last day per group in report.json and tracks.csv (tryout24 LOW-2): groups[].lastDate is
    // the last row, held days included; trackEnds[].heldThrough says a track is held past lastDate.
    const lastRow = new Map<string, string>();
    for (const l of csvRows) {
      const [group, date] = l.split(",");
      if (date! > (lastRow.get(group!) ?? "")) lastRow.set(group!, date!);
    }
    for (const g of report.groups as { group: string; lastDate: string }[])
      expect(g.lastDate, g.group).toBe(lastRow.get(g.group));
    const held = (
      report.trackEnds as { group: string; lastDate: string; heldThrough?: string }[]
    ).filter((e) => lastRow.get(e.group)! > e.lastDate);
    expect(held.length).toBeGreaterThan(0);
    for (const e of held) expect(e.heldThrough, e.group).toBe(lastRow.get(e.group));
    // Beside the pooled movement law, each labelled group's own law its track was smoothed with.
    const labelled = (report.groups as { group: string; labelled: boolean }[])
      .filter((g) => g.labelled)
      .map((g) => g.group)
      .sort();
    const own = report.groupMovement as { group: string; regimes: Record<string, number> }[];
    expect(own.map((m) => m.group)).toEqual(labelled);
    expect(own.some((m) => m.regimes.rest !== own[0]!.regimes.rest)).toBe(true);
    expect(report.movement.regimes.walk).toBeGreaterThan(0);
    const bodies = geo.features.filter(
      (f: { properties: { kind?: string } }) => f.properties.kind === "body",
    );
    expect(bodies.length).toBe(csv.trim().split("\r\n").length - 1);
    // written_before_fit: `true` exactly on the days report.json trackStarts says were written
    // before a track's first fitted day (2018: Honduran caravan 2 from "más de 400" on 17 Oct).
    const rows = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","));
    const col = HEADER.split(",").indexOf("written_before_fit");
    const flagged = rows.filter((r) => r[col] === "true").map((r) => `${r[0]} ${r[1]}`);
    const starts = report.trackStarts as {
      group: string;
      writtenFrom?: string;
      firstFittedDate: string;
      daysWritten: number;
    }[];
    const written = starts.flatMap((st) =>
      rows
        .filter(
          (r) =>
            r[0] === st.group && r[1]! >= (st.writtenFrom ?? "~") && r[1]! < st.firstFittedDate,
        )
        .map((r) => `${r[0]} ${r[1]}`),
    );
    expect(starts.reduce((n, st) => n + st.daysWritten, 0)).toBeGreaterThan(0);
    expect(flagged).toEqual(written);
    expect(flagged.length).toBe(starts.reduce((n, st) => n + st.daysWritten, 0));
    expect(flagged[0]).toBe("Honduran caravan 2 2018-10-17");
    expect(rows.every((r) => r.at(-3) === "true" || r.at(-3) === "")).toBe(true);
    expect(rows.every((r) => r.at(-2) === "true" || r.at(-2) === "")).toBe(true);
    // status: on_road / arrived / accounted_for / dissolved on every row (src/state/groupStatus.ts).
    expect(
      rows.every((r) => ["on_road", "arrived", "accounted_for", "dissolved"].includes(r.at(-1)!)),
    ).toBe(true);
    const points = geo.features.filter(
      (f: { geometry: { type: string } }) => f.geometry.type === "Point",
    );
    expect(
      points.filter(
        (f: { properties: { written_before_fit: boolean } }) => f.properties.written_before_fit,
      ).length,
    ).toBe(flagged.length);
  });

  it("dtm-flow estimate --as-of says it reads only what was observed by then, and writes no later day", async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-"));
    const io = capture(dir);
    const sightings = join(process.cwd(), "data/samples/avistamientos-rangos.csv");
    // One sample row is rejected on purpose (exit 1).
    expect(
      await run(
        ["estimate", "--sightings", sightings, "--as-of", "2018-10-20", "--out", "out"],
        io.context,
      ),
    ).toBe(1);
    expect(io.err.join("\n")).toMatch(
      /estimating from 10 sightings, .*only what was observed by the end of 2018-10-20, America\/Mexico_City time$/m,
    );
    const dates = readFileSync(join(dir, "out", "tracks.csv"), "utf8")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[1]!);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d <= "2018-10-20")).toBe(true);
  });

  it("dtm-flow estimate names a report that names its group too early to start its track (a mis-dated row)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-early-"));
    const rows = readFileSync("data/sightings.csv", "utf8").replace(
      /^2018-10-17,,,,SLV,Honduran caravan 2/m,
      "2018-08-17,,,,SLV,Honduran caravan 2",
    );
    writeFileSync(join(dir, "typo.csv"), rows);
    const io = capture(dir);
    expect(await run(["estimate", "--sightings", "typo.csv", "--out", "out"], io.context)).toBe(0);
    expect(io.err).toContain(
      "1 report names its group more than 21 days before its first position; its track is not written back to it (check its date): typo.csv:9 (Honduran caravan 2, 2018-08-17, 70 days before 2018-10-26); report.json trackStarts",
    );
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    const start = report.trackStarts.find(
      (s: { group: string }) => s.group === "Honduran caravan 2",
    );
    expect(start.daysWritten).toBe(0);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain("named_too_early");
    const csv = readFileSync(join(dir, "out", "tracks.csv"), "utf8");
    expect(csv).not.toMatch(/Honduran caravan 2,2018-(08|09)-/);
    expect(csv).toMatch(/Honduran caravan 2,2018-10-26,/);
  }, 120_000);

  it('dtm-flow estimate says which counts of one place or one point it read as "at least" (Kobo, es)', async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-bounds-"));
    const kobo = [
      "grp/Fecha y hora;grp/Lugar;grp/Caravana;grp/Cantidad;grp/Método;grp/Tipo de fuente;grp/Observaciones;_uuid",
      "15/01/2019 06:00;San Pedro Sula;Caravana enero;1.200;medios;prensa;salida;a1",
      "17/01/2019 20:00;Ciudad de Guatemala;Caravana enero;620;conteo;ong;Ocupación del albergue esta noche;a3",
      "18/01/2019 10:00;Ciudad de Guatemala;Caravana enero;2.000;medios;prensa;;a4",
      "20/01/2019 12:00;Ciudad Hidalgo;Caravana enero;450;registro;gobierno;registrados hoy en el punto de control;a6",
      "21/01/2019 12:00;Tapachula;Caravana enero;aprox. 2.300;medios;prensa;;a7",
    ].join("\n");
    writeFileSync(join(dir, "avistamientos.csv"), kobo, "utf8");
    const io = capture(dir);
    expect(
      await run(["estimate", "--sightings", "avistamientos.csv", "--out", "out"], io.context),
    ).toBe(0);
    // (The last line is the self-calibration's: 5 reports are too few to judge.)
    expect(io.err).toContain(
      "2 counts saw only the people at one place or one crossing point, not the whole group, so each is used as the fewest people their group can have: a3 (at least 620, at a place), a6 (at least 450, at a crossing point) (report.json, associations[].countScope).",
    );
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    const bounds = (report.associations as { sightingId: string; countScope?: string }[]).filter(
      (a) => a.countScope,
    );
    expect(bounds).toMatchObject([
      { sightingId: "a3", countScope: "place", sizeAtLeast: 620 },
      { sightingId: "a6", countScope: "passage", sizeAtLeast: 450 },
    ]);
    // --help says so too.
    const help = capture(dir);
    await run(["estimate", "--help"], help.context);
    expect(help.out.join("\n")).toMatch(/is read as "at least", not as the group's\s+size/);
  });

  it("dtm-flow estimate reads a simulated world from files (sightings, route, places)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-sim-"));
    const world = simulateWorld(worldOfDifficulty(0.2), mulberry32(77));
    const rows = world.dataset.sightings.map((s) => ({
      observed_at: s.observedAt,
      place_name: s.placeName,
      lat: s.lat,
      lon: s.lon,
      caravan_label: s.caravanLabel,
      size_best: s.sizeBest,
      size_min: s.sizeMin,
      size_max: s.sizeMax,
      source_type: s.sourceType,
    }));
    const columns = [
      "observed_at",
      "place_name",
      "lat",
      "lon",
      "caravan_label",
      "size_best",
      "size_min",
      "size_max",
      "source_type",
    ];
    writeFileSync(join(dir, "sightings.csv"), formatCsv(rows, { columns }));
    const places = world.dataset.places.map((p) => ({
      place_id: p.placeId,
      name: p.name,
      aliases: p.aliases.join("|"),
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
    }));
    writeFileSync(join(dir, "places.csv"), formatCsv(places));
    writeFileSync(join(dir, "route.geojson"), JSON.stringify(world.dataset.routes));
    const { context, err } = capture(dir);
    const status = await run(
      [
        "estimate",
        "--sightings",
        "sightings.csv",
        "--places",
        "places.csv",
        "--route",
        "route.geojson",
        "--out",
        "out",
      ],
      context,
    );
    expect(status, err.join("\n")).toBe(0);
    const lines = readFileSync(join(dir, "out", "tracks.csv"), "utf8")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(HEADER);
    const groups = new Set(lines.slice(1).map((l) => l.split(",")[0]));
    for (const t of world.truth) expect(groups.has(t.group)).toBe(true);
  });

  it("dtm-flow estimate --tz with an unknown zone exits 2 with one sentence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "estimate-tz-"));
    const { context, err } = capture(dir);
    expect(await run(["estimate", "--tz", "Mars/Base", "--out", "out"], context)).toBe(2);
    expect(err.join("\n")).toMatch(/not an IANA time zone/);
  });

  it("dtm-flow estimate without --out exits 2", async () => {
    const { context } = capture(tmpdir());
    expect(await run(["estimate"], context)).toBe(2);
  });
});
