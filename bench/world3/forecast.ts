/**
 * Forecast skill on world3 worlds (held out): rolling as-of forecasts (the library's `nowcast` as of
 * 00:00 of a day, then `forecastArrivals` with its defaults) scored against the true moments the
 * head (the front edge: its foremost people, world.ts `firstKm`) and the median person of each truth group reach each place
 * ahead on its route (linear between noons), beside the last-two-reports baseline
 * (`lastTwoReportsArrival`) on the same group's reports observed by then, told the truth of every
 * report. Cases with a true arrival 1–14 days after the as-of moment are scored by lead =
 * ceil(days ahead). The model's p50 is that of the estimated group following the truth group
 * (score.ts's matcher on the tracks as of then); a place it puts behind the group counts as
 * "now"; a p50 beyond the 30-day horizon as the horizon's end. MAE over the cases both give a date.
 * These case rules are bench/forecastSkill.bench.ts's on purpose, so that world3's ratios compare
 * with the other two simulators'; the truth, the matching and the reports are world3's own.
 */
import {
  buildCorridor,
  forecastArrivals,
  isoDate,
  baselineCanForecast,
  lastTwoReportsArrival,
  MIN_REPORT_GAP_DAYS,
  mulberry32,
  nowcast,
} from "../../src/index.ts";
import type { Forecast, ForecastOptions, NowcastOptions, RouteIndex } from "../../src/index.ts";
import { headTruthKm } from "../worlds/edges.ts";
import { matchTracks, observations } from "./score.ts";
import type { World3, World3Day, World3Group } from "./world.ts";

export const LEADS = 14;
/** As-of moments at which the nowcast or the forecast threw (world, date, error). */
export const failures: string[] = [];
const HORIZON = 30;
const DUMP = Number(process.env.W3_CASES ?? 0);
/** Development: nowcast options to try, as JSON (e.g. W3_NOWCAST='{"headPace": {}}'). */
const NOWCAST_OPTIONS = JSON.parse(process.env.W3_NOWCAST ?? "{}") as NowcastOptions;
/** Development: forecast options to try, as JSON (e.g. W3_FORECAST='{"startSpread": 2}'). */
const FORECAST_OPTIONS = JSON.parse(process.env.W3_FORECAST ?? "{}") as ForecastOptions;

function dumpCase(
  world: World3,
  now: ReturnType<typeof nowcast>,
  f: Forecast,
  g: World3Group,
  est: string,
  day: number,
  kind: string,
  km: number,
  t: number,
  m: { p10?: number; p50?: number; p90?: number },
  base: number,
  reports: { t: number; km: number }[],
) {
  const n = now.groups.find((x) => x.group === est);
  const st = f.groups.find((x) => x.group === est);
  const td = g.days.find((d) => d.day === n?.lastDay);
  const tAs = g.days.find((d) => d.day === day - 1);
  const r = [...reports]
    .sort((a, b) => a.t - b.t)
    .slice(-4)
    .map((x) => `${(x.t - day).toFixed(2)}@${x.km.toFixed(0)}`)
    .join(" ");
  const f1 = (x: number | undefined) => (x === undefined ? "-" : (x - day).toFixed(2));
  console.log(
    [
      world.name,
      isoDate(day),
      g.group,
      "->",
      est,
      st?.status,
      kind,
      `place ${km.toFixed(0)}`,
      `true ${f1(t)}`,
      `model ${f1(m.p10)}/${f1(m.p50)}/${f1(m.p90)}`,
      `base ${f1(base)}`,
      `lastDay ${n ? n.lastDay - day : "?"}`,
      `est km ${n?.km.median.toFixed(0)} [${n?.km.low.toFixed(0)},${n?.km.high.toFixed(0)}] head ${n?.head?.km.median.toFixed(0)}`,
      `reg ${
        n
          ? Object.values(n.regime)
              .map((v) => v.toFixed(2))
              .join(",")
          : ""
      }`,
      `truth@last km ${td?.km.toFixed(0)} first ${td?.firstKm.toFixed(0)}; day-1 ${tAs?.km.toFixed(0)}/${tAs?.firstKm.toFixed(0)}`,
      `reports ${r}`,
    ].join(" | "),
  );
}

/**
 * Development diagnostic (W3_ORACLE): the forecast started from the truth instead of the
 * nowcast, to split the lead-1 error between the start and the law. `start`: the median person
 * and the head at the truth's median person and front edge on the group's last day (90 %
 * intervals shifted with them); `regime`: the start regime set from the truth's next-day move (a
 * ride when it moved ≥ 80 km); `day1`: that regime kept for good (persistence 1: the first
 * day's regime is the truth's; read lead 1 only); `both`: the two; `report`: the median person at the latest true
 * report on or after the last day's start (a filter's start: the last report as it is), the head
 * no further back than it.
 */
const ORACLE = process.env.W3_ORACLE ?? "";
/**
 * W3_ORACLE=diag: the forecast's head start against the true front edge, per matched group seen
 * the day before the as-of day: start − truth (km), truth above the start's 90 % interval, and the
 * furthest true report of that day − truth (km).
 */
const headStarts: { error: number; aboveHigh: boolean; reportGap?: number }[] = [];

/** The W3_ORACLE=diag tally as a line (empty without it). */
export function headStartLine(): string {
  if (headStarts.length === 0) return "";
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
  };
  const gaps = headStarts.flatMap((h) => (h.reportGap === undefined ? [] : [h.reportGap]));
  return (
    `head start vs the true front edge (seen the day before the as-of day): ${headStarts.length} cases, ` +
    `start − truth median ${median(headStarts.map((h) => h.error)).toFixed(0)} km, ` +
    `truth above the start's 90 % interval ${((100 * headStarts.filter((h) => h.aboveHigh).length) / headStarts.length).toFixed(0)} %; ` +
    `furthest true report of that day − truth median ${median(gaps).toFixed(0)} km (${gaps.length} cases, truth ahead of it ${((100 * gaps.filter((x) => x < 0).length) / Math.max(1, gaps.length)).toFixed(0)} %)`
  );
}

function oracleStarts(
  now: ReturnType<typeof nowcast>,
  world: World3,
  groups: readonly World3Group[],
  index: RouteIndex,
  day: number,
): void {
  const matched = matchTracks(groups, now.estimate.tracks, index);
  const obs = observations(world, groups, index);
  for (const g of groups) {
    const est = followerOf(matched, g.group, world.labelled);
    const n = now.groups.find((x) => x.group === est);
    if (!n || n.routeId !== g.routeId) continue;
    const d = g.days.find((x) => x.day === n.lastDay);
    const next = g.days.find((x) => x.day === n.lastDay + 1);
    if (!d) continue;
    const shift = <K extends { median: number; low: number; high: number }>(
      k: K,
      to: number,
    ): K => ({
      ...k,
      median: to,
      low: to - (k.median - k.low),
      high: to + (k.high - k.median),
    });
    if (ORACLE === "diag" && n.head && n.lastDay === day - 1) {
      const kms = (obs.get(g.group) ?? [])
        .filter((o) => o.t <= day && Math.floor(o.t) === n.lastDay && o.km !== undefined)
        .map((o) => o.km as number);
      headStarts.push({
        error: n.head.km.median - d.firstKm,
        aboveHigh: d.firstKm > n.head.km.high,
        ...(kms.length > 0 ? { reportGap: Math.max(...kms) - d.firstKm } : {}),
      });
    }
    if (ORACLE === "start" || ORACLE === "both") {
      n.km = shift(n.km, d.km);
      if (n.head) n.head = { ...n.head, km: shift(n.head.km, Math.max(d.firstKm, d.km)) };
    }
    if ((ORACLE === "regime" || ORACLE === "both" || ORACLE === "day1") && next) {
      const ride = { rest: 0, walk: 0, ride: 1 };
      const walk = { rest: 0, walk: 1, ride: 0 };
      const rest = { rest: 1, walk: 0, ride: 0 };
      const of = (move: number) => (move >= 80 ? ride : move >= 5 ? walk : rest);
      n.regime = of(next.km - d.km);
      if (n.head) n.head = { ...n.head, regime: of(next.firstKm - d.firstKm) };
      // day1: the regime kept for good (persistence 1), so the first day's regime is the truth's:
      // a bound for lead 1 only (later leads are meaningless).
      if (ORACLE === "day1") n.movement = { ...n.movement, persistence: 1 };
    }
    if (ORACLE === "report") {
      const mine = (obs.get(g.group) ?? []).filter(
        (o) => o.t <= day && o.t >= n.lastDay && o.km !== undefined,
      );
      const last = mine.sort((a, b) => a.t - b.t).at(-1);
      if (process.env.W3_DEBUG)
        console.log("report", n.lastDay - day, mine.length, last?.km, n.km.median);
      if (!last) continue;
      n.km = shift(n.km, last.km as number);
      if (n.head && n.head.km.median < n.km.median)
        n.head = { ...n.head, km: shift(n.head.km, n.km.median) };
    }
  }
}

/** Pace bands (km/day) of a lead-1 crossing from the truth on the nowcast's last day. */
const PACE_BANDS = [15, 80, 300, Infinity];
/** Lead-1 error-days by the pace of the true crossing, per kind: n, model, last two reports. */
export const leadOnePace = {
  head: PACE_BANDS.map(() => ({ n: 0, model: 0, base: 0 })),
  bulk: PACE_BANDS.map(() => ({ n: 0, model: 0, base: 0 })),
};

/**
 * Tallies one lead-1 case by the pace its truth crossed the place at: from the truth on the
 * nowcast's last day (front edge or median person) to the place, over the time from that noon.
 */
function tallyPace(
  kind: "head" | "bulk",
  g: World3Group,
  lastDay: number | undefined,
  at: { km: number; t: number; p50: number; base: number },
): void {
  const d = g.days.find((x) => x.day === lastDay);
  if (!d || lastDay === undefined) return;
  const from = kind === "head" ? headTruthKm(d) : d.km;
  const pace = (at.km - from) / Math.max(0.05, at.t - (lastDay + 0.5));
  const cell = leadOnePace[kind][PACE_BANDS.findIndex((b) => pace < b)]!;
  cell.n++;
  cell.model += Math.abs(at.p50 - at.t);
  cell.base += Math.abs(at.base - at.t);
}

/** The lead-1 error-days by crossing pace, as lines. */
export function leadOnePaceLines(): string[] {
  return (["head", "bulk"] as const).map(
    (kind) =>
      `${kind}, lead 1, error-days model / last two by the pace of the true crossing: ` +
      leadOnePace[kind]
        .map((c, i) => {
          const band =
            i === 0
              ? `< ${PACE_BANDS[0]}`
              : i === PACE_BANDS.length - 1
                ? `≥ ${PACE_BANDS[i - 1]}`
                : `${PACE_BANDS[i - 1]}–${PACE_BANDS[i]}`;
          return `${band} km/day ${c.n} cases ${c.model.toFixed(1)} / ${c.base.toFixed(1)}`;
        })
        .join("; "),
  );
}

export interface LeadCell {
  n: number;
  model: number;
  base: number;
  covered: number;
  noModel: number;
  noBase: number;
  /**
   * Fairness of the score (fc24): the baseline's error-days with its speed taken over at least
   * MIN_REPORT_GAP_DAYS (6 h), and the cases where the baseline says "now".
   */
  base6: number;
  baseNow: number;
}

export type SkillTable = Record<"head" | "bulk", LeadCell[]>;

/** A lead's cell with nothing counted yet. */
export function emptyCell(): LeadCell {
  return { n: 0, model: 0, base: 0, covered: 0, noModel: 0, noBase: 0, base6: 0, baseNow: 0 };
}

export function emptySkill(): SkillTable {
  const cells = (): LeadCell[] => Array.from({ length: LEADS + 1 }, emptyCell);
  return { head: cells(), bulk: cells() };
}

/** When `pick` of the truth first reaches `km` (local days; linear between noons). */
function crossing(days: readonly World3Day[], km: number, pick: (d: World3Day) => number) {
  for (let i = 0; i < days.length; i++) {
    const v = pick(days[i]);
    if (v < km) continue;
    const t = days[i].day + 0.5;
    if (i === 0) return t;
    const u = pick(days[i - 1]);
    return t - 1 + (v > u ? (km - u) / (v - u) : 1);
  }
  return undefined;
}

/** The estimated group that stands for truth group `group`: its named track, else the one following it most. */
function followerOf(
  matched: ReturnType<typeof matchTracks>,
  group: string,
  labelled: boolean,
): string | undefined {
  if (labelled && matched.has(group)) return group;
  let best: string | undefined;
  let days = 0;
  for (const [name, m] of matched) {
    if (m.follows === group && m.followDays > days) {
      best = name;
      days = m.followDays;
    }
  }
  return best;
}

/** The model's arrival quantiles of `est` at `placeId`; "now" when the place is behind it. */
function modelArrival(f: Forecast, est: string, placeId: string, head: boolean) {
  const status = f.groups.find((g) => g.group === est)?.status;
  if (status === undefined || status === "dissolved") return undefined;
  const a = f.arrivals.find((x) => x.group === est && x.placeId === placeId);
  if (!a) {
    const now = { p10: f.asOf, p50: f.asOf, p90: f.asOf };
    return status === "arrived" || f.arrivals.some((x) => x.group === est) ? now : undefined;
  }
  return head ? (a.headArrival ?? a.arrival) : a.arrival;
}

/**
 * Scores the forecasts of one world every `step` days into `into`.
 * @returns the number of as-of moments.
 */
export function scoreForecasts(
  world: World3,
  index: RouteIndex,
  into: SkillTable,
  options: { step: number; runs: number },
): number {
  const corridor = buildCorridor(world.dataset, 20, index);
  const groups = world.labelled ? world.labelTruth : world.bodyTruth;
  const obs = observations(world, groups, index);
  const times = [...obs.values()].flat().map((o) => Math.floor(o.t));
  const days = [...new Set(times)].sort((a, b) => a - b);
  const lastTruth = Math.max(...groups.map((g) => g.days[g.days.length - 1].day));
  let moments = 0;
  for (let day = (days[2] ?? Infinity) + 1; day <= lastTruth; day += options.step) {
    let now: ReturnType<typeof nowcast>;
    let f: Forecast;
    try {
      now = nowcast(world.dataset, {
        asOf: `${isoDate(day)}T00:00:00`,
        routeIndex: index,
        ...NOWCAST_OPTIONS,
      });
      if (ORACLE) oracleStarts(now, world, groups, index, day);
      f = forecastArrivals(now, {
        corridor,
        horizonDays: HORIZON,
        runs: options.runs,
        random: mulberry32(world.seed * 1000 + day),
        ...FORECAST_OPTIONS,
      });
    } catch (e) {
      // A crash of the library is a finding: counted and named, the moment not scored.
      failures.push(`${world.name} as of ${isoDate(day)}: ${String(e).slice(0, 120)}`);
      continue;
    }
    moments++;
    const matched = matchTracks(groups, now.estimate.tracks, index);
    for (const g of groups) {
      const mine = (obs.get(g.group) ?? []).filter((o) => o.t <= day && o.km !== undefined);
      if (mine.length === 0) continue;
      const follower = followerOf(matched, g.group, world.labelled);
      const reports = mine.map((o) => ({ t: o.t, km: o.km as number }));
      for (const stop of corridor.routes.get(g.routeId)?.stops ?? []) {
        const placeId = corridor.places[stop.place].placeId;
        const two = lastTwoReportsArrival(reports, stop.km, { asOf: day });
        const base = two === undefined ? undefined : Math.min(two, day + HORIZON);
        const two6 = lastTwoReportsArrival(reports, stop.km, {
          asOf: day,
          minGapDays: MIN_REPORT_GAP_DAYS,
        });
        const base6 = two6 === undefined ? day + HORIZON : Math.min(two6, day + HORIZON);
        for (const kind of ["head", "bulk"] as const) {
          const t = crossing(g.days, stop.km, (d) => (kind === "head" ? headTruthKm(d) : d.km));
          if (t === undefined || t <= day || t > day + LEADS) continue;
          const c = into[kind][Math.ceil(t - day)];
          const m =
            follower === undefined
              ? undefined
              : modelArrival(f, follower, placeId, kind === "head");
          if (!m) c.noModel++;
          if (!baselineCanForecast(base)) c.noBase++;
          if (!m || !baselineCanForecast(base)) continue;
          const p50 = m.p50 ?? day + HORIZON;
          c.n++;
          if (DUMP && Math.ceil(t - day) <= DUMP)
            dumpCase(world, now, f, g, follower!, day, kind, stop.km, t, m, base, reports);
          if (Math.ceil(t - day) === 1) {
            const lastDay = now.groups.find((x) => x.group === follower)?.lastDay;
            tallyPace(kind, g, lastDay, { km: stop.km, t, p50, base });
          }
          c.model += Math.abs(p50 - t);
          c.base += Math.abs(base - t);
          c.base6 += Math.abs(base6 - t);
          if (base <= day) c.baseNow++;
          if ((m.p10 ?? day + HORIZON) <= t && t <= (m.p90 ?? Infinity)) c.covered++;
        }
      }
    }
  }
  return moments;
}
