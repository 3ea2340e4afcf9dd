// Coverage of the 90 % interval of a total of groups (the ledger's people in transit, the sum of
// the groups' sizes) on simulated worlds, for several correlations between the groups' errors
// (`sumCorrelated`, src/ledger/correlatedSum.ts; docs/ledger.md "Intervals of totals").
// Per day of a world, the truth is the sum of the true sizes of the groups the reports show that
// day (the scorer's evaluated group-days, bench/worlds/score.ts) and the estimate the groups'
// estimated sizes with their 90 % intervals, combined at each correlation:
// - "followed": days on which every such group has an estimate with a size (its best-matching
//   track), at least two groups: the combination rule alone;
// - "ledger": every track of the day against every true group of the day, at least two tracks: what
//   the ledger adds up (missed or doubled groups included);
// - "recalibrated": as "followed", each group's interval first widened or narrowed on the log scale
//   (× k) until 90 % of the group-days are covered: the rule given honest group intervals.
// The error correlation is the mean product of two groups' standardised log errors on the same
// day over the mean square (|z| clipped at 4), and from the share p of such pairs erring the same
// way, sin(π (p − ½)) (the correlation of two normal errors that agree in sign that often).
// Run: TZ=UTC npx tsx bench/ledgerCover.bench.ts [--worlds 16] [--seed-offset 0]
import { estimateTracks, sumCorrelated } from "../src/index.ts";
import type { IntervalEstimate, TrackPoint } from "../src/index.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { evaluatedDays, matchTracks } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { ScorableWorld } from "./worlds/truth.ts";
import { option } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 0);
const RHOS = [0, 0.25, 0.5, 0.75, 1];
const Z90 = 1.6448536269514722;

/** A group's estimate of one day with the truth. */
interface Part extends IntervalEstimate {
  truth: number;
}

/** One day of a world: the followed groups (undefined when one has no estimate) and the ledger's. */
interface Day {
  followed?: Part[];
  ledger: { truth: number; parts: IntervalEstimate[] };
}

const estimateOf = (t: TrackPoint): IntervalEstimate | undefined =>
  t.size > 0
    ? {
        value: t.size,
        low: Number.isFinite(t.sizeLow) ? Math.min(t.sizeLow, t.size) : t.size,
        high: Number.isFinite(t.sizeHigh) ? Math.max(t.sizeHigh, t.size) : t.size,
      }
    : undefined;

function byGroupAndDate(tracks: readonly TrackPoint[]): Map<string, Map<string, TrackPoint>> {
  const out = new Map<string, Map<string, TrackPoint>>();
  for (const t of tracks) {
    if (!out.has(t.group)) out.set(t.group, new Map());
    out.get(t.group)!.set(t.date, t);
  }
  return out;
}

/** The days of one world, with the estimator's tracks. */
function worldDays(world: ScorableWorld): Day[] {
  const tracks = estimateTracks(world.dataset).tracks;
  const byGroup = byGroupAndDate(tracks);
  const match = matchTracks(world.truth, byGroup);
  const evaluated = evaluatedDays(world);
  const days = new Map<string, Day>();
  const dayOf = (date: string): Day => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { followed: [], ledger: { truth: 0, parts: [] } }));
    return d;
  };
  for (const g of world.truth) {
    const known = evaluated.get(g.group);
    if (!known) continue;
    const mine = [...match]
      .filter(([, m]) => m.group === g.group)
      .sort((a, b) => b[1].days - a[1].days);
    for (const d of g.days) {
      if (!known.has(d.date)) continue;
      const day = dayOf(d.date);
      day.ledger.truth += d.size;
      let e: TrackPoint | undefined;
      for (const [name] of mine) if ((e = byGroup.get(name)?.get(d.date))) break;
      const est = e && estimateOf(e);
      if (est && day.followed) day.followed.push({ ...est, truth: d.size });
      else day.followed = undefined;
    }
  }
  for (const t of tracks) {
    const est = estimateOf(t);
    if (est && days.has(t.date)) days.get(t.date)!.ledger.parts.push(est);
  }
  return [...days.values()];
}

/** A group's interval with its log half-widths × k. */
const scaled = (p: Part, k: number): Part => ({
  ...p,
  low: p.value * (p.low / p.value) ** k,
  high: p.value * (p.high / p.value) ** k,
});
const covers = (i: IntervalEstimate, truth: number): boolean =>
  truth >= i.low - 1e-9 && truth <= i.high + 1e-9;

/** The k that makes 90 % of the group intervals cover their truth (bisection). */
function calibration(parts: readonly Part[]): number {
  const cover = (k: number) => parts.filter((p) => covers(scaled(p, k), p.truth)).length;
  let [a, b] = [0.1, 10];
  for (let i = 0; i < 40; i++) {
    const m = (a + b) / 2;
    if (cover(m) < 0.9 * parts.length) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/** Mean product of two groups' standardised log errors on the same day over the mean square. */
function errorCorrelation(days: readonly Part[][]): { rho: number; sameSign: number } {
  const z = (p: Part) => {
    const s = Math.log(p.high / Math.max(p.low, 1e-9)) / (2 * Z90);
    return Math.max(-4, Math.min(4, s > 0 ? Math.log(p.truth / p.value) / s : 0));
  };
  let [products, pairs, squares, n, same] = [0, 0, 0, 0, 0];
  for (const day of days) {
    const zs = day.map(z);
    for (const a of zs) [squares, n] = [squares + a * a, n + 1];
    for (let i = 0; i < zs.length; i++)
      for (let j = i + 1; j < zs.length; j++) {
        products += zs[i]! * zs[j]!;
        pairs++;
        if (Math.sign(zs[i]!) === Math.sign(zs[j]!)) same++;
      }
  }
  return { rho: products / pairs / (squares / n), sameSign: same / pairs };
}

/** Share of days whose total the combined interval covers, per correlation; and its width. */
function coverRow(days: readonly { truth: number; parts: IntervalEstimate[] }[]): string {
  return RHOS.map((rho) => {
    let covered = 0;
    let logWidth = 0;
    for (const d of days) {
      const total = sumCorrelated(d.parts, rho);
      if (covers(total, d.truth)) covered++;
      logWidth += Math.log(total.high / Math.max(total.low, 1));
    }
    return `${((100 * covered) / days.length).toFixed(1)} % (×${Math.exp(logWidth / days.length).toFixed(2)})`;
  }).join(" | ");
}

function report(name: string, make: (i: number) => ScorableWorld): void {
  const days = Array.from({ length: worlds }, (_, i) => worldDays(make(i))).flat();
  const followed = days.flatMap((d) => (d.followed && d.followed.length >= 2 ? [d.followed] : []));
  const groupDays = days.flatMap((d) => d.followed ?? []);
  const groupCover = groupDays.filter((p) => covers(p, p.truth)).length / groupDays.length;
  const k = calibration(groupDays);
  const corr = errorCorrelation(followed);
  const total = (parts: Part[]) => ({ truth: parts.reduce((s, p) => s + p.truth, 0), parts });
  const ledger = days.filter((d) => d.ledger.parts.length >= 2).map((d) => d.ledger);
  console.log(
    `\n${name}, ${worlds} worlds: ${groupDays.length} group-days, group intervals cover ${(100 * groupCover).toFixed(1)} % (k = ${k.toFixed(2)} for 90 %); ` +
      `error correlation ${corr.rho.toFixed(2)}; ${(100 * corr.sameSign).toFixed(0)} % of pairs err the same way ` +
      `(correlation ${Math.sin(Math.PI * (corr.sameSign - 0.5)).toFixed(2)} by sign)`,
  );
  console.log(`| days | n | ${RHOS.map((r) => `ρ = ${r}`).join(" | ")} |`);
  console.log(`|---|---:|${RHOS.map(() => "---:").join("|")}|`);
  console.log(`| followed | ${followed.length} | ${coverRow(followed.map(total))} |`);
  console.log(`| ledger | ${ledger.length} | ${coverRow(ledger)} |`);
  const recal = followed.map((d) => total(d.map((p) => scaled(p, k))));
  console.log(`| recalibrated | ${recal.length} | ${coverRow(recal)} |`);
}

console.log(
  "Cover of the total's 90 % interval (geometric mean of high / low) by correlation ρ between group errors",
);
report("stress", (i) => generateStressWorld(i + 1 + seedOffset));
report("simulate.ts", (i) => legacyWorld(i, worlds, seedOffset));
