// What the extra tracks of the unlabelled association are (issue 13: the right number of groups):
// every track the estimator found in an unlabelled development world is put in one class against
// the MAIN track of its largest true group (the track holding most of that group's reports):
// - `main`: it is that track (one per true group that has any);
// - `mixed`: under 60 % of its reports are of its largest true group;
// - `before` / `after`: a piece of the group seen on other days than the main track (their spans of
//   days overlap by at most one day: a gap splits the group in time);
// - `ahead` / `behind`: seen on the same days as the main track, its day medians (km on the main
//   track's route) more than AHEAD_KM ahead of / behind the main track's on those days (a piece a
//   ride split off: the vanguard ahead, the walkers behind);
// - `beside`: seen on the same days, within AHEAD_KM (a stay or a body split where it stands).
// For `ahead` and `behind` pieces, whether the piece was born AFTER the main track had been seen
// (`forks`: one track before, two after — the fork at a ride) or before it, and whether the main
// track's median jumped more than AHEAD_KM in the 3 days before the piece's birth.
// Run: TZ=UTC npx tsx bench/extraTracks.ts [--worlds 16] [--seed-offset 200] [--sim stress|legacy|world3|all] [--list]
import { estimateTracks } from "../src/index.ts";
import { associationReports, dayMedians } from "./worlds/partitionCost.ts";
import type { IdReport } from "./worlds/partitionCost.ts";
import { bestRouteCost } from "../src/estimate/mergeTracklets.ts";
import { unlabelledWorlds as devWorlds } from "./worlds/unlabelledWorlds.ts";
import type { UnlabelledWorld } from "./worlds/unlabelledWorlds.ts";
import { option } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const simArg = process.argv.indexOf("--sim");
const sim = simArg >= 0 ? process.argv[simArg + 1] : "all";
const list = process.argv.includes("--list");
/** km between day medians beyond which two pieces of one group are apart (a ride's split). */
const AHEAD_KM = 100;

type World = UnlabelledWorld;

const unlabelledWorlds = (): Generator<World> => devWorlds(worlds, seedOffset, sim);

interface Found {
  key: string;
  reports: IdReport[];
  route: string;
  major: string;
  purity: number;
  /** Its two largest true groups. */
  top: string[];
  /** Its reports by true group, most first. */
  mix: string;
  first: number;
  last: number;
}

const counts = new Map<string, Map<string, number>>();
function count(simName: string, cls: string): void {
  let m = counts.get(simName);
  if (!m) counts.set(simName, (m = new Map()));
  m.set(cls, (m.get(cls) ?? 0) + 1);
}

/** Median of the differences of `a`'s day medians from `b`'s on days both have one. */
function sharedOffset(a: Map<number, number>, b: Map<number, number>): number | undefined {
  const d: number[] = [];
  for (const [day, km] of a) {
    const o = b.get(day);
    if (o !== undefined) d.push(km - o);
  }
  if (d.length === 0) return undefined;
  return d.sort((x, y) => x - y)[d.length >> 1];
}

/** Whether `m`'s day medians rose by more than AHEAD_KM within the 3 days up to `day`. */
function jumpedBefore(m: Map<number, number>, day: number): boolean {
  const days = [...m.keys()].filter((d) => d < day - 3).sort((x, y) => y - x);
  const before = days.length ? m.get(days[0]) : undefined;
  let after: number | undefined;
  for (let d = day - 3; d <= day; d++) after = m.get(d) ?? after;
  return before !== undefined && after !== undefined && after - before > AHEAD_KM;
}

function classify(f: Found, main: Found): string {
  if (f.purity < 0.6) return "mixed";
  if (f === main) return "main";
  const overlap = Math.min(f.last, main.last) - Math.max(f.first, main.first);
  if (overlap <= 1) return f.first < main.first ? "before" : "after";
  const off = sharedOffset(dayMedians(f.reports, main.route), dayMedians(main.reports, main.route));
  if (off === undefined) return "off route";
  if (Math.abs(off) <= AHEAD_KM) return "beside";
  const side = off > 0 ? "ahead" : "behind";
  const fork = f.first > main.first + 1 ? "forks" : "born first";
  const jump = jumpedBefore(dayMedians(main.reports, main.route), f.first) ? ", main rode" : "";
  return `${side} (${fork}${jump})`;
}

function foundGroups(
  w: World,
  reports: readonly IdReport[],
  routeIds: readonly string[],
  model: ReturnType<typeof associationReports>["model"],
): Found[] {
  const est = estimateTracks(w.dataset);
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
    const [major, n] = ranked[0];
    return {
      key,
      reports: rs,
      route: bestRouteCost(rs, routeIds, model).route,
      major,
      purity: n / rs.length,
      top: ranked.slice(0, 2).map(([g]) => g),
      mix: ranked.map(([g, k]) => `${g.slice(0, 12)} ${k}`).join(", "),
      first: Math.floor(rs[0].t),
      last: Math.floor(rs[rs.length - 1].t),
    };
  });
}

/** Fork-pair rules counted: right (same largest true group) / wrong, by rule. */
const pairCounts = new Map<string, { right: number; wrong: number }>();
function countPairOf(rule: string, right: boolean): void {
  let c = pairCounts.get(rule);
  if (!c) pairCounts.set(rule, (c = { right: 0, wrong: 0 }));
  c[right ? "right" : "wrong"]++;
}

/** The median of `m` on the day nearest `day` within 2 days (the day itself first). */
function near(m: Map<number, number>, day: number): number | undefined {
  let ref: number | undefined;
  for (const k of [0, -1, 1, -2, 2]) ref ??= m.get(day + k);
  return ref;
}

/** log of a group's typical figure: the upper quartile of its reports' log figures (NaN: none). */
function scaleOf(g: Found): number {
  const v = g.reports
    .map((r) => r.logSize)
    .filter((x): x is number => x !== undefined)
    .sort((x, y) => x - y);
  return v.length ? v[Math.min(v.length - 1, Math.floor(0.75 * v.length))] : NaN;
}

/** Whether b's day medians lie ahead of a's (on a's route) on every day both are seen. */
function stayApart(a: Found, b: Found): boolean {
  const ma = dayMedians(a.reports, a.route);
  const mb = dayMedians(b.reports, a.route);
  for (const [d, km] of mb) {
    const o = ma.get(d);
    if (o !== undefined && km <= o + 30) return false;
  }
  return true;
}

/**
 * Every ordered pair (a seen first, b born later while a lives) with b's first day's median ahead
 * of a's near that day, counted under the fork rules: is b a piece of a's group?
 */
function forkPairs(simName: string, found: readonly Found[]): void {
  const countPair = (rule: string, right: boolean): void =>
    countPairOf(`${simName}: ${rule}`, right);
  for (const a of found)
    for (const b of found) {
      if (a === b || b.first < a.first + 2 || b.first > a.last + 1) continue;
      const ma = dayMedians(a.reports, a.route);
      const mb = dayMedians(b.reports, a.route);
      if (mb.size === 0) continue;
      const at = mb.get(Math.min(...mb.keys()));
      const ref = near(ma, Math.min(...mb.keys()));
      if (at === undefined || ref === undefined) continue;
      const ahead = at - ref;
      const right = a.major === b.major;
      const small = b.reports.length <= a.reports.length;
      const ends = b.last <= a.last + 3;
      if (ahead > 100) countPair("ahead > 100 km", right);
      if (ahead > 100 && ahead < 800) countPair("ahead 100–800 km", right);
      if (ahead > 100 && small) countPair("ahead > 100, b smaller", right);
      if (ahead > 100 && small && ends)
        countPair("ahead > 100, smaller, ends by a's end + 3", right);
      if (ahead > 200 && small && ends)
        countPair("ahead > 200, smaller, ends by a's end + 3", right);
      if (ahead > 100 && jumpedBefore(ma, b.first)) countPair("ahead > 100, a rode", right);
      if (ahead < -100) countPair("behind > 100 km", right);
      if (Math.abs(ahead) <= 100) countPair("within 100 km", right);
      const apart = stayApart(a, b);
      const ratio = Math.abs(scaleOf(b) - scaleOf(a));
      const sameFigure = Number.isFinite(ratio) && ratio < Math.log(1.5);
      if (ahead > 100 && sameFigure) countPair("ahead > 100, figures within 1.5×", right);
      if (ahead > 100 && small && ends && sameFigure)
        countPair("ahead > 100, smaller, ends, figures within 1.5×", right);
      if (ahead > 100 && small && ends && apart && sameFigure)
        countPair("ahead > 100, smaller, ends, never behind, figures within 1.5×", right);
      if (Math.abs(ahead) <= 100 && sameFigure)
        countPair("within 100 km, figures within 1.5×", right);
      if (ahead > 100 && small && ends && apart)
        countPair("ahead > 100, smaller, ends, never behind a", right);
      if (ahead > 100 && small && ends && apart && a.purity >= 0.6 && b.purity >= 0.6)
        countPair("the same, both pure (≥ 60 %)", right);
    }
}

/** Per simulator: for each mixed track, how far apart its two largest true groups were (km). */
const mixedKm = new Map<string, number[]>();
/** Per simulator: days of mixed tracks with reports of both / one of their two groups; hand-offs. */
const mixedDays = new Map<string, { both: number; one: number; switches: number }>();

/**
 * How far apart (km, on the track's route) the two largest true groups of mixed track `f` were
 * over its days: the median, over the days both groups have reports, of the distance between
 * their day medians (all of each group's reports, wherever the estimator put them).
 */
function mixedApart(w: World, reports: readonly IdReport[], f: Found): void {
  const of = (g: string): Map<number, number> =>
    dayMedians(
      reports.filter((r) => w.truth(r.id) === g),
      f.route,
    );
  const [a, b] = [of(f.top[0]), of(f.top[1])];
  const d: number[] = [];
  for (const [day, km] of a) {
    const o = b.get(day);
    if (o !== undefined && day >= f.first && day <= f.last) d.push(Math.abs(km - o));
  }
  const days = (g: string): Set<number> =>
    new Set(f.reports.filter((r) => w.truth(r.id) === g).map((r) => Math.floor(r.t)));
  const [da, db] = [days(f.top[0]), days(f.top[1])];
  const both = [...da].filter((x) => db.has(x)).length;
  const sw = mixedDays.get(w.sim) ?? { both: 0, one: 0, switches: 0 };
  sw.both += both;
  sw.one += da.size + db.size - 2 * both;
  // Hand-offs: changes of which of the two groups the track's reports are of, in time order.
  let prev: string | undefined;
  for (const r of f.reports) {
    const g = w.truth(r.id);
    if (g !== f.top[0] && g !== f.top[1]) continue;
    if (prev !== undefined && g !== prev) sw.switches++;
    prev = g;
  }
  mixedDays.set(w.sim, sw);
  if (d.length === 0) return;
  const list = mixedKm.get(w.sim) ?? [];
  list.push(d.sort((x, y) => x - y)[d.length >> 1]);
  mixedKm.set(w.sim, list);
}

let groupsTrue = 0;
let groupsNoMain = 0;
for (const w of unlabelledWorlds()) {
  const { reports, model, routeIds } = associationReports(w.dataset);
  const found = foundGroups(w, reports, routeIds, model);
  forkPairs(w.sim, found);
  const trueGroups = new Set(reports.map((r) => w.truth(r.id)).filter((g) => g !== undefined));
  const mains = new Map<string, Found>();
  for (const g of trueGroups) {
    let best: Found | undefined;
    let bestN = 0;
    for (const f of found) {
      const n = f.reports.filter((r) => w.truth(r.id) === g).length;
      if (n > bestN) [best, bestN] = [f, n];
    }
    if (best && best.major === g) mains.set(g, best);
  }
  groupsTrue += trueGroups.size;
  groupsNoMain += trueGroups.size - mains.size;
  const line: string[] = [];
  for (const f of found) {
    const main = mains.get(f.major);
    const cls = main ? classify(f, main) : "no main (its group's reports mostly elsewhere)";
    count(w.sim, cls);
    if (cls === "mixed" && f.top.length === 2) mixedApart(w, reports, f);
    line.push(`${f.key}→${f.major} ${cls} [${f.first}–${f.last}, ${f.reports.length}: ${f.mix}]`);
  }
  console.log(`${w.name}: ${trueGroups.size} true, ${found.length} found`);
  if (list) for (const l of line) console.log(`  ${l}`);
}
console.log(
  `\n${groupsTrue} true groups; ${groupsNoMain} whose largest track is mostly another group's`,
);
console.log(
  "\nlater-born pairs (b born ≥ 2 days after a first seen, while a lives), right / wrong:",
);
for (const [rule, c] of [...pairCounts].sort((x, y) => x[0].localeCompare(y[0])))
  console.log(`  ${rule}: ${c.right} / ${c.wrong}`);
console.log(
  "\nmixed tracks: how far apart their two largest true groups were (median over days), 10/50/90 %:",
);
for (const [s, v] of mixedKm) {
  const q = (p: number): number =>
    Math.round(v.sort((x, y) => x - y)[Math.floor(p * (v.length - 1))]);
  console.log(
    `  ${s}: ${v.length} tracks, ${q(0.1)} / ${q(0.5)} / ${q(0.9)} km; within 50 km ${v.filter((x) => x <= 50).length}`,
  );
}
for (const [s, v] of mixedDays)
  console.log(
    `  ${s}: days with reports of both groups ${v.both}, of one ${v.one}; changes of group along the track ${v.switches}`,
  );
for (const [s, m] of counts) {
  console.log(`${s}:`);
  for (const [c, n] of [...m].sort((a, b) => b[1] - a[1])) console.log(`  ${c}: ${n}`);
}
