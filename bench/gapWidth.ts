// Why the km intervals of days without a report are wide (docs/estimation.md § gapwidth): every
// group-day the scorers score (a truth group's first to last reported day), with the track they
// score on it, classed by the TRUE group's own reports: a reported day, or a gap day by its
// distance to the nearest reported day (1, 2, ≥ 3) and by the gap's length. For each class: cover
// of the 90 % km interval as returned, and of the model's own interval before the
// self-calibration (`selfCalibrate: false`, src/estimate/calibrate.ts), their mean widths, and
// the factor about the median each would need for exactly 90 % cover in the class (the 90th
// percentile of |truth − median| ÷ the half-width on the truth's side): above 1 the class is
// under-covered, below 1 over-covered. Beside them, the factors the self-calibration applied
// (report.widening, mean over worlds).
// Run: TZ=UTC npx tsx bench/gapWidth.ts [--beds stress,simulate,world3] [--worlds 16]
//      [--w3-worlds 12] [--seed-offset 200] [--labelled-only] [--where]
// --where (stress, simulate.ts): classes by where the truth is and, on interior reported days, by
// the group's reports of the day and its move (`whereClasses`).
import { dayNumber, estimateTracks, toLocalTime } from "../src/index.ts";
import type { Dataset, EstimateResult, TrackPoint, Widening } from "../src/index.ts";
import { num, option, pct } from "./args.ts";
import { road } from "./world3/geography.ts";
import { matchTracks as matchWorld3 } from "./world3/score.ts";
import { generateWorld3 } from "./world3/world.ts";
import { evaluatedDays, matchTracks, rebaser } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import type { ScorableWorld } from "./worlds/truth.ts";

const worlds = option("worlds", 16);
const w3Worlds = option("w3-worlds", 12);
const seedOffset = option("seed-offset", 200);
const bedsAt = process.argv.indexOf("--beds");
const beds = (bedsAt >= 0 ? process.argv[bedsAt + 1] : "stress,simulate,world3").split(",");
const labelledOnly = process.argv.includes("--labelled-only");
const where = process.argv.includes("--where");

/** One scored group-day: truth, the interval as returned and the model's own (same median). */
interface Day {
  truth: number;
  median: number;
  low: number;
  high: number;
  rawLow: number;
  rawHigh: number;
}

/** Group-days by class key. */
const classes = new Map<string, Day[]>();
const widenings = new Map<string, Widening[]>();

function add(key: string, d: Day): void {
  const list = classes.get(key) ?? [];
  classes.set(key, list);
  list.push(d);
}

/**
 * The class keys of a day `day` of a group reported on `reported` (sorted local day numbers):
 * "reported", or "gap" with its distance to the nearest reported day and its gap's length.
 */
function dayClasses(
  day: number,
  reported: readonly number[],
  truthKm: ReadonlyMap<number, number>,
): string[] {
  if (reported.includes(day)) return ["reported"];
  const after = reported.findIndex((r) => r > day);
  if (after <= 0) return ["outside"];
  const b = reported[after - 1];
  const a = reported[after];
  const near = Math.min(day - b, a - day);
  const len = a - b - 1;
  const lenClass = len <= 2 ? "1–2" : len <= 5 ? "3–5" : "≥ 6";
  return [
    "gap, all",
    `gap, ${near >= 3 ? "≥ 3" : near} days from a report`,
    `gap of ${lenClass}`,
    `gap, ${gapKind(truthKm, b, a)}`,
  ];
}

/**
 * A gap b…a by the truth (as bench/gapShape.ts): "ride" when one day's move is ≥ 100 km, "stay"
 * when the ends lie < 20 km apart, else "walk".
 */
function gapKind(km: ReadonlyMap<number, number>, b: number, a: number): string {
  let most = 0;
  for (let d = b + 1; d <= a; d++)
    most = Math.max(most, Math.abs((km.get(d) ?? 0) - (km.get(d - 1) ?? 0)));
  const moved = Math.abs((km.get(a) ?? 0) - (km.get(b) ?? 0));
  return most >= 100 ? "ride" : moved < 20 ? "stay" : "walk";
}

/** Local day numbers with a positioned report, by true group key. */
function reportedDays(
  dataset: Dataset,
  groupOf: (id: string) => string | undefined,
): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  for (const s of dataset.sightings) {
    const g = groupOf(s.id ?? "");
    const positioned = (s.lat !== undefined && s.lon !== undefined) || s.placeName !== undefined;
    const t = toLocalTime(s.observedAt, dataset.timeZone);
    if (g === undefined || !t || !positioned) continue;
    out.set(g, (out.get(g) ?? new Set()).add(Math.floor(t.t)));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort((x, y) => x - y)]));
}

/**
 * `--where` classes of a group-day of a stress or simulate.ts world (docs/estimation.md § cover23):
 * where the truth is (`at origin`: km 0; `at final km`: where the group ends; `interior`), and for
 * interior days with reports of the group, how many (1, 2, 3+), of what (coordinates, places,
 * mixed) and how the group moved since the day before (ride ≥ 100 km, stay < 5 km, walk).
 */
function whereClasses(
  world: ScorableWorld,
  g: ScorableWorld["truth"][number],
  d: { date: string; km: number },
  rep: readonly number[],
): string[] {
  const lastKm = g.days[g.days.length - 1].km;
  const at = d.km <= 0.5 ? "at origin" : d.km >= lastKm - 0.5 ? "at final km" : "interior";
  const dn = dayNumber(d.date) ?? NaN;
  const out = [at, `${at} ${rep.includes(dn) ? "reported" : "gap"}`];
  const tz = world.dataset.timeZone;
  const own = world.dataset.sightings.filter((s) => {
    const t = toLocalTime(s.observedAt, tz);
    const positioned = s.lat !== undefined || s.placeName !== undefined;
    return world.sightingGroup[s.id ?? ""] === g.group && t && Math.floor(t.t) === dn && positioned;
  });
  if (own.length === 0 || at !== "interior") return out;
  const coords = own.filter((s) => s.lat !== undefined).length;
  const kind = coords === own.length ? "coords" : coords === 0 ? "places" : "mixed";
  const before = g.days.find((x) => dayNumber(x.date) === dn - 1)?.km;
  const move = before === undefined ? undefined : Math.abs(d.km - before);
  const moved =
    move === undefined ? "first day" : move >= 100 ? "ride" : move < 5 ? "stay" : "walk";
  const n = own.length >= 3 ? "3+" : String(own.length);
  return [...out, `interior rep n=${n}`, `interior rep ${kind}`, `interior rep ${moved}`];
}

/** Both estimates of a dataset: as returned, and with the self-calibration off. */
function both(dataset: Dataset): { est: EstimateResult; raw: EstimateResult } {
  return {
    est: estimateTracks(dataset),
    raw: estimateTracks(dataset, { selfCalibrate: false }),
  };
}

const byNameDate = (tracks: readonly TrackPoint[]): Map<string, TrackPoint> =>
  new Map(tracks.map((t) => [`${t.group}|${t.date}`, t]));

function scorableBed(bed: string, world: ScorableWorld): void {
  if (labelledOnly && !world.labelled) return;
  const { est, raw } = both(world.dataset);
  const kind = `${bed}, ${world.labelled ? "labelled" : "unlabelled"}`;
  widenings.set(kind, [...(widenings.get(kind) ?? []), est.report.widening]);
  const byGroup = new Map<string, Map<string, TrackPoint>>();
  for (const t of est.tracks) {
    const m = byGroup.get(t.group) ?? new Map<string, TrackPoint>();
    byGroup.set(t.group, m);
    m.set(t.date, t);
  }
  const rawAt = byNameDate(raw.tracks);
  const rebase = rebaser(world);
  const match = matchTracks(world.truth, byGroup, rebase);
  const evaluated = evaluatedDays(world);
  const reported = reportedDays(world.dataset, (id) => world.sightingGroup[id]);
  for (const g of world.truth) {
    const days = evaluated.get(g.group);
    const rep = reported.get(g.group);
    if (!days || !rep) continue;
    const truthKm = new Map(g.days.map((d) => [dayNumber(d.date) ?? NaN, d.km]));
    const mine = [...match]
      .filter(([, m]) => m.group === g.group)
      .sort((a, b) => b[1].days - a[1].days);
    for (const d of g.days) {
      if (!days.has(d.date)) continue;
      const name = mine.find(([n]) => byGroup.get(n)?.has(d.date))?.[0];
      const t = name && byGroup.get(name)?.get(d.date);
      const r = name && rawAt.get(`${name}|${d.date}`);
      if (!name || !t || !r) continue;
      const p = rebase(t, g.routeId);
      const q = rebase(r, g.routeId);
      const day: Day = {
        truth: d.km,
        median: p.km,
        low: p.kmLow,
        high: p.kmHigh,
        rawLow: q.kmLow,
        rawHigh: q.kmHigh,
      };
      add(`${bed} | all`, day);
      if (where) {
        for (const c of whereClasses(world, g, d, rep)) add(`${kind} | ${c}`, day);
      }
      for (const c of dayClasses(dayNumber(d.date) ?? NaN, rep, truthKm))
        add(`${kind} | ${c}`, day);
      add(`${kind} | all`, day);
    }
  }
}

function world3Bed(i: number): void {
  const labelled = i % 3 !== 2;
  if (labelledOnly && !labelled) return;
  const world = generateWorld3(i + 1 + seedOffset, { labelled });
  const { est, raw } = both(world.dataset);
  const kind = `world3, ${labelled ? "labelled" : "unlabelled"}`;
  widenings.set(kind, [...(widenings.get(kind) ?? []), est.report.widening]);
  const index = road().index;
  const groups = world.labelled ? world.labelTruth : world.bodyTruth;
  const matched = matchWorld3(groups, est.tracks, index);
  const rawAt = byNameDate(raw.tracks);
  const truthOf = (id: string): string | undefined => {
    const t = world.sightingTruth.get(id);
    return t && (world.labelled ? t.label : t.body);
  };
  // world3's scorer spans the reports with coordinates (bench/world3/score.ts).
  const withCoords: Dataset = {
    ...world.dataset,
    sightings: world.dataset.sightings.filter((s) => s.lat !== undefined && s.lon !== undefined),
  };
  const reported = reportedDays(withCoords, truthOf);
  const onRoute = (p: TrackPoint, routeId: string, km: number): number => {
    if (p.routeId === routeId) return km;
    return (
      index.projectAll(index.along(p.routeId, km)).find((x) => x.routeId === routeId)?.km ?? NaN
    );
  };
  for (const g of groups) {
    const rep = reported.get(g.group);
    if (!rep) continue;
    const truthKm = new Map(g.days.map((d) => [d.day, d.km]));
    const named = labelled ? matched.get(g.group) : undefined;
    const others = [...matched.entries()]
      .filter(([name, m]) => m.follows === g.group && !(labelled && name === g.group))
      .sort((a, b) => b[1].followDays - a[1].followDays);
    for (const d of g.days) {
      if (d.day < rep[0] || d.day > rep[rep.length - 1]) continue;
      const pick = named?.points.has(d.day)
        ? ([g.group, named] as const)
        : others.find(([, m]) => m.points.has(d.day));
      const p = pick?.[1].points.get(d.day);
      const q = p && rawAt.get(`${p.group}|${p.date}`);
      if (!p || !q) continue;
      const day: Day = {
        truth: d.km,
        median: onRoute(p, g.routeId, p.km),
        low: onRoute(p, g.routeId, p.kmLow),
        high: onRoute(p, g.routeId, p.kmHigh),
        rawLow: onRoute(q, g.routeId, q.kmLow),
        rawHigh: onRoute(q, g.routeId, q.kmHigh),
      };
      if (![day.median, day.low, day.high, day.rawLow, day.rawHigh].every(Number.isFinite))
        continue;
      add(`world3 | all`, day);
      for (const c of dayClasses(d.day, rep, truthKm)) add(`${kind} | ${c}`, day);
      add(`${kind} | all`, day);
    }
  }
}

/** The factor about the median that would make the class's cover exactly 90 %. */
function neededFactor(days: readonly Day[], raw: boolean): number {
  const ratios = days.map((d) => {
    const lo = raw ? d.rawLow : d.low;
    const hi = raw ? d.rawHigh : d.high;
    const half = d.truth >= d.median ? hi - d.median : d.median - lo;
    const off = Math.abs(d.truth - d.median);
    return off <= 1e-9 ? 0 : half > 0 ? off / half : Infinity;
  });
  ratios.sort((a, b) => a - b);
  return ratios[Math.min(ratios.length - 1, Math.ceil(0.9 * ratios.length) - 1)] ?? NaN;
}

const covered = (d: Day, raw: boolean): boolean =>
  (raw ? d.rawLow : d.low) <= d.truth + 1e-9 && d.truth <= (raw ? d.rawHigh : d.high) + 1e-9;

for (const bed of beds) {
  if (bed === "world3") for (let i = 0; i < w3Worlds; i++) world3Bed(i);
  else
    for (let i = 0; i < worlds; i++)
      scorableBed(
        bed,
        bed === "stress"
          ? generateStressWorld(i + 1 + seedOffset)
          : legacyWorld(i, worlds, seedOffset),
      );
}

console.log(
  `\nkm intervals by day type; ${worlds} stress / simulate.ts worlds, ${w3Worlds} world3 worlds from seed offset ${seedOffset}\n`,
);
console.log(
  "| bed \\| day type | group-days | cover | mean width (km) | factor for 90 % | model's own: cover | width | factor for 90 % |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const [key, days] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
  const n = days.length;
  const cov = days.filter((d) => covered(d, false)).length / n;
  const rawCov = days.filter((d) => covered(d, true)).length / n;
  const w = days.reduce((s, d) => s + d.high - d.low, 0) / n;
  const rw = days.reduce((s, d) => s + d.rawHigh - d.rawLow, 0) / n;
  console.log(
    `| ${key} | ${n} | ${pct(cov)} | ${num(w, 0)} | ${num(neededFactor(days, false), 2)} | ${pct(rawCov)} | ${num(rw, 0)} | ${num(neededFactor(days, true), 2)} |`,
  );
}
console.log("\nSelf-calibration factors applied (mean over worlds):");
console.log(
  "| bed | worlds | km | kmFarFromReports | kmDays | km reports |\n|---|---:|---:|---:|---:|---:|",
);
for (const [kind, ws] of widenings) {
  const mean = (f: (w: Widening) => number | undefined): string =>
    num(ws.reduce((s, w) => s + (f(w) ?? NaN), 0) / ws.length, 2);
  console.log(
    `| ${kind} | ${ws.length} | ${mean((w) => w.km)} | ${mean((w) => w.kmFarFromReports)} | ${mean((w) => w.kmDays)} | ${mean((w) => w.kmReports)} |`,
  );
}
