// The scenario backtest over seeds (issue 14): "like 2018" calibrated on the first Honduran
// caravan alone (its estimated track and its own stock figures), then
//   - the Salvadoran caravan that left San Salvador on 31 Oct 2018 (held out): Mexico City first
//     arrival and body (bodyArrival) against the 1,200 counted at the Palillo shelter on 16 Nov,
//     and the first arrivals on the way (2018: Ciudad Hidalgo 2 Nov, Matías Romero 9 Nov);
//   - the Honduran caravan's own replay (from San Pedro Sula on 13 Oct, with its hold at the
//     bridge as a stop): Tecún Umán (first 500 on 18 Oct, bulk 19 Oct) and Mexico City (first 17
//     on 3 Nov, 2,900 sheltered on 5 Nov) — the in-sample check.
// The set-up of tests/scenario/like2018.test.ts (300 runs a seed). Seeded: identical everywhere.
// With --fit-cohesion, cohesion is fitted to the Hondurans' first arrivals and bulk
// (FIRST_AND_BULK_2018: Tecún Umán, Juchitán, Mexico City) instead of the default 0.8.
// Run: npx tsx bench/scenarioBacktest.bench.ts [--from 1] [--to 10] [--runs 300] [--fit-cohesion]
import { readFileSync } from "node:fs";
import { dayNumber } from "../src/calendar/index.ts";
import { embedded2018 } from "../src/embedded/index.ts";
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { buildCorridor } from "../src/geo/corridor.ts";
import { bodyArrival } from "../src/scenario/bodyArrival.ts";
import { calibrateFromReplay } from "../src/scenario/calibrate.ts";
import { FIRST_AND_BULK_2018 } from "../src/scenario/calibrateCohesion.ts";
import { runScenario } from "../src/scenario/runScenario.ts";
import type { ScenarioResult } from "../src/scenario/types.ts";
import { validateScenario } from "../src/scenario/validateScenario.ts";
import { option } from "./args.ts";

const from = option("from", 1);
const to = option("to", 10);
const runs = option("runs", 300);
const dataset = embedded2018();
const corridor = buildCorridor(dataset);
const estimate = estimateTracks(dataset);
const group = "Honduran caravan 1";
const firstAndBulk = process.argv.includes("--fit-cohesion") ? FIRST_AND_BULK_2018 : undefined;
const alone = calibrateFromReplay(
  estimate.tracks.filter((t) => t.group === group),
  dataset.stocks.filter((s) => s.caravanLabel === group),
  { dataset, corridor, group, movement: estimate.report.movement, firstAndBulk },
);

// The example file of the backtest (its runs and seed are set per seed below).
const SALVADORANS = JSON.parse(
  readFileSync(
    new URL("../data/scenarios/salvador-2018-10-31-backtest.json", import.meta.url),
    "utf8",
  ),
) as object;
const HONDURANS = {
  like: "2018",
  horizonDays: 60,
  waves: [{ origin: "San Pedro Sula", date: "2018-10-13", people: 3000 }],
  destination: "Tijuana",
  movement: { stops: [...alone.movement.stops, { place: "Suchiate bridge", days: 2 }] },
};

function run(json: object, seed: number) {
  const input = { ...json, runs, seed };
  const { scenario, errors } = validateScenario(input, { dataset, corridor, like2018: alone });
  if (!scenario) throw new Error(JSON.stringify(errors));
  return { scenario, result: runScenario(scenario, { dataset, corridor }) };
}
const first = (r: ScenarioResult, place: string) =>
  r.places.find((p) => p.name === place)?.firstArrival;
const md = (iso: string | undefined) => (iso ? iso.slice(5) : "–");
const error = (iso: string | undefined, observed: string) =>
  iso ? dayNumber(iso)! - dayNumber(observed)! : NaN;
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

console.log(
  `scenario backtest, calibrated on ${group} alone (cohesion ${alone.movement.cohesion}); ${runs} runs a seed, seeds ${from}–${to}\n` +
    "| seed | SV Mexico City first p50 (p10–p90), error | SV body, error | SV Tecún Umán, Matías Romero | HN Tecún Umán; Mexico City first, body |\n" +
    "|---|---|---|---|---|",
);
const errors = { first: [] as number[], body: [] as number[] };
for (let seed = from; seed <= to; seed++) {
  const sv = run(SALVADORANS, seed);
  const hn = run(HONDURANS, seed);
  const cdmx = first(sv.result, "Mexico City")!;
  const body = bodyArrival(sv.scenario, corridor, "Mexico City");
  errors.first.push(error(cdmx.p50, "2018-11-16"));
  errors.body.push(error(body, "2018-11-16"));
  console.log(
    `| ${seed} | ${md(cdmx.p50)} (${md(cdmx.p10)}–${md(cdmx.p90)}), ${signed(errors.first.at(-1)!)} | ` +
      `${md(body)}, ${signed(errors.body.at(-1)!)} | ` +
      `${md(first(sv.result, "Tecún Umán")?.p50)}, ${md(first(sv.result, "Matías Romero")?.p50)} | ` +
      `${md(first(hn.result, "Tecún Umán")?.p50)}; ${md(first(hn.result, "Mexico City")?.p50)}, ` +
      `${md(bodyArrival(hn.scenario, corridor, "Mexico City"))} |`,
  );
}
console.log(
  `Salvadorans in Mexico City (observed 16 Nov), p50 errors: first arrival ${errors.first.map(signed).join(", ")}; ` +
    `body ${errors.body.map(signed).join(", ")} (goal ±3)`,
);
