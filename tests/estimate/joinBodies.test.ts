import { describe, expect, it } from "vitest";
import { joinBodies } from "../../src/estimate/joinBodies.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import { unlabelledTracks, walkingBody } from "./corridor.ts";

/** Tracks A (the body) and H (a second track at `offset` km from A's median, `size` people). */
function pair(
  offset: number,
  size: number,
): { a: WorkGroup; h: WorkGroup; run: () => Set<WorkGroup> } {
  const { ctx, groups } = unlabelledTracks([
    ...walkingBody("A", 200, 5000, [-150, 0, 150]),
    ...walkingBody("H", 200, size, [offset]),
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
