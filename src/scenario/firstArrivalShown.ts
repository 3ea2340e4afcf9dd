/**
 * Whether a scenario place's first arrival is given beside its peak: not when the median run's
 * peak of people present rounds to 0 — the runs only pass through between noons, and "first
 * arrival 16 Jan" next to "peak 0" reads as people arriving who are never there.
 * Front ends then say "none in the median run" (`situationWords().scenarioNoneInMedianRun`).
 * @param peak the place's `peakPeople` (whole people, rounded).
 * @example firstArrivalShown({ p50: 0 }); // => false
 */
export function firstArrivalShown(peak: { p50: number }): boolean {
  return Math.round(peak.p50) >= 1;
}
