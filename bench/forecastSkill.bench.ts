// Forecast skill on simulated worlds (issue 14): rolling as-of forecasts (nowcast with asOf →
// forecastArrivals) scored against the TRUE arrival times of the simulator, beside the
// constant-speed baseline from the group's last two reports (src/forecast/lastTwoReports.ts).
//
// For every world, as-of moments every STEP days (00:00 local, from the 3rd day with reports to
// the last day of the world). For every true group and every place ahead on its true route, the
// true arrival of its head (first people: the front edge, bench/worlds/edges.ts; the median person
// for the point-like groups of simulate.ts) and of its median person (the bulk) are the moments its
// truth crosses the place's km (linear between noons). Cases with a true arrival 1–14 days after
// the as-of moment are scored, by lead = ceil(days ahead):
// - model: the p50 of the estimated group that follows the true group (bench/worlds/score.ts
//   matchTracks, on the tracks as of that moment) — `headArrival` for the head, `arrival` for the
//   bulk; a place the model puts behind the group counts as "arriving now", a p50 beyond the
//   horizon as the horizon's end; coverage = truth inside [p10, p90];
// - baseline: lastTwoReportsArrival on the reports of that true group observed by the as-of
//   moment (told the true labels, projected on its true route) — the same reports the estimator
//   had; the same date for head and bulk (reports do not say which part they saw).
// MAE is over the cases where both give a date (a missing model forecast — group unmatched or
// dissolved — or a baseline without speed is counted, not scored). Both forecasts are capped at
// the horizon (30 days).
//
// Run: npx tsx bench/forecastSkill.bench.ts [--sim stress|legacy|both] [--worlds N] [--seed0 S]
//      [--step D] [--runs R] [--variants JSON]
// Defaults: both simulators, 20 worlds each, stress seeds 1…N and simulate.ts worlds 0…N-1 of N,
// step 4 days, 300 runs. `--seed0 S` (S ≠ 1) takes stress seeds S…S+N-1 and simulate.ts seeds
// 1000+S…: development used --seed0 500, so the reported worlds were not tuned on.
// Under each table, the places ahead that the truth does NOT reach within 14 days (while the
// world runs on): how often the p50 still says within 14 days, and the p50 error with truth and
// forecast capped at the horizon — the other side of the score, which the leads 1–14 table does
// not see (a faster law wins the table and loses here; docs/forecasts.md § fchead).
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { matchTracks, rebaser } from "./worlds/score.ts";
import { headOrderCounts } from "./headOrder.ts";
import { headTruthKm } from "./worlds/edges.ts";
import type { ScorableWorld, TruthDay } from "./worlds/truth.ts";
import {
  buildCorridor,
  createGazetteer,
  createRouteIndex,
  dayNumber,
  fitMovement,
  forecastArrivals,
  groupMovement,
  meanDailyKm,
  movesOfTrack,
  isoDate,
  baselineCanForecast,
  lastTwoReportsArrival,
  latestReportSpeed,
  MIN_REPORT_GAP_DAYS,
  mulberry32,
  nowcast,
  regimeOfPace,
  reportsOfGroup,
  headAtReports,
  startRegime,
  toLocalTime,
} from "../src/index.ts";
import type {
  Corridor,
  Forecast,
  GroupMovementOptions,
  Nowcast,
  ReportKm,
  TrackPoint,
} from "../src/index.ts";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SIM = arg("sim", "both");
const WORLDS = Number(arg("worlds", "20"));
const SEED0 = Number(arg("seed0", "1"));
const STEP = Number(arg("step", "4"));
const RUNS = Number(arg("runs", "300"));
/**
 * Forecast variants scored from the same nowcasts (development), e.g.
 * `--variants '[{}, {"pace": {}}, {"startSpread": 2}]'` ({} = the library's defaults; `pace` =
 * each group's shares refitted with these `groupMovement` options, {} = its whole track).
 */
interface Variant {
  startSpread?: number;
  pace?: GroupMovementOptions;
  /** Start a group at its latest report when that is on its last day and ahead of the nowcast. */
  startAtLastReport?: boolean;
  /**
   * Share of the start regime moved to riding when the two latest reports show a ride (the
   * nowcast's `reportedRideWeight`; default the library's, 1; 0 = the estimator's posterior).
   */
  reportedRideWeight?: number;
  /**
   * false: the head's arrival from the median person's runs shifted by the head-to-median gap (as
   * before issue 14's head runs); default true: the head's own runs from `head`.
   */
  headRuns?: boolean;
  /**
   * Start the head at least at the furthest report of the last day (the nowcast's
   * `headAtReports`; default true, false = the estimated head as it is).
   */
  headAtReports?: boolean;
  /**
   * Development (fcshort, not kept): with headAtReports, the head no further back than the front
   * edge the last day's reports imply ({@link frontFromSpacing}) instead of the furthest report.
   */
  headFromSpacing?: boolean;
  /** Development: the pooled law's mean daily move × `lawScale` (its ride share moved). */
  lawScale?: number;
  /**
   * Development: a reported ride counts only when the two latest report times are further apart
   * (km, their mean reports) than this share of the body's extent (head − tail) on the last day.
   */
  rideGateBody?: number;
  /**
   * Development: a reported ride counts only when the median person's track moved at least this
   * many km into its last day (the track agrees the group is on the move).
   */
  rideGateTrack?: number;
  /**
   * Development (fclead, stop 22): the start regime from the estimator's posterior times the
   * likelihood of the two latest reports' speed under each regime's daily move (the law's rest,
   * walk and ride laws, each blurred by a normal of this sd, km/day: the speed is of parts of a
   * body, not of one person) — the reports' speed as evidence, soft, for every regime, in place of
   * the ride-only `reportedRideWeight` rule.
   */
  speedEvidenceKm?: number;
  /** With `speedEvidenceKm`: a reported ride still moves the start to riding (the library's rule); the evidence acts on the other starts. */
  speedEvidenceKeepRide?: boolean;
  /**
   * Development (fclead): the head starts riding when its front moved a ride between the two
   * latest report days (furthest report of one day to the furthest of the other, per day): like
   * compared with like, where the group's reported speed compares the mean reports of two times.
   */
  headFrontSpeed?: boolean;
  /**
   * Development (fc27): the runs move by the group's OWN law (the estimator's `trackMovement`,
   * the law its held days after the data are carried by) instead of the pooled one.
   */
  ownLaw?: boolean;
  /** Development (fc27): the runs' start shape (`ForecastOptions.startShape`). */
  startShape?: "split" | "lognormal";
}
/**
 * The truth's head on one day: the front edge, the one head every bench scores
 * (bench/worlds/edges.ts; the median person for the point-like groups of simulate.ts). Until
 * stop 22 this bench scored the 95th percentile of people by default (`--head-truth p95`, gone).
 */
const headOf = headTruthKm;
const VARIANTS: Variant[] = JSON.parse(arg("variants", "[{}]")) as Variant[];
const HORIZON = 30;
const LEADS = 14;
/** Development: FS_CASES=n prints the first variant's cases up to lead n. */
const DUMP = Number(process.env.FS_CASES ?? 0);
const FIRST: { table?: Table; now?: Nowcast } = {};
/**
 * Development: FS_DISP=1 tallies, for the first variant, how far the runs move a group from its
 * start over k = 1…14 days (p50 of the cone − start median) against how far the truth moved from
 * its last-day km, and where the truth's km falls in the cone (below p10 / below p50 / above
 * p90), for the median person and (a second forecast from the head's start) the head.
 */
const DISP = process.env.FS_DISP === "1";
interface DispCell {
  n: number;
  model: number;
  truth: number;
  below10: number;
  below50: number;
  above90: number;
}
const dispCells = (): DispCell[] =>
  Array.from({ length: LEADS + 1 }, () => ({
    n: 0,
    model: 0,
    truth: 0,
    below10: 0,
    below50: 0,
    above90: 0,
  }));
const DISP_T: Record<Kind, DispCell[]> = { head: dispCells(), bulk: dispCells() };
/** FS_DISP: the same tallies split by the start regime (ride share ≥ 0.5 or not). */
const DISP_BY: Record<string, DispCell[]> = {};

/** Tallies one group's cone (median person or head) against its truth ({@link DISP}). */
function tallyDisp(
  kind: Kind,
  g: ScorableWorld["truth"][number],
  n: Nowcast["groups"][number] | undefined,
  f: Forecast,
): void {
  if (!n || n.routeId !== g.routeId) return;
  const pick = (d: TruthDay): number => (kind === "head" ? headOf(d) : d.km);
  const t0 = g.days.find((d) => d.date === n.lastDate);
  if (!t0) return;
  const start = kind === "head" ? (n.head?.km.median ?? n.km.median) : n.km.median;
  for (const p of f.positions) {
    if (p.group !== n.group) continue;
    const k = (dayNumber(p.date) ?? 0) - n.lastDay;
    if (k < 1 || k > LEADS) continue;
    const td = g.days.find((d) => d.date === p.date);
    if (!td) continue;
    const reg = kind === "head" ? (n.head?.regime ?? n.regime) : n.regime;
    const by = `${kind}, start ${reg.ride >= 0.5 ? "riding" : reg.rest >= 0.5 ? "resting" : "walking/mixed"}`;
    for (const c of [DISP_T[kind][k]!, (DISP_BY[by] ??= dispCells())[k]!]) {
      c.n++;
      c.model += p.km.p50 - start;
      c.truth += pick(td) - pick(t0);
      const x = pick(td);
      if (x < p.km.p10) c.below10++;
      if (x < p.km.p50) c.below50++;
      if (x > p.km.p90) c.above90++;
    }
  }
}

function printDisp(): void {
  const all: Record<string, DispCell[]> = { ...DISP_T, ...DISP_BY };
  for (const kind of Object.keys(all).sort()) {
    console.log(`\n${kind} displacement over k days from the start (FS_DISP)`);
    console.log(
      "| k | n | model p50 − start (km) | truth − truth at start | truth < p10 | truth < p50 | truth > p90 |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|");
    for (let k = 1; k <= LEADS; k++) {
      const c = all[kind]![k]!;
      if (c.n === 0) continue;
      const pct = (x: number): string => `${Math.round((100 * x) / c.n)} %`;
      console.log(
        `| ${k} | ${c.n} | ${(c.model / c.n).toFixed(0)} | ${(c.truth / c.n).toFixed(0)} | ${pct(c.below10)} | ${pct(c.below50)} | ${pct(c.above90)} |`,
      );
    }
  }
}

function dumpCase(c: {
  g: ScorableWorld["truth"][number];
  f: Forecast;
  est?: string;
  kind: Kind;
  km: number;
  t: number;
  m: ModelArrival;
  base: number;
  mine: ReportKm[];
  asOf: number;
}): void {
  const n = FIRST.now?.groups.find((x) => x.group === c.est);
  const day = (d: number) => c.g.days.find((x) => dayNumber(x.date) === d);
  const tl = n ? day(n.lastDay) : undefined;
  const tn = n ? day(n.lastDay + 1) : undefined;
  const f1 = (x: number | undefined) => (x === undefined ? "-" : (x - c.asOf).toFixed(2));
  const r = c.mine.slice(-3).map((x) => `${(x.t - c.asOf).toFixed(2)}@${x.km.toFixed(0)}`);
  console.log(
    [
      `CASE ${c.f.asOfDate}`,
      c.g.group,
      c.kind,
      `place ${c.km.toFixed(0)}`,
      `true ${f1(c.t)}`,
      `model ${f1(c.m.p10)}/${f1(c.m.p50)}/${f1(c.m.p90)}`,
      `base ${f1(c.base)}`,
      `lastDay ${n ? n.lastDay - c.asOf : "?"}`,
      `est ${n?.km.median.toFixed(0)} [${n?.km.low.toFixed(0)},${n?.km.high.toFixed(0)}] head ${n?.head?.km.median.toFixed(0)}`,
      `reg ${
        n
          ? Object.values(n.regime)
              .map((v) => v.toFixed(2))
              .join(",")
          : ""
      } rep ${n?.reportedRegime}`,
      `truth last ${tl?.km.toFixed(0)}/${tl?.headKm?.toFixed(0)} next ${tn?.km.toFixed(0)}/${tn?.headKm?.toFixed(0)}`,
      `reports ${r.join(" ")}`,
    ].join(" | "),
  );
}

type Kind = "head" | "bulk";

/**
 * Precision of the per-lead ratio (fc24): the first variant's error-days summed by group-moment
 * (world, as-of moment, true group) — the cases of one group at one moment share its start and
 * its law's draws, so they are one sample, not several — for a cluster bootstrap of each lead's
 * ratio ({@link bootstrapLine}).
 */
const CLUSTERS: Record<Kind, Map<string, { model: number; base: number }>[]> = {
  head: Array.from({ length: 15 }, () => new Map()),
  bulk: Array.from({ length: 15 }, () => new Map()),
};
const WORLD = { seed: 0 };

/** Ratio of summed model to summed baseline error-days. */
function ratioOf(cs: readonly { model: number; base: number }[]): number {
  const m = cs.reduce((a, c) => a + c.model, 0);
  const b = cs.reduce((a, c) => a + c.base, 0);
  return m / Math.max(1e-9, b);
}

/**
 * Per lead: the number of group-moments and the 5th–95th percentiles of the ratio over 2,000
 * resamples of them (seeded), and the ratio without the group-moment that loses most to the
 * baseline.
 */
function bootstrapLine(kind: Kind): string {
  const random = mulberry32(24);
  const cells: string[] = [];
  for (let lead = 1; lead <= LEADS; lead++) {
    const cs = [...CLUSTERS[kind][lead]!.values()];
    if (cs.length === 0) continue;
    const rs: number[] = [];
    for (let i = 0; i < 2000; i++)
      rs.push(ratioOf(Array.from(cs, () => cs[Math.floor(random() * cs.length)]!)));
    rs.sort((a, b) => a - b);
    const worst = cs.reduce((w, c) => (c.model - c.base > w.model - w.base ? c : w));
    const rest = ratioOf(cs.filter((c) => c !== worst));
    cells.push(
      `${lead}: ${cs.length}, ${rs[100]!.toFixed(2)}–${rs[1899]!.toFixed(2)}, ${rest.toFixed(2)}`,
    );
  }
  return `${kind} precision (lead: group-moments, 90 % cluster-bootstrap interval of the ratio, the ratio without the worst group-moment): ${cells.join("; ")}`;
}

/** Leads (days) whose error-days {@link attribute} splits by phenomenon. */
const SHORT_LEADS = 7;
/** A true crossing at this pace or more from its last-day position (km/day) needed a ride. */
const RIDE_PACE = 80;
interface ErrorDays {
  cases: number;
  /** |p50 − truth| summed (days), and the last two reports' on the same cases. */
  model: number;
  base: number;
  /** The part of `model` the start explains; the rest on ride crossings / slower ones. */
  start: number;
  rideLaw: number;
  slowLaw: number;
  /** `rideLaw` where the two latest reports did not show a ride (a ride not reported yet). */
  unreportedRideLaw: number;
  /** `base` on ride crossings, and on those not reported. */
  baseRide: number;
  baseUnreported: number;
  /** Cases whose nowcast is not on the true route (not split). */
  unsplit: number;
}
const errorDays = (): ErrorDays => ({
  cases: 0,
  model: 0,
  base: 0,
  start: 0,
  rideLaw: 0,
  slowLaw: 0,
  unreportedRideLaw: 0,
  baseRide: 0,
  baseUnreported: 0,
  unsplit: 0,
});
const ERROR_DAYS: Record<Kind, ErrorDays> = { head: errorDays(), bulk: errorDays() };

/**
 * Splits one case's p50 error (the first variant, leads 1–{@link SHORT_LEADS}) into the start and
 * the movement law: the start's part is the offset of the nowcast's start (median person or head)
 * from the truth on its last day, in days at the model's own pace from the start to the place
 * (km / (p50 − last noon)), when it errs the same way as the p50, capped at the error; the rest
 * is the law's, on crossings the truth made riding (≥ {@link RIDE_PACE} km/day from its last-day
 * position) or slower.
 */
function attribute(c: {
  g: ScorableWorld["truth"][number];
  est?: string;
  kind: Kind;
  km: number;
  t: number;
  p50: number;
  base: number;
}): void {
  const e = ERROR_DAYS[c.kind];
  const err = c.p50 - c.t;
  e.cases++;
  e.model += Math.abs(err);
  e.base += Math.abs(c.base - c.t);
  const n = FIRST.now?.groups.find((x) => x.group === c.est);
  const day = n && c.g.days.find((d) => dayNumber(d.date) === n.lastDay);
  if (!n || !day || n.routeId !== c.g.routeId) {
    e.unsplit += Math.abs(err);
    return;
  }
  const t0 = n.lastDay + 0.5;
  const start = c.kind === "head" ? (n.head?.km.median ?? n.km.median) : n.km.median;
  const truth = c.kind === "head" ? headOf(day) : day.km;
  const pace = (c.km - start) / Math.max(0.05, c.p50 - t0);
  const shift = pace > 1 && c.km > start ? (truth - start) / pace : 0;
  const fromStart = shift * err > 0 ? Math.min(Math.abs(shift), Math.abs(err)) : 0;
  e.start += fromStart;
  const ride = (c.km - truth) / Math.max(0.05, c.t - t0) >= RIDE_PACE;
  if (!ride) {
    e.slowLaw += Math.abs(err) - fromStart;
    return;
  }
  e.rideLaw += Math.abs(err) - fromStart;
  e.baseRide += Math.abs(c.base - c.t);
  if (n.reportedRegime === "ride") return;
  e.unreportedRideLaw += Math.abs(err) - fromStart;
  e.baseUnreported += Math.abs(c.base - c.t);
}

/** One line of {@link ERROR_DAYS}: shares of the model's error-days. */
function errorDaysLine(kind: Kind): string {
  const e = ERROR_DAYS[kind];
  const pct = (x: number): string => `${Math.round((100 * x) / Math.max(1e-9, e.model))} %`;
  return `${kind} error-days, leads 1–${SHORT_LEADS} (${e.cases} cases): model ${e.model.toFixed(0)}, last two ${e.base.toFixed(0)}; start ${pct(e.start)}, law on ride crossings ${pct(e.rideLaw)} (last two there ${e.baseRide.toFixed(0)}; of it, rides the two latest reports did not show ${pct(e.unreportedRideLaw)}, last two ${e.baseUnreported.toFixed(0)}), law on slower crossings ${pct(e.slowLaw)}, not split ${pct(e.unsplit)}`;
}

interface Cell {
  n: number;
  model: number;
  base: number;
  covered: number;
  /** Cases whose truth came before the p10 (the rest of the misses came after the p90). */
  early: number;
  noModel: number;
  noBase: number;
  /**
   * Fairness of the score (fc24): the baseline's error-days with its speed taken over at least
   * MIN_REPORT_GAP_DAYS (6 h; reports of two parts minutes apart give thousands of km/day), and
   * the cases where the baseline says "now" (its line has passed the place by the as-of moment).
   */
  base6: number;
  baseNow: number;
}
const cell = (): Cell => ({
  n: 0,
  model: 0,
  base: 0,
  covered: 0,
  early: 0,
  noModel: 0,
  noBase: 0,
  base6: 0,
  baseNow: 0,
});
type Table = Record<Kind, Cell[]>;
const table = (): Table => ({
  head: Array.from({ length: LEADS + 1 }, cell),
  bulk: Array.from({ length: LEADS + 1 }, cell),
});

/** Moment (local days) a truth series first reaches `km`, linear between noons; undefined if never. */
function trueCrossing(
  days: TruthDay[],
  km: number,
  pick: (d: TruthDay) => number,
): number | undefined {
  for (let i = 0; i < days.length; i++) {
    const v = pick(days[i]!);
    if (v < km) continue;
    const t = (dayNumber(days[i]!.date) ?? 0) + 0.5;
    if (i === 0) return t;
    const u = pick(days[i - 1]!);
    return t - 1 + (v > u ? (km - u) / (v - u) : 1);
  }
  return undefined;
}

/**
 * Reports of each true group observed by `asOf`, as km on its true route (told the labels): the
 * library's `reportsOfGroup` given the true groups as the "estimate".
 */
function trueReports(world: ScorableWorld, asOf: number): Map<string, ReportKm[]> {
  const routeIndex = createRouteIndex(world.dataset.routes);
  const gazetteer = createGazetteer(world.dataset.places);
  const ids = new Map<string, string[]>();
  for (const [id, g] of Object.entries(world.sightingGroup))
    ids.set(g, [...(ids.get(g) ?? []), id]);
  const groups = world.truth.map((g) => ({
    group: g.group,
    routeId: g.routeId,
    sightings: ids.get(g.group) ?? [],
  }));
  return new Map(
    world.truth.map((g) => [
      g.group,
      reportsOfGroup(world.dataset, { groups }, g.group, { asOf, routeIndex, gazetteer }),
    ]),
  );
}

/** The estimated group following each true group most closely (on the tracks as of the forecast). */
function followers(world: ScorableWorld, tracks: readonly TrackPoint[]): Map<string, string> {
  const byGroup = new Map<string, Map<string, TrackPoint>>();
  for (const t of tracks) {
    const m = byGroup.get(t.group) ?? new Map<string, TrackPoint>();
    m.set(t.date, t);
    byGroup.set(t.group, m);
  }
  const best = new Map<string, { est: string; days: number }>();
  for (const [est, m] of matchTracks(world.truth, byGroup, rebaser(world))) {
    const cur = best.get(m.group);
    if (!cur || m.days > cur.days) best.set(m.group, { est, days: m.days });
  }
  return new Map([...best].map(([g, b]) => [g, b.est]));
}

interface ModelArrival {
  p10?: number;
  p50?: number;
  p90?: number;
}

/** The model's arrival of `est` at `placeId` (head or bulk); "now" when the place is behind it. */
function modelArrival(
  f: Forecast,
  est: string,
  placeId: string,
  kind: Kind,
): ModelArrival | undefined {
  const status = f.groups.find((g) => g.group === est)?.status;
  if (status === undefined || status === "dissolved") return undefined;
  const a = f.arrivals.find((x) => x.group === est && x.placeId === placeId);
  if (!a)
    return status === "arrived" || f.arrivals.some((x) => x.group === est)
      ? { p10: f.asOf, p50: f.asOf, p90: f.asOf }
      : undefined;
  return kind === "head" ? (a.headArrival ?? a.arrival) : a.arrival;
}

/** Development: "ride" when the two latest report times' km gap exceeds `share` × the body's extent. */
function gatedRide(
  now: Nowcast,
  g: Nowcast["groups"][number],
  world: ScorableWorld,
  share: number,
): "ride" | undefined {
  const r = reportsOfGroup(world.dataset, now.estimate, g.group, { asOf: now.asOf });
  const times = [...new Set(r.map((x) => x.t))].sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  const at = (t: number): number => {
    const k = r.filter((x) => x.t === t);
    return k.reduce((a, x) => a + x.km, 0) / k.length;
  };
  const gap = at(times.at(-1)!) - at(times.at(-2)!);
  const last = now.estimate.tracks.find((t) => t.group === g.group && t.date === g.lastDate);
  const extent = Math.max(0, (last?.headKm ?? 0) - (last?.tailKm ?? 0));
  return gap > share * extent ? "ride" : undefined;
}

/**
 * The front edge a day's position reports of one group imply: reports see parts of the body, so
 * the furthest is a lower bound of the edge; with k reports spread over the body the expected gap
 * from the furthest to the edge is about their mean spacing, (max − min) / (k − 1).
 */
function frontFromSpacing(kms: readonly number[]): number {
  const max = Math.max(...kms);
  return kms.length < 2 ? max : max + (max - Math.min(...kms)) / (kms.length - 1);
}

/** Standard normal cdf (Abramowitz–Stegun 7.1.26 through erf), for {@link speedEvidence}. */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** The start regime with the latest reports' speed as soft evidence ({@link Variant.speedEvidenceKm}). */
function speedEvidence(
  g: Nowcast["groups"][number],
  now: Nowcast,
  world: ScorableWorld,
  sigma: number,
): Nowcast["groups"][number]["regime"] {
  const r = reportsOfGroup(world.dataset, now.estimate, g.group, { asOf: now.asOf });
  const v = latestReportSpeed(r);
  if (v === undefined) return { ...g.regime };
  const m = g.movement;
  const gauss = (x: number, mu: number, sd: number) =>
    Math.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
  const box = (a: number, b: number) =>
    b - a < 1e-9 ? 0 : (phi((v - a) / sigma) - phi((v - b) / sigma)) / (b - a);
  const longMax = Math.max(m.rideKm.max, m.longRideMaxKm);
  const long = longMax > m.rideKm.max ? m.longRideProb : 0;
  const like = {
    rest: gauss(v, 0, sigma),
    walk: gauss(v, m.walkKm.mean, Math.hypot(m.walkKm.sd, sigma)),
    ride: (1 - long) * box(m.rideKm.min, m.rideKm.max) + long * box(m.rideKm.max, longMax),
  };
  const w = {
    rest: g.regime.rest * like.rest,
    walk: g.regime.walk * like.walk,
    ride: g.regime.ride * like.ride,
  };
  const total = w.rest + w.walk + w.ride;
  if (!(total > 0)) return { ...g.regime };
  return { rest: w.rest / total, walk: w.walk / total, ride: w.ride / total };
}

/** km/day of the furthest report between the two latest report days ({@link Variant.headFrontSpeed}). */
function frontSpeed(reports: readonly { t: number; km: number }[]): number | undefined {
  const front = new Map<number, number>();
  for (const r of reports) {
    const d = Math.floor(r.t);
    front.set(d, Math.max(front.get(d) ?? -Infinity, r.km));
  }
  const days = [...front.keys()].sort((a, b) => a - b);
  if (days.length < 2) return undefined;
  const [d0, d1] = [days.at(-2)!, days.at(-1)!];
  return (front.get(d1)! - front.get(d0)!) / (d1 - d0);
}

/** The nowcast changed as a development variant says. */
function variantNowcast(now: Nowcast, v: Variant, world: ScorableWorld): Nowcast {
  let pooled = now.movement;
  if (v.lawScale !== undefined)
    pooled = fitMovement(movesOfTrack([]), pooled, {
      pseudoDays: 1e9,
      fitWalk: false,
      matchMeanKmPerDay: v.lawScale * meanDailyKm(pooled),
    });
  const groups = now.groups.map((g) => {
    let reported =
      v.rideGateBody !== undefined && g.reportedRegime === "ride"
        ? gatedRide(now, g, world, v.rideGateBody)
        : g.reportedRegime;
    if (v.rideGateTrack !== undefined && reported === "ride") {
      const track = now.estimate.tracks.filter((t) => t.group === g.group);
      const [before, last] = [track.at(-2), track.at(-1)];
      const moved = before && last ? last.km - before.km : 0;
      if (moved < v.rideGateTrack) reported = undefined;
    }
    const regime =
      v.speedEvidenceKm !== undefined && !(v.speedEvidenceKeepRide && reported === "ride")
        ? speedEvidence(g, now, world, v.speedEvidenceKm)
        : startRegime(g.regime, reported, v.reportedRideWeight ?? 1);
    // The head's regime follows the group's unless its own last move was a ride.
    const headRides =
      g.head?.lastMoveKm !== undefined && regimeOfPace(g.head.lastMoveKm, g.movement) === "ride";
    const head = g.head && { ...g.head, regime: headRides ? g.head.regime : regime };
    const out = { ...g, regime, head: v.headRuns === false ? undefined : head, movement: pooled };
    if (v.headFrontSpeed && out.head) {
      const speed = frontSpeed(
        reportsOfGroup(world.dataset, now.estimate, g.group, { asOf: now.asOf }),
      );
      if (speed !== undefined && regimeOfPace(speed, g.movement) === "ride")
        out.head = { ...out.head, regime: { rest: 0, walk: 0, ride: 1 } };
    }
    if (v.ownLaw) {
      const own = now.estimate.state.find((s) => s.group === g.group)?.trackMovement;
      if (own) out.movement = own;
    }
    if (v.pace) {
      const track = now.estimate.tracks.filter((t) => t.group === g.group);
      out.movement = groupMovement(track, pooled, v.pace);
    }
    if ((v.headAtReports ?? true) && out.head) {
      const r = reportsOfGroup(world.dataset, now.estimate, g.group, { asOf: now.asOf });
      const day = r.length > 0 ? Math.floor(r.at(-1)!.t) : -1;
      const kms = r.filter((x) => Math.floor(x.t) === day).map((x) => x.km);
      const km = v.headFromSpacing ? frontFromSpacing(kms) : Math.max(...kms);
      out.head = headAtReports(out.head, { km, day }, g.lastDay);
    }
    if (v.startAtLastReport) {
      const r = reportsOfGroup(world.dataset, now.estimate, g.group, { asOf: now.asOf });
      const day = r.filter((x) => Math.floor(x.t) === g.lastDay);
      const km = day.length ? day.reduce((a, x) => a + x.km, 0) / day.length : -Infinity;
      if (km > g.km.median)
        out.km = {
          ...g.km,
          median: km,
          low: Math.min(g.km.low, km),
          high: Math.max(g.km.high, km),
        };
    }
    return out;
  });
  return { ...now, groups };
}

/** Scores every as-of forecast of one world into `tables` (one per variant); returns the number of as-of moments. */
function scoreWorld(world: ScorableWorld, tables: Table[], seed: number): number {
  const corridor = buildCorridor(world.dataset, 20);
  const routeIndex = createRouteIndex(world.dataset.routes);
  const days = world.dataset.sightings
    .map((s) => toLocalTime(s.observedAt, world.dataset.timeZone)?.t)
    .filter((t): t is number => t !== undefined)
    .map(Math.floor);
  const reportDays = [...new Set(days)].sort((a, b) => a - b);
  const lastTruth = Math.max(...world.truth.map((g) => dayNumber(g.days.at(-1)!.date) ?? 0));
  let forecasts = 0;
  for (let day = (reportDays[2] ?? Infinity) + 1; day <= lastTruth; day += STEP) {
    // The estimator's regime posterior alone and its head; each variant then applies its
    // reportedRideWeight and headAtReports.
    const asOf = `${isoDate(day)}T00:00:00`;
    const now = nowcast(world.dataset, {
      asOf,
      routeIndex,
      reportedRideWeight: 0,
      headAtReports: false,
    });
    FIRST.table = tables[0];
    const first = variantNowcast(now, VARIANTS[0]!, world);
    FIRST.now = first;
    const fs = VARIANTS.map((v) =>
      forecastArrivals(variantNowcast(now, v, world), {
        corridor,
        horizonDays: HORIZON,
        runs: RUNS,
        random: mulberry32(seed * 1000 + day),
        startSpread: v.startSpread,
        ...(v.startShape ? { startShape: v.startShape } : {}),
      }),
    );
    forecasts++;
    fs.forEach((f, i) => tallyOrder(i, f));
    // The head's cone (FS_DISP): the first variant's nowcast with every group started at its head.
    const headF = DISP
      ? forecastArrivals(
          {
            ...first,
            groups: first.groups.map((g) =>
              g.head ? { ...g, km: { ...g.km, ...g.head.km }, regime: g.head.regime } : g,
            ),
          },
          { corridor, horizonDays: HORIZON, runs: RUNS, random: mulberry32(seed * 1000 + day) },
        )
      : undefined;
    const follow = followers(world, now.estimate.tracks);
    const reports = trueReports(world, day);
    for (const g of world.truth) {
      const mine = reports.get(g.group) ?? [];
      if (mine.length === 0) continue; // not reported yet: nobody could forecast it
      const est = follow.get(g.group);
      tallyStart(
        g,
        now.groups.find((n) => n.group === est),
        mine,
      );
      fs.forEach((f, i) => scoreGroup(g, { f, est, mine, corridor, asOf: day }, tables[i]!));
      if (DISP) {
        const n = first.groups.find((x) => x.group === est);
        tallyDisp("bulk", g, n, fs[0]!);
        if (headF) tallyDisp("head", g, n, headF);
      }
    }
  }
  return forecasts;
}

/**
 * Head order per variant (bench/headOrder.ts): group-places with a head, those whose head p50 is
 * after the bulk's p50, and "most already past" places whose head p50 is after the as-of moment.
 */
const ORDER: { places: number; p50: number; passed: number; passedHeadLater: number }[] = [];

function tallyOrder(i: number, f: Forecast): void {
  const c = headOrderCounts(f);
  const o = (ORDER[i] ??= { places: 0, p50: 0, passed: 0, passedHeadLater: 0 });
  o.places += c.places;
  o.p50 += c.p50;
  o.passed += c.passed;
  o.passedHeadLater += c.passedHeadLater;
}

/**
 * The nowcast's start (median person, 90 % interval) against the truth on its last day, by whole
 * days from the true group's latest report to that day (0 = reported that day; 1; 2 or more).
 */
const startTally = [0, 1, 2].map(() => ({ diffs: [] as number[], behindLow: 0, aheadHigh: 0 }));

function tallyStart(
  g: ScorableWorld["truth"][number],
  n: Nowcast["groups"][number] | undefined,
  mine: readonly ReportKm[],
): void {
  if (!n || n.routeId !== g.routeId) return;
  const day = g.days.find((d) => d.date === n.lastDate);
  if (!day) return;
  const since = n.lastDay - Math.floor(Math.max(...mine.map((r) => r.t)));
  const t = startTally[Math.min(2, Math.max(0, since))]!;
  t.diffs.push(n.km.median - day.km);
  if (day.km < n.km.low) t.behindLow++;
  if (day.km > n.km.high) t.aheadHigh++;
}

/** One line of the start tally: mean and median of estimate − truth, truth below the median, misses. */
function startLine(name: string, t: (typeof startTally)[number]): string {
  const d = [...t.diffs].sort((a, b) => a - b);
  const n = Math.max(1, d.length);
  const pct = (x: number): string => `${Math.round((100 * x) / n)} %`;
  const mean = d.reduce((a, x) => a + x, 0) / n;
  const median = d.length ? d[Math.floor(d.length / 2)]! : NaN;
  return `${name}: ${d.length} cases, estimate − truth mean ${mean.toFixed(1)} km, median ${median.toFixed(1)} km, truth behind the median ${pct(d.filter((x) => x > 0).length)}; truth behind its 90 % interval ${pct(t.behindLow)}, ahead of it ${pct(t.aheadHigh)}`;
}

/** Scores one true group's places ahead (one as-of moment, one forecast). */
function scoreGroup(
  g: ScorableWorld["truth"][number],
  at: { f: Forecast; est?: string; mine: ReportKm[]; corridor: Corridor; asOf: number },
  into: Table,
): void {
  const { f, est, mine, corridor, asOf } = at;
  for (const stop of corridor.routes.get(g.routeId)?.stops ?? []) {
    const placeId = corridor.places[stop.place]!.placeId;
    const truth: Record<Kind, number | undefined> = {
      head: trueCrossing(g.days, stop.km, headOf),
      bulk: trueCrossing(g.days, stop.km, (d) => d.km),
    };
    // Both forecasts are capped at the horizon (the model's blank p50, a baseline crawling).
    const two = lastTwoReportsArrival(mine, stop.km, { asOf });
    const base = two === undefined ? undefined : Math.min(two, asOf + HORIZON);
    const two6 = lastTwoReportsArrival(mine, stop.km, { asOf, minGapDays: MIN_REPORT_GAP_DAYS });
    const base6 = two6 === undefined ? asOf + HORIZON : Math.min(two6, asOf + HORIZON);
    for (const kind of ["head", "bulk"] as const) {
      const t = truth[kind];
      if (t !== undefined && t <= asOf) continue;
      if (t === undefined || t > asOf + LEADS) {
        // Cell 0: places ahead the truth does not reach within the leads: `covered` / `early`
        // count the model's / last two reports' p50 within the leads (false alarms for a
        // planner), `model` / `base` sum their p50 errors with truth and forecast capped at the
        // horizon (a place never reached counts as reached at the horizon's end).
        // Only while the truth runs past the leads (not a world that ends sooner).
        if ((dayNumber(g.days.at(-1)!.date) ?? 0) < asOf + LEADS) continue;
        const m = est === undefined ? undefined : modelArrival(f, est, placeId, kind);
        if (!m || !baselineCanForecast(base)) continue;
        const c0 = into[kind][0]!;
        const cap = asOf + HORIZON;
        const truthCapped = Math.min(t ?? cap, cap);
        c0.n++;
        if ((m.p50 ?? Infinity) <= asOf + LEADS) c0.covered++;
        if (base <= asOf + LEADS) c0.early++;
        c0.model += Math.abs(Math.min(m.p50 ?? cap, cap) - truthCapped);
        c0.base += Math.abs(base - truthCapped);
        continue;
      }
      const c = into[kind][Math.ceil(t - asOf)]!;
      const m = est === undefined ? undefined : modelArrival(f, est, placeId, kind);
      if (!m) c.noModel++;
      if (!baselineCanForecast(base)) c.noBase++;
      if (!m || !baselineCanForecast(base)) continue;
      const p50 = m.p50 ?? asOf + HORIZON;
      c.n++;
      if (DUMP && Math.ceil(t - asOf) <= DUMP && into === FIRST.table)
        dumpCase({ g, f, est, kind, km: stop.km, t, m, base, mine, asOf });
      if (Math.ceil(t - asOf) <= SHORT_LEADS && into === FIRST.table)
        attribute({ g, est, kind, km: stop.km, t, p50, base });
      c.model += Math.abs(p50 - t);
      c.base += Math.abs(base - t);
      c.base6 += Math.abs(base6 - t);
      if (into === FIRST.table) {
        const map = CLUSTERS[kind][Math.ceil(t - asOf)]!;
        const key = `${WORLD.seed} ${asOf} ${g.group}`;
        const k = map.get(key) ?? { model: 0, base: 0 };
        k.model += Math.abs(p50 - t);
        k.base += Math.abs(base - t);
        map.set(key, k);
      }
      if (base <= asOf) c.baseNow++;
      if ((m.p10 ?? asOf + HORIZON) <= t && t <= (m.p90 ?? Infinity)) c.covered++;
      else if (t < (m.p10 ?? asOf + HORIZON)) c.early++;
    }
  }
}

function add(a: Cell, b: Cell): Cell {
  return {
    n: a.n + b.n,
    model: a.model + b.model,
    base: a.base + b.base,
    covered: a.covered + b.covered,
    early: a.early + b.early,
    noModel: a.noModel + b.noModel,
    noBase: a.noBase + b.noBase,
    base6: a.base6 + b.base6,
    baseNow: a.baseNow + b.baseNow,
  };
}

function print(name: string, t: Table): void {
  console.log(`\n${name}`);
  console.log(
    "| lead (days) | head: n | MAE model | MAE last-two | ratio | p10–p90 cover | bulk: n | MAE model | MAE last-two | ratio | p10–p90 cover |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const fmt = (c: Cell): string =>
    c.n === 0
      ? "0 | – | – | – | –"
      : `${c.n} | ${(c.model / c.n).toFixed(2)} | ${(c.base / c.n).toFixed(2)} | ${(c.model / c.base).toFixed(2)} | ${Math.round((100 * c.covered) / c.n)} %`;
  for (let lead = 1; lead <= LEADS; lead++)
    console.log(`| ${lead} | ${fmt(t.head[lead]!)} | ${fmt(t.bulk[lead]!)} |`);
  const all = (k: Kind): Cell => t[k].slice(1).reduce(add, cell());
  for (const k of ["head", "bulk"] as const) {
    const c0 = t[k][0]!;
    const pct = (x: number): string => `${Math.round((100 * x) / Math.max(1, c0.n))} %`;
    console.log(
      `${k}: places ahead not reached within ${LEADS} days ${c0.n}, p50 within ${LEADS} days: model ${pct(c0.covered)}, last two ${pct(c0.early)}; MAE capped at ${HORIZON} days model ${(c0.model / Math.max(1, c0.n)).toFixed(2)}, last two ${(c0.base / Math.max(1, c0.n)).toFixed(2)}, ratio ${(c0.model / Math.max(1e-9, c0.base)).toFixed(2)}`,
    );
    const a = all(k);
    console.log(
      `${k}: both sides (leads 1–${LEADS} and not reached), error-days model / last two ${(a.model + c0.model).toFixed(0)} / ${(a.base + c0.base).toFixed(0)}, ratio ${((a.model + c0.model) / Math.max(1e-9, a.base + c0.base)).toFixed(2)}`,
    );
  }
  console.log(`| **1–14** | ${fmt(all("head"))} | ${fmt(all("bulk"))} |`);
  for (const k of ["head", "bulk"] as const) {
    const cells = [...t[k].slice(1), all(k)];
    const r6 = cells.map((c) => (c.base6 > 0 ? (c.model / c.base6).toFixed(2) : "–")).join(" ");
    const now = cells.map((c) => `${Math.round((100 * c.baseNow) / Math.max(1, c.n))}`).join(" ");
    console.log(
      `${k} fairness, leads 1…14 and 1–14: ratio with the baseline's speed over ≥ 6 h ${r6}; baseline says "now" (% of cases) ${now}`,
    );
  }
  for (const k of ["head", "bulk"] as const) {
    const a = all(k);
    const short = t[k].slice(1, 4).reduce(add, cell());
    const pct = (x: number, n: number): string => `${Math.round((100 * x) / Math.max(1, n))} %`;
    console.log(
      `${k} misses, leads 1–3: truth before p10 ${pct(short.early, short.n)}, after p90 ${pct(short.n - short.covered - short.early, short.n)}; leads 1–14: ${pct(a.early, a.n)}, ${pct(a.n - a.covered - a.early, a.n)}`,
    );
    console.log(
      `${k}: cases without a model forecast (unmatched or dissolved) ${a.noModel}, without a baseline speed ${a.noBase}`,
    );
  }
}

function run(sim: "stress" | "legacy"): void {
  const tables = VARIANTS.map(table);
  const started = performance.now();
  let forecasts = 0;
  for (let i = 0; i < WORLDS; i++) {
    const world =
      sim === "stress"
        ? generateStressWorld(SEED0 + i)
        : legacyWorld(i, WORLDS, SEED0 === 1 ? 0 : SEED0);
    WORLD.seed = SEED0 + i;
    forecasts += scoreWorld(world, tables, SEED0 + i);
  }
  const s = ((performance.now() - started) / 1000).toFixed(0);
  const worlds =
    sim === "stress"
      ? `stress worlds, seeds ${SEED0}…${SEED0 + WORLDS - 1}`
      : SEED0 === 1
        ? `simulate.ts worlds 0…${WORLDS - 1} of ${WORLDS} (seeds 1000…${999 + WORLDS})`
        : `simulate.ts worlds 0…${WORLDS - 1} of ${WORLDS} (seeds ${1000 + SEED0}…${999 + SEED0 + WORLDS})`;
  const all = {
    diffs: startTally.flatMap((t) => t.diffs),
    behindLow: startTally.reduce((a, t) => a + t.behindLow, 0),
    aheadHigh: startTally.reduce((a, t) => a + t.aheadHigh, 0),
  };
  console.log(startLine("start (nowcast median person vs truth on its last day)", all));
  ["reported that day", "last report 1 day before", "last report ≥ 2 days before"].forEach(
    (name, i) => console.log(startLine(`  ${name}`, startTally[i]!)),
  );
  tables.forEach((t, i) =>
    print(
      `${worlds}: ${forecasts} forecasts every ${STEP} days, ${RUNS} runs, ${s} s; options ${JSON.stringify(VARIANTS[i])}`,
      t,
    ),
  );
  if (DISP) {
    printDisp();
    DISP_T.head = dispCells();
    DISP_T.bulk = dispCells();
    for (const k of Object.keys(DISP_BY)) delete DISP_BY[k];
  }
  for (const k of ["head", "bulk"] as const) {
    console.log(errorDaysLine(k));
    ERROR_DAYS[k] = errorDays();
  }
  for (const k of ["head", "bulk"] as const) {
    console.log(bootstrapLine(k));
    for (const m of CLUSTERS[k]) m.clear();
  }
  ORDER.forEach((o, i) =>
    console.log(
      `head order (variant ${i}): ${o.p50} of ${o.places} group-places with the head's p50 after the bulk's; ${o.passedHeadLater} of ${o.passed} "most already past" with the head still to come`,
    ),
  );
  ORDER.length = 0;
}

if (SIM === "stress" || SIM === "both") run("stress");
if (SIM === "legacy" || SIM === "both") run("legacy");
