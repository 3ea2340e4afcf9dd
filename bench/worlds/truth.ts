/**
 * What the scorer needs from a simulated world, whichever simulator made it: the dataset the
 * estimator reads, and the truth per group per day. Both simulators are turned into this shape
 * (stress.ts directly, legacy.ts for src/estimate/simulate.ts).
 */
import type { Dataset, IsoDate, Km, People } from "../../src/index.ts";

/** One true group on one local day. */
export interface TruthDay {
  date: IsoDate;
  /** km of the median person (the only km a point-like simulator has). */
  km: Km;
  /** km of the head (95th percentile of people) and tail (5th); absent when the simulator has no body. */
  headKm?: Km;
  tailKm?: Km;
  /**
   * km of the foremost people (the front edge: first arrivals) and the hindmost (the rear edge),
   * which the estimate's `head_km` and `tail_km` stand for (docs/contracts.md §3.1); absent when
   * the simulator has no body.
   */
  firstKm?: Km;
  lastKm?: Km;
  size: People;
}

export interface TruthGroup {
  /** Key of the group: its caravan label when the world has labels. */
  group: string;
  routeId: string;
  days: TruthDay[];
}

export interface ScorableWorld {
  /** e.g. `stress #12` or `simulate.ts #3`. */
  name: string;
  dataset: Dataset;
  truth: TruthGroup[];
  /** True group key of every sighting id (labelled or not). */
  sightingGroup: Record<string, string>;
  /** false when no sighting carries a caravan label. */
  labelled: boolean;
}
