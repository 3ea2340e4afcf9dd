// The ledger: the daily split of the people who left, with people conserved (contracts §3.2).
export { buildLedger } from "./buildLedger.ts";
export { splitTotal } from "./splitTotal.ts";
export type { SplitQuery } from "./splitTotal.ts";
export { isotonicIncreasing } from "./isotonic.ts";
export {
  figureWeight,
  relativeError,
  DEFAULT_SOURCE_WEIGHTS,
  DEFAULT_CONFIDENCE_WEIGHTS,
} from "./weights.ts";
export type { WeightOptions } from "./weights.ts";
export type {
  LedgerInput,
  LedgerOptions,
  LedgerResult,
  LedgerWarning,
  LedgerWarningCode,
  Residual,
  DepartedRow,
  LedgerSource,
} from "./types.ts";
export { areaOf } from "./areaOf.ts";
export { dayNumber, isoDate } from "./days.ts";
export { compareWithSeeds, fitsWording } from "./compareWithSeeds.ts";
export type { SeedComparison } from "./compareWithSeeds.ts";
