// A tracklet whose reports all came from a group on another branch of the road is put on that
// branch with its reports as positions (it used to be left with none, and the smoother threw
// "Invalid typed array length: -Infinity" on simulate.ts world 27 of the development set).
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/index.ts";
import { legacyWorld } from "../../bench/worlds/legacy.ts";

describe("association across branches of the road", () => {
  it("estimates an unlabelled world whose tracklets change branch (simulate.ts, seed offset 200, world 27)", () => {
    const world = legacyWorld(27, 30, 200);
    const result = estimateTracks(world.dataset);
    expect(result.tracks.length).toBeGreaterThan(0);
    for (const t of result.tracks) {
      expect(Number.isFinite(t.km)).toBe(true);
      expect(t.kmLow).toBeLessThanOrEqual(t.km);
      expect(t.km).toBeLessThanOrEqual(t.kmHigh);
    }
  });
});
