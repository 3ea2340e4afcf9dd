/** The state of the corridor per day (see buildState.ts). */
export { buildCorridorState, corridorDay, totalsOf } from "./buildState.ts";
export type { CorridorStateOptions } from "./buildState.ts";
export { groupBody } from "./groupBody.ts";
export { carryTracks, groupsOnRoad, holdUntilUnseen } from "./onRoad.ts";
export type { GroupOnRoad, HeldWidening, RemainingArea } from "./onRoad.ts";
export {
  ARRIVAL_KM,
  GROUP_DAY_STATUSES,
  groupDayStatus,
  trackFileStatuses,
  trackStatuses,
} from "./groupStatus.ts";
export type { GroupDayFacts, GroupDayStatus, TrackEndFacts } from "./groupStatus.ts";
export { PRESENCE_STATUSES } from "./types.ts";
export {
  groupDayPositionUnknown,
  POSITION_UNKNOWN_KM,
  positionUnknown,
  SILENT_DAYS,
} from "./positionUnknown.ts";
export type { PositionUnknown } from "./positionUnknown.ts";
export type {
  CorridorDay,
  CorridorTotals,
  GroupBody,
  PlacePresence,
  PresenceStatus,
} from "./types.ts";
