// Why extra tracks start (issue 13: "a new track starts only when the evidence demands it"): for
// every track the estimator finds in an unlabelled development world that is not the MAIN track of
// a true group (the track holding most of that group's reports), the cause of its start, named
// from the simulator's truth. A track's own reports of its largest true group (its "group
// reports") are read against that group's truth and its main track, and the first cause that
// holds, in this order, is the track's:
// - `no main`: no track is mostly the group's (nothing to be separated from); the main track is
//   the one with most of the group's reports among those whose largest true group it is;
// - `split/merge` (world3): the track starts within SPLIT_DAYS of a split or merge of its group;
// - `stale/misplaced`: at least half its group reports lie outside the group's body that day
//   (more than BODY_SLACK_KM beyond its rear or front edge; simulate.ts, which has no body, more
//   than POINT_SLACK_KM from its median), or are the stress simulator's stale / misplaced reports;
// - `part`: at least half name a vanguard or rear (the association's own reading of the words),
//   or (stress) describe one whether named or not;
// - `size`: its typical figure (upper quartile, as the association reads a group) is over
//   SIZE_FACTOR× or under 1 / SIZE_FACTOR× the main track's (`far from main's`), or at least half
//   of its figures are so far from the group's true size that day (`far from true`);
// - `gap`: the main track had no report of the group for GAP_DAYS or more before the track's
//   first day (or the track lies wholly before / after the main track's span);
// - `ride`: the group's median person moved more than RIDE_KM in one day within the 3 days up to
//   the track's first day;
// - `stay`: the group's median moved under STAY_KM a day on the track's first day and the day before;
// - `body`: none of these: reports of one body along its length, the main track elsewhere on it
//   (the offset of the track's first-day median from the main track's is listed).
// Whether a track is also `mixed` (under 60 % of its reports of its largest group) is counted
// beside the cause. Tabulated by tracks and by group-days (the days from the track's first to its
// last group report). Seeded; development seeds only.
// Run: TZ=UTC npx tsx bench/fragCause.ts [--worlds 16] [--seed-offset 200] [--sim stress|legacy|world3|all] [--list]
import { dayNumber, estimateTracks } from "../src/index.ts";
import type { Dataset } from "../src/index.ts";
import { associationReports, dayMedians } from "./worlds/partitionCost.ts";
import type { IdReport } from "./worlds/partitionCost.ts";
import { bestRouteCost } from "../src/estimate/mergeTracklets.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { generateWorld3 } from "./world3/world.ts";
import { option, splitPartsArg, peopleJoinArg } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const simArg = process.argv.indexOf("--sim");
const sim = simArg >= 0 ? process.argv[simArg + 1] : "all";
const list = process.argv.includes("--list");
const pairs = process.argv.includes("--pairs");

/** km beyond a body's rear / front edge at which a report is not of the body that day. */
const BODY_SLACK_KM = 30;
/** The same for a simulator without a body (simulate.ts): km from the group's median. */
const POINT_SLACK_KM = 80;
/** A figure this many times over or under the group's true size is far from it. */
const SIZE_FACTOR = 3;
/** Days of the main track's silence that count as a gap. */
const GAP_DAYS = 4;
/** km of the median person in one day that count as a ride. */
const RIDE_KM = 100;
/** km a day under which the median person stays. */
const STAY_KM = 10;
/** Days after a split or merge within which a new track is put down to it. */
const SPLIT_DAYS = 5;

/** Truth of one group-day, whatever the simulator. */
interface Day {
  km: number;
  /** Rear and front edges (undefined: a point-like simulator). */
  rear?: number;
  front?: number;
  size: number;
}

interface World {
  name: string;
  sim: string;
  dataset: Dataset;
  truth: (id: string) => string | undefined;
  /** Days of each true group, by day number. */
  days: Map<string, Map<number, Day>>;
  /** Reports the simulator made stale or misplaced (stress only). */
  bad: Set<string>;
  /** Reports of a part (vanguard, rear) whether the words say so or not (stress only). */
  parts: Map<string, string>;
  /** Day numbers of splits and merges by group (world3). */
  events: Map<string, number[]>;
}

function dayMap<T extends { km: number; size: number }>(
  list: readonly T[],
  day: (d: T) => number | undefined,
  edges: (d: T) => [number | undefined, number | undefined],
): Map<number, Day> {
  const out = new Map<number, Day>();
  for (const d of list) {
    const n = day(d);
    if (n === undefined) continue;
    const [rear, front] = edges(d);
    out.set(n, { km: d.km, rear, front, size: d.size });
  }
  return out;
}

function* devWorlds(): Generator<World> {
  for (let i = 0; i < worlds; i++) {
    if (sim === "all" || sim === "stress") {
      const w = generateStressWorld(i + 1 + seedOffset);
      if (!w.labelled)
        yield {
          name: w.name,
          sim: "stress",
          dataset: w.dataset,
          truth: (id) => w.sightingGroup[id],
          days: new Map(
            w.truth.map((g) => [
              g.group,
              dayMap(
                g.days,
                (d) => dayNumber(d.date),
                (d) => [d.lastKm, d.firstKm],
              ),
            ]),
          ),
          bad: new Set(w.reports.filter((r) => r.kind !== "fresh").map((r) => r.id)),
          parts: new Map(w.reports.filter((r) => r.part !== "body").map((r) => [r.id, r.part])),
          events: new Map(),
        };
    }
    if (sim === "all" || sim === "legacy") {
      const w = legacyWorld(i, worlds, seedOffset);
      if (!w.labelled)
        yield {
          name: w.name,
          sim: "simulate.ts",
          dataset: w.dataset,
          truth: (id) => w.sightingGroup[id],
          days: new Map(
            w.truth.map((g) => [
              g.group,
              dayMap(
                g.days,
                (d) => dayNumber(d.date),
                () => [undefined, undefined],
              ),
            ]),
          ),
          bad: new Set(),
          parts: new Map(),
          events: new Map(),
        };
    }
    if ((sim === "all" || sim === "world3") && i % 3 === 2) {
      const w = generateWorld3(i + 1 + seedOffset, { labelled: false });
      const events = new Map<string, number[]>();
      const at = (body: string, day: number | undefined): void => {
        if (day !== undefined) events.set(body, [...(events.get(body) ?? []), day]);
      };
      const plan = w.plan;
      for (const e of w.events) {
        const day = dayNumber(e.slice(0, 10));
        if (/split off/.test(e) && plan.split) {
          const body = `cuerpo ${plan.split.caravan + 1}`;
          at(body, day);
          at(`${body} / escisión`, day);
        }
        if (/ joined /.test(e) && plan.merge) {
          at(`cuerpo ${plan.merge.first + 1}`, day);
          at(`cuerpo ${plan.merge.second + 1}`, day);
        }
      }
      yield {
        name: w.name,
        sim: "world3",
        dataset: w.dataset,
        truth: (id) => w.sightingTruth.get(id)?.body,
        days: new Map(
          w.bodyTruth.map((g) => [
            g.group,
            dayMap(
              g.days,
              (d) => d.day,
              (d) => [d.lastKm, d.firstKm],
            ),
          ]),
        ),
        bad: new Set(),
        parts: new Map(),
        events,
      };
    }
  }
}

interface Found {
  key: string;
  reports: IdReport[];
  route: string;
  major: string;
  purity: number;
  mix: string;
}

function foundTracks(
  w: World,
  reports: readonly IdReport[],
  routeIds: readonly string[],
  model: ReturnType<typeof associationReports>["model"],
): Found[] {
  // --absorb-parts: EstimateOptions.absorbParts (off); --no-split-parts etc.: splitParts, on (bench/args.ts).
  const est = estimateTracks(w.dataset, {
    absorbParts: process.argv.includes("--absorb-parts"),
    joinBodies: process.argv.includes("--join-bodies"),
    peopleJoin: peopleJoinArg(),
    bodyCharge: process.argv.includes("--body-charge"),
    splitParts: splitPartsArg(),
  });
  const owner = new Map<string, string>();
  for (const a of est.report.associations)
    if (a.how !== "size_only") owner.set(a.sightingId, a.group);
  const by = new Map<string, IdReport[]>();
  for (const r of reports) {
    const g = owner.get(r.id);
    if (g === undefined || w.truth(r.id) === undefined) continue;
    by.set(g, [...(by.get(g) ?? []), r]);
  }
  return [...by].map(([key, rs]) => {
    rs.sort((a, b) => a.t - b.t);
    const c = new Map<string, number>();
    for (const r of rs) c.set(w.truth(r.id) as string, (c.get(w.truth(r.id) as string) ?? 0) + 1);
    const ranked = [...c].sort((a, b) => b[1] - a[1]);
    return {
      key,
      reports: rs,
      route: bestRouteCost(rs, routeIds, model).route,
      major: ranked[0][0],
      purity: ranked[0][1] / rs.length,
      mix: ranked.map(([g, k]) => `${g.slice(0, 14)} ${k}`).join(", "),
    };
  });
}

/** km of report `r` on the group's truth route, else on `route`. */
function kmOf(r: IdReport, route: string): number | undefined {
  return r.kmByRoute.get(route);
}

/** Whether report `r` lies outside its group's body (or far from a point group) on its day. */
function offBody(r: IdReport, day: Day | undefined, route: string): boolean {
  const km = kmOf(r, route);
  if (day === undefined || km === undefined) return false;
  if (day.rear !== undefined && day.front !== undefined)
    return km < day.rear - BODY_SLACK_KM || km > day.front + BODY_SLACK_KM;
  return Math.abs(km - day.km) > POINT_SLACK_KM;
}

/** The largest move of the median person in one day within the 3 days up to `first`. */
function rideBefore(days: Map<number, Day>, first: number): number {
  let most = 0;
  for (let d = first - 2; d <= first; d++) {
    const a = days.get(d - 1);
    const b = days.get(d);
    if (a && b) most = Math.max(most, Math.abs(b.km - a.km));
  }
  return most;
}

/** Where and how large track `f` is against the main track: its typical figure's share, and
 * the 10th / 50th / 90th percentiles of its day medians less the main track's (km). */
function against(main: Found, f: Found, route: string): string {
  const share = Math.exp(upperQuartile(f.reports) - upperQuartile(main.reports));
  const mm = dayMedians(main.reports, route);
  const d: number[] = [];
  for (const [day, km] of dayMedians(f.reports, route)) {
    let o: number | undefined;
    for (const k of [0, -1, 1]) o ??= mm.get(day + k);
    if (o !== undefined) d.push(km - o);
  }
  d.sort((x, y) => x - y);
  const q = (p: number): number => Math.round(d[Math.floor(p * (d.length - 1))]);
  return `figure ${share.toFixed(2)}× main's; offset ${d.length ? `${q(0.1)} / ${q(0.5)} / ${q(0.9)}` : "-"} km on ${d.length} days`;
}

/** log of the upper quartile of the reports' figures (NaN: none). */
function upperQuartile(rs: readonly IdReport[]): number {
  const v = rs
    .map((r) => r.logSize)
    .filter((x): x is number => x !== undefined)
    .sort((x, y) => x - y);
  return v.length ? v[Math.min(v.length - 1, Math.floor(0.75 * v.length))] : NaN;
}

interface Cause {
  cause: string;
  detail: string;
}

function causeOf(w: World, f: Found, main: Found | undefined, route: string): Cause {
  const g = f.major;
  const own = f.reports.filter((r) => w.truth(r.id) === g);
  const first = Math.floor(own[0].t);
  const last = Math.floor(own[own.length - 1].t);
  if (!main) return { cause: "no main", detail: "" };
  const ev = (w.events.get(g) ?? []).find((d) => first >= d - 1 && first <= d + SPLIT_DAYS);
  if (ev !== undefined) return { cause: "split/merge", detail: `${first - ev} d after` };
  const days = w.days.get(g) ?? new Map<number, Day>();
  const half = (k: number, n: number): boolean => n > 0 && 2 * k >= n;
  const off = own.filter((r) => w.bad.has(r.id) || offBody(r, days.get(Math.floor(r.t)), route));
  if (half(off.length, own.length))
    return { cause: "stale/misplaced", detail: `${off.length}/${own.length}` };
  const parts = own.filter((r) => r.part || w.parts.has(r.id));
  if (half(parts.length, own.length)) {
    const van = parts.filter((r) => w.parts.get(r.id) === "vanguard").length;
    const rear = parts.filter((r) => w.parts.get(r.id) === "rear").length;
    const named = parts.filter((r) => r.part).length;
    return {
      cause: "part",
      detail: `${parts.length}/${own.length}: vanguard ${van}, rear ${rear}, named ${named}; ${against(main, f, route)}`,
    };
  }
  const figs = own.filter((r) => r.logSize !== undefined);
  const far = figs.filter((r) => {
    const d = days.get(Math.floor(r.t));
    return (
      d !== undefined && Math.abs((r.logSize as number) - Math.log(d.size)) > Math.log(SIZE_FACTOR)
    );
  });
  // Against the main track's typical figure (the upper quartile of its group reports' figures,
  // as the association's size term reads a group) as well as against the truth.
  const scale = upperQuartile(main.reports.filter((r) => w.truth(r.id) === g));
  const mine = upperQuartile(own);
  const apart =
    Number.isFinite(scale) &&
    Number.isFinite(mine) &&
    Math.abs(mine - scale) > Math.log(SIZE_FACTOR);
  if (apart || (far.length > 0 && half(far.length, figs.length)))
    return {
      cause: apart ? "size (far from main's)" : "size (far from true, near main's)",
      detail: `${far.length}/${figs.length} far from true; typical ${Math.round(Math.exp(mine))} vs main's ${Math.round(Math.exp(scale))}`,
    };
  const mainDays = main.reports.filter((r) => w.truth(r.id) === g).map((r) => Math.floor(r.t));
  const before = mainDays.filter((d) => d < first);
  const after = mainDays.filter((d) => d > last);
  if (before.length === 0 && after.length === mainDays.length)
    return { cause: "gap", detail: `before main by ${Math.min(...after) - last} d` };
  if (after.length === 0 && before.length === mainDays.length)
    return { cause: "gap", detail: `after main by ${first - Math.max(...before)} d` };
  if (before.length > 0 && first - Math.max(...before) >= GAP_DAYS)
    return { cause: "gap", detail: `main silent ${first - Math.max(...before)} d` };
  const ride = rideBefore(days, first);
  if (ride > RIDE_KM) return { cause: "ride", detail: `${Math.round(ride)} km in a day` };
  const d0 = days.get(first);
  const d1 = days.get(first - 1);
  if (d0 && d1 && Math.abs(d0.km - d1.km) < STAY_KM) return { cause: "stay", detail: "" };
  const mm = dayMedians(main.reports, route);
  const fm = dayMedians(own, route);
  let near: number | undefined;
  for (const k of [0, -1, 1, -2, 2, -3, 3]) near ??= mm.get(first + k);
  const at = fm.get(first);
  const offset =
    near !== undefined && at !== undefined ? `${Math.round(at - near)} km from main` : "";
  return { cause: "body", detail: offset };
}

const pairCount = new Map<string, { right: number; wrong: number }>();
function countPair(rule: string, right: boolean): void {
  const c = pairCount.get(rule) ?? { right: 0, wrong: 0 };
  c[right ? "right" : "wrong"]++;
  pairCount.set(rule, c);
}

/** The part-pair rules (module comment, --pairs) counted over the found tracks of one world. */
function partPairs(simName: string, found: readonly Found[]): void {
  for (const a of found)
    for (const b of found) {
      if (a === b || b.reports.length >= a.reports.length) continue;
      const [a0, a1] = [Math.floor(a.reports[0].t), Math.floor(a.reports[a.reports.length - 1].t)];
      const [b0, b1] = [Math.floor(b.reports[0].t), Math.floor(b.reports[b.reports.length - 1].t)];
      if (b0 < a0 - 2 || b1 > a1 + 2) continue;
      const share = Math.exp(upperQuartile(b.reports) - upperQuartile(a.reports));
      if (!Number.isFinite(share)) continue;
      const ma = dayMedians(a.reports, a.route);
      const mb = dayMedians(b.reports, a.route);
      const d: number[] = [];
      for (const [day, km] of mb) {
        let o: number | undefined;
        for (const k of [0, -1, 1]) o ??= ma.get(day + k);
        if (o !== undefined) d.push(km - o);
      }
      if (d.length < 2) continue;
      const right = a.major === b.major;
      const lo = Math.min(...d);
      const hi = Math.max(...d);
      for (const part of [0.25, 0.4, 0.6])
        for (const reach of [300, 600]) {
          if (share > part) continue;
          const tag = `figure ≤ ${part} of a's, within ${reach} km`;
          if (lo > 0 && hi <= reach) countPair(`${simName}: ahead, ${tag}`, right);
          if (hi < 0 && lo >= -reach) countPair(`${simName}: behind, ${tag}`, right);
          if (lo >= -reach && hi <= reach) countPair(`${simName}: either side, ${tag}`, right);
        }
    }
}

interface Tally {
  tracks: number;
  days: number;
  mixed: number;
}
const table = new Map<string, Map<string, Tally>>();
function add(simName: string, cause: string, days: number, mixed: boolean): void {
  let m = table.get(simName);
  if (!m) table.set(simName, (m = new Map()));
  const t = m.get(cause) ?? { tracks: 0, days: 0, mixed: 0 };
  t.tracks++;
  t.days += days;
  if (mixed) t.mixed++;
  m.set(cause, t);
}
const totals = new Map<string, { worlds: number; truth: number; found: number; right: number }>();

for (const w of devWorlds()) {
  const { reports, model, routeIds } = associationReports(w.dataset);
  const found = foundTracks(w, reports, routeIds, model);
  const groups = new Set(reports.map((r) => w.truth(r.id)).filter((g) => g !== undefined));
  const mains = new Map<string, Found>();
  for (const g of groups) {
    let best: Found | undefined;
    let bestN = 0;
    for (const f of found) {
      if (f.major !== g) continue;
      const n = f.reports.filter((r) => w.truth(r.id) === g).length;
      if (n > bestN) [best, bestN] = [f, n];
    }
    if (best) mains.set(g, best);
  }
  const tot = totals.get(w.sim) ?? { worlds: 0, truth: 0, found: 0, right: 0 };
  tot.worlds++;
  tot.truth += groups.size;
  tot.found += found.length;
  if (groups.size === found.length) tot.right++;
  totals.set(w.sim, tot);
  const lines: string[] = [];
  for (const f of found) {
    const main = mains.get(f.major);
    if (main === f) continue;
    const route = main?.route ?? f.route;
    const c = causeOf(w, f, main, route);
    const own = f.reports.filter((r) => w.truth(r.id) === f.major);
    const days = Math.floor(own[own.length - 1].t) - Math.floor(own[0].t) + 1;
    add(w.sim, c.cause, days, f.purity < 0.6);
    lines.push(
      `${f.key} of ${f.major}: ${c.cause}${c.detail ? ` (${c.detail})` : ""}; days ${days}, ${f.reports.length} reports [${f.mix}]${f.purity < 0.6 ? " mixed" : ""}`,
    );
  }
  if (pairs) partPairs(w.sim, found);
  console.log(`${w.name}: ${groups.size} true, ${found.length} found, ${lines.length} extra`);
  if (list) for (const l of lines) console.log(`  ${l}`);
}

for (const [rule, c] of [...pairCount].sort((x, y) => x[0].localeCompare(y[0])))
  console.log(`pairs ${rule}: right ${c.right} / wrong ${c.wrong}`);
for (const [s, m] of table) {
  const t = totals.get(s);
  console.log(
    `\n${s}: ${t?.worlds} unlabelled worlds, ${t?.found} tracks for ${t?.truth} true groups, right count ${t?.right}`,
  );
  console.log("| cause | extra tracks | group-days | of them mixed (< 60 % one group) |");
  console.log("|---|---:|---:|---:|");
  for (const [c, v] of [...m].sort((a, b) => b[1].tracks - a[1].tracks))
    console.log(`| ${c} | ${v.tracks} | ${v.days} | ${v.mixed} |`);
}

// --pairs: could a rule join a part's track to its body's? Every ordered pair of found tracks (a
// the body, b the part) where b lives within a's span (± 2 days), b's typical figure is at most
// PART_SHARE of a's, b holds fewer reports, and b's day medians lie on the same side of a's (ahead:
// a vanguard; behind: the rear) by at most the reach on every day both are seen — right when both
// have the same largest true group.
