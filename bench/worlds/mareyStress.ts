/**
 * A synthetic time–distance chart content for the chart's benchmark: `groups` groups walking a
 * 4,500 km route over 90 days (each departing on a seeded day, ~45 km/day with rest days), and
 * `reports` reports scattered around their group's position, with sizes, ranges, source types and
 * outliers. Seeded (mulberry32): the same arguments give the same chart.
 */
import type { TimeDistance } from "../../src/index.ts";
import { mulberry32 } from "../../src/util/random.ts";

const TYPES = ["dtm", "un", "government", "ngo", "media", "organiser", "social_media", "other"];

export function stressTimeDistance(groups = 100, reports = 10_000, seed = 17): TimeDistance {
  const random = mulberry32(seed);
  const day0 = 17_800;
  const length = 4_500;
  const bodies: TimeDistance["bodies"] = [];
  const tracks: { start: number; kms: number[] }[] = [];
  for (let g = 0; g < groups; g++) {
    const start = day0 + Math.floor(random() * 60);
    const kms: number[] = [];
    let km = 0;
    for (let d = start; d < day0 + 90 && km < length; d++) {
      km = Math.min(length, km + (random() < 0.25 ? 0 : 30 + 30 * random()));
      kms.push(km);
      const spread = 5 + 20 * random();
      bodies.push({
        group: `group-${g + 1}`,
        t: d + 0.5,
        date: new Date(d * 86_400_000).toISOString().slice(0, 10),
        km,
        kmLow: Math.max(0, km - spread),
        kmHigh: km + spread,
        head: km + 10,
        headLow: km + 5,
        headHigh: km + 20,
        tail: Math.max(0, km - 10),
        tailLow: Math.max(0, km - 20),
        tailHigh: Math.max(0, km - 5),
        size: 500 + Math.round(4000 * random()),
      });
    }
    tracks.push({ start, kms });
  }
  const out: TimeDistance["reports"] = [];
  for (let i = 0; i < reports; i++) {
    const g = Math.floor(random() * groups);
    const track = tracks[g]!;
    const k = Math.floor(random() * track.kms.length);
    const ranged = random() < 0.2;
    const people = Math.round(100 + 6000 * random());
    out.push({
      sightingId: `r${i + 1}`,
      group: `group-${g + 1}`,
      t: track.start + k + random(),
      ...(random() < 0.05 ? {} : { km: (track.kms[k] ?? 0) + 20 * (random() - 0.5) }),
      people,
      ...(ranged ? { sizeMin: Math.round(people * 0.8), sizeMax: Math.round(people * 1.2) } : {}),
      sourceType: TYPES[Math.floor(random() * TYPES.length)]!,
      outlierProb: random() * 0.2,
      status: random() < 0.03 ? "outlier" : "used",
    });
  }
  const stops = Array.from({ length: 60 }, (_, i) => ({
    name: `Town ${i + 1}`,
    km: Math.round((i * length) / 60),
    kind: i % 10 === 0 ? "border_crossing" : "city",
  }));
  return {
    axisRouteId: "main",
    lengthKm: length,
    routes: [{ routeId: "main", offsetKm: 0, onAxis: true }],
    stops,
    groups: Array.from({ length: groups }, (_, g) => ({
      group: `group-${g + 1}`,
      routeId: "main",
    })),
    bodies,
    reports: out,
    counts: [],
    shelters: [],
    dayRange: [day0, day0 + 90],
  };
}
