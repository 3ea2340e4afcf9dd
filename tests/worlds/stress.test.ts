// The stress simulator keeps its promises (bench/worlds/stress.ts), and the scorer
// (bench/worlds/score.ts) gives a perfect estimate zero error and full coverage.
import { describe, expect, it } from "vitest";
import { createRouteIndex } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";
import { legacyWorld } from "../../bench/worlds/legacy.ts";
import { arrivedAtEnd } from "../../bench/worlds/arrived.ts";
import { naiveEstimates, scoreTracks, summarizeScores } from "../../bench/worlds/score.ts";
import { generateSpeedWorld, generateStressWorld } from "../../bench/worlds/stress.ts";
import type { StressWorld } from "../../bench/worlds/stress.ts";
import type { ScorableWorld } from "../../bench/worlds/truth.ts";

const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);
const worlds: StressWorld[] = SEEDS.map((s) => generateStressWorld(s));
const allDays = worlds.flatMap((w) => w.truth.flatMap((g) => g.days));
const allReports = worlds.flatMap((w) => w.reports);

/** `{ km: v, kmLow: v, kmHigh: v }` for `name` "km": a value with an interval of zero width. */
function exact(name: string, v: number | undefined): Record<string, number> {
  return v === undefined ? {} : { [name]: v, [`${name}Low`]: v, [`${name}High`]: v };
}

/**
 * The truth fed back as an estimate (with head and tail, and intervals of zero width). The
 * estimate's head is the group's foremost people and its tail the hindmost (docs/contracts.md
 * §3.1), so a body's truth gives its `firstKm` and `lastKm` as `headKm` and `tailKm`.
 */
function perfect(world: ScorableWorld): TrackPoint[] {
  return world.truth.flatMap((g) =>
    g.days.map(
      (d) =>
        ({
          group: g.group,
          date: d.date,
          routeId: g.routeId,
          lat: 0,
          lon: 0,
          ...exact("km", d.km),
          ...exact("size", d.size),
          ...exact("headKm", d.firstKm),
          ...exact("tailKm", d.lastKm),
        }) as unknown as TrackPoint,
    ),
  );
}

describe("stress worlds: groups as bodies on the road", () => {
  it("is deterministic per seed", () => {
    expect(generateStressWorld(5).csv).toBe(worlds[4].csv);
    expect(generateStressWorld(6).csv).not.toBe(worlds[4].csv);
  });

  it("holds 1–6 groups of a few hundred to ten thousand people", () => {
    const counts = new Set(worlds.map((w) => w.truth.length));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    const peaks = worlds.flatMap((w) => w.truth.map((g) => Math.max(...g.days.map((d) => d.size))));
    expect(Math.min(...peaks)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...peaks)).toBeLessThanOrEqual(15_000);
    expect(peaks.some((p) => p >= 5000)).toBe(true);
    expect(peaks.some((p) => p <= 1000)).toBe(true);
  });

  it("spreads each body over tens to hundreds of km, head ≥ median ≥ tail", () => {
    for (const d of allDays) {
      expect(d.firstKm!).toBeGreaterThanOrEqual(d.headKm!);
      expect(d.headKm!).toBeGreaterThanOrEqual(d.km);
      expect(d.km).toBeGreaterThanOrEqual(d.tailKm!);
      expect(d.tailKm!).toBeGreaterThanOrEqual(d.lastKm!);
    }
    const spreads = allDays.map((d) => d.headKm! - d.tailKm!).sort((a, b) => a - b);
    const median = spreads[spreads.length >> 1];
    expect(median).toBeGreaterThan(20);
    expect(median).toBeLessThan(600);
    expect(spreads.filter((s) => s >= 100).length).toBeGreaterThan(spreads.length / 4);
  });

  it("has rides of ≥ 300 km in a day and shelter stays of ≥ 5 days", () => {
    let rides = 0;
    let longStays = 0;
    for (const w of worlds) {
      for (const g of w.truth) {
        let run = 0;
        for (let i = 1; i < g.days.length; i++) {
          if (g.days[i].km - g.days[i - 1].km >= 300) rides++;
          run = g.days[i].phase === "stay" ? run + 1 : 0;
          if (run === 5) longStays++;
        }
      }
    }
    expect(rides).toBeGreaterThan(5);
    expect(longStays).toBeGreaterThan(5);
  });

  it("lets groups overtake each other on the same route", () => {
    let overtakes = 0;
    for (const w of worlds) {
      for (const a of w.truth) {
        for (const b of w.truth) {
          if (a === b || a.routeId !== b.routeId) continue;
          const bKm = new Map(b.days.map((d) => [d.date, d.km]));
          let behind = false;
          for (const d of a.days) {
            const other = bKm.get(d.date);
            if (other === undefined) continue;
            if (d.km < other - 20) behind = true;
            else if (behind && d.km > other + 20) {
              overtakes++;
              break;
            }
          }
        }
      }
    }
    expect(overtakes).toBeGreaterThan(0);
  });

  it("loses people along the way (returns, claims) and sometimes gains them", () => {
    const changes = worlds.flatMap((w) =>
      w.truth.map((g) => g.days[g.days.length - 1].size / Math.max(...g.days.map((d) => d.size))),
    );
    expect(changes.filter((c) => c < 0.8).length).toBeGreaterThan(changes.length / 4);
  });
});

describe("stress worlds: the reports", () => {
  it("snaps positions to a town tens of km away", () => {
    const far = allReports.filter(
      (r) => r.kind === "fresh" && r.townKm !== undefined && Math.abs(r.townKm - r.placedKm) >= 20,
    );
    expect(far.length).toBeGreaterThan(allReports.length / 20);
  });

  it("repeats stale news and misplaces groups by hundreds of km", () => {
    expect(allReports.some((r) => r.kind === "stale")).toBe(true);
    const misplaced = allReports.filter((r) => r.kind === "misplaced");
    expect(misplaced.length).toBeGreaterThan(5);
    // Off by 150–600 km, unless the route's end clips them.
    const far = misplaced.filter((r) => Math.abs(r.placedKm - r.describedKm) >= 150);
    expect(far.length).toBeGreaterThan(0.7 * misplaced.length);
  });

  it("rounds media figures to thousands and reports a vanguard of a few dozen", () => {
    const media = allReports.filter(
      (r) => r.kind !== "stale" && r.sourceType === "media" && (r.size?.best ?? 0) >= 1000,
    );
    expect(media.length).toBeGreaterThan(10);
    for (const r of media) expect(r.size!.best! % 1000).toBe(0);
    const vanguard = allReports.filter((r) => r.part === "vanguard" && r.size?.best !== undefined);
    expect(vanguard.some((r) => r.size!.best! <= 60)).toBe(true);
    expect(allReports.some((r) => r.part === "rear")).toBe(true);
  });

  it("leaves gaps of several days without reports", () => {
    let gaps = 0;
    for (const w of worlds) {
      for (const g of w.truth) {
        const days = [...new Set(w.reports.filter((r) => r.group === g.group).map((r) => r.day))];
        days.sort((a, b) => a - b);
        for (let i = 1; i < days.length; i++) if (days[i] - days[i - 1] >= 4) gaps++;
      }
    }
    expect(gaps).toBeGreaterThan(5);
  });

  it("writes worlds without any label, and labelled ones with some", () => {
    const unlabelled = worlds.filter((w) => !w.labelled);
    expect(unlabelled.length).toBeGreaterThanOrEqual(5);
    for (const w of unlabelled) {
      expect(w.dataset.sightings.every((s) => s.caravanLabel === undefined)).toBe(true);
    }
    for (const w of worlds.filter((x) => x.labelled)) {
      expect(w.dataset.sightings.some((s) => s.caravanLabel !== undefined)).toBe(true);
    }
  });

  it("imports the Spanish sheet with the real importer: zero rejected, every report kept", () => {
    for (const w of worlds) {
      expect(w.importReport.rejected).toBe(0);
      expect(w.dataset.sightings.map((s) => s.id)).toEqual(w.reports.map((r) => r.id));
    }
    const header = worlds[0].csv.slice(1, worlds[0].csv.indexOf("\r\n"));
    expect(header).toContain("fecha;lugar");
    expect(header).toContain("tipo de fuente");
    const w = worlds[0];
    const sized = w.reports.find((r) => r.size?.best !== undefined && r.size.best >= 1000)!;
    const s = w.dataset.sightings.find((x) => x.id === sized.id)!;
    expect(s.sizeBest).toBe(sized.size!.best);
  });
});

describe("the speed workload", () => {
  it("has 100 groups and at least 10,000 sightings, all imported", () => {
    const w = generateSpeedWorld(1);
    expect(w.truth.length).toBe(100);
    expect(w.dataset.sightings.length).toBeGreaterThanOrEqual(10_000);
    expect(w.importReport.rejected).toBe(0);
  });
});

describe("the scorer", () => {
  const cases: ScorableWorld[] = [worlds[0], worlds[2], legacyWorld(10, 20), legacyWorld(2, 20)];

  it("gives a perfect estimate zero error and full coverage", () => {
    for (const world of cases) {
      const score = scoreTracks(world, perfect(world));
      const f = summarizeScores(score.sums);
      expect(f.days).toBeGreaterThan(0);
      expect(f.kmMae).toBe(0);
      expect(f.sizeMape).toBe(0);
      expect(f.kmCoverage).toBe(1);
      expect(f.sizeCoverage).toBe(1);
      expect(f.missingShare).toBe(0);
      expect(score.foundGroups).toBeGreaterThanOrEqual(score.trueGroups);
      if ("seed" in world) {
        expect(f.headMae).toBe(0);
        expect(f.headCoverage).toBe(1);
        expect(f.tailCoverage).toBe(1);
      } else expect(Number.isNaN(f.headMae)).toBe(true);
    }
    expect(cases.some((w) => !w.labelled)).toBe(true);
  });

  it("scores the head against the foremost people and the tail against the hindmost, not the 95th / 5th percentiles", () => {
    const world = worlds[0];
    // An estimate whose head is the 95th percentile of people and tail the 5th: wherever the
    // front (rear) edge lies ahead of (behind) them, the head (tail) misses and lies behind it.
    const tracks = perfect(world).map((t) => {
      const d = world.truth.find((g) => g.group === t.group)!.days.find((x) => x.date === t.date)!;
      return { ...t, ...exact("headKm", d.headKm), ...exact("tailKm", d.tailKm) };
    });
    const days = world.truth.flatMap((g) => g.days);
    expect(days.some((d) => d.firstKm! > d.headKm!)).toBe(true);
    const f = summarizeScores(scoreTracks(world, tracks).sums);
    expect(f.headMae).toBeGreaterThan(0);
    expect(f.headCoverage).toBeLessThan(1);
    expect(f.headAboveShare).toBeCloseTo(1 - f.headCoverage, 9);
    expect(f.tailCoverage).toBeLessThan(1);
  });

  it("compares an estimate on another route where it is on the road", () => {
    const world = worlds.find((w) => w.truth.some((g) => g.routeId === "salvador"))!;
    const index = createRouteIndex(world.dataset.routes);
    const onMain = (km: number): number =>
      index.project(index.along("salvador", km), { routeId: "main" })!.km;
    const tracks = perfect(world).map((t) =>
      t.routeId === "salvador" && t.km > 300
        ? { ...t, routeId: "main", km: onMain(t.km), kmLow: onMain(t.km), kmHigh: onMain(t.km) }
        : t,
    );
    expect(
      tracks.some(
        (t) =>
          t.routeId === "main" &&
          t.group === world.truth.find((g) => g.routeId === "salvador")!.group,
      ),
    ).toBe(true);
    const f = summarizeScores(scoreTracks(world, tracks).sums);
    expect(f.kmMae).toBeLessThan(1);
    expect(f.kmCoverage).toBeGreaterThan(0.5);
    // Taken at face value (km of another origin), the same estimate would be ~300 km off.
    expect(Math.abs(onMain(1000) - 1000)).toBeGreaterThan(250);
  });

  it("reads an upper bound written at a route's end (rounded down to 0.1 km) as reaching it", () => {
    const world = legacyWorld(10, 20);
    const index = createRouteIndex(world.dataset.routes);
    const atEnd = (g: ScorableWorld["truth"][number]) =>
      g.days.filter((d) => d.km >= index.lengthKm(g.routeId) - 1e-9).length;
    expect(world.truth.some((g) => atEnd(g) > 0)).toBe(true);
    // As estimateTracks writes them: bounds rounded outwards to 0.1 km, the end rounded down.
    const high = (km: number, routeId: string): number =>
      Math.min(Math.ceil(km * 10) / 10, Math.floor(index.lengthKm(routeId) * 10) / 10);
    const tracks = perfect(world).map((t) => ({
      ...t,
      kmLow: Math.floor(t.km * 10) / 10,
      kmHigh: high(t.km, t.routeId),
    }));
    expect(summarizeScores(scoreTracks(world, tracks).sums).kmCoverage).toBe(1);
    // Short of the written end, a bound does not reach the route's end.
    const short = tracks.map((t) => ({ ...t, kmHigh: t.kmHigh - 0.1 }));
    expect(summarizeScores(scoreTracks(world, short).sums).kmCoverage).toBeLessThan(1);
  });

  it("scores the days after a group's last report apart, a group on the road without a track as missing", () => {
    const world = cases.find((w) => scoreTracks(w, perfect(w)).carried.days > 0)!;
    expect(world).toBeDefined();
    const full = scoreTracks(world, perfect(world));
    expect(summarizeScores(full.carried).kmCoverage).toBe(1);
    expect(full.carried.missing).toBe(0);
    // Tracks cut at each group's last report: the carried days of groups on the road are missing,
    // and the figures of the days with reports do not change.
    const last = new Map<string, string>();
    for (const s of world.dataset.sightings) {
      const g = world.sightingGroup[s.id ?? ""];
      const date = s.observedAt.slice(0, 10);
      if (g && (s.placeName || s.lat !== undefined) && date > (last.get(g) ?? ""))
        last.set(g, date);
    }
    const cut = scoreTracks(
      world,
      perfect(world).filter((t) => t.date <= (last.get(t.group) ?? "")),
    );
    expect(cut.carried.missing).toBeGreaterThan(0);
    expect(cut.sums).toEqual(full.sums);
  });

  it("has a naive baseline that interpolates a group's reports and carries the last", () => {
    const base = worlds[0];
    const index = createRouteIndex(base.dataset.routes);
    const at = (km: number) => {
      const [lon, lat] = index.along("main", km);
      return { lat, lon };
    };
    const world: ScorableWorld = {
      name: "hand-made",
      labelled: false,
      dataset: {
        ...base.dataset,
        sightings: [
          { id: "a", observedAt: "2018-10-20", ...at(100), sizeBest: 1000 },
          { id: "b", observedAt: "2018-10-22", ...at(300), sizeMin: 2000, sizeMax: 4000 },
          { id: "c", observedAt: "2018-10-22", ...at(500) },
        ],
      },
      truth: [
        {
          group: "G",
          routeId: "main",
          days: ["2018-10-19", "2018-10-21", "2018-10-25"].map((date) => ({
            date,
            km: 0,
            size: 1,
          })),
        },
      ],
      sightingGroup: { a: "G", b: "G", c: "G" },
    };
    const naive = naiveEstimates(world).get("G")!;
    expect(naive.get("2018-10-19")!.km).toBeCloseTo(100, 3);
    expect(naive.get("2018-10-21")!.km).toBeCloseTo(250, 3); // halfway to the mean of b and c
    expect(naive.get("2018-10-25")!.km).toBeCloseTo(400, 3);
    expect(naive.get("2018-10-21")!.size).toBeCloseTo(2000, 6);
    expect(naive.get("2018-10-25")!.size).toBe(3000);
  });

  it("measures errors, misses and fragments of a wrong estimate", () => {
    const world = worlds[0];
    const tracks = perfect(world).map((t) => ({
      ...t,
      km: t.km + 100,
      kmLow: t.km + 50,
      kmHigh: t.km + 150,
    }));
    const dropped = tracks.filter((_, i) => i % 10 !== 3);
    const f = summarizeScores(scoreTracks(world, dropped).sums);
    expect(f.kmMae).toBeCloseTo(100, 6);
    expect(f.kmCoverage).toBe(0);
    expect(f.missingShare).toBeGreaterThan(0);
    // One true group split into two tracks with new names: two groups found for it.
    const g = world.truth[0].group;
    const split = perfect(world).map((t, i) =>
      t.group === g ? { ...t, group: i % 2 ? "track-a" : "track-b" } : t,
    );
    const s = scoreTracks(world, split);
    expect(s.foundGroups).toBe(s.trueGroups + 1);
    expect(summarizeScores(s.sums).kmMae).toBe(0);
  });
});

describe("the scorers' arrived rule (bench/worlds/arrived.ts)", () => {
  // A labelled world with a group that reaches its route's end while it still has reports.
  const index = (w: ScorableWorld) => createRouteIndex(w.dataset.routes);
  const found = worlds
    .filter((w) => w.labelled)
    .flatMap((w) =>
      w.truth.map((g) => {
        const len = index(w).lengthKm(g.routeId);
        const at = g.days.findIndex((d) => d.km >= len - 1);
        return { w, g, len, at };
      }),
    )
    .find(({ at }) => at >= 5);

  it("one rule: after the tracks' last day, at the end, and the last day's median at the end", () => {
    expect(arrivedAtEnd(true, 999.5, 999.1, 1000)).toBe(true);
    // The interval reaching the end is not enough: the median must be there.
    expect(arrivedAtEnd(true, 999.5, 900, 1000)).toBe(false);
    expect(arrivedAtEnd(false, 999.5, 999.1, 1000)).toBe(false);
    expect(arrivedAtEnd(true, 990, 999.1, 1000)).toBe(false);
    expect(arrivedAtEnd(true, 999.5, undefined, 1000)).toBe(false);
  });

  it("a track ending at the end two days before the group arrives: those two days missing, then arrived", () => {
    expect(found).toBeDefined();
    const { w, g, len, at } = found!;
    const cut = g.days[at - 3].date;
    const base = perfect(w).filter((t) => t.group !== g.group || t.date <= cut);
    const endOn = (km: number) =>
      base.map((t) =>
        t.group === g.group && t.date === cut ? { ...t, km, kmLow: km, kmHigh: len } : t,
      );
    const whole = scoreTracks(w, perfect(w)).sums;
    const atEnd = scoreTracks(w, endOn(len)).sums;
    const after = g.days.slice(at - 2);
    const onTheRoad = after.filter((d) => d.km < len - 1).length;
    const arrived = after.length - onTheRoad;
    expect(onTheRoad).toBeGreaterThanOrEqual(2);
    expect(arrived).toBeGreaterThan(0);
    // Days at the end after the track's last day are arrivals; the days on the road are missing.
    const missing = atEnd.missing + scoreTracks(w, endOn(len)).carried.missing;
    expect(atEnd.arrived - whole.arrived).toBeGreaterThan(0);
    expect(missing).toBeGreaterThanOrEqual(2);
    // The same track with its median short of the end (its interval still reaching it): no day
    // counts as arrived, every day after it is without an estimate.
    const short = scoreTracks(w, endOn(len - 50));
    expect(short.sums.arrived).toBe(whole.arrived);
    expect(short.sums.missing + short.carried.missing).toBeGreaterThan(missing);
  });
});
