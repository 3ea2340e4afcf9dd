/**
 * One reading of the day a group's track ends, for tracks.csv and report.json alike: the last
 * row written for the group (held days included, `held_after_data`). The estimator's own end
 * (`trackEnds[].lastDate`, the last estimated day) stays; a track the state holds past it (the data
 * end while the group is not yet unseen, src/state/onRoad.ts `carryTracks`) says so in
 * `heldThrough`, and report.json `groups[].lastDate` is the same last row as tracks.csv.
 */
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate } from "../model/units.ts";

/**
 * Each group's last day among `tracks` (ISO dates compare as strings).
 * @example
 * lastTrackDates([{ group: "A", date: "2021-03-24" }, { group: "A", date: "2021-03-26" }]).get("A"); // => "2021-03-26"
 */
export function lastTrackDates(
  tracks: readonly Pick<TrackPoint, "group" | "date">[],
): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const p of tracks) {
    const seen = last.get(p.group);
    if (seen === undefined || p.date > seen) last.set(p.group, p.date);
  }
  return last;
}

/**
 * report.json's `groups` and `trackEnds` read with the tracks written: `groups[].lastDate` is the
 * group's last track row; `trackEnds[]` gains `heldThrough` (that row's date) when held days carry
 * the track past its estimated `lastDate`.
 * @example
 * endsAsWritten([{ group: "A", lastDate: "2021-03-24" }], [{ group: "A", lastDate: "2021-03-24" }],
 *   [{ group: "A", date: "2021-03-26" }]).trackEnds[0].heldThrough; // => "2021-03-26"
 */
export function endsAsWritten<
  G extends { group: string; lastDate: IsoDate },
  E extends { group: string; lastDate: IsoDate },
>(
  groups: readonly G[],
  trackEnds: readonly E[],
  tracks: readonly Pick<TrackPoint, "group" | "date">[],
): { groups: G[]; trackEnds: (E & { heldThrough?: IsoDate })[] } {
  const last = lastTrackDates(tracks);
  return {
    groups: groups.map((g) => ({ ...g, lastDate: last.get(g.group) ?? g.lastDate })),
    trackEnds: trackEnds.map((e) => {
      const through = last.get(e.group);
      return through !== undefined && through > e.lastDate ? { ...e, heldThrough: through } : e;
    }),
  };
}
