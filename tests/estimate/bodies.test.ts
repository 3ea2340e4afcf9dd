import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { bodyDistribution, orderEnds } from "../../src/estimate/bodies.ts";
import { edgeShare } from "../../src/estimate/bodyEdges.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import { generateStressWorld } from "../../bench/worlds/stress.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { readPart } from "../../src/estimate/partWords.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { staysAsSightings } from "../../src/estimate/trackEnds.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { at, dataset } from "./corridor.ts";

const day = (d: number): string => `2018-10-${String(d).padStart(2, "0")}`;

/** Every body contract of one track point: order of the parts, each estimate inside its interval. */
function expectBody(t: TrackPoint): void {
  const where = `${t.group} ${t.date}`;
  expect(t.headKm, where).toBeDefined();
  expect(t.tailKm, where).toBeDefined();
  const head = t.headKm as number;
  const tail = t.tailKm as number;
  expect(head, where).toBeGreaterThanOrEqual(t.km);
  expect(t.km, where).toBeGreaterThanOrEqual(tail);
  expect(t.kmLow, where).toBeLessThanOrEqual(t.km);
  expect(t.km, where).toBeLessThanOrEqual(t.kmHigh);
  expect(t.headKmLow as number, where).toBeLessThanOrEqual(head);
  expect(head, where).toBeLessThanOrEqual(t.headKmHigh as number);
  expect(t.tailKmLow as number, where).toBeLessThanOrEqual(tail);
  expect(tail, where).toBeLessThanOrEqual(t.tailKmHigh as number);
  // The intervals keep the parts' order (bodies.ts orderEnds): the head's reaches from no further
  // back than the median person's, and no less far; the tail's likewise behind.
  expect(t.headKmLow as number, where).toBeGreaterThanOrEqual(t.kmLow);
  expect(t.headKmHigh as number, where).toBeGreaterThanOrEqual(t.kmHigh);
  expect(t.tailKmLow as number, where).toBeLessThanOrEqual(t.kmLow);
  expect(t.tailKmHigh as number, where).toBeLessThanOrEqual(t.kmHigh);
  if (Number.isFinite(t.size)) {
    expect(t.sizeLow, where).toBeLessThanOrEqual(t.size);
    expect(t.size, where).toBeLessThanOrEqual(t.sizeHigh);
  }
}

/**
 * A labelled body of `size` people walking 30 km a day from km `startKm` on 13–24 Oct, and its
 * vanguard reported `leadKm` ahead of it on each of `vanguardDays` (days of October).
 */
function bodyWithVanguard(
  size: number,
  vanguardDays: number[],
  leadKm: number,
  startKm = 0,
): Sighting[] {
  const sightings: Sighting[] = [];
  for (let d = 13; d <= 24; d++) {
    sightings.push({
      id: `b${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(startKm + 30 * (d - 13)),
      caravanLabel: "A",
      sizeBest: size,
    });
  }
  for (const d of vanguardDays) {
    sightings.push({
      id: `v${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(startKm + 30 * (d - 13) + leadKm),
      caravanLabel: "A",
      part: "vanguardia",
    });
  }
  return sightings;
}

describe("bodies: head, median person, tail", () => {
  it("head ≥ median ≥ tail and every estimate inside its interval, on 2018 and a simulated world", () => {
    const world = simulateWorld(worldOfDifficulty(0.6), mulberry32(5));
    for (const data of [embedded2018(), world.dataset]) {
      const { tracks } = estimateTracks(data);
      expect(tracks.length).toBeGreaterThan(0);
      for (const t of tracks) expectBody(t);
    }
  });

  it("the self-calibration's widenings keep the ends' intervals ordered with the median person's (stress world)", () => {
    // A stress world whose head and tail are widened by their own reports' factors, larger than
    // the median person's: before orderEnds a third of its head intervals reached behind the
    // median person's low end.
    const { tracks } = estimateTracks(generateStressWorld(201).dataset);
    expect(tracks.length).toBeGreaterThan(0);
    for (const t of tracks) expectBody(t);
  });

  it("orderEnds: the head's interval from the median person's low end, the tail's to its high end", () => {
    const d = (median: number, low: number, high: number) => ({
      median,
      low,
      high,
      mean: median,
      sd: 1,
    });
    const g = {
      km: { days: [d(90, 60, 150), d(90, 60, 150)] },
      head: [d(100, 20, 300), d(95, 70, 120)],
      tail: [d(50, 0, 200), d(80, 75, 85)],
    } as unknown as WorkGroup;
    orderEnds(g);
    expect(g.head?.map((h) => [h.low, h.median, h.high])).toEqual([
      [60, 100, 300],
      [70, 95, 150],
    ]);
    expect(g.tail?.map((t) => [t.low, t.median, t.high])).toEqual([
      [0, 50, 150],
      [60, 80, 85],
    ]);
  });

  it("a 17-person report ahead does not move a 5,000-person body, but moves its head", () => {
    const body: Sighting[] = [];
    for (let d = 13; d <= 20; d++) {
      body.push({
        id: `b${d}`,
        observedAt: `${day(d)}T12:00`,
        ...at(30 * (d - 13)),
        caravanLabel: "A",
        sizeBest: 5000,
        sourceType: "government",
      });
    }
    const vanguard: Sighting = {
      id: "v",
      observedAt: `${day(17)}T12:00`,
      ...at(400),
      caravanLabel: "A",
      sizeBest: 17,
      sourceType: "government",
    };
    const without = estimateTracks(dataset(body)).tracks;
    const withIt = estimateTracks(dataset([...body, vanguard])).tracks;
    const on = (tracks: TrackPoint[]): TrackPoint =>
      tracks.find((t) => t.date === day(17)) as TrackPoint;
    expect(Math.abs(on(withIt).km - on(without).km)).toBeLessThan(10);
    expect(Math.abs(Math.log(on(withIt).size / on(without).size))).toBeLessThan(0.05);
    // The vanguard is where the head is that day.
    expect(on(without).headKm as number).toBeLessThan(300);
    expect(on(withIt).headKm as number).toBeGreaterThan(350);
  });

  it("a body seen long stays long: days after its last vanguard report, its head is still well ahead", () => {
    // The vanguard, 200 km ahead of the body, reported on the first three days only.
    const { tracks } = estimateTracks(dataset(bodyWithVanguard(3000, [13, 14, 15], 200)));
    const t = tracks.find((x) => x.date === day(23)) as TrackPoint;
    expect(t.km).toBeGreaterThan(260);
    expect(t.km).toBeLessThan(340);
    // The spread prior for 3,000 people (45 km) put the head at ~325 (≤ 347); the group's own
    // vanguard says ~200 km ahead.
    expect(t.headKm as number).toBeGreaterThan(t.km + 100);
    expect(t.headKmHigh as number).toBeGreaterThanOrEqual(t.km + 150);
    expectBody(t);
  });

  it("before its vanguard is first reported, a body setting out is not hundreds of km long", () => {
    // The vanguard rode ahead: first reported on 21 Oct (the track's 9th day), 400 km ahead of
    // the body, then again.
    const { tracks } = estimateTracks(dataset(bodyWithVanguard(5000, [21, 22, 23], 400)));
    const first = tracks.find((x) => x.date === day(13)) as TrackPoint;
    // The prior spread of 5,000 people (55 km), not the 400 km the vanguard reached a week later.
    expect((first.headKm as number) - first.km).toBeLessThan(80);
    const late = tracks.find((x) => x.date === day(22)) as TrackPoint;
    expect((late.headKm as number) - late.km).toBeGreaterThan(300);
    expectBody(first);
  });

  it("a body first seen mid-route is not held short before its vanguard is reported", () => {
    // The same body and vanguard, first seen 600 km along the route: it is not setting out, and
    // its vanguard may already be far ahead on its first day.
    const { tracks } = estimateTracks(dataset(bodyWithVanguard(5000, [21, 22, 23], 400, 600)));
    const first = tracks.find((x) => x.date === day(13)) as TrackPoint;
    expect(first.km).toBeGreaterThan(550);
    // Held to the prior spread as if setting out, its head stood ~30 km ahead; it is ~300.
    expect((first.headKm as number) - first.km).toBeGreaterThan(150);
    expectBody(first);
  });

  it("a report of the vanguard (part column or notes, es/en) is read as the head", () => {
    const body: Sighting[] = [13, 15, 17].map((d) => ({
      id: `b${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(30 * (d - 13)),
      caravanLabel: "A",
      sizeBest: 3000,
    }));
    const ahead = (extra: Partial<Sighting>): Sighting => ({
      id: "v",
      observedAt: `${day(15)}T12:00`,
      ...at(250),
      caravanLabel: "A",
      ...extra,
    });
    for (const extra of [{ part: "avanzada" }, { notes: "The vanguard reached the border" }]) {
      const { tracks, report } = estimateTracks(dataset([...body, ahead(extra)]));
      const t = tracks.find((x) => x.date === day(15)) as TrackPoint;
      expect(t.km).toBeLessThan(120);
      expect(t.headKm as number).toBeGreaterThan(200);
      expect(report.associations.find((a) => a.sightingId === "v")?.part).toBe("head");
    }
  });

  it("bodyDistribution gives the people in any km range and the km of any share", () => {
    const t: TrackPoint = {
      group: "A",
      date: "2018-10-20",
      routeId: "main",
      km: 100,
      kmLow: 90,
      kmHigh: 110,
      lat: 0,
      lon: 0,
      size: 1000,
      sizeLow: 800,
      sizeHigh: 1200,
      headKm: 120,
      tailKm: 90,
    };
    const b = bodyDistribution(t);
    // 1,000 people: the edge is the foremost (hindmost) 20 people, 2 % (src/estimate/bodyEdges.ts).
    expect(b.peopleBetween(0, 1000)).toBe(1000);
    expect(b.peopleBetween(100, 120)).toBeCloseTo(480, 6);
    expect(b.peopleBetween(120, 200)).toBeCloseTo(20, 6);
    expect(b.peopleBetween(0, 90)).toBeCloseTo(20, 6);
    expect(b.shareBehind(120)).toBeCloseTo(1 - edgeShare(1000), 12);
    expect(b.shareBehind(90)).toBeCloseTo(edgeShare(1000), 12);
    expect(b.quantileKm(0.5)).toBe(100);
    expect(b.quantileKm(0.98)).toBeCloseTo(120, 9);
    expect(b.quantileKm(0.02)).toBeCloseTo(90, 9);
    expect(b.quantileKm(1)).toBeCloseTo(120 + (20 * 0.02) / 0.48, 9);
    expect(b.peopleBetween(130, 200)).toBe(0);
    expect(b.shareBehind(100)).toBe(0.5);
    // A front half of no length (head = median): its half of the group at the median km.
    const flat = bodyDistribution({ ...t, headKm: 100 });
    expect(flat.peopleBetween(100, 100)).toBeCloseTo(500, 6);
    expect(flat.peopleBetween(100.001, 500)).toBe(0);
    expect(flat.shareBehind(90)).toBeCloseTo(0.02, 12);
    // A size the sources never gave: the edge is 1 % of the people.
    expect(bodyDistribution({ ...t, size: NaN }).shareBehind(120)).toBeCloseTo(0.99, 12);
    // One answer for an unknown size: the body's edge is edgeShare's.
    expect(bodyDistribution({ ...t, size: NaN }).shareBehind(90)).toBeCloseTo(edgeShare(NaN), 12);
    // A track without head and tail: a body of no length at the median person.
    const point = bodyDistribution({ ...t, headKm: undefined, tailKm: undefined });
    expect(point.peopleBetween(99, 101)).toBe(1000);
    expect(point.peopleBetween(101, 140)).toBe(0);
  });

  it("readPart reads parts in Spanish and English, from the part column first", () => {
    expect(readPart("vanguardia")).toBe("head");
    expect(readPart("Punta")).toBe("head");
    expect(readPart("grueso")).toBe("body");
    expect(readPart("main body")).toBe("body");
    expect(readPart("rezagados")).toBe("tail");
    expect(readPart("Retaguardia")).toBe("tail");
    expect(readPart(undefined, "Los últimos llegaron a Puebla")).toBe("tail");
    expect(readPart(undefined, "the stragglers walked on")).toBe("tail");
    expect(readPart(undefined, "la mayoría descansa en el albergue")).toBe("body");
    expect(readPart(undefined, "rest day in Huixtla")).toBeUndefined();
    // Notes naming two parts do not say which the figure describes.
    expect(readPart(undefined, "the vanguard left; the main body stays")).toBeUndefined();
    expect(readPart("rear", "the vanguard left")).toBe("tail");
  });
});

describe("association without fragmentation (unlabelled reports)", () => {
  /** One group of ~3,000: walks 3 days, rides 400 km in one day, stays 7 days, walks on. */
  function rideAndStay(): Sighting[] {
    const plan: [number, number][] = [
      [13, 0],
      [14, 35],
      [15, 70],
      [16, 470], // the ride: 400 km in a day
      [17, 470],
      [20, 472], // the shelter: 7 days at one place, reported on some of them
      [23, 470],
      [24, 505],
      [25, 540],
    ];
    return plan.map(([d, km], i) => ({
      id: `u${i}`,
      observedAt: `${day(d)}T12:00`,
      ...at(km),
      sizeBest: i % 2 === 0 ? 3000 : 2800,
      sourceType: "ngo",
    }));
  }

  it("keeps one identity across a 400 km ride in a day and a 7-day shelter stay", () => {
    const { groups, tracks, report } = estimateTracks(dataset(rideAndStay()));
    expect(groups).toHaveLength(1);
    expect(new Set(report.associations.map((a) => a.group))).toEqual(new Set([groups[0].group]));
    // Every day from the first report to the last has an estimate.
    expect(tracks.map((t) => t.date)).toEqual(Array.from({ length: 13 }, (_, i) => day(13 + i)));
    const on = (d: number): TrackPoint => tracks.find((t) => t.date === day(d)) as TrackPoint;
    expect(on(16).km).toBeGreaterThan(400);
    expect(on(21).kmLow).toBeLessThanOrEqual(472);
    expect(on(21).kmHigh).toBeGreaterThanOrEqual(470);
  });

  it("a file with no labels at all gives tracks for the groups it finds", () => {
    const world = simulateWorld(worldOfDifficulty(0.2), mulberry32(21));
    const sightings = world.dataset.sightings.map((s) => ({ ...s, caravanLabel: undefined }));
    const { groups, tracks } = estimateTracks({ ...world.dataset, sightings });
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => /^unlabelled-\d+$/.test(g.group) && !g.labelled)).toBe(true);
    expect(tracks.length).toBeGreaterThan(0);
    for (const t of tracks) expectBody(t);
  });

  it("a report of 4,000 does not join a group of 300", () => {
    const small: Sighting[] = [13, 14, 15, 16].map((d) => ({
      id: `s${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(40 * (d - 13)),
      caravanLabel: "small",
      sizeBest: 300,
      sourceType: "government",
    }));
    const big: Sighting = {
      id: "big",
      observedAt: `${day(15)}T12:00`,
      ...at(80),
      sizeBest: 4000,
      sourceType: "government",
    };
    const { report } = estimateTracks(dataset([...small, big]));
    expect(report.associations.find((a) => a.sightingId === "big")?.group).not.toBe("small");
  });
});

describe("a group lives until it is accounted for", () => {
  it("a track continues past its last report to the end of the data, intervals widening", () => {
    const a: Sighting[] = [13, 14, 15].map((d) => ({
      id: `a${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(40 * (d - 13)),
      caravanLabel: "A",
      sizeBest: 2000,
    }));
    const b: Sighting = {
      id: "b",
      observedAt: `${day(25)}T12:00`,
      ...at(900),
      caravanLabel: "B",
      sizeBest: 900,
    };
    const { tracks, report } = estimateTracks(dataset([...a, b]));
    const trackA = tracks.filter((t) => t.group === "A");
    expect(trackA.at(-1)?.date).toBe(day(25));
    // Past the last report (15 Oct) the interval is wider than on it, and reaches farther each day.
    const width = (t: TrackPoint): number => t.kmHigh - t.kmLow;
    for (let k = 3; k < trackA.length; k++) {
      expect(width(trackA[k])).toBeGreaterThan(width(trackA[2]));
      expect(trackA[k].kmHigh).toBeGreaterThanOrEqual(trackA[k - 1].kmHigh);
    }
    expect(report.trackEnds.find((e) => e.group === "A")).toMatchObject({
      reason: "end_of_data",
      lastReportDate: day(15),
      lastDate: day(25),
    });
  });

  it("on the embedded 2018 data the biggest group is tracked to Tijuana", () => {
    const data = embedded2018();
    const { tracks, report } = estimateTracks(data);
    const track = tracks.filter((t) => t.group === "Honduran caravan 1");
    const end = index2018(data).lengthKm("main");
    // Still on the road on 14 Nov; its median person at Tijuana (the route's end) from ~20 Nov.
    const on = (date: string): TrackPoint => track.find((t) => t.date === date) as TrackPoint;
    expect(on("2018-11-14").km).toBeLessThan(end - 300);
    expect(on("2018-11-22").km).toBeGreaterThan(end - 5);
    expect((track.at(-1)?.date ?? "") >= "2018-11-22").toBe(true);
    expect(report.trackEnds.find((e) => e.group === "Honduran caravan 1")?.reason).toBe(
      "destination",
    );
    // Its vanguard was reported in Tijuana on 13 Nov: the head is there, not the body.
    expect(on("2018-11-13").headKm as number).toBeGreaterThan(end - 10);
    expect(on("2018-11-13").km).toBeLessThan(end - 1000);
  });

  it("people staying at a named place for a named group are reports of it there", () => {
    const stays = staysAsSightings([
      {
        date: "2018-11-20",
        category: "remaining",
        basis: "present",
        value: 6200,
        placeName: "Tijuana",
        caravanLabel: "Honduran caravan 1",
      },
      { date: "2018-11-20", category: "remaining", basis: "present", value: 50, placeName: "X" },
      { date: "2018-11-20", category: "return", basis: "cumulative", value: 500 },
    ]);
    expect(stays).toEqual([
      expect.objectContaining({
        id: "stock:1",
        observedAt: "2018-11-20",
        placeName: "Tijuana",
        caravanLabel: "Honduran caravan 1",
        sizeBest: 6200,
      }),
    ]);
  });
});

function index2018(data: Dataset): ReturnType<typeof createRouteIndex> {
  return createRouteIndex(data.routes);
}
