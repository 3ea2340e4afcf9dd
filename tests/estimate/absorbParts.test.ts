import { describe, expect, it } from "vitest";
import { absorbParts } from "../../src/estimate/absorbParts.ts";
import type { EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, day, unlabelledTracks, walkingBody } from "./corridor.ts";

/** A long body of 5,000 people walking from km 200, tagged "B" (every track is read as unlabelled). */
const body = walkingBody("B", 200, 5000, undefined, "b");

/** Reports of `size` people at 16:00 of 16–20 Oct, `ahead` km ahead of the body's median person on the 16th, `perDay` km a day. */
function other(ahead: number, perDay: number, size: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 16; d <= 20; d++)
    out.push({
      id: `s${d}`,
      observedAt: `${day(d)}T16:00`,
      ...at(290 + ahead + perDay * (d - 16)),
      caravanLabel: "T",
      sizeBest: size,
      sourceType: "ngo",
      // One report of the track names its part (absorbParts.ts namesAPart).
      ...(d === 18 ? { notes: ahead >= 0 ? "la vanguardia" : "los rezagados" } : {}),
    });
  return out;
}

/** The two tracks (body, other) as the search would leave them: unlabelled, coarse km pass run. */
function tracks(sightings: Sighting[]): {
  ctx: EstimateContext;
  b: WorkGroup;
  t: WorkGroup;
  all: WorkGroup[];
} {
  const { ctx, groups } = unlabelledTracks(sightings);
  const b = groups.find((g) => g.name === "B") as WorkGroup;
  const t = groups.find((g) => g.name === "T") as WorkGroup;
  return { ctx, b, t, all: groups };
}

describe("absorbParts: a short track within another's body is read as its part", () => {
  it("a vanguard of 300 reported on its own 180 km ahead of a body of 5,000 joins it as its head", () => {
    const { ctx, b, t } = tracks([...body, ...other(180, 30, 300)]);
    const absorbed = absorbParts(ctx, [b, t], [b, t]);
    expect([...absorbed]).toEqual([t]);
    expect(t.positions).toHaveLength(0);
    expect(b.positions).toHaveLength(42 + 5);
    for (let d = 16; d <= 20; d++) expect(b.parts?.get(`s${d}`)).toBe("head");
    // Without a report naming its part, the same track stays its own.
    const unnamed = tracks([...body, ...other(180, 30, 300)]);
    unnamed.t.parts = new Map();
    expect(absorbParts(unnamed.ctx, [unnamed.b, unnamed.t], [unnamed.b, unnamed.t]).size).toBe(0);
    // The body's own reports stay unmarked (read by their figures), its typical figure its own.
    expect(b.parts?.has("b18-2")).toBe(false);
    expect(b.scale).toBeCloseTo(5000, 6);
    expect(ctx.associations.filter((a) => a.group === "T")).toHaveLength(0);
  });

  it("stragglers of 300 behind the body are read as its tail", () => {
    const { ctx, b, t } = tracks([...body, ...other(-170, 30, 300)]);
    expect([...absorbParts(ctx, [b, t], [b, t])]).toEqual([t]);
    for (let d = 16; d <= 20; d++) expect(b.parts?.get(`s${d}`)).toBe("tail");
  });

  it("a group of 2,000 walking close ahead of a body of 5,000 is not its part; one of 1,000 would be", () => {
    const close = tracks([...body, ...other(100, 30, 2000)]);
    expect(absorbParts(close.ctx, [close.b, close.t], [close.b, close.t]).size).toBe(0);
    expect(close.t.positions).toHaveLength(5);
    // The same track with a part's figures (a fifth of the body) is read as its part: the size
    // is what keeps the two groups apart.
    const part = tracks([...body, ...other(100, 30, 1000)]);
    expect(absorbParts(part.ctx, [part.b, part.t], [part.b, part.t]).size).toBe(1);
  });

  it("a small group drawing away from the body, beyond its reach, stays its own track", () => {
    const { ctx, b, t } = tracks([...body, ...other(150, 150, 300)]);
    expect(absorbParts(ctx, [b, t], [b, t]).size).toBe(0);
    expect(t.positions).toHaveLength(5);
  });

  it("a labelled track is neither absorbed nor a body", () => {
    const { ctx, b, t } = tracks([...body, ...other(180, 30, 300)]);
    b.labelled = true;
    expect(absorbParts(ctx, [b, t], [b, t]).size).toBe(0);
  });

  it("a part that joined a smaller track first is read again against the body that track joins", () => {
    // T: a vanguard of 1,000 100 km ahead of the body's median person; P: 200 people a few km behind
    // T's median person, so T's tail but the body's head. P joins T first (the nearer fit),
    // then T joins the body: P's marks are the body's head, not T's tail carried over.
    const p: Sighting[] = [17, 19, 20].map((d) => ({
      id: `p${d}`,
      observedAt: `${day(d)}T16:00`,
      ...at(290 + 68 + 30 * (d - 16)),
      caravanLabel: "P",
      sizeBest: 200,
      sourceType: "ngo",
      ...(d === 19 ? { notes: "la vanguardia" } : {}),
    }));
    const { ctx, b, t, all } = tracks([...body, ...other(100, 30, 1000), ...p]);
    const q = all.find((g) => g.name === "P") as WorkGroup;
    const absorbed = absorbParts(ctx, [b, t, q], [b, t, q]);
    expect(absorbed).toEqual(new Set([q, t]));
    expect(b.parts?.get("p17")).toBe("head");
    expect(b.parts?.get("p20")).toBe("head");
  });

  it("a part does not stretch its body's reach: a track beyond it does not join through it", () => {
    const far = (ahead: number): Sighting[] =>
      other(ahead, 30, 300).map((s) => ({ ...s, id: `f${s.id}`, caravanLabel: "F" }));
    const { ctx, b, t, all } = tracks([...body, ...other(180, 30, 300), ...far(275)]);
    const f = all.find((g) => g.name === "F") as WorkGroup;
    const absorbed = absorbParts(ctx, [b, t, f], [b, t, f]);
    // T (180 km ahead, beyond the body's front reports) joins; F, 95 km further, lies beyond the
    // body's own reach and would join only through the reach T's reports gave (a chain).
    expect(absorbed).toEqual(new Set([t]));
    expect(f.positions).toHaveLength(5);
  });
});
