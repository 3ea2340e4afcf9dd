/** What the front ends share: dataset assembly and the replay pipeline. */
export { assembleDataset } from "./assembleDataset.ts";
export type { AssembleOptions, DatasetFile } from "./assembleDataset.ts";
export { runReplay } from "./replay.ts";
export type { Replay, ReplayCorrections, ReplayOptions } from "./replay.ts";
export { dataRange } from "./dataRange.ts";
export type { DataRange } from "./dataRange.ts";
export { reportDayPlace, reportRange } from "./reportRange.ts";
export type { ReportRangeOptions } from "./reportRange.ts";
