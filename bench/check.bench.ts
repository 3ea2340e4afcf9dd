// Held-out check of the track estimator on the embedded 2018 data (src/check/): each position and
// size report is predicted from the estimate made without it (10 seeded folds, and leave-one-out),
// beside a naive baseline in the same process: linear interpolation in time of the same group's
// other position reports (held out the same way). Run: npx tsx bench/check.bench.ts
// Options: FOLDS=10 (default), SEED=1 (default), LOO=1 (default; 0 skips leave-one-out).
import { embedded2018 } from "../src/embedded/index.ts";
import { checkEstimate } from "../src/check/checkEstimate.ts";
import type { CheckResult } from "../src/check/checkEstimate.ts";
import { median } from "../src/check/score.ts";
import type { HeldOutPrediction } from "../src/check/score.ts";
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { toLocalTime } from "../src/estimate/time.ts";
import { reachBackArg } from "./args.ts";

const folds = Number(process.env.FOLDS ?? 10);
const seed = Number(process.env.SEED ?? 1);
const withLoo = process.env.LOO !== "0";
// --same-day-spread: EstimateOptions.sameDaySpread (off by default, docs/estimation.md § cal25).
const sameDaySpread = process.argv.includes("--same-day-spread");
// --day-check-law: EstimateOptions.dayCheckOnLaw (off by default; docs/estimation.md § cal25).
const dayCheckOnLaw = process.argv.includes("--day-check-law");
// --report-check-on-noise: EstimateOptions.reportCheckOnNoise (docs/estimation.md § cal25b).
const reportCheckOnNoise = process.argv.includes("--report-check-on-noise");
// --agreeing-as-point: EstimateOptions.agreeingAsPoint (docs/estimation.md § cal26).
const agreeingAsPoint = process.argv.includes("--agreeing-as-point");
// --reach-back[-unlabelled]: EstimateOptions.reachBack (docs/estimation.md § gaps27).
const reachBack = reachBackArg();
const options = { sameDaySpread, dayCheckOnLaw, reportCheckOnNoise, agreeingAsPoint, reachBack };
const dataset = embedded2018();
const timeOf = new Map(
  dataset.sightings.map((s) => [s.id ?? "", toLocalTime(s.observedAt, dataset.timeZone)?.t ?? NaN]),
);

/** Median |error| of naive interpolation between the group's reports outside the held-out fold. */
function naiveMedianError(predictions: readonly HeldOutPrediction[]): number {
  const km = predictions.filter((p) => p.quantity === "km");
  const errors: number[] = [];
  for (const p of km) {
    const t = timeOf.get(p.id) ?? NaN;
    const others = km
      .filter((q) => q.group === p.group && q.fold !== p.fold)
      .map((q) => ({ t: timeOf.get(q.id) ?? NaN, km: q.value }))
      .sort((a, b) => a.t - b.t);
    if (others.length === 0) continue;
    const before = others.filter((o) => o.t <= t).at(-1);
    const after = others.find((o) => o.t > t);
    let guess: number;
    if (before && after)
      guess = before.km + ((t - before.t) / (after.t - before.t)) * (after.km - before.km);
    else guess = (before ?? after)?.km ?? NaN;
    errors.push(Math.abs(p.value - guess));
  }
  return median(errors);
}

const warm = estimateTracks(dataset, options); // warm-up: the first run pays for compiling
// The estimator's own leave-one-out widening (src/estimate/calibrate.ts), before any check.
console.log(`self-calibration of the full estimate: ${JSON.stringify(warm.report.widening)}`);
const started = performance.now();
estimateTracks(dataset, options);
const oneEstimate = (performance.now() - started) / 1000;

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
function row(name: string, c: CheckResult, seconds: number): string {
  const p = c.position;
  const s = c.size;
  const naive = naiveMedianError(c.predictions);
  return `| ${name} | ${p.n} | ${p.medianError.toFixed(1)} | ${naive.toFixed(1)} | ${(p.medianError / naive).toFixed(2)} | ${pct(p.coverage50)} | ${pct(p.coverage90)} | ${p.medianWidth90.toFixed(0)} | ${p.intervalScore90.toFixed(0)} | ${c.factors.km.overall.toFixed(2)} | ${pct(p.coverage90Widened)} | ${p.medianWidth90Widened.toFixed(0)} | ${s.n} | ${(100 * (Math.exp(s.medianError) - 1)).toFixed(0)} % | ${pct(s.coverage90)} | ×${Math.exp(s.medianWidth90).toFixed(1)} | ${s.intervalScore90.toFixed(2)} | ${c.factors.size.overall.toFixed(2)} | ${seconds.toFixed(1)} s (${(seconds / oneEstimate).toFixed(0)}× one estimate) |`;
}

console.log(
  `2018 embedded data: ${dataset.sightings.length} sightings; one estimate ${oneEstimate.toFixed(2)} s`,
);
console.log(
  "| scheme | positions | median error km | naive km | ratio | 50 % covered | 90 % covered | 90 % width km (median) | interval score km (mean, alpha 0.1) | km factor | widened 90 % covered (cross-fitted) | widened width km | sizes | size median error | size 90 % covered | size 90 % high ÷ low (median) | size interval score (log, mean) | size factor | time |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
const runs: [string, CheckResult][] = [];
for (const loo of withLoo ? [false, true] : [false]) {
  const t0 = performance.now();
  const check = checkEstimate(dataset, {
    folds,
    seed,
    leaveOneOut: loo,
    ...(sameDaySpread || dayCheckOnLaw || reportCheckOnNoise || agreeingAsPoint
      ? { estimate: (d: typeof dataset) => estimateTracks(d, { timeZone: d.timeZone, ...options }) }
      : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  runs.push([loo ? "LOO" : `${folds} folds`, check]);
  console.log(row(loo ? "leave-one-out" : `${folds} folds, seed ${seed}`, check, seconds));
}
const [name, main] = runs[0];
console.log(
  `\nper source type (${name}): positions n, median error km, 90 % covered (median width km, interval score km); sizes n, 90 % covered (median high ÷ low, interval score log)`,
);
for (const [source, s] of Object.entries(main.bySource)) {
  console.log(
    `- ${source}: ${s.position.n}, ${Number.isFinite(s.position.medianError) ? s.position.medianError.toFixed(1) : "–"} km, ${s.position.n ? `${pct(s.position.coverage90)} (${s.position.medianWidth90.toFixed(0)} km, ${s.position.intervalScore90.toFixed(0)} km)` : "–"}; ${s.size.n}, ${s.size.n ? `${pct(s.size.coverage90)} (×${Math.exp(s.size.medianWidth90).toFixed(1)}, ${s.size.intervalScore90.toFixed(2)})` : "–"}`,
  );
}
console.log(`PIT of positions (10 bins): ${main.position.pit.join(" ")}`);
console.log(
  `not predicted: ${main.notPredicted.map((x) => `${x.n} ${x.reason}`).join("; ") || "none"}`,
);
const p = main.position;
const ok = p.medianError <= 40 && p.coverage90 >= 0.85 && p.coverage90 <= 0.95;
console.log(
  `goals (held-out positions: median error ≤ 40 km, 90 % intervals cover 85–95 %): ${ok ? "met" : "NOT met"} (${p.medianError.toFixed(1)} km, ${pct(p.coverage90)})`,
);
