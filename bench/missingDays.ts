// Every true group-day the scorer (bench/worlds/score.ts) counts without an estimate, one by one
// (issue 13: "no true group-day without an estimate"), on stress and simulate.ts worlds:
// - labelled worlds: the group, the day, its first / last report and first NAMED report, its
//   track's first / last day and end reason (report.json trackEnds), and where the group's reports
//   of that day went (which estimated track the association gave them to);
// - unlabelled worlds: each day sorted into `never matched` (no track belongs to the group),
//   `before` / `after` / `gap` (its tracks start late, end early, skip the day), each split by
//   whether another group's track stood within MATCH_KM of the group that day (`near`: the group
//   is followed, by a track the scorer gives to another group) and by where its reports of the
//   day went (`to other`: a track matched to another true group; `spurious`; `own`; `none`).
// Run: TZ=UTC npx tsx bench/missingDays.ts [--worlds 16] [--seed-offset 200] [--sim stress|legacy|all] [--list]
import { createRouteIndex, estimateTracks, isoDate, toLocalTime } from "../src/index.ts";
import type { TrackPoint } from "../src/index.ts";
import { MATCH_KM, evaluatedDays, matchTracks, rebaser } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import type { ScorableWorld } from "./worlds/truth.ts";
import { option } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const simArg = process.argv.indexOf("--sim");
const sim = simArg >= 0 ? process.argv[simArg + 1] : "all";
const list = process.argv.includes("--list");

function* allWorlds(): Generator<ScorableWorld> {
  for (let i = 0; i < worlds; i++) {
    if (sim !== "legacy") yield generateStressWorld(i + 1 + seedOffset);
    if (sim !== "stress") yield legacyWorld(i, worlds, seedOffset);
  }
}

function count(into: Map<string, number>, key: string): void {
  into.set(key, (into.get(key) ?? 0) + 1);
}

/** Local day (ISO date) of each sighting with its true group; whether it has a position; its label. */
function reportsByGroup(
  world: ScorableWorld,
): Map<string, { id: string; date: string; placed: boolean; named: boolean }[]> {
  const out = new Map<string, { id: string; date: string; placed: boolean; named: boolean }[]>();
  for (const s of world.dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const t = toLocalTime(s.observedAt, world.dataset.timeZone);
    if (!g || !t) continue;
    const placed = (s.lat !== undefined && s.lon !== undefined) || s.placeName !== undefined;
    const list = out.get(g) ?? [];
    list.push({
      id: s.id ?? "",
      date: isoDate(Math.floor(t.t)),
      placed,
      named: s.caravanLabel?.trim() === g,
    });
    out.set(g, list);
  }
  return out;
}

const labelledCauses = new Map<string, number>();
const unlabelledCauses = new Map<string, number>();
let labelledDays = 0;
let unlabelledDays = 0;

/** Last local day of a world's reports (as bench/worlds/score.ts: the data end). */
function dataEnd(world: ScorableWorld): string {
  let end = "";
  for (const s of world.dataset.sightings) {
    const t = toLocalTime(s.observedAt, world.dataset.timeZone);
    if (t && isoDate(Math.floor(t.t)) > end) end = isoDate(Math.floor(t.t));
  }
  return end;
}

/**
 * The carried days (after a group's last report, to the data end) on which it is still on the
 * road and has no estimate (score.ts `carried.missing`), one line each with its track's end.
 */
function carriedMissing(
  world: ScorableWorld,
  days: ReadonlySet<string>,
  group: string,
  trackDays: ReadonlySet<string>,
  end: string | undefined,
): void {
  const g = world.truth.find((x) => x.group === group)!;
  const index = createRouteIndex(world.dataset.routes);
  const len = index.lengthKm(g.routeId);
  const lastReport = [...days].sort().at(-1) ?? "";
  const stop = dataEnd(world);
  for (const d of g.days) {
    if (d.date <= lastReport || d.date > stop || trackDays.has(d.date) || d.km >= len - 1) continue;
    carried++;
    console.log(
      `${world.name}${world.labelled ? "" : " (unlabelled)"} ${group} ${d.date}: carried, on the road at km ${d.km.toFixed(0)} of ${len.toFixed(0)}, last report ${lastReport}; track ends ${end}`,
    );
  }
}
let carried = 0;

for (const world of allWorlds()) {
  const est = estimateTracks(world.dataset);
  const byGroup = new Map<string, Map<string, TrackPoint>>();
  for (const t of est.tracks) {
    const m = byGroup.get(t.group) ?? new Map<string, TrackPoint>();
    m.set(t.date, t);
    byGroup.set(t.group, m);
  }
  const rebase = rebaser(world);
  const match = matchTracks(world.truth, byGroup, rebase);
  const ends = new Map(est.report.trackEnds.map((e) => [e.group, e]));
  const assoc = new Map(est.report.associations.map((a) => [a.sightingId, a.group]));
  const reports = reportsByGroup(world);
  /** The track the scorer scores for true group `group` on `date` (its longest-following one). */
  const scoredTrack = (group: string, date: string): string | undefined =>
    [...match]
      .filter(([, m]) => m.group === group)
      .sort((a, b) => b[1].days - a[1].days)
      .find(([n]) => byGroup.get(n)?.has(date))?.[0];
  const truth = new Map(world.truth.map((g) => [g.group, g]));
  for (const [group, days] of evaluatedDays(world)) {
    const mine = [...match].filter(([, m]) => m.group === group).map(([n]) => n);
    const trackDays = new Set(mine.flatMap((n) => [...(byGroup.get(n)?.keys() ?? [])]));
    const sorted = [...trackDays].sort();
    const g = truth.get(group)!;
    const rs = reports.get(group) ?? [];
    const e = ends.get(mine.find((n) => ends.has(n)) ?? "");
    carriedMissing(world, days, group, trackDays, e && `${e.lastDate} (${e.reason}: ${e.detail})`);
    if (world.labelled) labelledDays += days.size;
    else unlabelledDays += days.size;
    for (const date of [...days].sort()) {
      if (trackDays.has(date)) continue;
      const where =
        sorted.length === 0
          ? "never matched"
          : date < sorted[0]
            ? "before"
            : date > sorted.at(-1)!
              ? "after"
              : "gap";
      const today = rs.filter((r) => r.date === date);
      const went = today.map((r) => assoc.get(r.id));
      const to = (name: string | undefined): string =>
        name === undefined
          ? "none"
          : mine.includes(name)
            ? "own"
            : match.get(name)
              ? `to other`
              : "spurious";
      const wentKind =
        went.length === 0 ? "no report" : [...new Set(went.map(to))].sort().join("+");
      const truthDay = g.days.find((d) => d.date === date)!;
      // Nearby tracks of other groups: `in use` when the scorer scores it for its own group that
      // day (a track holding two groups), `idle` when its group is scored by another track then.
      let near: "" | "idle" | "in use" = "";
      for (const [name, m] of byGroup) {
        if (mine.includes(name)) continue;
        const t = m.get(date);
        if (!t || Math.abs(rebase(t, g.routeId).km - truthDay.km) > MATCH_KM) continue;
        const owner = match.get(name)?.group;
        const used = owner !== undefined && scoredTrack(owner, date) === name;
        if (used) near = "in use";
        else if (near === "") near = "idle";
      }
      if (world.labelled) {
        const named = rs
          .filter((r) => r.named)
          .map((r) => r.date)
          .sort();
        const placed = rs
          .filter((r) => r.placed)
          .map((r) => r.date)
          .sort();
        const namedPlaced = rs
          .filter((r) => r.named && r.placed)
          .map((r) => r.date)
          .sort();
        const end = ends.get(group);
        const key = `${where}, reports ${wentKind}`;
        count(labelledCauses, key);
        console.log(
          `${world.name} ${group} ${date}: ${key}; track ${sorted[0] ?? "-"}…${sorted.at(-1) ?? "-"} (${end?.reason ?? "-"}); first report ${placed[0]}, first named ${named[0]}, first named position ${namedPlaced[0]}, last named ${named.at(-1)}; truth km ${truthDay.km.toFixed(0)}; reports that day ${today.length} → ${went.join(",")}`,
        );
      } else {
        const key = `${where}, ${near ? `another track near (${near})` : "no track near"}, reports ${wentKind}`;
        count(unlabelledCauses, key);
        if (list)
          console.log(
            `${world.name} ${group} ${date}: ${key}; tracks ${mine.join(",") || "-"}; reports → ${went.join(",")}`,
          );
      }
    }
  }
}

const show = (title: string, m: Map<string, number>, of: number): void => {
  const n = [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title}: ${n} of ${of} scored group-days without an estimate`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
};
show("labelled", labelledCauses, labelledDays);
show("unlabelled", unlabelledCauses, unlabelledDays);
console.log(`\ncarried days on the road without an estimate: ${carried}`);
