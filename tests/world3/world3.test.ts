// The world3 simulator (bench/world3/) conserves people, is deterministic for a seed, splits and
// merges caravans as its truth says, writes files the importer reads without a rejected row, and
// its scorer gives the truth fed back as an estimate zero error and full coverage.
import { describe, expect, it } from "vitest";
import type { TrackPoint } from "../../src/index.ts";
import { exactPoint } from "../exactTrack.ts";
import { figures, scoreWorld } from "../../bench/world3/score.ts";
import { generateWorld3 } from "../../bench/world3/world.ts";
import type { World3, World3Group } from "../../bench/world3/world.ts";

// Seeds 1–12 hold splits (1, 2, 5, 6, …) and merges (6, 7, 12).
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const worlds: World3[] = SEEDS.map((s) => generateWorld3(s, { labelled: s % 3 !== 0 }));

function sizeOn(groups: readonly World3Group[], group: string, day: number): number {
  return groups.find((g) => g.group === group)?.days.find((d) => d.day === day)?.size ?? 0;
}

describe("world3 simulator", () => {
  it("is deterministic for a seed, and differs between seeds", () => {
    const again = generateWorld3(3, { labelled: true });
    const once = generateWorld3(3, { labelled: true });
    expect(again.files).toEqual(once.files);
    expect(again.labelTruth).toEqual(once.labelTruth);
    expect(again.ledger).toEqual(once.ledger);
    expect(generateWorld3(4, { labelled: true }).files.press).not.toEqual(once.files.press);
  });

  it("conserves people: every day, who set out is travelling, queueing, claimed, home or gone on alone", () => {
    for (const w of worlds) {
      let setOut = 0;
      let moving = 0;
      for (const d of w.ledger) {
        setOut += d.joined;
        expect(d.moving + d.queue + d.claimed + d.returned + d.dispersed).toBe(setOut);
        expect(d.moving).toBe(moving + d.joined - d.left);
        moving = d.moving;
        // The physical bodies hold exactly the people still travelling.
        const inBodies = w.bodyTruth.reduce((a, g) => a + sizeOn(w.bodyTruth, g.group, d.day), 0);
        expect(inBodies).toBe(d.moving);
      }
      expect(setOut).toBeGreaterThan(0);
      for (const g of [...w.labelTruth, ...w.bodyTruth]) {
        for (const d of g.days) {
          expect(d.firstKm).toBeGreaterThanOrEqual(d.headKm);
          expect(d.headKm).toBeGreaterThanOrEqual(d.km);
          expect(d.km).toBeGreaterThanOrEqual(d.tailKm);
          expect(d.tailKm).toBeGreaterThanOrEqual(d.lastKm);
        }
      }
    }
  });

  it("splits a caravan into two that travel apart, and merges two into one", () => {
    const split = worlds.find((w) => w.events.some((e) => e.includes("split off")));
    const merged = worlds.find((w) => w.events.some((e) => e.includes("joined")));
    expect(split).toBeDefined();
    expect(merged).toBeDefined();
    // After the split the splinter's people carry only its label: parent + splinter = all the caravan's body.
    const s = split!.plan.split!;
    const splinter = split!.labelTruth.find((g) => g.group === s.label)!;
    const last = splinter.days[splinter.days.length - 1];
    const parentLabel = split!.plan.caravans[s.caravan].caravan.label;
    expect(sizeOn(split!.labelTruth, parentLabel, last.day)).toBeGreaterThan(0);
    // The merged label is carried by both caravans' people, on the same road.
    const m = merged!.plan.merge!;
    const together = merged!.labelTruth.find((g) => g.group === m.label)!;
    const a = merged!.plan.caravans[m.first].caravan.label;
    const b = merged!.plan.caravans[m.second].caravan.label;
    for (const d of together.days) {
      expect(d.size).toBe(
        sizeOn(merged!.labelTruth, a, d.day) + sizeOn(merged!.labelTruth, b, d.day),
      );
    }
  });

  it("writes Spanish and English sheets the importer reads whole, with part words and unnamed reports", () => {
    for (const w of worlds) {
      expect(w.rejected).toBe(0);
      expect(w.dataset.sightings.length).toBe(w.reports.length);
      expect(w.files.monitoreo.split("\r\n")[0]).toContain("fecha;lugar");
      expect(w.files.press.split("\n")[0]).toContain("observed_at");
    }
    const sightings = worlds.flatMap((w) => w.dataset.sightings);
    expect(sightings.some((s) => s.part === "vanguardia")).toBe(true);
    expect(
      worlds
        .filter((w) => w.labelled)
        .some((w) => w.dataset.sightings.some((s) => !s.caravanLabel)),
    ).toBe(true);
    expect(
      worlds
        .filter((w) => !w.labelled)
        .every((w) => w.dataset.sightings.every((s) => !s.caravanLabel)),
    ).toBe(true);
    expect(worlds.some((w) => w.dataset.counts.length > 0)).toBe(true);
  });
});

describe("world3 scorer", () => {
  /** The truth fed back as an estimate, with intervals of zero width. */
  function perfect(w: World3): TrackPoint[] {
    const groups = w.labelled ? w.labelTruth : w.bodyTruth;
    return groups.flatMap((g) =>
      g.days.map((d) => ({
        ...exactPoint(g.group, g.routeId, d),
        headKm: d.firstKm,
        headKmLow: d.firstKm,
        headKmHigh: d.firstKm,
        tailKm: d.lastKm,
        tailKmLow: d.lastKm,
        tailKmHigh: d.lastKm,
      })),
    );
  }

  it("gives the truth zero error and full coverage, and an empty estimate every day missing", () => {
    for (const w of worlds.slice(0, 4)) {
      const f = figures(scoreWorld(w, perfect(w)).sums);
      expect(f.days).toBeGreaterThan(0);
      expect(f.kmMae).toBeCloseTo(0, 6);
      expect(f.kmCover).toBe(1);
      expect(f.sizeMape).toBe(0);
      expect(f.sizeCover).toBe(1);
      expect(f.headCover).toBe(1);
      expect(f.tailCover).toBe(1);
      expect(f.missingShare).toBe(0);
      const none = figures(scoreWorld(w, []).sums);
      expect(none.missingShare).toBe(1);
    }
  });
});
