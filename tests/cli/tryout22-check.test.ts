/**
 * Findings 6 and 12 of the newcomer's tryout of stop 22, through the command line: the tryout's
 * own files (tests/fixtures/tryout22: its sightings, Kobo counts and stock figures with the rows
 * the importer rejects taken out), one group with 5 reports.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { judgedFactor, MIN_JUDGED, conformalFactor } from "../../src/index.ts";
import { judgeable } from "../../src/estimate/calibrate.ts";
import { capture } from "./capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout22");
const FILES = [
  "--sightings",
  join(FIXTURES, "avistamientos.csv"),
  "--counts",
  join(FIXTURES, "conteos-kobo.csv"),
  "--stocks",
  join(FIXTURES, "cifras.csv"),
];

describe("a check with too few held-out reports does not widen the tracks (tryout22 item 6)", () => {
  it("keeps the model's intervals, says so on stderr and in report.json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-t22-"));
    const plain = capture(dir);
    expect(await run(["estimate", ...FILES, "--out", join(dir, "plain")], plain.context)).toBe(0);
    const io = capture(dir);
    expect(await run(["estimate", ...FILES, "--check", "--out", join(dir, "c")], io.context)).toBe(
      0,
    );
    const said = io.err.join("\n");
    expect(said).toContain("median error 147.2 km, median 90 % width 1199 km (too few to judge)");
    expect(said).toContain(
      "Too few held-out reports to judge (positions 5, sizes 4; fewer than 10): track intervals not widened (measured km × 3.24",
    );
    expect(said).not.toContain("Track intervals widened");
    // 5 Nov (two sources at Mexico City): 1,709.9–1,948.9 km as without --check, not 706.6–2,836.4.
    const tracks = readFileSync(join(dir, "c", "tracks.csv"), "utf8");
    expect(tracks).toBe(readFileSync(join(dir, "plain", "tracks.csv"), "utf8"));
    expect(tracks).toContain("Caravana 1,2018-11-05,main,1836.7,1709.9,1948.9,");
    const widening = JSON.parse(readFileSync(join(dir, "c", "report.json"), "utf8")).check.widening;
    expect(widening.applied).toEqual({ km: 1, size: 1 });
    expect(widening.km).toMatchObject({ overall: 1, measured: 3.235, n: 5, judged: false });
    expect(widening.km.note).toContain("too few to judge; intervals not widened");
  });
});

describe("judgedFactor: the conformal factor from MIN_JUDGED scores on, else 1", () => {
  it("9 wild scores widen nothing, 10 widen by their conformal quantile", () => {
    const scores = [0.5, 0.8, 1.1, 1.3, 1.6, 2, 2.4, 2.9, 3.3, 3.8];
    expect(MIN_JUDGED).toBe(10);
    expect(judgedFactor(scores.slice(0, 9))).toBe(1);
    expect(conformalFactor(scores.slice(0, 9))).toBe(3.3); // the largest: what one report says
    expect(judgedFactor(scores)).toBe(conformalFactor(scores));
    expect(judgedFactor(scores)).toBe(3.8);
    expect(judgedFactor([...scores, Number.NaN].slice(1))).toBe(1); // 9 finite scores
  });
});

describe("the estimator's self-calibration on too few reports keeps the model's intervals (tryout22 items 6, 12)", () => {
  it("15 Nov as of that day: km 2,137–4,521.5 as the model gives it, not 0–4,521.5 (× 2.73 from 5 reports)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-t22-"));
    const io = capture(dir);
    const args = ["estimate", "--as-of", "2018-11-15", ...FILES, "--out", join(dir, "e")];
    expect(await run(args, io.context)).toBe(0);
    expect(io.err.join("\n")).toContain(
      "self-calibration: 5 reports of positions and 4 figures, fewer than 10 each: too few to judge; intervals not widened (report.json selfCalibration)",
    );
    const tracks = readFileSync(join(dir, "e", "tracks.csv"), "utf8");
    expect(tracks).toContain("Caravana 1,2018-11-15,main,3951.3,2137,4521.5,");
    expect(tracks).toContain("Caravana 1,2018-11-05,main,1836.5,1717,1943.9,");
    const calibration = JSON.parse(
      readFileSync(join(dir, "e", "report.json"), "utf8"),
    ).selfCalibration;
    expect(calibration).toMatchObject({ km: 1, kmFarFromReports: 1, size: 1, kmReports: 5 });
    expect(calibration.tooFew).toContain("too few to judge");
  });

  it("judgeable: 10 reports with weight judge, 9 (or weightless ones) do not", () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ score: i / 3, weight: 1 }));
    expect(judgeable(ten)).toBe(true);
    expect(judgeable(ten.slice(1))).toBe(false);
    expect(judgeable([...ten.slice(1), { score: 9, weight: 0 }])).toBe(false);
  });
});
