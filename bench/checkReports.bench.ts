// Held-out check of the 2018 data report by report (src/check/): each position report's error
// (report − prediction, km along its group's route) on several fold seeds, "!" when outside its
// 90 % predictive interval, with the interval's width, to see which reports err the same way on
// every seed (the model) and which move with the split (the folds).
// Run: TZ=UTC npx tsx bench/checkReports.bench.ts
// Options: SEEDS=1,2,3 (default), FOLDS=10 (default), LOO=1 (leave-one-out instead of folds).
import { embedded2018 } from "../src/embedded/index.ts";
import { checkEstimate } from "../src/check/checkEstimate.ts";

const dataset = embedded2018();
const seeds = (process.env.SEEDS ?? "1,2,3").split(",").map(Number);
const folds = Number(process.env.FOLDS ?? 10);
const leaveOneOut = process.env.LOO === "1";
const cells = new Map<string, string[]>();
const summary: string[] = [];
for (const seed of leaveOneOut ? [1] : seeds) {
  const check = checkEstimate(dataset, { folds, seed, leaveOneOut });
  const { medianError, coverage90 } = check.position;
  summary.push(
    `${leaveOneOut ? "leave-one-out" : `seed ${seed}`}: median error ${medianError.toFixed(1)} km, 90 % cover ${(100 * coverage90).toFixed(1)} %`,
  );
  for (const p of check.predictions) {
    if (p.quantity !== "km") continue;
    const error = p.value - p.predicted;
    const outside = p.value < p.low90 || p.value > p.high90 ? "!" : "";
    const cell = `${error >= 0 ? "+" : ""}${error.toFixed(0)}${outside} [${(p.high90 - p.low90).toFixed(0)}]`;
    cells.set(p.id, [...(cells.get(p.id) ?? []), cell]);
  }
}
console.log(
  "| report | observed | group | place | figure | source | error km [90 % width] by seed |",
);
console.log("|---|---|---|---|---|---|---|");
dataset.sightings.forEach((s, i) => {
  const id = s.id ?? `sighting-${i + 1}`;
  const row = cells.get(id);
  if (!row) return;
  console.log(
    `| ${id} | ${s.observedAt} | ${s.caravanLabel ?? ""} | ${s.placeName ?? ""} | ${s.sizeBest ?? ""} | ${s.sourceType ?? ""} | ${row.join(" · ")} |`,
  );
});
console.log(summary.join("\n"));
