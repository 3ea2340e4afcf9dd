// Does the estimated median track hold still through a shelter stay? For every run of ≥ 5 stay
// days of a labelled stress group (truth phase "stay"), the estimate's move over the run (km,
// last stay day − first) and its mean signed error, beside the truth's own move (0) and the
// group's fresh body reports on those days.
// Run: TZ=UTC npx tsx bench/stayDrift.ts [--worlds 8] [--seed-offset 200] [--verbose]
// Development seeds only (stress seeds 201… by default).
import { estimateTracks } from "../src/index.ts";
import { option, num } from "./args.ts";
import { generateStressWorld } from "./worlds/stress.ts";

const worlds = option("worlds", 8);
const seedOffset = option("seed-offset", 200);
const verbose = process.argv.includes("--verbose");
const MIN_RUN = 5;
// --as-of: also estimate as of 00:00 after the stay's 5th day and score that track's last day (the
// nowcast a forecast starts from) against the truth.
const asOfMode = process.argv.includes("--as-of");
let endN = 0;
let endAbs = 0;
let endSigned = 0;
let endAbs3 = 0;
let runs = 0;
let drift = 0;
let absErr = 0;
let signed = 0;
let nDays = 0;
let bigDrift = 0;
for (let i = 0; i < worlds; i++) {
  const w = generateStressWorld(i + 1 + seedOffset);
  if (!w.labelled) continue;
  const tracks = estimateTracks(w.dataset).tracks;
  const est = new Map(tracks.map((t) => [`${t.group}|${t.date}`, t]));
  for (const g of w.truth) {
    let run: typeof g.days = [];
    const flush = (): void => {
      const got = run.map((d) => est.get(`${g.group}|${d.date}`));
      if (run.length >= MIN_RUN && got.every((e) => e && e.routeId === g.routeId)) {
        runs++;
        if (asOfMode) {
          const day5 = run[MIN_RUN - 1].date;
          const asOf = new Date(Date.parse(`${day5}T00:00:00Z`) + 864e5).toISOString();
          const t = estimateTracks(w.dataset, { asOf }).tracks.filter(
            (x) => x.group === g.group && x.date <= day5,
          );
          const last = t.find((x) => x.date === day5);
          if (last && last.routeId === g.routeId) {
            endN++;
            endAbs += Math.abs(last.km - run[0].km);
            endSigned += last.km - run[0].km;
            const d3 = t.find((x) => x.date === run[2].date);
            if (d3) endAbs3 += last.km - d3.km;
            if (verbose)
              console.log(
                `  as of ${day5}: ${t
                  .slice(-5)
                  .map((x) => `${num(x.km)}[${num(x.kmLow)},${num(x.kmHigh)}]`)
                  .join(" ")} truth ${num(run[0].km)}`,
              );
          }
        }
        const move = got[got.length - 1]!.km - got[0]!.km;
        drift += move;
        if (move > 15) bigDrift++;
        for (const [k, d] of run.entries()) {
          absErr += Math.abs(got[k]!.km - d.km);
          signed += got[k]!.km - d.km;
          nDays++;
        }
        if (verbose) {
          const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 864e5);
          const reps = w.reports.filter(
            (r) => r.group === g.group && run.some((d) => dayOf(d.date) === r.day),
          );
          console.log(
            `${w.name} ${g.group} stay ${run[0].date}…${run.length}d truth ${num(run[0].km)} est ${got.map((e) => num(e!.km)).join(" ")}`,
          );
          console.log(
            `   reports: ${reps.map((r) => `${r.day - dayOf(run[0].date)}:${num(r.placedKm)}${r.part[0]}${r.kind[0]}${r.town ? "T" : ""}${r.size?.best ? "#" + r.size.best : ""}`).join(" ")}`,
          );
        }
      }
      run = [];
    };
    for (const d of g.days) {
      if (d.phase === "stay" && (run.length === 0 || Math.abs(d.km - run[0].km) < 1)) run.push(d);
      else {
        flush();
        if (d.phase === "stay") run.push(d);
      }
    }
    flush();
  }
}
if (asOfMode)
  console.log(
    `as of the stay's 5th day: track's last day |error| ${num(endAbs / endN)} km, signed ${num(endSigned / endN)} km, ` +
      `move from day 3 to day 5 ${num(endAbs3 / endN)} km (truth 0; ${endN} stays)`,
  );
console.log(
  `stays ≥ ${MIN_RUN} days: ${runs}; mean estimated move over the stay ${num(drift / runs)} km (truth 0); ` +
    `moves > 15 km: ${bigDrift}; stay-day km MAE ${num(absErr / nDays)}, mean signed ${num(signed / nDays)} (${nDays} days)`,
);
