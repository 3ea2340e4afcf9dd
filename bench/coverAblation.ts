// Which of simulate.ts's report phenomena make the estimator's own km intervals over-cover
// (docs/estimation.md § cover23): the labelled development worlds of bench/worlds/legacy.ts
// (16 drawn, every third unlabelled one skipped; seeds 1000 + i + 200), drawn again with one
// phenomenon switched off in the simulator's observation settings, and estimated with the
// self-calibration off (`cal` as the second argument: on). Scored on the group-days on which the
// group is between its route's origin and its final km (where an interval stopping at the route's
// end covers whatever its width) and its track stands on the group's route: 90 % km cover, mean
// width, and cover on the days with a report of the group.
// Variants: base; noout (no wrong positions); noplace (coordinates only); allplace (places only);
// time (every report with its time of day); clean (noout + noplace + time); noride (the groups
// never ride: the simulator's movement law with its ride regime's share given to walking); ideal
// (clean + noride); ideal-noise6 (ideal with coordinates' noise sd 6 km instead of 3).
// --same-day-spread, --day-check-law, --report-check-on-noise, --agreeing-as-point:
// EstimateOptions.sameDaySpread, dayCheckOnLaw (docs/estimation.md § cal25), reportCheckOnNoise
// (§ cal25b), agreeingAsPoint (§ cal26); with `cal` the
// mean self-calibration factors (reports' `km`, day check `kmDays`) are printed too.
// Run: TZ=UTC npx tsx bench/coverAblation.ts <variant> [cal] [--same-day-spread] [--agreeing-as-point]
import { estimateTracks, mulberry32, simulateWorld, worldOfDifficulty } from "../src/index.ts";
import { defaultMovementModel } from "../src/movement/index.ts";

const variant = process.argv[2] ?? "base";
const calibrated = process.argv[3] === "cal";
const sameDaySpread = process.argv.includes("--same-day-spread");
const dayCheckOnLaw = process.argv.includes("--day-check-law");

/** The simulator's observation settings the variant switches off. */
function overrides(v: string): Record<string, number> {
  const o: Record<string, number> = {};
  const clean = v === "clean" || v.startsWith("ideal");
  if (v === "noout" || clean) o.outlierRate = 0;
  if (v === "noplace" || clean) o.placeProb = 0;
  if (v === "allplace") o.placeProb = 1;
  if (v === "time" || clean) o.dateOnlyRate = 0;
  if (v === "ideal-noise6") o.coordNoiseKm = 6;
  return o;
}

/** The default movement law with no rides: the ride regime's share added to walking. */
function walkingOnly() {
  const m = defaultMovementModel();
  const r = m.regimes;
  return { ...m, regimes: { ...r, walk: r.walk + r.ride, ride: 0 } };
}

let n = 0;
let covered = 0;
const factors = { km: 0, kmDays: 0, worlds: 0 };
let width = 0;
let nReported = 0;
let coveredReported = 0;
for (let i = 0; i < 16; i++) {
  if (i % 3 === 2) continue;
  const cfg = worldOfDifficulty(i / 15);
  const observation = { ...cfg.observation, ...overrides(variant) };
  const movement = variant === "noride" || variant.startsWith("ideal") ? walkingOnly() : undefined;
  const world = simulateWorld({ ...cfg, observation, movement }, mulberry32(1000 + i + 200));
  const est = estimateTracks(world.dataset, {
    selfCalibrate: calibrated,
    sameDaySpread,
    dayCheckOnLaw,
    reportCheckOnNoise: process.argv.includes("--report-check-on-noise"),
    agreeingAsPoint: process.argv.includes("--agreeing-as-point"),
  });
  factors.km += est.report.widening.km;
  factors.kmDays += est.report.widening.kmDays ?? 1;
  factors.worlds++;
  const reported = new Set(
    world.dataset.sightings.map((s) => `${s.caravanLabel}|${s.observedAt.slice(0, 10)}`),
  );
  for (const g of world.truth) {
    const last = g.days[g.days.length - 1].km;
    for (const d of g.days) {
      const p = est.tracks.find((t) => t.group === g.group && t.date === d.date);
      if (!p || p.routeId !== g.routeId || d.km <= 0.5 || d.km >= last - 0.5) continue;
      const inside = d.km >= p.kmLow && d.km <= p.kmHigh ? 1 : 0;
      n++;
      covered += inside;
      width += p.kmHigh - p.kmLow;
      if (reported.has(`${g.group}|${d.date}`)) {
        nReported++;
        coveredReported += inside;
      }
    }
  }
}
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
console.log(
  `${variant}${calibrated ? " (calibrated)" : " (model's own)"}: ${n} group-days, cover ${pct(covered, n)}, ` +
    `mean width ${(width / n).toFixed(0)} km; days with a report ${nReported}, cover ${pct(coveredReported, nReported)}` +
    (calibrated
      ? `; mean factors km ${(factors.km / factors.worlds).toFixed(2)}, kmDays ${(factors.kmDays / factors.worlds).toFixed(2)}`
      : ""),
);
