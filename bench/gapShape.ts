// The shape of the labelled km error inside gaps between reports (docs/estimation.md § ridetime):
// on the days of a labelled group with no report of it, is the estimate between where the truth
// was on the reported days either side (a TIMING error: the move is placed on the wrong days) or
// outside them (a LEVEL error: the reported days' estimates are off and the gap inherits it)?
// For every gap day d between reported days b < d < a (the group's own sightings with a place,
// by local day) it compares the estimate E with the truth T and with two paths through the
// ESTIMATED ends E_b, E_a: the straight line, and the oracle path that moves when the truth moved
// (E_b + (E_a − E_b) · (T_d − T_b) ÷ (T_a − T_b)): |E − T| − |oracle − T| is what perfect timing
// would gain given the ends, the most any law of when moves happen could win.
// Gaps are classed by the truth: "ride" when a single day's move in b…a is ≥ 100 km, "stay" when
// |T_a − T_b| < 20 km, else "walk". Three simulators, labelled worlds only, development seeds.
// Run: TZ=UTC npx tsx bench/gapShape.ts [--worlds 16] [--w3-worlds 12] [--seed-offset 200]
//      [--sims stress,simulate,world3]
import { dayNumber, estimateTracks, mulberry32, toLocalTime } from "../src/index.ts";
import type { Dataset, TrackPoint } from "../src/index.ts";
import { num, option, pct } from "./args.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { ScorableWorld } from "./worlds/truth.ts";
import { generateWorld3 } from "./world3/world.ts";

const worlds = option("worlds", 16);
const w3Worlds = option("w3-worlds", 12);
const seedOffset = option("seed-offset", 200);
const simsAt = process.argv.indexOf("--sims");
const sims = (simsAt >= 0 ? process.argv[simsAt + 1] : "stress,simulate,world3").split(",");
// --verbose: print every ride gap of ≥ 3 days day by day (truth, estimate and its 90 % interval).
const verbose = process.argv.includes("--verbose");

/** One labelled world in the shape this diagnosis needs, whichever simulator made it. */
interface GapWorld {
  name: string;
  dataset: Dataset;
  /** Truth per group key (= its caravan label): km by day number. */
  truth: { key: string; routeId: string; km: Map<number, number> }[];
  /** True group key of each sighting id. */
  groupOf: (id: string) => string | undefined;
}

/** A world of the scorer's shape (stress.ts, legacy.ts) as a GapWorld. */
function fromScorable(w: ScorableWorld): GapWorld {
  return {
    name: w.name,
    dataset: w.dataset,
    truth: w.truth.map((g) => ({
      key: g.group,
      routeId: g.routeId,
      km: new Map(g.days.map((d) => [dayNumber(d.date) ?? NaN, d.km])),
    })),
    groupOf: (id) => w.sightingGroup[id],
  };
}

function* stressWorlds(): Generator<GapWorld> {
  for (let i = 0; i < worlds; i++) {
    const w = generateStressWorld(i + 1 + seedOffset);
    if (w.labelled) yield fromScorable(w);
  }
}

function* simulateWorlds(): Generator<GapWorld> {
  for (let i = 0; i < worlds; i++) {
    const w = legacyWorld(i, worlds, seedOffset);
    if (w.labelled) yield fromScorable(w);
  }
}

function* world3Worlds(): Generator<GapWorld> {
  for (let i = 0; i < w3Worlds; i++) {
    if (i % 3 === 2) continue;
    const w = generateWorld3(i + 1 + seedOffset, { labelled: true });
    yield {
      name: w.name,
      dataset: w.dataset,
      truth: w.labelTruth.map((g) => ({
        key: g.group,
        routeId: g.routeId,
        km: new Map(g.days.map((d) => [d.day, d.km])),
      })),
      groupOf: (id) => w.sightingTruth.get(id)?.label,
    };
  }
}

interface Cell {
  n: number;
  est: number;
  signed: number;
  line: number;
  oracle: number;
  step: number;
  blind: number;
  ends: number;
  covered: number;
  inside: number;
  ahead: number;
  behind: number;
}
const empty = (): Cell => ({
  n: 0,
  est: 0,
  signed: 0,
  line: 0,
  oracle: 0,
  step: 0,
  blind: 0,
  ends: 0,
  covered: 0,
  inside: 0,
  ahead: 0,
  behind: 0,
});
const cells = new Map<string, Cell>();
/** Progress shares (estimate's and truth's share of the gap's move) by fifth of the gap. */
const shapes = new Map<string, { n: number; est: number; truth: number; line: number }>();
/** Ride gaps: on which of the gap's moves (1 = the day after the last report, a − b = the day of the next) the biggest move falls. */
const rideMove = new Map<string, number[][]>();
/** Days first…last report: reported or not, by the truth's move into the day (ride ≥ 100 km, walk ≥ 10 km, else rest). */
const reportedBy = new Map<string, Record<string, [number, number]>>();
/** Ride gaps: error of a step through the estimated ends at fraction φ of the gap (0, ¼, ½, ¾, 1), and of the line. */
const stepAt = new Map<string, { n: number; err: number[] }>();
const totals = new Map<string, { all: number; gap: number }>();

function add(key: string, e: GapDay): void {
  const c = cells.get(key) ?? empty();
  cells.set(key, c);
  c.n++;
  c.est += Math.abs(e.E - e.T);
  c.signed += e.E - e.T;
  c.line += Math.abs(e.line - e.T);
  c.oracle += Math.abs(e.oracle - e.T);
  c.step += Math.abs((e.f < 0.5 ? e.Eb : e.f > 0.5 ? e.Ea : (e.Eb + e.Ea) / 2) - e.T);
  c.blind += Math.abs(e.blind - e.T);
  if (e.low <= e.T && e.T <= e.high) c.covered++;
  c.ends += (Math.abs(e.Eb - e.Tb) + Math.abs(e.Ea - e.Ta)) / 2;
  const lo = Math.min(e.Tb, e.Ta) - 5;
  const hi = Math.max(e.Tb, e.Ta) + 5;
  if (e.E < lo) c.behind++;
  else if (e.E > hi) c.ahead++;
  else c.inside++;
}

interface GapDay {
  f: number;
  E: number;
  /** The estimate's 90 % interval. */
  low: number;
  high: number;
  T: number;
  Eb: number;
  Ea: number;
  Tb: number;
  Ta: number;
  line: number;
  oracle: number;
  /** The order-blind path's km (see orderBlind). */
  blind: number;
}

const localDay = (observedAt: string, tz: string): number | undefined => {
  const t = toLocalTime(observedAt, tz);
  return t ? Math.floor(t.t) : undefined;
};

/** Reported local days of each group key (sightings with a place). */
function reportDays(w: GapWorld): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  for (const s of w.dataset.sightings) {
    const g = w.groupOf(s.id ?? "");
    const hasPlace = (s.lat !== undefined && s.lon !== undefined) || s.placeName !== undefined;
    const day = localDay(s.observedAt, w.dataset.timeZone);
    if (g === undefined || day === undefined || !hasPlace) continue;
    out.set(g, (out.get(g) ?? new Set()).add(day));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
}

function gapClass(km: Map<number, number>, b: number, a: number): string {
  let maxMove = 0;
  for (let d = b + 1; d <= a; d++)
    maxMove = Math.max(maxMove, Math.abs((km.get(d) ?? 0) - (km.get(d - 1) ?? 0)));
  const moved = Math.abs((km.get(a) ?? 0) - (km.get(b) ?? 0));
  return maxMove >= 100 ? "ride" : moved < 20 ? "stay" : "walk";
}

function scoreWorld(sim: string, w: GapWorld): void {
  const tracks = estimateTracks(w.dataset).tracks;
  const est = new Map<string, Map<number, TrackPoint>>();
  for (const t of tracks) {
    const m = est.get(t.group) ?? new Map<number, TrackPoint>();
    m.set(dayNumber(t.date) ?? NaN, t);
    est.set(t.group, m);
  }
  const days = reportDays(w);
  const tot = totals.get(sim) ?? { all: 0, gap: 0 };
  totals.set(sim, tot);
  for (const g of w.truth) {
    const reported = days.get(g.key);
    const mine = est.get(g.key);
    if (!reported || !mine || reported.length < 2) continue;
    const kmAt = (d: number): number | undefined => {
      const p = mine.get(d);
      return p && p.routeId === g.routeId ? p.km : undefined;
    };
    const seen = new Set(reported);
    const rb = reportedBy.get(sim) ?? { ride: [0, 0], walk: [0, 0], rest: [0, 0] };
    reportedBy.set(sim, rb);
    for (let d = reported[0] + 1; d <= reported[reported.length - 1]; d++) {
      const move = Math.abs((g.km.get(d) ?? NaN) - (g.km.get(d - 1) ?? NaN));
      if (!Number.isFinite(move)) continue;
      const cls = move >= 100 ? "ride" : move >= 10 ? "walk" : "rest";
      rb[cls][0]++;
      if (seen.has(d)) rb[cls][1]++;
    }
    for (let d = reported[0]; d <= reported[reported.length - 1]; d++) {
      const E = kmAt(d);
      const T = g.km.get(d);
      if (E !== undefined && T !== undefined) tot.all += Math.abs(E - T);
    }
    for (let i = 1; i < reported.length; i++) {
      const b = reported[i - 1];
      const a = reported[i];
      if (a - b < 2) continue;
      const [Eb, Ea, Tb, Ta] = [kmAt(b), kmAt(a), g.km.get(b), g.km.get(a)];
      if (Eb === undefined || Ea === undefined || Tb === undefined || Ta === undefined) continue;
      const kind = gapClass(g.km, b, a);
      const len = a - b - 1;
      if (kind === "ride") noteRide(sim, g.km, b, a);
      if (verbose && kind === "ride" && len >= 3) printGap(w, g.key, g.km, mine, b, a);
      const lenClass = len <= 2 ? "1–2" : len <= 5 ? "3–5" : "≥6";
      const blind = orderBlind(g.km, b, a);
      for (let d = b + 1; d < a; d++) {
        const E = kmAt(d);
        const T = g.km.get(d);
        if (E === undefined || T === undefined) continue;
        const f = (d - b) / (a - b);
        const share = Math.abs(Ta - Tb) >= 5 ? (T - Tb) / (Ta - Tb) : f;
        const p = mine.get(d);
        const e: GapDay = {
          f,
          E,
          low: p?.kmLow ?? NaN,
          high: p?.kmHigh ?? NaN,
          T,
          Eb,
          Ea,
          Tb,
          Ta,
          line: Eb + (Ea - Eb) * f,
          oracle: Eb + (Ea - Eb) * share,
          blind: Eb + (Ea - Eb) * blind[d - b],
        };
        tot.gap += Math.abs(E - T);
        if (kind === "ride") {
          const st = stepAt.get(sim) ?? { n: 0, err: [0, 0, 0, 0, 0, 0] };
          stepAt.set(sim, st);
          st.n++;
          [0, 0.25, 0.5, 0.75, 1].forEach((phi, j) => {
            const x = f < phi ? Eb : f > phi ? Ea : (Eb + Ea) / 2;
            st.err[j] += Math.abs(x - T);
          });
          st.err[5] += Math.abs(Eb + (Ea - Eb) * f - T);
        }
        add(`${sim} | all gap days`, e);
        add(`${sim} | ${kind}`, e);
        add(`${sim} | ${kind}, gap ${lenClass}`, e);
        const third = f < 1 / 3 ? "first third" : f < 2 / 3 ? "middle third" : "last third";
        if (kind !== "stay") add(`${sim} | ${kind}, ${third}`, e);
        if (kind !== "stay" && Math.abs(Ta - Tb) >= 50 && Math.abs(Ea - Eb) >= 50) {
          const key = `${sim} | ${kind} | f ${Math.min(4, Math.floor(f * 5))}`;
          const s = shapes.get(key) ?? { n: 0, est: 0, truth: 0, line: 0 };
          shapes.set(key, s);
          s.n++;
          s.est += (E - Eb) / (Ea - Eb);
          s.truth += (T - Tb) / (Ta - Tb);
          s.line += f;
        }
      }
    }
  }
}

/**
 * The best a law of WHEN could do without evidence of it: the truth's own daily moves of the gap
 * b→a, in every order equally likely (all orders up to 7 moves, else 5,040 seeded random ones);
 * for each interior day the median over orders of the share of the gap's move made by then. A
 * path through the estimated ends with these shares knows how the move is split into days (one
 * ride and rests, or even walking) but not on which day each part fell.
 */
function orderBlind(km: Map<number, number>, b: number, a: number): number[] {
  const moves: number[] = [];
  for (let d = b + 1; d <= a; d++) moves.push((km.get(d) ?? 0) - (km.get(d - 1) ?? 0));
  const total = moves.reduce((x, y) => x + y, 0);
  const m = moves.length;
  const sums: number[][] = Array.from({ length: m + 1 }, () => []);
  const visit = (order: number[]): void => {
    let run = 0;
    for (let j = 1; j < m; j++) sums[j].push((run += moves[order[j - 1]]));
  };
  if (m <= 7) {
    const permute = (rest: number[], order: number[]): void => {
      if (rest.length === 0) return visit(order);
      rest.forEach((x, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...order, x]));
    };
    permute([...moves.keys()], []);
  } else {
    const random = mulberry32(b * 7919 + a);
    for (let t = 0; t < 5040; t++) {
      const order = [...moves.keys()];
      for (let i = m - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      visit(order);
    }
  }
  return sums.map((xs, j) => {
    if (j === 0 || j === m || Math.abs(total) < 5) return j / m;
    xs.sort((x, y) => x - y);
    return xs[Math.floor(xs.length / 2)] / total;
  });
}

function noteRide(sim: string, km: Map<number, number>, b: number, a: number): void {
  let at = 0;
  let most = -1;
  for (let d = b + 1; d <= a; d++) {
    const m = Math.abs((km.get(d) ?? 0) - (km.get(d - 1) ?? 0));
    if (m > most) [most, at] = [m, d - b];
  }
  const moves = Math.min(a - b, 8);
  const rows = rideMove.get(sim) ?? [];
  rideMove.set(sim, rows);
  rows[moves] ??= new Array<number>(moves + 1).fill(0);
  rows[moves][Math.min(at, moves)]++;
}

function printGap(
  w: GapWorld,
  key: string,
  km: Map<number, number>,
  mine: Map<number, TrackPoint>,
  b: number,
  a: number,
): void {
  const rows: string[] = [];
  for (let d = b; d <= a; d++) {
    const p = mine.get(d);
    rows.push(
      `${d - b}: truth ${num(km.get(d) ?? NaN, 0)}, estimate ${num(p?.km ?? NaN, 0)} (${num(p?.kmLow ?? NaN, 0)}–${num(p?.kmHigh ?? NaN, 0)})`,
    );
  }
  console.log(`${w.name} ${key} gap ${b}…${a}:\n  ${rows.join("\n  ")}`);
}

const makers: Record<string, () => Generator<GapWorld>> = {
  stress: stressWorlds,
  simulate: simulateWorlds,
  world3: world3Worlds,
};
for (const sim of sims) for (const w of makers[sim]()) scoreWorld(sim, w);

for (const [sim, t] of totals)
  console.log(
    `${sim}: summed |error| over labelled days first…last report ${num(t.all, 0)} km, in gap days ${num(t.gap, 0)} km (${pct(t.gap / t.all)})`,
  );
console.log(
  "\n| simulator \\| gap days | days | estimate MAE | signed | line through estimated ends | step at the gap's middle through estimated ends | order-blind: the truth's daily moves in every order, median, through estimated ends | oracle timing through estimated ends | ends' MAE | 90 % interval covers | estimate inside truth's ends ±5 km / ahead / behind |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const [k, c] of [...cells].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(
    `| ${k} | ${c.n} | ${num(c.est / c.n)} | ${num(c.signed / c.n)} | ${num(c.line / c.n)} | ${num(c.step / c.n)} | ${num(c.blind / c.n)} | ${num(c.oracle / c.n)} | ${num(c.ends / c.n)} | ${pct(c.covered / c.n)} | ${pct(c.inside / c.n)} / ${pct(c.ahead / c.n)} / ${pct(c.behind / c.n)} |`,
  );
console.log(
  "\nProgress through the gap (share of the move from b to a; gaps where truth and estimate both move ≥ 50 km), by fifth of the gap:",
);
console.log("| simulator \\| gap \\| fifth | days | estimate | truth | straight line |");
console.log("|---|---|---|---|---|");
for (const [k, s] of [...shapes].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(
    `| ${k} | ${s.n} | ${num(s.est / s.n, 2)} | ${num(s.truth / s.n, 2)} | ${num(s.line / s.n, 2)} |`,
  );
console.log(
  "\nRide gaps: the day of the biggest move, counted by moves in the gap (b→a = a − b moves; 8 = 8 or more, its last cell the 8th move or later):",
);
for (const [sim, rows] of rideMove)
  rows.forEach((r, moves) => {
    if (r) console.log(`${sim}, ${moves} moves: ${r.slice(1).join(" / ")}`);
  });
console.log(
  "\nShare of days reported, by the truth's move into the day (days first…last report, after the first):",
);
for (const [sim, rb] of reportedBy)
  console.log(
    `${sim}: ${Object.entries(rb)
      .map(([k, [n, r]]) => `${k} ${r}/${n} (${pct(r / n)})`)
      .join(", ")}`,
  );
console.log(
  "\nRide-gap days: MAE of a step through the estimated ends at φ = 0 / ¼ / ½ / ¾ / 1 of the gap; the line:",
);
for (const [sim, st] of stepAt)
  console.log(`${sim} (${st.n} days): ${st.err.map((e) => num(e / st.n)).join(" / ")}`);
