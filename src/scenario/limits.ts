/**
 * Stated limits of a scenario, checked by validateScenario (with a JSON pointer and a sentence),
 * written into schema/scenario.schema.json and `dtm-flow scenario --help`. Below them all
 * arithmetic is exact: counts of people are whole numbers in 32-bit integer tables (the largest,
 * 10,000,000 people, is far below 2^31 − 1 = 2,147,483,647 even summed over every place), and
 * person-days are 64-bit floats (exact to 2^53).
 */
export const SCENARIO_LIMITS = {
  /** People in all waves together (with ranges, their maxima), per scenario. */
  maxPeople: 10_000_000,
  /** Monte Carlo runs; above ~1,000 the p10/p50/p90 barely move (sampling error ∝ 1/√runs). */
  maxRuns: 10_000,
  /** Days simulated: two years; a forecast of movement beyond that is not a plan. */
  maxHorizonDays: 730,
  /** Sub-groups per wave. */
  maxGroups: 1000,
  /** Waves per scenario. */
  maxWaves: 1000,
} as const;
