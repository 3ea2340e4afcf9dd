// Ledger benchmark: buildLedger on the embedded 2018 data and on a large seeded synthetic set
// (5,000 stock figures over a year at 40 places in 4 countries, 30 groups × 60 days of tracks).
// Speed is reported as a ratio to a baseline measured in the same process: writing the same
// split as CSV with formatCsv (one pass over the output), i.e. "how many CSV writes is a ledger".
// Also the whole 2018 replay (runReplay), cold and warm, against the goal of < 1 s (issue 14).
// Run: npx tsx bench/ledger.bench.ts
import { embedded2018 } from "../src/embedded/index.ts";
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { formatCsv } from "../src/export/csv.ts";
import { buildLedger } from "../src/ledger/buildLedger.ts";
import { runReplay } from "../src/replay/replay.ts";
import type { LedgerInput } from "../src/ledger/types.ts";
import { buildCorridorState } from "../src/state/buildState.ts";
import type { Place } from "../src/model/place.ts";
import { STOCK_CATEGORIES } from "../src/model/stock.ts";
import type { StockFigure } from "../src/model/stock.ts";
import type { TrackPoint } from "../src/model/track.ts";
import { mulberry32 } from "../src/util/random.ts";

const random = mulberry32(2018);
const iso = (day: number) => new Date(Date.UTC(2018, 9, 13 + day)).toISOString().slice(0, 10);

function synthetic(): LedgerInput {
  const countries = ["HND", "GTM", "MEX", "SLV"];
  const places: Place[] = Array.from({ length: 40 }, (_, i) => ({
    placeId: `P${i}`,
    name: `Place ${i}`,
    aliases: [],
    country: countries[i % 4],
    lat: 14 + i * 0.45,
    lon: -88 - i * 0.7,
    kind: i % 5 === 4 ? "shelter" : "city",
    capacity: i % 5 === 4 ? 1000 + Math.round(random() * 5000) : undefined,
  }));
  const stocks: StockFigure[] = Array.from({ length: 5000 }, () => {
    const category = STOCK_CATEGORIES[Math.floor(random() * STOCK_CATEGORIES.length)]!;
    const place = random() < 0.5 ? places[Math.floor(random() * places.length)] : undefined;
    return {
      date: iso(Math.floor(random() * 365)),
      category,
      basis: category === "remaining" ? "present" : "cumulative",
      value: Math.round(random() * 8000),
      country: place?.country ?? countries[Math.floor(random() * 4)],
      placeName: place?.name,
      sourceType: (["un", "government", "media", "organiser"] as const)[Math.floor(random() * 4)],
      confidence: (["high", "medium", "low"] as const)[Math.floor(random() * 3)],
    };
  });
  const tracks: TrackPoint[] = [];
  for (let g = 0; g < 30; g++) {
    const start = Math.floor(random() * 300);
    const size = 200 + random() * 5000;
    for (let d = 0; d < 60; d++) {
      const p = places[Math.min(places.length - 1, Math.floor(d / 1.5))]!;
      tracks.push({
        group: `G${g}`,
        date: iso(start + d),
        routeId: "main",
        km: d * 40,
        kmLow: d * 40 - 20,
        kmHigh: d * 40 + 20,
        lat: p.lat,
        lon: p.lon,
        size,
        sizeLow: size * 0.7,
        sizeHigh: size * 1.4,
      });
    }
  }
  return {
    dataset: {
      name: "synthetic",
      places,
      routes: { type: "FeatureCollection", features: [] },
      sightings: [],
      counts: [],
      stocks,
      timeZone: "UTC",
    },
    tracks,
  };
}

/**
 * Mean wall time and CPU time (ms) per run after one warm-up call; CPU time is steadier on a
 * shared machine. `runs` 0: the one call itself, unwarmed (a first call in the process).
 */
function time<T>(fn: () => T, runs: number): { ms: number; cpuMs: number; result: T } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let result = fn(); // the warm-up, or the measured call when runs is 0
  if (runs === 0) {
    const cpu = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, result };
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (let i = 0; i < runs; i++) result = fn();
  const cpu = process.cpuUsage(c1);
  return {
    ms: (performance.now() - t1) / runs,
    cpuMs: (cpu.user + cpu.system) / 1000 / runs,
    result,
  };
}

// 1. The 2018 replay (runReplay: estimate → ledger → state), the pipeline the CLI, the viewer's
// worker and the notebooks run. First call in this process (cold: nothing compiled yet, measured
// before anything else here), then the best of 3 warm runs. Goal (issue 14): < 1 s. Baseline in the
// same process: formatCsv of the replay's split.
{
  const data = embedded2018();
  const cold = time(() => runReplay(data), 0);
  const warm = Array.from({ length: 3 }, () => time(() => runReplay(data), 1));
  const best = warm.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  const csv = time(
    () => formatCsv(best.result.ledger.split as unknown as Record<string, unknown>[]),
    20,
  );
  console.log("| 2018 replay (runReplay) | wall | CPU | CPU ÷ formatCsv of its split |");
  console.log("|---|---:|---:|---:|");
  for (const [name, t] of [
    ["first call (cold)", cold],
    ["warm, best of 3", best],
  ] as const)
    console.log(
      `| ${name} | ${t.ms.toFixed(0)} ms | ${t.cpuMs.toFixed(0)} ms | ${(t.cpuMs / csv.cpuMs).toFixed(0)}× |`,
    );
  console.log(
    `(${best.result.tracks.length} track points, ${best.result.ledger.split.length} split rows, ${best.result.state.length} days; goal < 1 s)\n`,
  );
}

const embedded = embedded2018();
const cases: [string, LedgerInput, number][] = [
  [
    "embedded 2018 (36 figures, 140 days)",
    { dataset: embedded, tracks: estimateTracks(embedded).tracks },
    20,
  ],
  ["synthetic (5,000 figures, 40 places, 1,800 track points)", synthetic(), 3],
];
console.log(
  "| data | split rows | buildLedger (CPU) | formatCsv of the split (CPU) | ratio (wall) | ratio (CPU) | buildCorridorState (CPU) | state / ledger (CPU) |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, input, runs] of cases) {
  const ledger = time(() => buildLedger(input), runs);
  const csv = time(
    () => formatCsv(ledger.result.split as unknown as Record<string, unknown>[]),
    runs,
  );
  // The state of the corridor on top of the same ledger (places by status, group bodies, totals).
  const state = time(() => buildCorridorState({ ...input, ledger: ledger.result }), runs);
  console.log(
    `| ${name} | ${ledger.result.split.length.toLocaleString("en-US")} | ${ledger.cpuMs.toFixed(1)} ms | ${csv.cpuMs.toFixed(1)} ms | ${(ledger.ms / csv.ms).toFixed(1)}× | ${(ledger.cpuMs / csv.cpuMs).toFixed(1)}× | ${state.cpuMs.toFixed(1)} ms | ${(state.cpuMs / ledger.cpuMs).toFixed(2)}× |`,
  );
}
