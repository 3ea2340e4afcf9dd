import { describe, expect, it } from "vitest";
import { joinBodies } from "../../src/estimate/joinBodies.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, day, unlabelledTracks } from "./corridor.ts";

/**
 * A body of `size` people tagged `tag` whose median person walks 30 km a day from `km0` on
 * 13–26 Oct, reported each day at its rear, middle and front (`offsets`, km from the median).
 */
function reports(tag: string, km0: number, size: number, offsets: readonly number[]): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++)
    offsets.forEach((off, k) =>
      out.push({
        id: `${tag}${d}-${k}`,
        observedAt: `${day(d)}T${10 + 2 * k}:00`,
        ...at(km0 + 30 * (d - 13) + off),
        caravanLabel: tag,
        sizeBest: size,
        sourceType: "government",
      }),
    );
  return out;
}

/** Tracks A (the body) and H (a second track at `offset` km from A's median, `size` people). */
function pair(
  offset: number,
  size: number,
): { a: WorkGroup; h: WorkGroup; run: () => Set<WorkGroup> } {
  const { ctx, groups } = unlabelledTracks([
    ...reports("A", 200, 5000, [-150, 0, 150]),
    ...reports("H", 200, size, [offset]),
  ]);
  const a = groups.find((g) => g.name === "A") as WorkGroup;
  const h = groups.find((g) => g.name === "H") as WorkGroup;
  return { a, h, run: () => joinBodies(ctx, [a, h]) };
}

describe("joinBodies: a track within a larger track's body on their shared days joins it", () => {
  it("reports of the same body's front, with the body's figure, join the body's track", () => {
    const { a, h, run } = pair(140, 5000);
    expect([...run()]).toEqual([h]);
    expect(h.members).toHaveLength(0);
    expect(a.positions).toHaveLength(14 * 4);
  });
  it("a group of another size at the same places stays its own track", () => {
    const { h, run } = pair(140, 800);
    expect(run().size).toBe(0);
    expect(h.positions).toHaveLength(14);
  });
  it("a group of the same size 600 km ahead, beyond the body's reach, stays its own track", () => {
    const { h, run } = pair(600, 5000);
    expect(run().size).toBe(0);
    expect(h.positions).toHaveLength(14);
  });
});
