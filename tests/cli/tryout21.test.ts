/**
 * Findings of the newcomer's tryout of stop 21 (ingest, counts, departures, output formatting),
 * through the command line as `npx dtm-flow …` runs them: each test fails without its fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

/** The value column of departed.csv on its last day. */
function lastDeparted(dir: string): number {
  const lines = readFileSync(join(dir, "departed.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const last = lines[lines.length - 1]!.split(",");
  return Number(last[header.indexOf("value")]);
}

describe("one border point named by id on some rows and by name on others (tryout21 item 2)", () => {
  const mixed = [
    "fecha,punto_id,nombre_punto,total,sentido",
    "2018-10-19,GT-TEC,,1000,norte",
    "2018-10-20,GT-TEC,Tecún Umán,1000,norte",
    "2018-10-21,,Tecún Umán,1000,norte",
    "2018-10-22,,Tecun Uman,1000,norte",
  ].join("\n");

  it("ledger counts the four days at one point: 4,000 left, not 2,000", async () => {
    const { dir, file } = tempFile("dtm-t21-", "c-mixed.csv", mixed);
    const io = capture(dir);
    expect(await run(["ledger", "--counts", file, "--out", join(dir, "l")], io.context)).toBe(0);
    expect(io.err.join("\n")).toContain("4,000 people left by then");
    expect(lastDeparted(join(dir, "l"))).toBe(4000);
  });

  it("import fills fmp_id and fmp_name from the gazetteer, and the ledger of its counts.csv agrees", async () => {
    const { dir, file: a } = tempFile(
      "dtm-t21-",
      "a-id.csv",
      "fecha,punto_id,total,sentido\n2018-10-19,GT-TEC,1000,norte\n2018-10-20,GT-TEC,1000,norte\n",
    );
    const b = join(dir, "b-name.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      b,
      "fecha,punto,total,sentido\n2018-10-21,Tecún Umán,1000,norte\n2018-10-22,Tecun Uman,1000,norte\n",
    );
    const io = capture(dir);
    expect(await run(["import", a, b, "--out", join(dir, "i")], io.context)).toBe(0);
    const rows = readFileSync(join(dir, "i", "counts.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(2);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/^2018-10-\d\d,GT-TEC,Tecún Umán,GTM,/);
    const io2 = capture(dir);
    const counts = join(dir, "i", "counts.csv");
    expect(await run(["ledger", "--counts", counts, "--out", join(dir, "l")], io2.context)).toBe(0);
    expect(lastDeparted(join(dir, "l"))).toBe(4000);
  });
});

describe("a place name thousands of km from the row's coordinates (tryout21 item 5)", () => {
  const conflict = [
    "fecha,lugar,caravana,personas,lat,lon",
    "2018-10-20,Tapachula,C1,3000,,",
    "2018-10-24,Huixtla,C1,3000,32.50,-117.00",
    "2018-10-26,Juchitán de Zaragoza,C1,2000,,",
  ].join("\n");

  it("validate warns with the row and both places", async () => {
    const { dir, file } = tempFile("dtm-t21-", "conflict.csv", conflict);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toMatch(
      /row 3 \[lugar\] place_coordinates_far: Huixtla is 3,1\d\d km from the coordinates given \(32\.5, -117, near Tijuana\)/,
    );
  });

  it("estimate prints the warning with its file and line, and places the row at Huixtla, not Tijuana", async () => {
    const { dir, file } = tempFile("dtm-t21-", "conflict.csv", conflict);
    const io = capture(dir);
    expect(await run(["estimate", "--sightings", file, "--out", join(dir, "e")], io.context)).toBe(
      0,
    );
    const err = io.err.join("\n");
    expect(err).toMatch(
      /conflict\.csv: sightings[^\n]*\n {2}row 3 \[lugar\] place_coordinates_far: Huixtla is/,
    );
    const lines = readFileSync(join(dir, "e", "tracks.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
    const kmHigh = header.indexOf("km_high");
    // Tapachula (km ≈ 740) is reported on 20 Oct: the interval must not reach Tijuana (4,521 km).
    for (const l of lines.slice(1)) expect(Number(l.split(",")[kmHigh])).toBeLessThan(2000);
  });

  it("a count's point name far from its coordinates: placed at the point, the coordinates kept as written", async () => {
    const { dir, file } = tempFile(
      "dtm-t21-",
      "conteo.csv",
      "fecha,punto,lat,lon,total,sentido\n2018-10-20,Tecún Umán,32.50,-117.00,1000,norte\n",
    );
    const io = capture(dir);
    expect(await run(["import", file, "--out", join(dir, "i")], io.context)).toBe(0);
    const csv = readFileSync(join(dir, "i", "counts.csv"), "utf8");
    expect(csv.split(/\r?\n/)[2]).toMatch(
      /^2018-10-20,GT-TEC,Tecún Umán,GTM,14\.67737,-92\.14039,/,
    );
    expect(csv).toContain("lat_as_written");
    const report = JSON.parse(readFileSync(join(dir, "i", "import-report.json"), "utf8"));
    const w = report.files[0].warnings.find(
      (x: { code: string }) => x.code === "place_coordinates_far",
    );
    expect(w?.line).toBe(2);
    const { issueText } = await import("../../src/index.ts");
    expect(issueText("es", w)).toMatch(/^Tecún Umán está a 3,\d{3} km de las coordenadas dadas/);
  });
});

describe("countsLeftOut names each count by its file and line (tryout21 item 8)", () => {
  it("a title row above the header and a count nobody passed: row is conteo.csv:<line>", async () => {
    const { dir, file } = tempFile(
      "dtm-t21-",
      "conteo.csv",
      [
        "Conteo de flujos;;;",
        ";;;",
        "Fecha;Punto de monitoreo;Sentido;Total personas",
        "19/10/2018;Tecún Umán;norte;3000",
        "20/10/2018;Tecún Umán;sur;40",
      ].join("\r\n"),
    );
    const sightings = join(dir, "s.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      sightings,
      "fecha,lugar,caravana,personas\n2018-10-13,San Pedro Sula,C1,1300\n2018-10-19,Tecún Umán,C1,3000\n2018-10-21,Tapachula,C1,3000\n",
    );
    const io = capture(dir);
    const args = ["estimate", "--sightings", sightings, "--counts", file, "--out", join(dir, "e")];
    expect(await run(args, io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "e", "report.json"), "utf8"));
    expect(report.countsLeftOut).toContainEqual({
      row: "conteo.csv:5",
      reason: "southbound: people going back, not a group passing",
    });
  });
});

describe("positions dropped as off-route are said on stderr, one line each (tryout21 item 9)", () => {
  it("estimate names both reports 600 km off the route", async () => {
    const { dir, file } = tempFile(
      "dtm-t21-",
      "off.csv",
      [
        "fecha,lugar,caravana,personas,lat,lon",
        "2018-10-20,Tapachula,C1,3000,,",
        "2018-10-22,Huixtla,C1,3000,,",
        "2018-10-24,,C1,2500,21.16,-86.85",
        "2018-10-25,,C1,2500,25.68,-100.31",
        "2018-10-26,Juchitán de Zaragoza,C1,2000,,",
      ].join("\n"),
    );
    const io = capture(dir);
    expect(await run(["estimate", "--sightings", file, "--out", join(dir, "e")], io.context)).toBe(
      0,
    );
    const lines = io.err.filter((l) => l.startsWith("position ignored: "));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^position ignored: off\.csv:4: \d+ km off route main; only its size/);
    expect(lines[1]).toMatch(/^position ignored: off\.csv:5: /);
  });
});

describe("a Spanish `punto` column beside `punto_id` is the point's name (tryout21 item 13)", () => {
  it("validate maps punto to fmp_name, and every row is accepted", async () => {
    const { dir, file } = tempFile(
      "dtm-t21-",
      "conteo.csv",
      "fecha,punto_id,punto,total,sentido\n2018-10-19,GT-TEC,,1000,norte\n2018-10-21,,Tecún Umán,1000,norte\n",
    );
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain("punto → fmp_name");
    expect(said).not.toContain("missing_place");
  });
  it("a name in a column kept as extra: the reason says which column and how to map it", async () => {
    const { dir, file } = tempFile(
      "dtm-t21-",
      "conteo.csv",
      "fecha,punto_id,nombre,total,sentido\n2018-10-19,GT-TEC,,1000,norte\n2018-10-21,,Tecún Umán,1000,norte\n",
    );
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toMatch(
      /row 3 \[punto_id\] missing_place: [^\n]*column "nombre", kept as an extra column, holds "Tecún Umán"[^\n]*--columns fmp_name=nombre/,
    );
    expect(said).not.toMatch(/all blank/);
  });
});

describe("every km of tracks.csv has one decimal (tryout21 item 17)", () => {
  it("estimate of the 2018 data: no km cell carries the route's unrounded length", async () => {
    const { dir } = tempFile("dtm-t21-", "unused.txt", "");
    const io = capture(dir);
    expect(await run(["estimate", "--out", join(dir, "e")], io.context)).toBe(0);
    const lines = readFileSync(join(dir, "e", "tracks.csv"), "utf8")
      .trim()
      .split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
    const kmColumns = header.flatMap((h, i) => (/km/.test(h) ? [i] : []));
    expect(kmColumns.length).toBe(9);
    const long = lines
      .slice(1)
      .flatMap((l) => kmColumns.map((i) => l.split(",")[i]!))
      .filter((v) => /\.\d{2,}/.test(v));
    expect(long).toEqual([]);
  }, 60_000);
});

describe("wording of the importer's reasons (tryout21 item 20)", () => {
  const sheet = [
    "fecha;punto;sentido;total",
    "31/11/2018;Tecún Umán;Nte.;100",
    "29/02/2018;Tecún Umán;norte;100",
    "20/10/2018;Tecún Umán;Nte.;",
  ].join("\n");
  it("says which month is too short, reads Nte. as north, and names no sum of parts that do not exist", async () => {
    const { dir, file } = tempFile("dtm-t21-", "conteo.csv", sheet);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const said = io.out.concat(io.err).join("\n");
    expect(said).toContain('"31/11/2018" is not a usable date: November has 30 days.');
    expect(said).toContain('"29/02/2018" is not a usable date: February 2018 has 28 days.');
    expect(said).not.toContain("invalid_direction");
    expect(said).toMatch(/row 4 \[total\] missing_total: [^\n]*so the total is unknown\./);
    expect(said).not.toContain("add up to 0");
  });
  it("a scenario wave without its origin: the origin is missing, not undefined", async () => {
    const wave = { date: "2018-10-13", people: 100 };
    const body = { start: "2018-10-13", horizonDays: 10, runs: 10, seed: 1, waves: [wave] };
    const { dir, file } = tempFile("dtm-t21-", "sc.json", JSON.stringify(body));
    const io = capture(dir);
    expect(await run(["scenario", file, "--out", join(dir, "s")], io.context)).toBe(2);
    const said = io.err.join("\n");
    expect(said).toContain("/waves/0/origin: a place name, id or P-code is missing");
    expect(said).not.toContain("undefined");
  });
});
