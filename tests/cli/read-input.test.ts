import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset, readTableFile, summarizeReport } from "../../cli/read-input.ts";
import { UserError } from "../../cli/errors.ts";
import { capture } from "./capture.ts";
import { EMBEDDED_2018_NAME, embedded2018 } from "../../src/embedded/index.ts";

const context = (cwd: string) => capture(cwd).context;

describe("cli/read-input", () => {
  it("loadDataset({}) is the embedded 2018 dataset", async () => {
    const { dataset, reports, embedded } = await loadDataset({}, context(process.cwd()));
    expect(dataset.name).toBe(EMBEDDED_2018_NAME);
    expect(dataset.sightings).toEqual(embedded2018().sightings);
    expect(reports).toEqual([]);
    expect(embedded).toBe(true);
  });
  it("loadDataset reads a user's sightings and resolves their places against embedded and user places", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-read-"));
    writeFileSync(
      join(dir, "lugares.csv"),
      "place_id,name,country,lat,lon,kind\nGT-ECA,El Carmen,GTM,14.79,-92.13,punto de monitoreo\n",
    );
    writeFileSync(
      join(dir, "av.csv"),
      "fecha,lugar,caravana,cantidad\n2018-10-19,El Carmen,C1,500\n2018-10-21,Tapachula,C1,7000\n2018-10-22,Nowhere,C1,1\n",
    );
    const { dataset, reports, rejected, embedded } = await loadDataset(
      { sightings: "av.csv", places: "lugares.csv" },
      context(dir),
    );
    expect(embedded).toBe(false);
    expect(dataset.sightings.map((s) => [s.placeName, s.lat])).toEqual([
      ["El Carmen", 14.79],
      ["Tapachula", expect.any(Number)],
    ]);
    expect(dataset.counts).toEqual([]);
    expect(dataset.places[0]!.placeId).toBe("GT-ECA");
    expect(dataset.routes).toEqual(embedded2018().routes);
    expect(rejected).toBe(1);
    expect(reports.map((r) => r.fileName)).toEqual(["av.csv", "lugares.csv"]);
    expect(summarizeReport(reports[0]!)).toBe(
      "av.csv: sightings, 3 data rows, 2 accepted, 1 rejected, 0 warnings",
    );
  });
  it("readTableFile throws a UserError (one sentence) for a missing or unusable file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-read-"));
    writeFileSync(join(dir, "x.csv"), "punto;direccion;total\nA;norte;1\n");
    await expect(readTableFile("missing.csv", undefined, context(dir))).rejects.toThrow(UserError);
    await expect(readTableFile("x.csv", "counts", context(dir))).rejects.toThrow(
      /x.csv: no date column/,
    );
  });
  it("loadDataset refuses a file given under the wrong option and names the right one", async () => {
    const samples = join(process.cwd(), "data/samples");
    // Read as sightings, a Kobo count sheet would give 11 "sightings" of a made-up group.
    await expect(
      loadDataset({ sightings: join(samples, "kobo-conteo-tecun-uman.csv") }, context(samples)),
    ).rejects.toThrow(/looks like a counts table, not sightings .*; give it with --counts\.$/);
    await expect(
      loadDataset({ sightings: join(samples, "cifras-stock.csv") }, context(samples)),
    ).rejects.toThrow(/give it with --stocks/);
    await expect(
      loadDataset({ counts: join(samples, "avistamientos-rangos.csv") }, context(samples)),
    ).rejects.toThrow(/no date column .* It looks like a sightings table\.$/);
    const right = await loadDataset(
      {
        sightings: join(samples, "avistamientos-rangos.csv"),
        counts: join(samples, "kobo-conteo-tecun-uman.csv"),
        stocks: join(samples, "cifras-stock.csv"),
      },
      context(samples),
    );
    expect(right.reports.map((r) => ("betterKind" in r ? r.betterKind : undefined))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
