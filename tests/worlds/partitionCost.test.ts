// The association diagnostic (bench/worlds/partitionCost.ts): a partition's objective term by
// term, the report-rate term it can add, and the reports read as the association reads them.
import { describe, expect, it } from "vitest";
import {
  associationReports,
  forkBirthCost,
  partitionCost,
  rideCost,
  returnCost,
  rivalCost,
  waitCost,
  waitCounts,
  reportRateLoss,
} from "../../bench/worlds/partitionCost.ts";
import type { IdReport } from "../../bench/worlds/partitionCost.ts";
import { generateStressWorld } from "../../bench/worlds/stress.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";

const m = { ...DEFAULT_COST_MODEL, spreadKm: 10 };

/** Reports of group `g` walking 35 km a day from km 0, days `from`…`to`, two a day, of `size`. */
function walker(g: string, from: number, to: number, size: number): IdReport[] {
  const out: IdReport[] = [];
  for (let d = from; d <= to; d++)
    for (const h of [0.3, 0.7])
      out.push({
        id: `${g}${d}-${h}`,
        t: d + h,
        kmByRoute: new Map([["main", 35 * (d - from) + (h > 0.5 ? 5 : -5)]]),
        logSize: Math.log(size),
      });
  return out;
}

describe("partitionCost", () => {
  // A leaves on day 1, B five days later on the same road: B is 175 km behind A all along.
  const reports = [...walker("A", 1, 14, 1500), ...walker("B", 6, 19, 4000)];
  const truth = (id: string): string => id[0];

  it("scores the true partition below a mixture of two groups swapped halfway", () => {
    // Mixture: A until day 10, then B's reports; and B until day 10, then A's.
    const mixed = (id: string): string => {
      const day = Number(id.slice(1).split("-")[0]);
      return day <= 10 ? id[0] : id[0] === "A" ? "B" : "A";
    };
    const t = partitionCost(reports, truth, ["main"], m);
    const f = partitionCost(reports, mixed, ["main"], m);
    expect(t.groups.map((g) => g.n)).toEqual([28, 28]);
    expect(t.births).toBe(2 * BIRTH_NATS);
    expect(t.total).toBeCloseTo(t.positions + t.offRoute + t.sizes + t.births, 9);
    expect(f.total - t.total).toBeGreaterThan(BIRTH_NATS);
  });

  it("scores the truth below one group holding both", () => {
    const t = partitionCost(reports, truth, ["main"], m);
    const one = partitionCost(reports, () => "one", ["main"], m);
    expect(one.total - t.total).toBeGreaterThan(0);
    // The mixture's figures (1,500 and 4,000 in one group) cost more than each group's own.
    expect(one.sizes).toBeGreaterThan(t.sizes);
  });

  it("adds the report rates only when asked", () => {
    const plain = partitionCost(reports, truth, ["main"], m);
    const rated = partitionCost(reports, truth, ["main"], m, BIRTH_NATS, 1);
    expect(plain.rate).toBe(0);
    expect(rated.total - plain.total).toBeCloseTo(rated.rate, 9);
  });
});

describe("reportRateLoss", () => {
  const group = Array.from({ length: 40 }, (_, i) => ({ t: 1 + i / 4 }));

  it("charges n log 2 for two groups seen over the same days, little for a cut in time", () => {
    const whole = reportRateLoss(group);
    const alternate = [group.filter((_, i) => i % 2 === 0), group.filter((_, i) => i % 2 === 1)];
    const concurrent = alternate.reduce((a, l) => a + reportRateLoss(l), 0);
    const sequential = reportRateLoss(group.slice(0, 20)) + reportRateLoss(group.slice(20));
    expect(concurrent - whole).toBeGreaterThan(40 * Math.log(2) - 2);
    expect(Math.abs(sequential - whole)).toBeLessThan(0.5 * (concurrent - whole));
    expect(reportRateLoss([])).toBe(0);
  });
});

describe("associationReports", () => {
  it("reads a world without labels: each report near a route, with its id, time and km", () => {
    const w = generateStressWorld(3);
    expect(w.labelled).toBe(false);
    const { reports, model, routeIds } = associationReports(w.dataset);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThanOrEqual(w.dataset.sightings.length);
    for (const r of reports) {
      expect(w.sightingGroup[r.id]).toBeDefined();
      expect(r.kmByRoute.size).toBeGreaterThan(0);
      for (const id of r.kmByRoute.keys()) expect(routeIds).toContain(id);
    }
    expect(model.roadKm).toBeGreaterThan(1000);
  });
});

describe("forkBirthCost", () => {
  const shifted = (l: IdReport[], km: number): IdReport[] =>
    l.map((r) => ({ ...r, kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + km]]) }));
  const f = { nats: 30, aheadKm: 100 };

  it("charges a group born ahead of another on its road, not one born behind", () => {
    const body = { reports: walker("a", 0, 9, 800), route: "main" };
    const ahead = { reports: shifted(walker("b", 4, 9, 800), 400), route: "main" };
    const behind = { reports: walker("c", 4, 9, 800), route: "main" };
    expect(forkBirthCost([body, ahead], f)).toBe(30);
    expect(forkBirthCost([body, behind], f)).toBe(0);
    expect(forkBirthCost([body], f)).toBe(0);
  });
});

describe("rideCost", () => {
  const f = { nats: 10, km: 100 };

  it("charges each step of the forward-only fit beyond a walk: a ride, or a hand-off ahead", () => {
    const walking = walker("a", 0, 9, 800);
    expect(rideCost(walking, "main", m, f)).toBe(0);
    // The same group rides 400 km on day 5: one step.
    const rode = walking.map((r) =>
      r.t >= 5 ? { ...r, kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + 400]]) } : r,
    );
    expect(rideCost(rode, "main", m, f)).toBe(10);
    // Reports off the route scored are skipped, not read as steps.
    expect(rideCost(rode, "other", m, f)).toBe(0);
  });

  it("is added to the births of partitionCost when the reading asks for it", () => {
    const reports = [...walker("A", 1, 14, 1500)].map((r) =>
      r.t >= 8 ? { ...r, kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + 400]]) } : r,
    );
    const one = (): string => "A";
    const plain = partitionCost(reports, one, ["main"], m, BIRTH_NATS);
    const charged = partitionCost(reports, one, ["main"], m, BIRTH_NATS, 0, { rides: f });
    expect(charged.births - plain.births).toBe(10);
  });
});

describe("rivalCost", () => {
  const f = { nats: 10 };
  const moved = (r: IdReport, km: number): IdReport => ({
    ...r,
    kmByRoute: new Map([["main", km]]),
  });

  it("charges a group's outlier that another group's track holds, not one alone on the road", () => {
    const a = walker("a", 0, 9, 800);
    // b walks 300 km ahead of a on the same days.
    const b = walker("b", 0, 9, 800).map((r) => moved(r, (r.kmByRoute.get("main") ?? 0) + 300));
    // One report of a's on day 5 placed where b is: an outlier of a's track, held by b's.
    const stray = a.map((r, i) => (i === 10 ? moved(r, (r.kmByRoute.get("main") ?? 0) + 300) : r));
    const groups = (x: IdReport[]) => [
      { reports: x, route: "main" },
      { reports: b, route: "main" },
    ];
    expect(rivalCost(groups(a), m, f)).toBe(0);
    expect(rivalCost(groups(stray), m, f)).toBe(10);
    expect(rivalCost([{ reports: stray, route: "main" }], m, f)).toBe(0);
  });
});

describe("returnCost", () => {
  const f = { nats: 10, km: 150 };
  /** walker("a", 0, 9) with days `moved` shifted by `by` km. */
  const shifted = (moved: readonly number[], by: number): IdReport[] =>
    walker("a", 0, 9, 800).map((r) =>
      moved.includes(Math.floor(r.t))
        ? { ...r, kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + by]]) }
        : r,
    );

  it("charges a track that jumps ahead and goes back, not one that walks or rides and stays", () => {
    expect(returnCost(walker("a", 0, 9, 800), "main", f)).toBe(0);
    // A ride of 400 km on day 5 that stays ahead: nothing behind.
    expect(returnCost(shifted([5, 6, 7, 8, 9], 400), "main", f)).toBe(0);
    // Days 5–6 on a group 400 km ahead, days 7–9 back on the first: one return of three days.
    const handOff = shifted([5, 6], 400);
    expect(returnCost(handOff, "main", f)).toBe(10);
    expect(returnCost(handOff, "main", { ...f, perDay: true })).toBe(30);
    expect(returnCost(handOff, "main", { ...f, km: 500 })).toBe(0);
    expect(returnCost(handOff, "other", f)).toBe(0);
  });

  it("with confirm, needs two days ahead and two days behind", () => {
    // One day 400 km ahead (a misplaced report): a return unconfirmed, none confirmed.
    expect(returnCost(shifted([5], 400), "main", f)).toBe(10);
    expect(returnCost(shifted([5], 400), "main", { ...f, confirm: true })).toBe(0);
    expect(returnCost(shifted([5, 6], 400), "main", { ...f, confirm: true })).toBe(10);
    // Two days ahead, one day back, then ahead again: confirmed, no return.
    expect(returnCost(shifted([5, 6, 8, 9], 400), "main", { ...f, confirm: true })).toBe(0);
  });

  it("is added to the births of partitionCost when the reading asks for it", () => {
    const one = (): string => "A";
    const reports = shifted([5, 6], 400);
    const plain = partitionCost(reports, one, ["main"], m, BIRTH_NATS);
    const charged = partitionCost(reports, one, ["main"], m, BIRTH_NATS, 0, { returns: f });
    expect(charged.births - plain.births).toBe(10);
  });
});

describe("waitCost", () => {
  const f = { nats: 10, jumpKm: 200, days: 3, nearKm: 30 };
  /** Reports of group `g` staying at `km`, days `from`…`to`, two a day. */
  const stay = (g: string, from: number, to: number, km: number): IdReport[] =>
    walker(g, from, to, 800).map((r) => ({ ...r, kmByRoute: new Map([["main", km]]) }));
  // A track walks days 0–4 (to km 145), then holds a group staying at km 600 on days 5–9.
  const handOff = [...walker("a", 0, 4, 800), ...stay("a", 5, 9, 600)];
  // Its first group, walking on from km 175 on day 5, held by another track.
  const first = walker("b", 5, 12, 800).map((r) => ({
    ...r,
    kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + 175]]),
  }));
  const on = (reports: IdReport[]) => ({ reports, route: "main" });

  it("charges a jump followed by a stall, not a walk, a ride that walks on, or a stay after walking", () => {
    expect(waitCost([on(handOff)], f)).toBe(10);
    expect(waitCost([on(walker("a", 0, 9, 800))], f)).toBe(0);
    // A ride of 400 km on day 5 that walks on at 35 km a day: no stall.
    const ride = walker("a", 0, 9, 800).map((r) =>
      r.t >= 5 ? { ...r, kmByRoute: new Map([["main", (r.kmByRoute.get("main") ?? 0) + 400]]) } : r,
    );
    expect(waitCost([on(ride)], f)).toBe(0);
    // Walking days 0–4, then a stay where it stopped: no jump.
    expect(waitCost([on([...walker("a", 0, 4, 800), ...stay("a", 5, 9, 145)])], f)).toBe(0);
    // Seen only 2 days after the landing: too short for a wait of 3 days.
    expect(waitCost([on([...walker("a", 0, 4, 800), ...stay("a", 5, 7, 600)])], f)).toBe(0);
    expect(waitCost([on(handOff)], { ...f, jumpKm: 500 })).toBe(0);
    expect(waitCost([{ reports: handOff, route: "other" }], f)).toBe(0);
  });

  it("with behind, needs another group behind the landing point closing in", () => {
    const g = { ...f, behind: true };
    expect(waitCost([on(handOff)], g)).toBe(0);
    expect(waitCounts([on(handOff), on(first)], g)).toEqual([1, 0]);
    // The other group ahead of the landing point (km 800 on): no rival behind.
    expect(waitCost([on(handOff), on(stay("b", 5, 12, 800))], g)).toBe(0);
    // The other group behind but not closing in (staying at km 175): no charge.
    expect(waitCost([on(handOff), on(stay("b", 5, 12, 175))], g)).toBe(0);
  });

  it("is added to the births of partitionCost when the reading asks for it", () => {
    const one = (): string => "A";
    const plain = partitionCost(handOff, one, ["main"], m, BIRTH_NATS);
    const charged = partitionCost(handOff, one, ["main"], m, BIRTH_NATS, 0, { waits: f });
    expect(charged.births - plain.births).toBe(10);
  });
});
