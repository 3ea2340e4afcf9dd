/**
 * "Like 2018" against the 2018 timing, on the embedded data and the estimated replay.
 * Reference dates (the sourced observations in data/sightings.csv; docs/scenarios.md#like-2018-calibration-on-the-replay):
 * the first Honduran caravan was at Tecún Umán on 19 Oct 2018 (a first 500 on 18 Oct), held at the
 * bridge on 19–20 Oct, walked on from Ciudad Hidalgo on 21 Oct; its first members reached Mexico
 * City on 3 Nov (+15 days; +14 from 20 Oct, the day before it walked on) and 2,900 were sheltered
 * there on 5 Nov, a first large group reached Tijuana on 13 Nov (+25) and people present
 * in Tijuana first passed half their peak on 20 Nov (+32). The Salvadoran caravan that left San
 * Salvador on 31 Oct 2018 was counted at the Palillo shelter in Mexico City on 16 Nov; the
 * reference holds no date for it in Tijuana.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import type { MovementModel } from "../../src/movement/index.ts";
import { calibrateFromReplay } from "../../src/scenario/calibrate.ts";
import { FIRST_AND_BULK_2018 } from "../../src/scenario/calibrateCohesion.ts";
import type { Calibration } from "../../src/scenario/calibrate.ts";
import { buildCorridor } from "../../src/scenario/corridor.ts";
import type { Corridor } from "../../src/scenario/corridor.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import { bodyArrival } from "../../src/scenario/bodyArrival.ts";
import { runScenario } from "../../src/scenario/runScenario.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";

/** data/scenarios/salvador-2018-10-31-backtest.json: the Salvadoran caravan of 31 Oct 2018. */
const SALVADORAN_CARAVAN = JSON.parse(
  readFileSync(
    new URL("../../data/scenarios/salvador-2018-10-31-backtest.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

let dataset: Dataset;
let corridor: Corridor;
let tracks: TrackPoint[];
let like2018: Calibration;
let alone: Calibration;
let movement: MovementModel;

beforeAll(() => {
  dataset = embedded2018();
  corridor = buildCorridor(dataset);
  const estimate = estimateTracks(dataset);
  tracks = estimate.tracks;
  // The estimator's fitted movement law: "like 2018" is fitted from it (one movement model).
  movement = estimate.report.movement;
  like2018 = calibrateFromReplay(tracks, dataset.stocks, { dataset, corridor, movement });
  // Calibrated on the first Honduran caravan alone: its track and its own stock figures.
  const group = "Honduran caravan 1";
  alone = calibrateFromReplay(
    tracks.filter((t) => t.group === group),
    dataset.stocks.filter((s) => s.caravanLabel === group),
    { dataset, corridor, group, movement },
  );
});

const days = (from: string, to: string | undefined) =>
  to === undefined ? Infinity : dayNumber(to)! - dayNumber(from)!;

function run(json: unknown, calibration: Calibration) {
  const { scenario, errors } = validateScenario(json, { dataset, corridor, like2018: calibration });
  expect(errors).toEqual([]);
  return runScenario(scenario!, { dataset, corridor });
}

describe("like 2018", () => {
  it("calibrateFromReplay(2018 replay) gives a stop in Mexico City and attrition at the border and in Tijuana", () => {
    expect(like2018.movement.stops.map((s) => s.place)).toContain("Mexico City");
    const places = like2018.attrition.map((r) => r.place);
    expect(places).toContain("MX-TIJ");
    expect(like2018.attrition.some((r) => r.asylumClaim !== undefined)).toBe(true);
  });

  it("the hold at the Suchiate bridge (19–20 Oct 2018) is a place event: left out of the pace, not a stop", () => {
    // The track's days at the bridge in the sourced window (AP and SEGOB–SRE, 20 Oct 2018).
    expect(like2018.fit.holds).toEqual([
      expect.objectContaining({
        place: "Ciudad Hidalgo",
        days: 2,
        from: "2018-10-19",
        to: "2018-10-20",
      }),
    ]);
    expect(like2018.fit.holds![0]!.source).toMatch(/AP, 20 Oct 2018/);
    expect(like2018.movement.stops.map((s) => s.place)).not.toContain("Ciudad Hidalgo");
    // The move between the two held days is not in the stretch before the border.
    const without = calibrateFromReplay(tracks, dataset.stocks, {
      dataset,
      corridor,
      movement,
      holds: [],
    });
    const days = (t: { rest: number; walk: number; ride: number }) => t.rest + t.walk + t.ride;
    expect(days(like2018.fit.stretches[0]!)).toBe(days(without.fit.stretches[0]!) - 1);
    expect(without.fit.holds).toBeUndefined();
  });

  it("5,000 crossing at Tecún Umán 'like 2018' reach Mexico City and Tijuana within the 2018 timing", () => {
    const result = run(
      {
        like: "2018",
        runs: 300,
        seed: 2019,
        horizonDays: 60,
        waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 5000 }],
        destination: "Tijuana",
      },
      like2018,
    );
    const cdmx = result.places.find((p) => p.name === "Mexico City")!.firstArrival;
    const tijuana = result.places.find((p) => p.name === "Tijuana")!.firstArrival;
    console.info(
      `like 2018 from Tecún Umán, 15 Jan 2019: Mexico City first arrival p10 ${cdmx.p10} p50 ${cdmx.p50} p90 ${cdmx.p90} (2018: +15 days); ` +
        `Tijuana p10 ${tijuana.p10} p50 ${tijuana.p50} p90 ${tijuana.p90} (2018: +25 first large group, +32 half the peak)`,
    );
    // 2018: +15 days to Mexico City (+14 without the two days held at the bridge, which this wave
    // does not meet); first large group in Tijuana +25, half the peak +32. The calibration makes
    // the kernel arrive where the track halted on its day, and a first group runs ahead of the
    // body: +13, +26 with this seed (main before this work: +15, +32).
    expect(Math.abs(days("2019-01-15", cdmx.p50) - 15)).toBeLessThanOrEqual(3);
    expect(days("2019-01-15", tijuana.p50)).toBeGreaterThanOrEqual(25);
    expect(days("2019-01-15", tijuana.p50)).toBeLessThanOrEqual(35);
    expect(result.conservationError).toBe(0);
  });

  it("calibrated on the first Honduran caravan alone, its own replay (with its hold at the bridge) reaches Tecún Umán on 17–19 Oct and its body Mexico City on 4–6 Nov", () => {
    const { scenario, errors } = validateScenario(
      {
        like: "2018",
        runs: 300,
        seed: 1,
        horizonDays: 60,
        waves: [{ origin: "San Pedro Sula", date: "2018-10-13", people: 3000 }],
        destination: "Tijuana",
        // This caravan met the hold: the scenario says so, as a stop of its 2 days.
        movement: { stops: [...alone.movement.stops, { place: "Suchiate bridge", days: 2 }] },
      },
      { dataset, corridor, like2018: alone },
    );
    expect(errors).toEqual([]);
    // The bridge is folded into Ciudad Hidalgo on the corridor; the stop is written there.
    expect(scenario!.movement.stops.map((s) => s.place)).toContain("Ciudad Hidalgo");
    const result = runScenario(scenario!, { dataset, corridor });
    const at = (name: string) => result.places.find((p) => p.name === name)!.firstArrival;
    // The body: per run, the day half the people reaching Mexico City had arrived (the median run).
    const body = bodyArrival(scenario!, corridor, "Mexico City")!;
    console.info(
      `replay (first Honduran caravan, San Pedro Sula 13 Oct 2018): Tecún Umán p50 ${at("Tecún Umán").p50}, Tapachula ${at("Tapachula").p50}, Mexico City p10 ${at("Mexico City").p10} p50 ${at("Mexico City").p50} p90 ${at("Mexico City").p90}, its body ${body} (2018: first 500 on 18 Oct, bulk 19 Oct; 21 Oct; first 17 on 3 Nov, 2,900 on 5 Nov)`,
    );
    // The calibration is fitted to the track of the caravan's body, so its body is what the replay
    // must reproduce: in Mexico City on 5 Nov (4 Nov – 5 Nov over seeds 1–10). Its first group
    // runs 2–4 days ahead of the body (1–3 Nov; 2018: the first 17 on 3 Nov), as the groups of
    // a wave spread with cohesion 0.8 (the default; fitted to 2018's first arrivals, 0.94: below). Before the arrival-matched stretches and
    // the unbiased day's end (docs/scenarios.md), the body was in Mexico City on 7–8 Nov.
    expect(days("2018-10-17", at("Tecún Umán").p50)).toBeGreaterThanOrEqual(0);
    expect(days("2018-10-19", at("Tecún Umán").p50)).toBeLessThanOrEqual(0);
    expect(Math.abs(days("2018-11-05", body))).toBeLessThanOrEqual(1);
    expect(days(at("Mexico City").p50!, body)).toBeGreaterThanOrEqual(0);
  });

  it("with the Honduran caravan's first arrivals and bulk (Tecún Umán, Juchitán, Mexico City), cohesion is fitted to 0.9–0.97 and its gaps are 2018's within a day", () => {
    const group = "Honduran caravan 1";
    const fitted = calibrateFromReplay(
      tracks.filter((t) => t.group === group),
      dataset.stocks.filter((s) => s.caravanLabel === group),
      { dataset, corridor, group, movement, firstAndBulk: FIRST_AND_BULK_2018 },
    );
    const found = fitted.fit.cohesion!;
    console.info(
      `cohesion ${fitted.movement.cohesion} (${found.people} people): ` +
        found.places.map((p) => `${p.place} ${p.gapDays} / ${p.modelGapDays}`).join("; "),
    );
    // 2018: 1, 2, 2 days; fitted 0.94 (the kernel: 0.8, 1.7, 2.3 days); at 0.8, 1.6, 3.3, 3.9.
    expect(found.places.map((p) => p.gapDays)).toEqual([1, 2, 2]);
    expect(fitted.movement.cohesion).toBeGreaterThanOrEqual(0.9);
    expect(fitted.movement.cohesion).toBeLessThanOrEqual(0.97);
    for (const p of found.places) expect(Math.abs(p.modelGapDays - p.gapDays)).toBeLessThan(1);
    // Everything else is the calibration without them.
    expect({ ...fitted.movement, cohesion: 0.8 }).toEqual(alone.movement);
  });

  it("backtest: calibrated on the first Honduran caravan alone, the Salvadoran caravan of 31 Oct 2018 reaches Mexico City around 16 Nov", () => {
    // The example file of the backtest (police estimate ~2,000 in two groups; Revista Factum 1,500).
    const json = { ...SALVADORAN_CARAVAN, runs: 300, seed: 1 };
    const result = run(json, alone);
    const cdmx = result.places.find((p) => p.name === "Mexico City")!.firstArrival;
    const tijuana = result.places.find((p) => p.name === "Tijuana")!.firstArrival;
    const scenario = validateScenario(json, { dataset, corridor, like2018: alone }).scenario!;
    const body = bodyArrival(scenario, corridor, "Mexico City")!;
    const error = days("2018-11-16", cdmx.p50);
    console.info(
      `backtest (Salvadoran caravan, San Salvador 31 Oct 2018): Mexico City p10 ${cdmx.p10} p50 ${cdmx.p50} p90 ${cdmx.p90}, its body ${body}, observed 2018-11-16 (p50 error ${error} days, body ${days("2018-11-16", body)}); ` +
        `Tijuana p10 ${tijuana.p10} p50 ${tijuana.p50} p90 ${tijuana.p90} (no observed date in the reference)`,
    );
    // Goal: p50 within ±3 days and the observation inside p10–p90. Over seeds 1–10 (300 runs):
    // first arrival p50 14–15 Nov (−2, −1, −1, −1, −1, −1, −2, −1, −1, −1), p10 9–10 Nov, p90
    // 23–24 Nov; the body 16–18 Nov (0 … +2). Before this work +3 … +4 (the body +5 … +6): the
    // kernel's day lost distance at towns and the stretches matched the track's km, not its
    // arrival days (docs/scenarios.md#backtest-on-the-salvadoran-caravan).
    expect(days(cdmx.p10!, "2018-11-16")).toBeGreaterThanOrEqual(0);
    expect(days("2018-11-16", cdmx.p90)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(error)).toBeLessThanOrEqual(3);
    expect(Math.abs(days("2018-11-16", body))).toBeLessThanOrEqual(3);
  });
});
