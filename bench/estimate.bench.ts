// Speed of the track estimator: the embedded 2018 data, and 100 groups with 10,000 sightings,
// each beside the naive baseline (linear interpolation of raw reports) timed in the same process.
// Run: npx tsx bench/estimate.bench.ts   (CPU time is reported beside wall time: on a shared
// machine wall time includes waiting for the CPU.)
import { embedded2018 } from "../src/embedded/index.ts";
import { naiveBaseline } from "../src/estimate/accuracy.ts";
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { defaultMovementModel, regimeTransitions } from "../src/movement/index.ts";
import { simulateWorld, stepGroup } from "../src/estimate/simulate.ts";
import type { GroupDayState, SimulatedWorld } from "../src/estimate/simulate.ts";
import { mulberry32 } from "../src/util/random.ts";

function time<T>(fn: () => T): { wall: number; cpu: number; value: T } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1000, value };
}

const fmt = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

// 1. 2018: first call in a fresh process (what `dtm-flow estimate` pays), then warm runs.
const data = embedded2018();
const cold = time(() => estimateTracks(data));
const warm = [0, 1, 2].map(() => time(() => estimateTracks(data)));
const warmBest = warm.reduce((a, b) => (b.cpu < a.cpu ? b : a));
console.log(
  `2018 embedded (${data.sightings.length} sightings, ${cold.value.groups.length} groups, ${cold.value.tracks.length} group-days): first call ${fmt(cold.wall)} wall / ${fmt(cold.cpu)} CPU; warm ${fmt(warmBest.wall)} wall / ${fmt(warmBest.cpu)} CPU`,
);

// 2. 100 groups, ~10,000 sightings on the synthetic corridor.
const world: SimulatedWorld = simulateWorld(
  {
    groups: 100,
    days: 45,
    departureSpreadDays: 20,
    observation: { sightingsPerGroupDay: 3.4, missingLabelRate: 0.1 },
  },
  mulberry32(2024),
);
const big = time(() => estimateTracks(world.dataset));
const base = time(() => naiveBaseline(world));
console.log(
  `100 groups, ${world.dataset.sightings.length} sightings, ${world.dataset.counts.length} count rows: estimator ${fmt(big.wall)} wall / ${fmt(big.cpu)} CPU (${big.value.tracks.length} group-days); naive baseline ${fmt(base.wall)} wall / ${fmt(base.cpu)} CPU; ratio estimator/baseline (CPU) ${(big.cpu / base.cpu).toFixed(1)}×`,
);
// 3. The forward model's day step (the forecast's Monte Carlo calls it group × run × day times).
// stepGroup reuses the regime transition matrix of its movement model; the baseline adds the
// rebuild of that matrix on every call, which is what each step cost before the cache.
const movement = defaultMovementModel();
const steps = 2_000_000;
const stepLoop = (rebuild: boolean): number => {
  const random = mulberry32(7);
  let state: GroupDayState = { km: 0, size: 3000, regime: "walk" };
  let sink = 0;
  for (let i = 0; i < steps; i++) {
    if (rebuild) sink += regimeTransitions(movement)[0][0];
    state = stepGroup(state, movement, 1e9, random);
  }
  return state.km + sink;
};
stepLoop(false); // warm-up
stepLoop(true);
const cached = [0, 1, 2].map(() => time(() => stepLoop(false)).cpu).sort((a, b) => a - b)[1];
const rebuilt = [0, 1, 2].map(() => time(() => stepLoop(true)).cpu).sort((a, b) => a - b)[1];
const ns = (ms: number): string => `${((ms * 1e6) / steps).toFixed(0)} ns`;
console.log(
  `stepGroup, ${steps.toLocaleString("en")} steps (median of 3, CPU): cached matrix ${ns(cached)}/step; rebuilding it every call (before) ${ns(rebuilt)}/step; ratio ${(cached / rebuilt).toFixed(2)}`,
);
console.log(
  `goals: 2018 < 1 s (${cold.cpu < 1000 ? "met" : "NOT met"} on first-call CPU), 100 groups × 10,000 sightings < 10 s (${big.cpu < 10000 ? "met" : "NOT met"} on CPU)`,
);
