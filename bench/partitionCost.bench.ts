// Diagnostic of the association objective on worlds without labels: the objective
// (src/estimate/trackCost.ts + a birth penalty per group) of the TRUE partition of the position
// reports (the simulator's groups) against the partition the estimator found, term by term
// (positions, reports off the route, figures, births). found − true < 0: the objective prefers
// what the search found — a fault of the objective, not of the search. Partitions: bench/worlds/partitionCost.ts.
// Run: TZ=UTC npx tsx bench/partitionCost.bench.ts [--worlds 24] [--seed-offset 200] [--sim stress|legacy|world3|all] [--groups] [--floor KM] [--cap KM] [--part-share P] [--size-sd LOG] [--day-span-km KM [--day-span-nats N]] [--rate W] [--pairs | --truth-only] [--found-pairs] [--fill [--min-km KM] [--edge-km KM] [--centre-km KM] [--length-sd LOG] [--lone-at-body] [--centre-constant] [--centre-body]] [--shared-rate world|day] [--figures [--near-km KM] [--figure-weight W]] [--figure-spans [--near-km KM]] [--fork-birth [--fork-nats N] [--ahead-km KM]] [--ride-nats N [--ride-km KM]] [--rival-nats N] [--return-nats N [--return-km KM] [--return-per-day] [--return-confirm]] [--wait-nats N [--wait-jump-km KM] [--wait-days D] [--wait-near-km KM] [--wait-behind]] [--wait-count] [--predictive [--pred-spread KM] [--pred-days N] [--pred-filter]] [--pred-assoc [--pred-birth N]]
// (--worlds as in bench/stress.bench.ts and bench/world3.bench.ts: only the unlabelled ones are read.)
import { estimateTracks } from "../src/index.ts";
import {
  associationReports,
  dayMedians,
  partitionCost,
  waitCounts,
} from "./worlds/partitionCost.ts";
import type { IdReport, PartitionCost } from "./worlds/partitionCost.ts";
import type { CostModel } from "../src/estimate/trackCost.ts";
import { unlabelledWorlds as devWorlds } from "./worlds/unlabelledWorlds.ts";
import type { UnlabelledWorld } from "./worlds/unlabelledWorlds.ts";
import { option, num, predictiveAssociationArg } from "./args.ts";
import { BIRTH_NATS } from "../src/estimate/linkTracklets.ts";
import { DEFAULT_FILL_MODEL } from "./worlds/fillReading.ts";
import { DEFAULT_FIGURE_MODEL, figureDaySpans } from "./worlds/figureReading.ts";
import { bestRouteCost } from "../src/estimate/mergeTracklets.ts";
import type { PartitionReading } from "./worlds/partitionCost.ts";
import { DEFAULT_PREDICTIVE } from "./worlds/prequential.ts";

const worlds = option("worlds", 24);
const seedOffset = option("seed-offset", 200);
const simArg = process.argv.indexOf("--sim");
const sim = simArg >= 0 ? process.argv[simArg + 1] : "all";
const showGroups = process.argv.includes("--groups");
// --pairs: also score the truth with each pair of true groups seen in the same days joined (does
// the objective keep two true groups apart?); --truth-only: only that, without estimating.
const pairs = process.argv.includes("--pairs") || process.argv.includes("--truth-only");
const truthOnly = process.argv.includes("--truth-only");
// --found-pairs: each pair of groups the estimator found (spans within 21 days), joined under the
// reading: do joins of two pieces of one true group gain, and joins of two true groups not? Also,
// of those seen on the same days, whether they meet (the least distance of their day medians) and
// whether they move together (on following days both seen, both move or both stop).
const foundPairs = process.argv.includes("--found-pairs");
// --one-place-a-day: the estimator and the objective weigh the reports at one place on one day as
// one (EstimateOptions.onePlaceADay; off by default).
const onePlaceADay = process.argv.includes("--one-place-a-day");
// --pred-assoc [--pred-birth N] [--pred-spread KM]: the estimator's association scores positions
// predictively (EstimateOptions.predictiveAssociation; bench/args.ts), and the found and true
// partitions are compared with that birth.
const predictiveAssociation = predictiveAssociationArg();
const birth = predictiveAssociation?.birthNats ?? BIRTH_NATS;
// --rate W: add the groups' report rates (bench/worlds/partitionCost.ts reportRateLoss) with weight W.
const rate = option("rate", 0);
// --figures [--near-km KM] [--figure-weight W]: a day's whole-looking figures outside one window
// of KM read as parts (bench/worlds/figureReading.ts), added to the sizes.
// --figure-spans [--near-km KM]: the reading's premise counted (days with two or more
// whole-looking figures spanning more than KM) in true groups, and on the days both groups of a
// concurrent true pair have such figures, in the pair joined.
const figureSpans = process.argv.includes("--figure-spans");
// --fork-birth [--fork-nats N] [--ahead-km KM]: N nats more for each group born more than KM ahead
// of another group on its road (bench/worlds/partitionCost.ts forkBirthCost), added to the births.
// --ride-nats N [--ride-km KM]: N nats for each step of a group's forward-only fit larger than KM
// plus 40 km a day (bench/worlds/partitionCost.ts rideCost), added to the births.
// --rival-nats N: N nats for each report its group reads as an outlier while another group's track
// holds it (bench/worlds/partitionCost.ts rivalCost: a hand-off), added to the births.
// --return-nats N [--return-km KM] [--return-per-day] [--return-confirm]: N nats for each time a group's day median
// falls more than KM (default 150) behind its earlier high-water (bench/worlds/partitionCost.ts
// returnCost: a hand-off track going back to the first group), added to the births; --return-confirm:
// the high-water and a return each need two following seen days.
// --wait-nats N [--wait-jump-km KM] [--wait-days D] [--wait-near-km KM] [--wait-behind]: N nats for
// each jump of a group's day median (more than KM, default 200, within 2 days) followed by D days
// (default 3) within --wait-near-km (default 30) of the landing point; --wait-behind: only while
// another group is behind it closing in (bench/worlds/partitionCost.ts waitCost: a hand-off track
// waiting for its first group), added to the births. --wait-count: count those waits on the true
// groups and the found tracks (and the mixed ones, < 60 % one true group) per simulator.
// --predictive: positions read PREDICTIVELY (bench/worlds/prequential.ts: each report by its
// one-step-ahead density from its group's earlier reports through the movement law; the first by a
// uniform prior over the road; the spread averaged over 5–150 km) instead of trackCost.ts's
// maximum-likelihood fit, and each world also scored under main's objective (tallied by simulator);
// --pred-filter: the search's cheap filter (src/estimate/predictiveTrack.ts) in place of the grid,
// at one spread (--pred-spread, default 40 km);
// --pred-spread KM: one spread only; --pred-days N: N days of the law per day boundary (0: none).
// --fill: positions read day by day (bench/worlds/fillReading.ts) instead of the normal spread;
// --shared-rate world|day: one report rate shared by all groups (a day's, with "day").
const sharedArg = process.argv.indexOf("--shared-rate");
const reading: PartitionReading = {
  fill: process.argv.includes("--fill")
    ? {
        minKm: option("min-km", DEFAULT_FILL_MODEL.minKm),
        edgeKm: option("edge-km", DEFAULT_FILL_MODEL.edgeKm),
        centreKm: option("centre-km", DEFAULT_FILL_MODEL.centreKm),
        lengthSd: option("length-sd", DEFAULT_FILL_MODEL.lengthSd),
        loneAtBody: process.argv.includes("--lone-at-body"),
        centreConstant: process.argv.includes("--centre-constant"),
        centreBody: process.argv.includes("--centre-body"),
      }
    : undefined,
  figures: process.argv.includes("--figures")
    ? {
        nearKm: option("near-km", DEFAULT_FIGURE_MODEL.nearKm),
        weight: option("figure-weight", DEFAULT_FIGURE_MODEL.weight),
      }
    : undefined,
  forkBirth: process.argv.includes("--fork-birth")
    ? { nats: option("fork-nats", 30), aheadKm: option("ahead-km", 100) }
    : undefined,
  rides: process.argv.includes("--ride-nats")
    ? { nats: option("ride-nats", 10), km: option("ride-km", 100) }
    : undefined,
  rival: process.argv.includes("--rival-nats") ? { nats: option("rival-nats", 10) } : undefined,
  returns: process.argv.includes("--return-nats")
    ? {
        nats: option("return-nats", 10),
        km: option("return-km", 150),
        perDay: process.argv.includes("--return-per-day"),
        confirm: process.argv.includes("--return-confirm"),
      }
    : undefined,
  waits:
    process.argv.includes("--wait-nats") || process.argv.includes("--wait-count")
      ? {
          nats: option("wait-nats", 0),
          jumpKm: option("wait-jump-km", 200),
          days: option("wait-days", 3),
          nearKm: option("wait-near-km", 30),
          behind: process.argv.includes("--wait-behind"),
        }
      : undefined,
  predictive: process.argv.includes("--predictive")
    ? {
        ...DEFAULT_PREDICTIVE,
        spreadsKm:
          process.argv.includes("--pred-spread") || process.argv.includes("--pred-filter")
            ? [option("pred-spread", 40)]
            : DEFAULT_PREDICTIVE.spreadsKm,
        daysPerDay: option("pred-days", 1),
        filter: process.argv.includes("--pred-filter"),
      }
    : undefined,
  sharedRate:
    sharedArg >= 0 ? (process.argv[sharedArg + 1] === "day" ? "day" : "world") : undefined,
};

type World = UnlabelledWorld;

const unlabelledWorlds = (): Generator<World> => devWorlds(worlds, seedOffset, sim);

const terms = (p: PartitionCost): string =>
  `pos ${num(p.positions, 0)}, off ${num(p.offRoute, 0)}, size ${num(p.sizes, 0)}, births ${num(p.births, 0)}, rate ${num(p.rate, 0)}`;

/** Share of a found group's reports in its most frequent true group. */
function purity(ids: readonly string[], truth: (id: string) => string | undefined): number {
  const c = new Map<string, number>();
  for (const id of ids) c.set(truth(id) ?? "?", (c.get(truth(id) ?? "?") ?? 0) + 1);
  return Math.max(...c.values()) / ids.length;
}

const sums = { worlds: 0, trueWins: 0, dPos: 0, dOff: 0, dSize: 0, dBirth: 0, dRate: 0 };
const pairSums = { pairs: 0, joined: 0 };

/**
 * The cost model the partitions are scored under (--floor, --cap, --part-share, --size-sd; the
 * estimator's otherwise); --day-span-km KM [--day-span-nats N]: with --predictive, each report
 * outside the best KM window of its day's reports costs N nats more (CostModel.daySpan).
 */
function scoringModel(model: CostModel): CostModel {
  return {
    ...model,
    floorKm: option("floor", model.floorKm),
    capKm: option("cap", model.capKm),
    partShare: option("part-share", model.partShare),
    sizeSd: option("size-sd", model.sizeSd),
    daySpan: process.argv.includes("--day-span-km")
      ? { km: option("day-span-km", 400), nats: option("day-span-nats", 10) }
      : undefined,
  };
}

/**
 * Each pair of true groups whose reports share days, joined into one in the true partition: how
 * much that changes the objective (< 0: the objective would join two true groups).
 */
function truePairs(
  w: World,
  reports: readonly IdReport[],
  routeIds: readonly string[],
  model: CostModel,
): void {
  const t = partitionCost(reports, w.truth, routeIds, model, BIRTH_NATS, rate, reading);
  const span = new Map<string, [number, number]>();
  for (const r of reports) {
    const k = w.truth(r.id) as string;
    const s = span.get(k) ?? [Infinity, -Infinity];
    span.set(k, [Math.min(s[0], r.t), Math.max(s[1], r.t)]);
  }
  const keys = [...span.keys()];
  const out: string[] = [];
  for (let a = 0; a < keys.length; a++)
    for (let b = a + 1; b < keys.length; b++) {
      const [sa, sb] = [span.get(keys[a]), span.get(keys[b])] as [number, number][];
      if (Math.min(sa[1], sb[1]) < Math.max(sa[0], sb[0])) continue;
      const joined = (id: string): string | undefined =>
        w.truth(id) === keys[b] ? keys[a] : w.truth(id);
      const d =
        partitionCost(reports, joined, routeIds, model, BIRTH_NATS, rate, reading).total - t.total;
      pairSums.pairs++;
      if (d < 0) pairSums.joined++;
      out.push(num(d, 0));
    }
  console.log(
    `  ${w.name}: true groups joined in pairs, objective change ${out.join(", ") || "(no pair)"}`,
  );
}

/** Tallies of --figure-spans: in true groups, and in concurrent true pairs on their shared days. */
const spanSums = { groupDays: 0, groupWide: 0, pairDays: 0, pairWide: 0 };

/** The --figure-spans count of `reports` (one group or a pair) on the route the estimator picks. */
function spansOf(reports: readonly IdReport[], routeIds: readonly string[], model: CostModel) {
  const sorted = [...reports].sort((a, b) => a.t - b.t);
  const { route } = bestRouteCost(sorted, routeIds, model);
  const near = option("near-km", DEFAULT_FIGURE_MODEL.nearKm);
  return figureDaySpans(
    sorted.map((r) => ({ ...r, km: r.kmByRoute.get(route) })),
    near,
  );
}

/** Tallies --figure-spans for world `w` (module comment of figureReading.ts). */
function countSpans(
  w: World,
  reports: readonly IdReport[],
  routeIds: readonly string[],
  model: CostModel,
): void {
  const byGroup = new Map<string, IdReport[]>();
  for (const r of reports) {
    const k = w.truth(r.id) as string;
    byGroup.set(k, [...(byGroup.get(k) ?? []), r]);
  }
  const figureDays = (l: readonly IdReport[]): Set<number> =>
    new Set(l.filter((r) => r.logSize !== undefined && !r.part).map((r) => Math.floor(r.t)));
  const groups = [...byGroup.values()];
  for (const l of groups) {
    const s = spansOf(l, routeIds, model);
    spanSums.groupDays += s.days;
    spanSums.groupWide += s.wide;
  }
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++) {
      const db = figureDays(groups[b]);
      const shared = new Set([...figureDays(groups[a])].filter((d) => db.has(d)));
      if (shared.size === 0) continue;
      const on = (l: readonly IdReport[]): IdReport[] =>
        l.filter((r) => shared.has(Math.floor(r.t)));
      const s = spansOf([...on(groups[a]), ...on(groups[b])], routeIds, model);
      spanSums.pairDays += s.days;
      spanSums.pairWide += s.wide;
    }
}

/** Tallies of --found-pairs: pairs whose reports' largest true groups are the same or not. */
const foundSums = { right: [] as number[], wrong: [] as number[] };
/**
 * Of --found-pairs seen on the same days: the least distance (km) between the two groups' median
 * reports on one day — do the pieces of one body meet (before a ride splits them), and two groups
 * not? With their gains: { km, gain }.
 */
const meetSums = { right: [] as [number, number][], wrong: [] as [number, number][] };

/**
 * Of --found-pairs: on pairs of following days (d, d + 1) on which both groups are seen, whether
 * they moved together (both medians moved more than MOVE_KM, or neither did): the pieces of one
 * body stop on the same days (a group's stays are the whole group's), two groups not. Tallies:
 * agreeing and all day pairs, by right and wrong.
 */
const moveSums = {
  right: { agree: 0, all: 0, pairs: 0, mostly: 0 },
  wrong: { agree: 0, all: 0, pairs: 0, mostly: 0 },
};
// --move-km KM: how far a day median must move to count as moving (default 20).
const MOVE_KM = option("move-km", 20);

/**
 * Of --found-pairs: where the later-born group of a pair starts (its first day's median) against the
 * other's median that day (or the other's nearest day within 2): ahead, behind — a piece that rode
 * off is born ahead of the body it left; a group that set off later, behind.
 */
const bornSums = { right: { ahead: 0, behind: 0 }, wrong: { ahead: 0, behind: 0 } };

/** bornSums for one found pair with day medians `ma`, `mb`. */
function countBirth(
  ma: ReadonlyMap<number, number>,
  mb: ReadonlyMap<number, number>,
  right: boolean,
): void {
  const first = (m: ReadonlyMap<number, number>): number => Math.min(...m.keys());
  const [older, later] = first(ma) <= first(mb) ? [ma, mb] : [mb, ma];
  const d = first(later);
  if (d <= first(older)) return;
  let ref: number | undefined;
  for (const k of [0, -1, 1, -2, 2]) ref ??= older.get(d + k);
  if (ref === undefined) return;
  const s = bornSums[right ? "right" : "wrong"];
  if ((later.get(d) as number) > ref) s.ahead++;
  else s.behind++;
}

/** moveSums for one found pair (`right`: pieces of one true group). */
function countMoves(
  a: readonly IdReport[],
  b: readonly IdReport[],
  routeIds: readonly string[],
  model: CostModel,
  right: boolean,
): void {
  const { route } = bestRouteCost(
    [...a, ...b].sort((x, y) => x.t - y.t),
    routeIds,
    model,
  );
  const [ma, mb] = [dayMedians(a, route), dayMedians(b, route)];
  if (ma.size > 0 && mb.size > 0) countBirth(ma, mb, right);
  const s = moveSums[right ? "right" : "wrong"];
  let agree = 0;
  let all = 0;
  for (const [d, x0] of ma) {
    const [x1, y0, y1] = [ma.get(d + 1), mb.get(d), mb.get(d + 1)];
    if (x1 === undefined || y0 === undefined || y1 === undefined) continue;
    all++;
    if (Math.abs(x1 - x0) > MOVE_KM === Math.abs(y1 - y0) > MOVE_KM) agree++;
  }
  s.agree += agree;
  s.all += all;
  if (all >= 3) {
    s.pairs++;
    if (agree >= 0.75 * all) s.mostly++;
  }
}

/** The least distance (km) between the medians of `a` and `b` on a day both are seen (Infinity: none). */
function meetKm(
  a: readonly IdReport[],
  b: readonly IdReport[],
  routeIds: readonly string[],
  model: CostModel,
): number {
  const { route } = bestRouteCost(
    [...a, ...b].sort((x, y) => x.t - y.t),
    routeIds,
    model,
  );
  const [ma, mb] = [dayMedians(a, route), dayMedians(b, route)];
  let least = Infinity;
  for (const [d, x] of ma) {
    const y = mb.get(d);
    if (y !== undefined) least = Math.min(least, Math.abs(x - y));
  }
  return least;
}

/** The largest true group among `ids`. */
function majority(ids: readonly string[], truth: (id: string) => string | undefined): string {
  const c = new Map<string, number>();
  for (const id of ids) c.set(truth(id) ?? "?", (c.get(truth(id) ?? "?") ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1])[0][0];
}

/** Gain (nats, birth included) of joining each pair of found groups, by whether it is right. */
function scoreFoundPairs(
  w: World,
  reports: readonly IdReport[],
  found: ReadonlyMap<string, string>,
  routeIds: readonly string[],
  model: CostModel,
): void {
  const byGroup = new Map<string, IdReport[]>();
  for (const r of reports) {
    const g = found.get(r.id) as string;
    byGroup.set(g, [...(byGroup.get(g) ?? []), r]);
  }
  const keys = [...byGroup.keys()];
  const span = (l: readonly IdReport[]): [number, number] => [
    Math.min(...l.map((r) => r.t)),
    Math.max(...l.map((r) => r.t)),
  ];
  for (let a = 0; a < keys.length; a++)
    for (let b = a + 1; b < keys.length; b++) {
      const [la, lb] = [byGroup.get(keys[a]), byGroup.get(keys[b])] as IdReport[][];
      const [sa, sb] = [span(la), span(lb)];
      if (Math.max(sa[0], sb[0]) - Math.min(sa[1], sb[1]) > 21) continue;
      const sub = [...la, ...lb];
      const of = (id: string): string | undefined => found.get(id);
      const apart = partitionCost(sub, of, routeIds, model, BIRTH_NATS, rate, reading).total;
      const one = partitionCost(sub, () => "j", routeIds, model, BIRTH_NATS, rate, reading).total;
      const ids = (l: IdReport[]): string[] => l.map((r) => r.id);
      const right = majority(ids(la), w.truth) === majority(ids(lb), w.truth);
      foundSums[right ? "right" : "wrong"].push(apart - one);
      const meet = meetKm(la, lb, routeIds, model);
      countMoves(la, lb, routeIds, model, right);
      if (Number.isFinite(meet)) meetSums[right ? "right" : "wrong"].push([meet, apart - one]);
    }
}

/** --wait-count tallies by simulator: waits and groups, true / found / mixed found. */
const waitSums = new Map<string, { t: number[]; f: number[]; mixed: number[] }>();

/** Tallies --wait-count for one world: true groups `t`, found `f` (scored over `both`). */
function countWaits(
  w: World,
  both: readonly IdReport[],
  found: ReadonlyMap<string, string>,
  t: PartitionCost,
  f: PartitionCost,
): void {
  const waits = reading.waits;
  if (!waits || !process.argv.includes("--wait-count")) return;
  const lists = (p: PartitionCost, of: (id: string) => string | undefined) =>
    p.groups.map((g) => ({
      reports: both.filter((r) => of(r.id) === g.key).sort((a, b) => a.t - b.t),
      route: g.route,
    }));
  const fl = lists(f, (id) => found.get(id));
  const tl = lists(t, w.truth);
  const mixed = fl.map(
    (g) =>
      purity(
        g.reports.map((r) => (r as IdReport).id),
        w.truth,
      ) < 0.6,
  );
  for (const behind of [false, true]) {
    const nt = waitCounts(tl, { ...waits, behind });
    const nf = waitCounts(fl, { ...waits, behind });
    tallyWaits(
      `${w.sim}${behind ? ", another group behind closing in" : ", plain stall"}`,
      nt,
      nf,
      mixed,
    );
  }
}

/** Adds one world's waits (true `nt`, found `nf`, which found are `mixed`) to waitSums[key]. */
function tallyWaits(key: string, nt: number[], nf: number[], mixed: boolean[]): void {
  const s = waitSums.get(key) ?? { t: [0, 0, 0], f: [0, 0, 0], mixed: [0, 0, 0] };
  const add = (a: number[], n: readonly number[], keep: (i: number) => boolean = () => true) => {
    n.forEach((x, i) => {
      if (!keep(i)) return;
      a[0] += x;
      a[1] += x > 0 ? 1 : 0;
      a[2]++;
    });
  };
  add(s.t, nt);
  add(s.f, nf);
  add(s.mixed, nf, (i) => mixed[i]);
  waitSums.set(key, s);
}

/** With --predictive: the same worlds under main's reading, by simulator: [worlds, true cheaper, found − true]. */
const mainSums = new Map<string, { main: number[]; pred: number[] }>();

/**
 * With --predictive: the true and found partitions also under main's objective, and the tallies of
 * both readings by simulator (true cheaper; found − true, total and positions).
 */
function compareMain(
  w: World,
  both: readonly IdReport[],
  found: ReadonlyMap<string, string>,
  routeIds: readonly string[],
  model: CostModel,
  t: PartitionCost,
  f: PartitionCost,
): void {
  const plain = { ...reading, predictive: undefined };
  const mt = partitionCost(both, w.truth, routeIds, model, BIRTH_NATS, rate, plain);
  const mf = partitionCost(both, (id) => found.get(id), routeIds, model, BIRTH_NATS, rate, plain);
  const s = mainSums.get(w.sim) ?? { main: [0, 0, 0, 0], pred: [0, 0, 0, 0] };
  const add = (a: number[], x: PartitionCost, y: PartitionCost) => {
    a[0]++;
    if (x.total < y.total) a[1]++;
    a[2] += y.total - x.total;
    a[3] += y.positions - x.positions;
  };
  add(s.main, mt, mf);
  add(s.pred, t, f);
  mainSums.set(w.sim, s);
  console.log(
    `  main's objective: true ${num(mt.total, 0)} (pos ${num(mt.positions, 0)}) | found ${num(mf.total, 0)} (pos ${num(mf.positions, 0)}) | found − true ${num(mf.total - mt.total, 0)}`,
  );
}

/** The found partition against the true one (module comment). */
function compareFound(
  w: World,
  reports: readonly IdReport[],
  routeIds: readonly string[],
  model: CostModel,
): void {
  const est = estimateTracks(w.dataset, { onePlaceADay, predictiveAssociation });
  const found = new Map<string, string>();
  for (const a of est.report.associations)
    if (a.how !== "size_only") found.set(a.sightingId, a.group);
  const both = reports.filter((r) => found.has(r.id) && w.truth(r.id) !== undefined);
  const t = partitionCost(both, w.truth, routeIds, model, birth, rate, reading);
  const f = partitionCost(both, (id) => found.get(id), routeIds, model, birth, rate, reading);
  if (reading.predictive) compareMain(w, both, found, routeIds, model, t, f);
  sums.worlds++;
  if (t.total < f.total) sums.trueWins++;
  sums.dPos += f.positions - t.positions;
  sums.dOff += f.offRoute - t.offRoute;
  sums.dSize += f.sizes - t.sizes;
  sums.dBirth += f.births - t.births;
  sums.dRate += f.rate - t.rate;
  if (foundPairs) scoreFoundPairs(w, both, found, routeIds, model);
  countWaits(w, both, found, t, f);
  console.log(
    `${w.name}: ${both.length} reports; true ${t.groups.length} groups ${num(t.total, 0)} (${terms(t)}) | found ${f.groups.length} ${num(f.total, 0)} (${terms(f)}) | found − true ${num(f.total - t.total, 0)}`,
  );
  if (!showGroups) return;
  for (const g of t.groups)
    console.log(
      `  true ${g.key}: ${g.n} reports on ${g.route}, pos ${num(g.terms.positions / g.n, 2)}/report, size ${num(g.terms.sizes, 0)}, off ${num(g.terms.offRoute, 0)}`,
    );
  for (const g of f.groups) {
    const ids = both.filter((r) => found.get(r.id) === g.key).map((r) => r.id);
    console.log(
      `  found ${g.key}: ${g.n} reports on ${g.route}, purity ${num(purity(ids, w.truth), 2)}, pos ${num(g.terms.positions / g.n, 2)}/report, size ${num(g.terms.sizes, 0)}, off ${num(g.terms.offRoute, 0)}`,
    );
  }
}

for (const w of unlabelledWorlds()) {
  const read = associationReports(w.dataset, onePlaceADay);
  const model = scoringModel(read.model);
  const known = read.reports.filter((r) => w.truth(r.id) !== undefined);
  if (!truthOnly) compareFound(w, read.reports, read.routeIds, model);
  if (pairs) truePairs(w, known, read.routeIds, model);
  if (figureSpans) countSpans(w, known, read.routeIds, model);
}
if (figureSpans)
  console.log(
    `\nfigure days (two or more whole-looking figures) spanning more than ${option("near-km", DEFAULT_FIGURE_MODEL.nearKm)} km: true groups ${spanSums.groupWide} of ${spanSums.groupDays}; concurrent true pairs joined, on days both have figures, ${spanSums.pairWide} of ${spanSums.pairDays}`,
  );
if (pairs)
  console.log(
    `\npairs of true groups seen in the same days: ${pairSums.pairs}; the objective would join ${pairSums.joined} of them`,
  );
if (foundPairs) {
  const q = (x: number[], p: number): string =>
    num([...x].sort((a, b) => a - b)[Math.floor(p * (x.length - 1))] ?? NaN, 0);
  for (const k of ["right", "wrong"] as const) {
    const x = foundSums[k];
    console.log(
      `found pairs, ${k} (same largest true group: ${k === "right" ? "yes" : "no"}): ${x.length}; the reading joins ${x.filter((g) => g > 0).length}; gain 10/50/90 % ${q(x, 0.1)} / ${q(x, 0.5)} / ${q(x, 0.9)} nats`,
    );
    const m = meetSums[k];
    const near = (km: number): string =>
      `${m.filter(([d]) => d <= km).length} (${m.filter(([d, g]) => d <= km && g > -50).length} gaining > −50 nats)`;
    console.log(
      `  seen on the same days: ${m.length}; least distance of their medians on one day 10/50/90 % ${q(
        m.map(([d]) => d),
        0.1,
      )} / ${q(
        m.map(([d]) => d),
        0.5,
      )} / ${q(
        m.map(([d]) => d),
        0.9,
      )} km; within 10 km ${near(10)}, 30 km ${near(30)}, 60 km ${near(60)}`,
    );
    const v = moveSums[k];
    console.log(
      `  following days both seen: ${v.all}, moved together (both more than ${MOVE_KM} km or neither) ${v.agree}; pairs with 3 or more such days ${v.pairs}, together on 3 in 4 of them ${v.mostly}`,
    );
    console.log(
      `  the later-born group starts ahead of the other ${bornSums[k].ahead}, behind ${bornSums[k].behind}`,
    );
  }
}
for (const [simName, s] of waitSums) {
  const show = (a: number[]): string => `${a[0]} waits in ${a[1]} of ${a[2]}`;
  console.log(
    `jumps then waits, ${simName}: true groups ${show(s.t)}; found tracks ${show(s.f)}; mixed found tracks ${show(s.mixed)}`,
  );
}
for (const [simName, s] of mainSums) {
  const show = (a: number[]): string =>
    `true cheaper in ${a[1]} of ${a[0]}, found − true ${num(a[2], 0)} nats (positions ${num(a[3], 0)})`;
  console.log(`${simName}: main's objective ${show(s.main)}; predictive ${show(s.pred)}`);
}
if (!truthOnly)
  console.log(
    `\n${sums.worlds} unlabelled worlds: the true partition costs less in ${sums.trueWins}; found − true summed: positions ${num(sums.dPos, 0)}, off route ${num(sums.dOff, 0)}, sizes ${num(sums.dSize, 0)}, births ${num(sums.dBirth, 0)} nats; rate ${num(sums.dRate, 0)}`,
  );
