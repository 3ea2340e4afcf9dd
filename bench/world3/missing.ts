/**
 * Why a world3 group-day has no estimate (bench/world3/score.ts counts it as `missing`), sorted
 * as bench/worlds/missing.ts sorts the other simulators' days: where the day lies against the
 * tracks that follow the group (`no track`, `before track`, `after track`, `gap`) and, in a
 * labelled world, against the group's first and last report that names it.
 */
import { dayNumber } from "../../src/index.ts";
import type { RouteIndex, TrackPoint } from "../../src/index.ts";
import { arrivedAfter, lastPoint, matchTracks, observations } from "./score.ts";
import type { World3 } from "./world.ts";
import { countCause, missingCause } from "../worlds/missing.ts";
import type { MissingCauses } from "../worlds/missing.ts";

function namedSpans(world: World3): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const s of world.dataset.sightings) {
    const label = s.caravanLabel?.trim();
    const hidden = world.sightingTruth.get(s.id ?? "");
    if (!label || !hidden || hidden.label !== label) continue;
    const d = dayNumber(s.observedAt);
    if (d === undefined) continue;
    const cur = out.get(label);
    out.set(label, cur ? [Math.min(cur[0], d), Math.max(cur[1], d)] : [d, d]);
  }
  return out;
}

/**
 * Adds the world's missing group-days, by cause, into `into`.
 * @example
 * missingCauses(world, tracks, index).get("no track, unnamed")?.n;
 */
export function missingCauses(
  world: World3,
  tracks: readonly TrackPoint[],
  index: RouteIndex,
  into: MissingCauses = new Map(),
): MissingCauses {
  const groups = world.labelled ? world.labelTruth : world.bodyTruth;
  const obs = observations(world, groups, index);
  const matched = matchTracks(groups, tracks, index);
  const named = world.labelled ? namedSpans(world) : new Map<string, [number, number]>();
  for (const g of groups) {
    const placed = (obs.get(g.group) ?? []).filter((o) => o.km !== undefined).map((o) => o.t);
    if (placed.length === 0) continue;
    const [first, last] = [Math.floor(Math.min(...placed)), Math.floor(Math.max(...placed))];
    const have = new Set<number>();
    const mine: Map<number, TrackPoint>[] = [];
    for (const [name, m] of matched)
      if ((world.labelled && name === g.group) || m.follows === g.group) {
        mine.push(m.points);
        for (const d of m.points.keys()) have.add(d);
      }
    const days = [...have].sort((a, b) => a - b);
    const end = lastPoint(mine);
    for (const d of g.days) {
      if (d.day < first || d.day > last || have.has(d.day)) continue;
      if (arrivedAfter(d, end, g.routeId, index)) continue;
      const key = missingCause(days, d.day, named.get(g.group));
      countCause(into, key, `${world.name} ${g.group} day ${d.day}`);
    }
  }
  return into;
}
