// Where the labelled estimator's km and size errors come from on stress worlds, beside naive
// interpolation on the same group-days. The stress simulator knows why each report is what it is
// (part, stale, misplaced, snapped) and what each group did each day (march, ride, shelter stay);
// each scored group-day is put in every class it belongs to, and the estimator's and naive's
// absolute km errors are summed per class ("excess" = estimator − naive: where we lose to it).
// Sizes: per class the mean log(estimate ÷ truth) (a shift) and mean |log| (an error), and what
// the world's body reports say of the truth on average (their own shift: a level the data share).
// Run: TZ=UTC npx tsx bench/labelledDiagnosis.ts [--worlds 30] [--seed-offset 200] [--drop …]
// [--oracle-parts] [--oracle-labels] [--no-body-tails]
// Development seeds only (stress seeds 201… by default); labelled worlds only.
import { estimateTracks } from "../src/index.ts";
import type { TrackPoint } from "../src/index.ts";
import { option, num } from "./args.ts";
import { evaluatedDays, naiveEstimates } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { StressWorld } from "./worlds/stress.ts";
import type { RawReport } from "./worlds/reports.ts";

const worlds = option("worlds", 30);
const seedOffset = option("seed-offset", 200);
// --drop vanguard|vanguard-named|vanguard-figure|vanguard-bare|rear|stale|misplaced|parts|bad: the world without those reports (an ablation:
// how much of the error a phenomenon causes, less what its reports would have told).
const dropAt = process.argv.indexOf("--drop");
const drop = dropAt >= 0 ? process.argv[dropAt + 1] : undefined;
const dropped = (r: RawReport): boolean =>
  drop?.startsWith("vanguard-")
    ? r.part === "vanguard" &&
      (drop === "vanguard-named"
        ? r.notes !== ""
        : r.notes === "" && (drop === "vanguard-figure") === (r.size !== undefined))
    : drop === "vanguard" || drop === "rear"
      ? r.part === drop
      : drop === "parts"
        ? r.part !== "body"
        : drop === "bad"
          ? r.kind !== "fresh"
          : r.kind === drop;

// --oracle-parts: every report's part written in its `part` column (what part words are worth).
const oracleParts = process.argv.includes("--oracle-parts");
// --oracle-labels: every report carries its true group's label (what the association of a labelled
// world's unlabelled reports costs).
const oracleLabels = process.argv.includes("--oracle-labels");
// --no-body-tails: the estimate with EstimateOptions.bodyTails false (reports of the body, one normal).
const bodyTails = !process.argv.includes("--no-body-tails");
const PART_WORD = { vanguard: "vanguard", rear: "rear", body: "main body" } as const;

/** The world without the dropped reports (its truth unchanged). */
function ablate(w: StressWorld): StressWorld {
  if (oracleParts) {
    const part = new Map(w.reports.map((r) => [r.id, PART_WORD[r.part]]));
    const sightings = w.dataset.sightings.map((s) => ({ ...s, part: part.get(s.id ?? "") }));
    w = { ...w, dataset: { ...w.dataset, sightings } };
  }
  if (oracleLabels) {
    const label = new Map(w.truth.map((g) => [g.group, g.label]));
    const sightings = w.dataset.sightings.map((s) => ({
      ...s,
      caravanLabel: label.get(w.sightingGroup[s.id ?? ""] ?? "") ?? s.caravanLabel,
    }));
    w = { ...w, dataset: { ...w.dataset, sightings } };
  }
  if (!drop) return w;
  const gone = new Set(w.reports.filter(dropped).map((r) => r.id));
  return {
    ...w,
    reports: w.reports.filter((r) => !gone.has(r.id)),
    dataset: { ...w.dataset, sightings: w.dataset.sightings.filter((s) => !gone.has(s.id ?? "")) },
  };
}

interface Cell {
  n: number;
  est: number;
  naive: number;
  logSum: number;
  absLog: number;
  sizeN: number;
  signed: number;
  naiveSigned: number;
}
const cells = new Map<string, Cell>();
function add(key: string, est: number, naive: number, logRatio: number | undefined): void {
  // est, naive: signed errors (estimate − truth, km).
  let c = cells.get(key);
  if (!c)
    cells.set(
      key,
      (c = { n: 0, est: 0, naive: 0, logSum: 0, absLog: 0, sizeN: 0, signed: 0, naiveSigned: 0 }),
    );
  c.n++;
  c.est += Math.abs(est);
  c.naive += Math.abs(naive);
  c.signed += est;
  c.naiveSigned += naive;
  if (logRatio !== undefined) {
    c.sizeN++;
    c.logSum += logRatio;
    c.absLog += Math.abs(logRatio);
  }
}

/** Classes of a group-day from the truth and the reports of that group around it. */
function classesOf(
  w: StressWorld,
  group: string,
  day: number,
  byDay: Map<number, RawReport[]>,
  phase: string,
  otherNear: boolean,
): string[] {
  const today = byDay.get(day) ?? [];
  const out = [`phase ${phase}`];
  let gap = 0;
  for (let d = day; !byDay.has(d) && gap < 30; d--) gap++;
  let ahead = 0;
  for (let d = day; !byDay.has(d) && ahead < 30; d++) ahead++;
  const span = gap + ahead;
  out.push(
    today.length === 0
      ? `no report today (gap ${span <= 2 ? "≤2" : span <= 5 ? "3–5" : "≥6"} days)`
      : "reports today",
  );
  if (today.length) {
    const fresh = today.filter((r) => r.kind === "fresh");
    const parts = new Set(fresh.map((r) => r.part));
    if (fresh.length && !parts.has("body"))
      out.push(
        parts.has("rear") ? "today: no body report (rear/vanguard)" : "today: vanguard only",
      );
    if (fresh.length && fresh.every((r) => r.town !== undefined)) out.push("today: all snapped");
    if (today.some((r) => r.kind !== "fresh")) out.push("today: stale or misplaced");
    if (fresh.length === 0) out.push("today: no fresh report");
  }
  let nearBad = false;
  for (let d = day - 2; d <= day + 2; d++)
    if ((byDay.get(d) ?? []).some((r) => r.kind === "misplaced")) nearBad = true;
  if (nearBad) out.push("misplaced report within ±2 days");
  if (otherNear) out.push("another group within 100 km");
  void w;
  void group;
  return out;
}

const dayNum = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

let bodyLogSum = 0;
let bodyLogN = 0;
const worldShifts: string[] = [];
for (let i = 0; i < worlds; i++) {
  const w = ablate(generateStressWorld(i + 1 + seedOffset));
  if (!w.labelled) continue;
  const tracks = estimateTracks(w.dataset, { bodyTails }).tracks;
  const naive = naiveEstimates(w);
  const evaluated = evaluatedDays(w);
  const byName = new Map<string, Map<string, TrackPoint>>();
  for (const t of tracks) {
    let m = byName.get(t.group);
    if (!m) byName.set(t.group, (m = new Map()));
    m.set(t.date, t);
  }
  let wLog = 0;
  let wN = 0;
  let rLog = 0;
  let rN = 0;
  let wEst = 0;
  let wNaive = 0;
  for (const g of w.truth) {
    const days = evaluated.get(g.group);
    const mine = byName.get(g.group);
    if (!days || !mine) continue;
    const byDay = new Map<number, RawReport[]>();
    for (const r of w.reports)
      if (r.group === g.group) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
    const truthByDay = new Map(g.days.map((d) => [d.date, d]));
    for (const r of w.reports) {
      const t = truthByDay.get(new Date(r.day * 86400000).toISOString().slice(0, 10));
      if (r.group !== g.group || r.part !== "body" || r.size?.best === undefined || !t) continue;
      rLog += Math.log(r.size.best / t.size);
      rN++;
    }
    let stayIndex = 0;
    let prevKm: number | undefined;
    for (const d of g.days) {
      stayIndex = d.phase === "stay" ? stayIndex + 1 : 0;
      // A stress truth is where the group sleeps; the estimate stands for 12:00 (docs/contracts.md
      // §3.1). Halfway between last night's and tonight's stop is the noon of an even day's move.
      const noonKm = prevKm === undefined ? d.km : (prevKm + d.km) / 2;
      prevKm = d.km;
      if (!days.has(d.date)) continue;
      const e = mine.get(d.date);
      const nv = naive.get(g.group)?.get(d.date)?.km;
      if (!e || nv === undefined || e.routeId !== g.routeId) continue;
      const otherNear = w.truth.some(
        (o) =>
          o.group !== g.group &&
          o.routeId === g.routeId &&
          o.days.some((od) => od.date === d.date && Math.abs(od.km - d.km) < 100),
      );
      const logRatio = e.size > 0 ? Math.log(e.size / d.size) : undefined;
      if (logRatio !== undefined) {
        wLog += logRatio;
        wN++;
      }
      wEst += Math.abs(e.km - d.km);
      wNaive += Math.abs(nv - d.km);
      const ks = classesOf(w, g.group, dayNum(d.date), byDay, d.phase, otherNear);
      if (stayIndex > 0)
        ks.push(`stay day ${stayIndex <= 3 ? "1–3" : stayIndex <= 7 ? "4–7" : "8+"}`);
      for (const k of ["all", ...ks]) add(k, e.km - d.km, nv - d.km, logRatio);
      add(`truth at noon: ${d.phase}`, e.km - noonKm, nv - noonKm, undefined);
      add("truth at noon: all", e.km - noonKm, nv - noonKm, undefined);
    }
  }
  bodyLogSum += rLog;
  bodyLogN += rN;
  worldShifts.push(
    `${w.name}: km ${num(wEst / wNaive, 2)} × naive; size estimate ÷ truth ${num(Math.exp(wLog / wN), 2)}, body figures ÷ truth ${num(Math.exp(rLog / rN), 2)}`,
  );
}

console.log(
  "| class of group-day | days | estimator km MAE | naive km MAE | ratio | excess km (sum, est − naive) | mean signed error est / naive (km) | size: mean log est/true | mean abs log |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const [k, c] of [...cells].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(
    `| ${k} | ${c.n} | ${num(c.est / c.n)} | ${num(c.naive / c.n)} | ${num(c.est / c.naive, 2)} | ${num(c.est - c.naive, 0)} | ${num(c.signed / c.n)} / ${num(c.naiveSigned / c.n)} | ${num(c.logSum / c.sizeN, 3)} | ${num(c.absLog / c.sizeN, 3)} |`,
  );
console.log(
  `\nbody reports' own figures ÷ truth (geometric mean over ${bodyLogN}): ${num(Math.exp(bodyLogSum / bodyLogN), 3)}`,
);
for (const s of worldShifts) console.log(s);
