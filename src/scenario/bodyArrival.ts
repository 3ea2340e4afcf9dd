/**
 * The body's arrival at a place: per run, the day by which half of the people who reach the place
 * within the horizon have arrived; the median over the runs. A scenario's `firstArrival` is the
 * first group's; 2018 counts are mostly of the body (2,900 Hondurans sheltered in Mexico City on
 * 5 Nov 2018, 1,200 Salvadorans on 16 Nov), so the backtests score both.
 */
import { isoDate, strictDayNumber } from "../calendar/index.ts";
import type { Corridor } from "../geo/corridor.ts";
import { mulberry32 } from "../util/random.ts";
import { compileScenario } from "./compile.ts";
import { runSeed } from "./runScenario.ts";
import { createRunBuffers, simulateRun } from "./simulateRun.ts";
import type { Scenario } from "./types.ts";

/** The day (index) by which half of a run's arrivals at a place had come; -1 when none came. */
export function halfArrivedDay(arrivals: Int32Array): number {
  let total = 0;
  for (const n of arrivals) total += n;
  let sum = 0;
  return total > 0 ? arrivals.findIndex((n) => (sum += n) >= total / 2) : -1;
}

/**
 * Replays every run of `scenario` (the same seeds as `runScenario`, so the same runs) and returns
 * the median over the runs of the day half the people reaching `place` had arrived (ISO date), or
 * undefined when the place is off the scenario's routes or fewer than half the runs reach it.
 *
 * @example
 * bodyArrival(scenario, corridor, "Mexico City"); // => "2018-11-17"
 */
export function bodyArrival(
  scenario: Scenario,
  corridor: Corridor,
  place: string,
): string | undefined {
  const compiled = compileScenario(scenario, corridor);
  const p = compiled.places.findIndex((q) => q.name === place);
  if (p < 0) return undefined;
  const buffers = createRunBuffers(compiled);
  const halfDays: number[] = [];
  for (let k = 0; k < scenario.runs; k++) {
    simulateRun(compiled, mulberry32(runSeed(scenario.seed, k)), buffers);
    const half = halfArrivedDay(
      buffers.arrivals.subarray(p * compiled.days, (p + 1) * compiled.days),
    );
    halfDays.push(half < 0 ? Infinity : half);
  }
  halfDays.sort((a, b) => a - b);
  const median = halfDays[Math.floor(halfDays.length / 2)]!;
  return Number.isFinite(median) ? isoDate(strictDayNumber(scenario.start)! + median) : undefined;
}
