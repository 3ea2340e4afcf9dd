// Diagnosis of the labelled size intervals' width (issue 13, "sizewide"): what the 90 % size
// interval is made of, and how the truth (world3) or the held-out figure (2018) falls in it.
// Run: TZ=UTC npx tsx bench/sizeWidth.ts world3 --worlds 12 --seed-offset 200
//      TZ=UTC npx tsx bench/sizeWidth.ts 2018 --seed 1
// world3: per labelled group-day, the log half-width h of the 90 % interval, the level's share
// (z·sizeLevelSd), the self-calibration factor, truth's z = log(true ÷ median) ÷ (h ÷ 1.645), and
// the coverage the interval would have without the level, or without the self-calibration.
// 2018: per held-out size, the predictive width and its parts (model without the level, source
// spread), the check's coverage, and the coverage without the part mixture.
import { estimateTracks } from "../src/index.ts";
import { embedded2018 } from "../src/embedded/index.ts";
import { checkEstimate } from "../src/check/checkEstimate.ts";
import { Z90 } from "../src/util/normal.ts";
import { generateWorld3 } from "./world3/world.ts";
import { matchTracks } from "./world3/score.ts";
import { road } from "./world3/geography.ts";
import { option, pct, num } from "./args.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import type { ScorableWorld } from "./worlds/truth.ts";

const med = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

type Row = { h: number; lvl: number; w: number; z: number; err: number };
type Day = { size: number; p?: { size: number; sizeLow: number; sizeHigh: number } };

/** Rows of one world's labelled group-days, and its line: cover, level sd, signed level error. */
function scoreDays(name: string, days: Day[], report: EstimateReportLike, rows: Row[]): string {
  const lvl = report.sizeLevelSd ?? 0;
  const w = report.widening.size;
  let n = 0;
  let cov = 0;
  const signed: number[] = [];
  for (const { size, p } of days) {
    if (!p || !(p.size > 0) || !(size > 0) || !(p.sizeLow > 0)) continue;
    const m = Math.log(p.size);
    const up = size >= p.size;
    const h = up ? Math.log(p.sizeHigh) - m : m - Math.log(p.sizeLow);
    const z = (Math.log(size) - m) / (h / Z90);
    rows.push({ h, lvl, w, z, err: Math.abs(Math.log(size) - m) });
    signed.push(m - Math.log(size));
    n++;
    if (Math.abs(z) <= Z90) cov++;
  }
  const biases = report.sourceBiases
    .filter((b) => b.n > 0)
    .map((b) => `${b.sourceType} ${num(b.bias, 2)}±${num(b.spread, 2)} n${b.n}`)
    .join(", ");
  return `- ${name}: ${n} days, cover ${pct(cov / n)}, median log(estimate ÷ truth) ${num(med(signed), 3)}, level sd ${num(lvl, 3)}, size factor ${num(w, 2)}; ${biases}`;
}

type EstimateReportLike = ReturnType<typeof estimateTracks>["report"];

function world3(): void {
  const worlds = option("worlds", 12);
  const seedOffset = option("seed-offset", 200);
  const index = road().index;
  const rows: Row[] = [];
  for (let i = 0; i < worlds; i++) {
    if (i % 3 === 2) continue; // unlabelled worlds: assocSpread's business
    const world = generateWorld3(i + 1 + seedOffset, { labelled: true });
    const est = estimateTracks(world.dataset);
    const matched = matchTracks(world.labelTruth, est.tracks, index);
    const days = world.labelTruth.flatMap((g) =>
      g.days.map((d) => ({ size: d.size, p: matched.get(g.group)?.points.get(d.day) })),
    );
    console.log(scoreDays(world.name, days, est.report, rows));
  }
  summarise(rows);
}

/** Stress (bench/worlds/stress.ts) or simulate.ts worlds, labelled only. */
function simulated(make: (i: number, n: number, offset: number) => ScorableWorld): void {
  const worlds = option("worlds", 16);
  const seedOffset = option("seed-offset", 200);
  const rows: Row[] = [];
  for (let i = 0; i < worlds; i++) {
    const world = make(i, worlds, seedOffset);
    if (!world.labelled) continue;
    const est = estimateTracks(world.dataset);
    const at = new Map(est.tracks.map((p) => [`${p.group}|${p.date}`, p]));
    const days = world.truth.flatMap((g) =>
      g.days.map((d) => ({ size: d.size, p: at.get(`${g.group}|${d.date}`) })),
    );
    console.log(scoreDays(world.name, days, est.report, rows));
  }
  summarise(rows);
}

function summarise(rows: Row[]): void {
  const cover = (f: (r: (typeof rows)[number]) => number): string =>
    pct(rows.filter((r) => Math.abs(r.z) * (r.h / Z90) <= f(r)).length / rows.length);
  const noLevel = (r: (typeof rows)[number]): number =>
    Math.sqrt(Math.max(0, r.h * r.h - (Z90 * r.lvl) ** 2));
  // Self-calibration undone (calibrate.ts widenSizeDay inverted; ignores the `within` limit).
  const noWiden = (r: (typeof rows)[number]): number => {
    const l2 = (Z90 * r.lvl) ** 2;
    return Math.sqrt(Math.max(0, r.h * r.h - l2) / (r.w * r.w) + Math.min(r.h * r.h, l2));
  };
  console.log(
    `\n${rows.length} labelled group-days: cover ${cover((r) => r.h)}; median |log error| ${num(med(rows.map((r) => r.err)), 3)}; median half-width ${num(med(rows.map((r) => r.h)), 3)} (z·level ${num(med(rows.map((r) => Z90 * r.lvl)), 3)}; factor ${num(med(rows.map((r) => r.w)), 2)})`,
  );
  console.log(
    `cover without the level ${cover(noLevel)}; without self-calibration ${cover(noWiden)}; sd of truth's z ${num(Math.sqrt(rows.reduce((a, r) => a + r.z * r.z, 0) / rows.length), 2)} (1 when calibrated); |z| ≤ 0.674 (50 %) ${pct(rows.filter((r) => Math.abs(r.z) <= 0.674).length / rows.length)}`,
  );
}

function check2018(): void {
  const seed = option("seed", 1);
  const dataset = embedded2018();
  const full = estimateTracks(dataset);
  const lvl = full.report.sizeLevelSd ?? 0;
  console.log(
    `level sd ${num(lvl, 3)}, size factor ${full.report.widening.size}; ${full.report.sourceBiases.map((b) => `${b.sourceType} ${num(b.bias, 2)}±${num(b.spread, 2)} n${b.n}`).join(", ")}`,
  );
  const c = checkEstimate(dataset, { folds: 10, seed });
  const sizes = c.predictions.filter((p) => p.quantity === "size");
  const lw = sizes.map((p) => Math.log(p.high90 / p.low90));
  const err = sizes.map((p) => Math.log(p.value / p.predicted));
  const hiW = sizes.map((p) => Math.log(p.high90 / p.predicted));
  const loW = sizes.map((p) => Math.log(p.predicted / p.low90));
  console.log(
    `${sizes.length} held-out sizes: 90 % cover ${pct(c.size.coverage90)}, 50 % cover ${pct(c.size.coverage50)}; median |log error| ${num(med(err.map(Math.abs)), 3)}; median log width ${num(med(lw), 3)} (upper ${num(med(hiW), 3)}, lower ${num(med(loW), 3)}); PIT ${c.size.pit.join(" ")}`,
  );
  console.log(
    `errors above / below the prediction: ${err.filter((e) => e > 0).length} / ${err.filter((e) => e < 0).length}; share of errors beyond half the half-width: ${pct(sizes.filter((_, i) => Math.abs(err[i]) > 0.5 * (err[i] > 0 ? hiW[i] : loW[i])).length / sizes.length)}`,
  );
  // The lower end reaches a part's figure (the check's part mixture, checkEstimate.ts predictSize);
  // mirrored, the upper half-width is what the lower end would be without it.
  const mirrored = sizes.filter((_, i) => err[i] < 0 && -err[i] > hiW[i]).length;
  const above = sizes.filter((_, i) => err[i] > hiW[i]).length;
  console.log(
    `outside the upper end ${above}; below the mirrored upper half-width ${mirrored} (${pct((sizes.length - above - mirrored) / sizes.length)} cover, symmetric); upper errors ÷ upper half-width: ${sizes
      .map((_, i) => (err[i] > 0 ? err[i] / hiW[i] : NaN))
      .filter(Number.isFinite)
      .map((x) => num(x, 2))
      .join(" ")}`,
  );
  if (process.argv.includes("--list"))
    for (const p of sizes)
      console.log(
        `  ${p.source} ${p.value} pred ${Math.round(p.predicted)} [${Math.round(p.low90)}, ${Math.round(p.high90)}] pit ${num(p.pit, 2)}`,
      );
}

const bed = process.argv[2];
if (bed === "2018") check2018();
else if (bed === "stress") simulated((i, _n, k) => generateStressWorld(i + 1 + k));
else if (bed === "simulate") simulated((i, n, k) => legacyWorld(i, n, k));
else world3();
