// Where the 90 % head (and tail) km intervals miss on world3's development worlds (issue 13, branch
// headcover): every scored group-day of the labelled worlds (the label's own track, as
// bench/world3/score.ts scores it), classed by the day's place among the group's reports and the
// truth's motion, with cover as returned and of the model's own head interval (selfCalibrate
// false), the side of the miss, and the factor about the estimate that would give 90 % in the class;
// then each group's cover, and (head) the cover of two bounds from the reports measured and not
// kept: the high end at least the group's foremost report so far, the low end at least the day's
// foremost report less a margin (docs/estimation.md "headcover (stop 21)").
// Run: TZ=UTC npx tsx bench/headMisses.ts [--worlds 12] [--seed-offset 200] [--end head|tail]
import { dayNumber, estimateTracks } from "../src/index.ts";
import type { TrackPoint } from "../src/index.ts";
import { option, pct, num } from "./args.ts";
import { road } from "./world3/geography.ts";
import { generateWorld3 } from "./world3/world.ts";

const worlds = option("worlds", 12);
const seedOffset = option("seed-offset", 200);
const endAt = process.argv.indexOf("--end");
const end = (endAt >= 0 ? process.argv[endAt + 1] : "head") as "head" | "tail";
const index = road().index;

interface Day {
  cls: string[];
  truth: number;
  est: number;
  low: number;
  high: number;
  rawLow: number;
  rawHigh: number;
  medHigh: number;
  medLow: number;
  maxSeen: number;
  who: string;
  nEnd: number;
  medEst: number;
  maxToday: number;
}
const days: Day[] = [];
const pick = (p: TrackPoint) =>
  end === "head"
    ? { est: p.headKm!, low: p.headKmLow!, high: p.headKmHigh! }
    : { est: p.tailKm!, low: p.tailKmLow!, high: p.tailKmHigh! };

for (let i = 0; i < worlds; i++) {
  if (i % 3 === 2) continue;
  const seed = i + 1 + seedOffset;
  const world = generateWorld3(seed, { labelled: true });
  const res = estimateTracks(world.dataset);
  const raw = estimateTracks(world.dataset, { selfCalibrate: false });
  const parts = new Map(res.report.associations.map((a) => [a.sightingId, a.part]));
  const byGroup = (tracks: TrackPoint[]) => {
    const m = new Map<string, Map<number, TrackPoint>>();
    for (const p of tracks) {
      const g = m.get(p.group) ?? new Map();
      g.set(dayNumber(p.date)!, p);
      m.set(p.group, g);
    }
    return m;
  };
  const est = byGroup(res.tracks);
  const rawT = byGroup(raw.tracks);
  // report days of each label (position reports), and head (tail) reports by the estimator's reading
  const repDays = new Map<string, number[]>();
  const endDays = new Map<string, number[]>();
  const repKm = new Map<string, { d: number; km: number }[]>();
  for (const s of world.dataset.sightings) {
    const t = world.sightingTruth.get(s.id ?? "");
    if (!t || s.lat === undefined) continue;
    const d = dayNumber(s.observedAt.slice(0, 10))!;
    repDays.set(t.label, [...(repDays.get(t.label) ?? []), d]);
    const route = world.labelTruth.find((x) => x.group === t.label)?.routeId;
    const km = index.projectAll([s.lon!, s.lat!]).find((x) => x.routeId === route)?.km;
    if (km !== undefined) repKm.set(t.label, [...(repKm.get(t.label) ?? []), { d, km }]);
    if (parts.get(s.id ?? "") === end) endDays.set(t.label, [...(endDays.get(t.label) ?? []), d]);
  }
  const splitLabels = world.events
    .filter((e) => e.includes("split off"))
    .map((e) => / as (\S+) near/.exec(e)?.[1]);
  for (const g of world.labelTruth) {
    const rd = repDays.get(g.group) ?? [];
    if (rd.length === 0) continue;
    const first = Math.min(...rd);
    const last = Math.max(...rd);
    const ed = endDays.get(g.group) ?? [];
    const tr = est.get(g.group);
    const rt = rawT.get(g.group);
    if (!tr || !rt) continue;
    for (let k = 0; k < g.days.length; k++) {
      const d = g.days[k];
      if (d.day < first || d.day > last) continue;
      const p = tr.get(d.day);
      const q = rt.get(d.day);
      if (!p || !q || p.routeId !== g.routeId || p.headKm === undefined) continue;
      const truth = end === "head" ? d.firstKm : d.lastKm;
      const e = pick(p);
      const r = pick(q);
      const near = Math.min(...rd.map((x) => Math.abs(x - d.day)));
      const nearEnd = ed.length ? Math.min(...ed.map((x) => Math.abs(x - d.day))) : Infinity;
      const prev = g.days[k - 1];
      const move = prev ? (end === "head" ? d.firstKm - prev.firstKm : d.lastKm - prev.lastKm) : 0;
      const length = d.firstKm - d.lastKm;
      const routeLen = index.lengthKm(g.routeId);
      const seen = (repKm.get(g.group) ?? []).filter((x) => x.d <= d.day).map((x) => x.km);
      const maxSeen = seen.length ? Math.max(...seen) : -Infinity;
      const today = (repKm.get(g.group) ?? []).filter((x) => x.d === d.day).map((x) => x.km);
      const maxToday = today.length ? Math.max(...today) : -Infinity;
      const cls = [
        "all",
        near === 0 ? "reported day" : near === 1 ? "gap 1 day" : "gap >=2 days",
        nearEnd === 0
          ? `${end} report that day`
          : nearEnd <= 3
            ? `${end} report within 3 days`
            : ed.length
              ? `${end} report > 3 days`
              : `no ${end} report ever`,
        ed.length && d.day < Math.min(...ed)
          ? `before first ${end} report`
          : `after first ${end} report (or none)`,
        move > 100
          ? `${end} rode >100 km today`
          : move > 40
            ? `${end} moved 40-100`
            : `${end} moved <40 km`,
        length > 1000 ? "body >1000 km" : length > 300 ? "body 300-1000 km" : "body <300 km",
        splitLabels.includes(g.group) ? "splinter label" : "not a splinter",
        d.day - first <= 3 ? "first 4 days" : last - d.day <= 2 ? "last 3 days" : "middle",
        truth >= routeLen - 5 ? `${end} truth at route end` : `${end} truth before route end`,
        e.high < maxSeen - 1
          ? "interval high behind the foremost report so far"
          : "interval high at/after foremost report so far",
        truth > maxToday + 200
          ? "truth >200 km ahead of today's foremost report"
          : "truth within 200 km of today's foremost report",
      ];
      days.push({
        cls,
        truth,
        ...e,
        rawLow: r.low,
        rawHigh: r.high,
        medHigh: p.kmHigh,
        medLow: p.kmLow,
        maxSeen,
        who: `${seed}:${g.group}`,
        nEnd: ed.length,
        medEst: p.km,
        maxToday,
      });
    }
  }
}

const classes = [...new Set(days.flatMap((d) => d.cls))];
console.log(
  `\n### ${end} on world3 labelled dev worlds (seeds ${seedOffset + 1}–${seedOffset + worlds})\n`,
);
console.log(
  "| class | days | cover | below / above | model's own cover | mean width | median miss km | factor for 90 % |\n|---|---|---|---|---|---|---|---|",
);
for (const c of classes) {
  const ds = days.filter((d) => d.cls.includes(c));
  const cov = ds.filter((d) => d.low <= d.truth && d.truth <= d.high).length;
  const below = ds.filter((d) => d.truth < d.low).length;
  const above = ds.filter((d) => d.truth > d.high).length;
  const rawCov = ds.filter((d) => d.rawLow <= d.truth && d.truth <= d.rawHigh).length;
  const miss = ds
    .filter((d) => d.truth < d.low || d.truth > d.high)
    .map((d) => (d.truth < d.low ? d.low - d.truth : d.truth - d.high))
    .sort((a, b) => a - b);
  const need = ds
    .map((d) => {
      const h = d.truth >= d.est ? d.high - d.est : d.est - d.low;
      return h > 0 ? Math.abs(d.truth - d.est) / h : Math.abs(d.truth - d.est) > 0 ? Infinity : 0;
    })
    .sort((a, b) => a - b);
  const width = ds.reduce((a, d) => a + d.high - d.low, 0) / ds.length;
  console.log(
    `| ${c} | ${ds.length} | ${pct(cov / ds.length)} | ${pct(below / ds.length)} / ${pct(above / ds.length)} | ${pct(rawCov / ds.length)} | ${num(width, 0)} | ${miss.length ? num(miss[Math.floor(miss.length / 2)], 0) : "–"} | ${num(need[Math.floor(0.9 * (need.length - 1))], 2)} |`,
  );
}

if (end === "head") {
  const alt = days.filter((d) => d.low <= d.truth && d.truth <= Math.max(d.high, d.maxSeen)).length;
  const w = days.reduce((a, d) => a + Math.max(d.high, d.maxSeen) - d.low, 0) / days.length;
  console.log(
    `\nhigh at least the foremost report so far: cover ${pct(alt / days.length)}, mean width ${num(w, 0)}`,
  );
}

const groups = [...new Set(days.map((d) => d.who))];
console.log(
  "\n| group | days | cover | above | end reports | median truth − median est | median reach beyond median high |\n|---|---|---|---|---|---|---|",
);
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
for (const w of groups) {
  const ds = days.filter((d) => d.who === w);
  const cov = ds.filter((d) => d.low <= d.truth && d.truth <= d.high).length;
  const above = ds.filter((d) => d.truth > d.high).length;
  console.log(
    `| ${w} | ${ds.length} | ${pct(cov / ds.length)} | ${above} | ${ds[0].nEnd} | ${num(med(ds.map((d) => d.truth - d.medEst)), 0)} | ${num(med(ds.map((d) => d.high - d.medHigh)), 0)} |`,
  );
}

for (const M of [0, 25, 50, 100]) {
  const lowOf = (d: Day) =>
    end === "head" ? Math.min(d.est, Math.max(d.low, d.maxToday - M)) : d.low;
  const c = days.filter((d) => lowOf(d) <= d.truth && d.truth <= d.high).length;
  const w = days.reduce((a, d) => a + d.high - lowOf(d), 0) / days.length;
  console.log(
    `low end at least today's foremost report − ${M} km: cover ${pct(c / days.length)}, mean width ${num(w, 0)}`,
  );
}
