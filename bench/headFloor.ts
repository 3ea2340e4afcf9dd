// How often the forecast's head floor binds (issue 14, headorder; review20d): in the joint runs
// (src/forecast/jointRuns.ts) the head starts no further back than the median person, so in a run
// where the estimator's head interval, read at the run's draw, lies behind the body's the head
// starts AT the median person. Per 2018 group with a head, for each as-of day: the share of runs
// whose head equals the median person's km at the start and on day 14 (runs at the route's end left
// out), and the 90 % start intervals of both (the cause: a head low end behind the body's).
//
// Run: TZ=UTC npx tsx bench/headFloor.ts [--days 2018-11-01,2018-11-25] [--runs 4000]
import { embedded2018, mulberry32, nowcast } from "../src/index.ts";
import { simulateRuns } from "../src/forecast/jointRuns.ts";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DAYS = arg("days", "2018-11-01,2018-11-25").split(",");
const RUNS = Number(arg("runs", "4000"));
const STEPS = 14;
// The forecast's defaults (startSpread 1: the nowcast's 90 % interval); size plays no part here.
const DYNAMICS = { attritionPerDay: 0.01, joinLeaveProb: 0.03, startSpread: 1 };

const pct = (n: number): string => `${((100 * n) / RUNS).toFixed(1)} %`;
const interval = (k: { low: number; median: number; high: number }): string =>
  `${Math.round(k.low)}–${Math.round(k.median)}–${Math.round(k.high)}`;

const same = (a: { low: number; median: number; high: number }, b: typeof a): boolean =>
  Math.abs(a.low - b.low) < 1 && Math.abs(a.median - b.median) < 1 && Math.abs(a.high - b.high) < 1;

const data = embedded2018();
for (const asOf of DAYS) {
  const now = nowcast(data, { asOf });
  for (const g of now.groups) {
    if (!g.head) continue;
    const sim = simulateRuns(g, STEPS, RUNS, mulberry32(7), DYNAMICS);
    const width = STEPS + 1;
    let atStart = 0;
    let atEnd = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = r * width;
      if (sim.head![s] === sim.km[s] && sim.km[s]! < g.routeLengthKm) atStart++;
      const e = s + STEPS;
      if (sim.head![e] === sim.km[e] && sim.km[e]! < g.routeLengthKm) atEnd++;
    }
    console.log(
      `${asOf}  ${g.group.padEnd(28)} head = median person: start ${pct(atStart).padStart(7)}, ` +
        `day 14 ${pct(atEnd).padStart(7)}   start km (5–50–95 %): body ${interval(g.km)}, ` +
        `head ${interval(g.head.km)}${same(g.km, g.head.km) ? " (the same: head = body by the estimate, not the floor)" : ""}`,
    );
  }
}
