// Forecast benchmark: how long a forecast for every group takes once the nowcast is there (goal:
// under 1 s, so it can rerun on every new sighting), beside the estimator run it starts from
// (the baseline, measured in the same process).
// Data: the embedded 2018 data (as of 1 Nov and with all data), and a seeded (mulberry32 2018)
// synthetic world of 24 groups over 40 days on the simulator's corridor.
// Run: npx tsx bench/forecast.bench.ts            (timings)
//      npx tsx bench/forecast.bench.ts --backtest (also the 2018 rolling backtest tables of
//      docs/forecasts.md, beside the naive and the last-two-reports baselines, leads 1–14)
import { embedded2018 } from "../src/embedded/index.ts";
import { simulateWorld } from "../src/estimate/simulate.ts";
import { backtestArrivals } from "../src/forecast/backtest.ts";
import { emptyTally, tallyCase, tallyRatio } from "../src/forecast/baselineScore.ts";
import { forecastArrivals } from "../src/forecast/forecast.ts";
import { nowcast } from "../src/forecast/nowcast.ts";
import type { Dataset } from "../src/model/dataset.ts";
import { mulberry32 } from "../src/util/random.ts";
import { issueDays2018, referenceArrivals } from "../tests/forecast/reference.ts";

const REPEATS = 5;
const RUNS = 500;

/** Wall time and CPU time (user + system) of one call, in ms. */
function time<T>(f: () => T): { ms: number; cpu: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, value };
}

function bench(
  name: string,
  dataset: Dataset,
  asOf: string | undefined,
  horizonDays: number,
): void {
  // Warm-up (JIT), then the median of REPEATS.
  nowcast(dataset, { asOf });
  const estimates: number[] = [];
  const forecasts: number[] = [];
  const cpus: number[] = [];
  let groups = 0;
  let rows = 0;
  for (let i = 0; i < REPEATS; i++) {
    const now = time(() => nowcast(dataset, { asOf }));
    const f = time(() =>
      forecastArrivals(now.value, { dataset, horizonDays, runs: RUNS, random: mulberry32(i + 1) }),
    );
    estimates.push(now.ms);
    forecasts.push(f.ms);
    cpus.push(f.cpu);
    groups = now.value.groups.length;
    rows = f.value.arrivals.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const e = median(estimates);
  const fc = median(forecasts);
  console.log(
    `| ${name} | ${groups} | ${rows} | ${fc.toFixed(0)} ms | ${median(cpus).toFixed(0)} ms | ${e.toFixed(0)} ms | ${(fc / e).toFixed(2)} |`,
  );
}

console.log(
  `| data | groups | group-places | forecastArrivals (${RUNS} runs), wall | same, CPU | nowcast (estimator), wall | ratio (wall) |`,
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
const data = embedded2018();
bench("2018, as of 1 Nov, horizon 14 d", data, "2018-11-01T00:00:00", 14);
bench("2018, all data, horizon 14 d", data, undefined, 14);
const world = simulateWorld({ groups: 24, days: 40 }, mulberry32(2018));
bench("synthetic, 24 groups × 40 days, horizon 30 d", world.dataset, undefined, 30);

if (process.argv.includes("--backtest")) {
  // First contingent: the first people, scored with the head's arrival (and, for comparison, the
  // median person's); main body: the median person's.
  const cases = [
    ["first", "head"],
    ["first", "median"],
    ["main", "median"],
  ] as const;
  const leads = Array.from({ length: 14 }, (_, i) => i + 1);
  for (const [definition, moment] of cases) {
    const t = time(() =>
      backtestArrivals(data, referenceArrivals(definition), {
        issueDates: issueDays2018(),
        runs: 500,
        leads,
        moment,
      }),
    );
    const bt = t.value;
    console.log(
      `\nBacktest (${definition}, the ${moment}'s arrival), ${(t.ms / 1000).toFixed(0)} s`,
    );
    console.log(
      "| lead (days) | n | MAE model | MAE naive | MAE last-two (no speed = 40 d) | model / last-two (scored n: MAE model / last-two; left out: no baseline speed) | old rule (no speed = 40 d) | p10–p90 coverage |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const s of [...bt.byLead, bt.overall]) {
      // The ratio by the library's one rule (tallyCase: rows whose baseline has no speed left out
      // and counted, as the simulators' benches); the old rule beside it for stop 24 only.
      const t = s.againstLastTwo;
      console.log(
        `| ${s.lead === "all" ? "1–14 (all)" : s.lead} | ${s.n} | ${s.mae.toFixed(1)} | ${s.naiveMae.toFixed(1)} | ${s.lastTwoMae.toFixed(1)} | ${s.ratio.toFixed(2)} (${t.n}: ${(t.model / t.n).toFixed(1)} / ${(t.baseline / t.n).toFixed(1)}; ${t.noBaseline} left out) | ${(s.mae / s.lastTwoMae).toFixed(2)} | ${Math.round(s.coverage * 100)} % |`,
      );
    }
    // The baseline's speed taken over at least 6 h (fc24's lastTwoMinGapErrorDays), scored by the
    // same rule.
    const fair = (rows: typeof bt.rows) => {
      const t = emptyTally();
      for (const r of rows) tallyCase(t, r.errorDays, r.lastTwoMinGapErrorDays);
      return `${tallyRatio(t).toFixed(2)} (n ${t.n})`;
    };
    const byLead = leads.map((lead) => fair(bt.rows.filter((r) => r.leadDays === lead)));
    console.log(
      `fairness, leads 1…14 and 1–14: model / last-two with its speed over ≥ 6 h (scored n): ${byLead.join("; ")}; all ${fair(bt.rows.filter((r) => r.leadDays >= 1 && r.leadDays <= 14))}`,
    );
    for (const place of ["Mexico City", "Querétaro", "Guadalajara", "Tijuana"]) {
      const rows = bt.rows.filter((r) => r.place === place && r.leadDays <= 14);
      const mae = rows.reduce((s, r) => s + Math.abs(r.errorDays), 0) / rows.length;
      const naive = rows.reduce((s, r) => s + Math.abs(r.naiveErrorDays ?? 40), 0) / rows.length;
      const two = rows.reduce((s, r) => s + Math.abs(r.lastTwoErrorDays ?? 40), 0) / rows.length;
      const cover = rows.filter((r) => r.inside).length / rows.length;
      const t = emptyTally();
      for (const r of rows) tallyCase(t, r.errorDays, r.lastTwoErrorDays);
      console.log(
        `| ${place} (leads 1–14) | ${rows.length} | ${mae.toFixed(1)} | ${naive.toFixed(1)} | ${two.toFixed(1)} | ${tallyRatio(t).toFixed(2)} (${t.n}, ${t.noBaseline} left out) | ${(mae / two).toFixed(2)} | ${Math.round(cover * 100)} % |`,
      );
    }
  }
}
