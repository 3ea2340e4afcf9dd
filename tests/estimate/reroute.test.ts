// A tracklet whose reports all came from a group on another branch of the road is put on that
// branch with its reports as positions (it used to be left with none, and the smoother threw
// "Invalid typed array length: -Infinity" on simulate.ts world 27 of the development set and on
// 21 reports of a world3 world, bench/world3/crash-403.csv).
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/index.ts";
import { legacyWorld } from "../../bench/worlds/legacy.ts";
import { expectSuccess, runIn, sandbox } from "../hostile/harness.ts";

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

  it("estimates the 21 unlabelled world3 reports that crashed it, through the CLI", async () => {
    const box = sandbox();
    try {
      box.copy("bench/world3/crash-403.csv", "crash-403.csv");
      const result = await runIn(box, ["estimate", "--sightings", "crash-403.csv", "--out", "out"]);
      expectSuccess(result);
      expect(result.code).toBe(0);
      expect(result.writtenInOut).toContain("out/tracks.csv");
    } finally {
      box.remove();
    }
  });
});
