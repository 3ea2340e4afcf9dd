/** A hand-built nowcast group for direct tests of the forecast's runs (src/forecast/jointRuns.ts). */
import { defaultMovementModel } from "../../src/movement/index.ts";
import type { GroupNowcast, HeadNowcast } from "../../src/forecast/nowcast.ts";

/** A point start: median `km`, its 90 % interval `km ± half` (km). */
export function kmStart(km: number, half = 0) {
  return { median: km, low: km - half, high: km + half, mean: km, sd: half / 1.645 };
}

/**
 * A group on a 1,000,000 km route (no run reaches its end) at `km` in `regime` with 3,000 people
 * (no size spread), under the default movement law; `head` if given.
 */
export function runsGroup(
  km: ReturnType<typeof kmStart>,
  regime: GroupNowcast["regime"],
  head?: HeadNowcast,
): GroupNowcast {
  const size = 3000;
  return {
    group: "test group",
    routeId: "test route",
    routeLengthKm: 1_000_000,
    labelled: true,
    lastDate: "2018-11-01",
    lastDay: 17836,
    km,
    regime,
    size: { median: size, low: size, high: size, logMean: Math.log(size), logSd: 0 },
    departureDate: "2018-10-13",
    departureKm: 0,
    daysSinceObserved: 0,
    movement: defaultMovementModel(),
    ...(head ? { head, headAheadKm: head.km.median - km.median } : {}),
  };
}

/** Quantile `p` of day `k` over the run-major array `a` with `steps + 1` days a run. */
export function dayQuantile(a: Float64Array, steps: number, k: number, p: number): number {
  const width = steps + 1;
  const v = Array.from({ length: a.length / width }, (_, r) => a[r * width + k]!).sort(
    (x, y) => x - y,
  );
  return v[Math.floor(p * (v.length - 1))]!;
}
