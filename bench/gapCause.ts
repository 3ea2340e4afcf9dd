// Why each true group-day has no estimate (issue 13: "no true group-day without an estimate"),
// in the track-lifetime terms of the question and by whose reports the tracks hold, on the
// stress and simulate.ts worlds. Complements bench/missingDays.ts (day by day, near tracks) and
// bench/worlds/missing.ts (named spans): this one asks, for a day the scorer counts as missing,
//
// - `late start` / `early end` / `break`: the group HAS a track (bench/worlds/score.ts
//   matchTracks gives it one) but the day is before its first day, after its last, or between
//   two of its tracks; each split by where the group's reports of that day went (`to another
//   group's track`, `to none`, `no report that day`);
// - `no track, matching rule`: the group has no track, yet some track holds MORE THAN HALF its
//   reports from this group (the association found it) and the scorer gives that track to
//   another group, because it stays within MATCH_KM of that group on more days;
// - `no track, mixed track`: as above, but this group gave the track its largest share of
//   reports, not more than half (a track of two or three groups' reports);
// - `no track, absorbed`: the group has no track and its reports are a minority in every track
//   that holds them (its reports were read as another group's: one track holding two groups);
// - `no track, unseen`: no report of the group is in any track.
//
// It also prints the share of days missing under a second identity rule (each track to the true
// group that gave it most reports, the scorer's proximity rule on a tie) to size the scorer's
// part. Days the scorer leaves out (a group at its route's end after a track that ended there,
// bench/worlds/arrived.ts) are left out here too.
// Run: TZ=UTC npx tsx bench/gapCause.ts [--worlds 16] [--seed-offset 200] [--sim stress|legacy|all] [--list]
//      [--reach-back|--reach-back-unlabelled]
import { createRouteIndex, estimateTracks, isoDate, toLocalTime } from "../src/index.ts";
import type { EstimateOptions, Sighting, TrackPoint } from "../src/index.ts";
import { arrivedAfterTrack, evaluatedDays, matchTracks, rebaser } from "./worlds/score.ts";
import type { Rebase } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import type { ScorableWorld } from "./worlds/truth.ts";
import { option, reachBackArg } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const simArg = process.argv.indexOf("--sim");
const sim = simArg >= 0 ? process.argv[simArg + 1] : "all";
const list = process.argv.includes("--list");
// --reach-back[-unlabelled]: EstimateOptions.reachBack (src/estimate/reachBack.ts).
const options: EstimateOptions = {
  reachBack: reachBackArg(),
};

/** A sighting's local day (ISO date), as the scorer reads it. */
function localDayOf(s: Sighting, timeZone: string): string | undefined {
  const t = toLocalTime(s.observedAt, timeZone);
  return t ? isoDate(Math.floor(t.t)) : undefined;
}

function* allWorlds(): Generator<ScorableWorld> {
  for (let i = 0; i < worlds; i++) {
    if (sim !== "legacy") yield generateStressWorld(i + 1 + seedOffset);
    if (sim !== "stress") yield legacyWorld(i, worlds, seedOffset);
  }
}

type Tally = Map<string, number>;
const add = (m: Tally, k: string, n = 1): void => void m.set(k, (m.get(k) ?? 0) + n);

/** Per track: how many of its associated reports each true group gave. */
function reportsByTrack(world: ScorableWorld, assoc: Map<string, string>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const [id, track] of assoc) {
    const g = world.sightingGroup[id];
    if (g === undefined) continue;
    const m = out.get(track) ?? new Map<string, number>();
    add(m, g);
    out.set(track, m);
  }
  return out;
}

/** The true group that gave a track most of its reports, if one gave strictly most. */
function plurality(t: Tally | undefined): string | undefined {
  if (!t) return undefined;
  const s = [...t].sort((a, b) => b[1] - a[1]);
  return s.length > 0 && (s.length === 1 || s[0][1] > s[1][1]) ? s[0][0] : undefined;
}

/** Missing days under a track → group rule (`owner`): count over evaluated, not-arrived days. */
function missingUnder(
  world: ScorableWorld,
  byTrack: Map<string, Map<string, TrackPoint>>,
  owner: Map<string, string>,
  rebase: Rebase,
): { days: number; missing: number; perGroup: Map<string, Set<string>> } {
  const index = createRouteIndex(world.dataset.routes);
  const perGroup = new Map<string, Set<string>>();
  let days = 0;
  let missing = 0;
  for (const [group, evaluated] of evaluatedDays(world)) {
    const g = world.truth.find((x) => x.group === group)!;
    const mine = [...owner].filter(([, o]) => o === group).map(([n]) => n);
    const have = new Set(mine.flatMap((n) => [...(byTrack.get(n)?.keys() ?? [])]));
    let last: TrackPoint | undefined;
    for (const n of mine)
      for (const [d, t] of byTrack.get(n) ?? [])
        if (!last || d > last.date) last = rebase(t, g.routeId);
    const len = index.routeIds.includes(g.routeId) ? index.lengthKm(g.routeId) : Infinity;
    const miss = new Set<string>();
    for (const d of g.days) {
      if (!evaluated.has(d.date) || have.has(d.date)) {
        if (evaluated.has(d.date)) days++;
        continue;
      }
      if (arrivedAfterTrack(d, last, len)) continue;
      days++;
      missing++;
      miss.add(d.date);
    }
    perGroup.set(group, miss);
  }
  return { days, missing, perGroup };
}

const causes: Record<"labelled" | "unlabelled", Tally> = {
  labelled: new Map(),
  unlabelled: new Map(),
};
/** Missing days by whether another track places the group (interval, nearest median). */
const placed: Record<"labelled" | "unlabelled", Tally> = {
  labelled: new Map(),
  unlabelled: new Map(),
};
const totals = {
  labelled: { days: 0, missing: 0, altMissing: 0 },
  unlabelled: { days: 0, missing: 0, altMissing: 0 },
};

for (const world of allWorlds()) {
  const est = estimateTracks(world.dataset, options);
  const byTrack = new Map<string, Map<string, TrackPoint>>();
  for (const t of est.tracks) {
    const m = byTrack.get(t.group) ?? new Map<string, TrackPoint>();
    m.set(t.date, t);
    byTrack.set(t.group, m);
  }
  const rebase = rebaser(world);
  const match = matchTracks(world.truth, byTrack, rebase);
  const owner = new Map([...match].map(([n, m]) => [n, m.group]));
  const assoc = new Map(est.report.associations.map((a) => [a.sightingId, a.group]));
  const held = reportsByTrack(world, assoc);
  const alt = new Map(owner);
  for (const n of byTrack.keys()) {
    if (world.truth.some((g) => g.group === n)) continue; // a labelled track is its label's
    const p = plurality(held.get(n));
    if (p !== undefined) alt.set(n, p);
  }
  const now = missingUnder(world, byTrack, owner, rebase);
  const other = missingUnder(world, byTrack, alt, rebase);
  const kind = world.labelled ? "labelled" : "unlabelled";
  totals[kind].days += now.days;
  totals[kind].missing += now.missing;
  totals[kind].altMissing += other.missing;
  // Each group's reports by local day, and the track each went to.
  const reportDays = new Map<string, Map<string, (string | undefined)[]>>();
  for (const s of world.dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const d = localDayOf(s, world.dataset.timeZone);
    if (g === undefined || d === undefined) continue;
    const m = reportDays.get(g) ?? new Map<string, (string | undefined)[]>();
    m.set(d, [...(m.get(d) ?? []), assoc.get(s.id ?? "")]);
    reportDays.set(g, m);
  }
  for (const [group, missed] of now.perGroup) {
    if (missed.size === 0) continue;
    const mine = [...owner].filter(([, o]) => o === group).map(([n]) => n);
    const have = [...new Set(mine.flatMap((n) => [...(byTrack.get(n)?.keys() ?? [])]))].sort();
    const heldBy = [...held].filter(([, t]) => (t.get(group) ?? 0) > 0).map(([n]) => n);
    const ownsPlurality = heldBy.find((n) => plurality(held.get(n)) === group);
    const g = world.truth.find((x) => x.group === group)!;
    for (const date of [...missed].sort()) {
      const went = reportDays.get(group)?.get(date) ?? [];
      const where = (n: string | undefined): string =>
        n === undefined ? "to none" : mine.includes(n) ? "to own" : "to another group's track";
      const today =
        went.length === 0 ? "no report that day" : [...new Set(went.map(where))].sort().join(" + ");
      let key: string;
      if (have.length > 0) {
        const when = date < have[0] ? "late start" : date > have.at(-1)! ? "early end" : "break";
        key = `${when}; reports: ${today}`;
      } else if (ownsPlurality !== undefined) {
        const t = held.get(ownsPlurality)!;
        const share = (t.get(group) ?? 0) / [...t.values()].reduce((a, b) => a + b, 0);
        key =
          share > 0.5
            ? "no track, matching rule (a track of mostly its reports is scored for another group)"
            : "no track, mixed track (its reports the largest share, not half, of a track scored for another group)";
      } else if (heldBy.length > 0) {
        key = "no track, absorbed (its reports a minority in other groups' tracks)";
      } else key = "no track, unseen (none of its reports in a track)";
      add(causes[kind], key);
      // Is the group's position estimated at all that day: does any track's 90 % km interval
      // (another group's, on the group's route) hold its true km, and how far is the nearest
      // track's median? (A group travelling with another inside one track is placed, not sized.)
      const truthDay = g.days.find((x) => x.date === date)!;
      let nearest = Infinity;
      let held90 = false;
      for (const m of byTrack.values()) {
        const t = m.get(date);
        if (!t) continue;
        const e = rebase(t, g.routeId);
        nearest = Math.min(nearest, Math.abs(e.km - truthDay.km));
        if (truthDay.km >= e.kmLow - 1e-9 && truthDay.km <= e.kmHigh + 1e-9) held90 = true;
      }
      add(
        placed[kind],
        `${held90 ? "inside" : "outside"} every track's interval`.replace(
          "inside every",
          "inside some",
        ),
      );
      add(
        placed[kind],
        nearest <= 50
          ? "nearest track median <= 50 km"
          : nearest <= 150
            ? "nearest track median 50-150 km"
            : "nearest track median > 150 km or none",
      );
      if (list) {
        const detail = heldBy
          .map(
            (n) =>
              `${n}[${[...held.get(n)!].map(([g, c]) => `${g}:${c}`).join(",")}→${owner.get(n) ?? "spurious"}]`,
          )
          .join(" ");
        console.log(
          `${world.name} ${group} ${date}: ${key}; tracks ${have[0] ?? "-"}…${have.at(-1) ?? "-"}; ${detail}`,
        );
      }
    }
  }
}

for (const kind of ["labelled", "unlabelled"] as const) {
  const t = totals[kind];
  const pct = (n: number): string => ((100 * n) / Math.max(1, t.days)).toFixed(1);
  console.log(
    `\n${kind}: ${t.missing} of ${t.days} scored group-days without an estimate (${pct(t.missing)} %)`,
  );
  for (const [k, v] of [...causes[kind]].sort((a, b) => b[1] - a[1])) console.log(`  ${v}\t${k}`);
  console.log(
    `  placed by another track: ${[...placed[kind]]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join("; ")}`,
  );
  console.log(
    `  (a track given to the group that gave it most reports instead: ${t.altMissing} days, ${pct(t.altMissing)} %)`,
  );
}
