import { describe, expect, it } from "vitest";
import { ANCHOR_LEVEL_SD, fitSourceBiases, SOURCE_PRIORS } from "../../src/estimate/sourceBias.ts";
import type { BiasResidual } from "../../src/estimate/sourceBias.ts";
import { mulberry32, randomNormal } from "../../src/util/random.ts";

describe("fitSourceBiases", () => {
  it("fitSourceBiases recovers the gap between organisers and government from the data", () => {
    const random = mulberry32(5);
    const residuals: BiasResidual[] = [];
    // true biases: government −0.1, organiser +1.1 (further from the prior +0.85); level shifted by 0.3
    for (let i = 0; i < 200; i++) {
      residuals.push({ source: "government", residual: 0.3 - 0.1 + 0.2 * randomNormal(random) });
      residuals.push({ source: "organiser", residual: 0.3 + 1.1 + 0.2 * randomNormal(random) });
    }
    const { biases } = fitSourceBiases(residuals);
    const gap = (biases.get("organiser")?.bias ?? 0) - (biases.get("government")?.bias ?? 0);
    expect(gap).toBeGreaterThan(1.1);
    expect(gap).toBeLessThan(1.3);
    expect(biases.get("organiser")?.spread).toBeGreaterThan(0.15);
    expect(biases.get("organiser")?.spread).toBeLessThan(0.3);
  });

  it("fitSourceBiases stays at the prior for a source type with no data and reports only types seen", () => {
    const { biases } = fitSourceBiases([{ source: "media", residual: SOURCE_PRIORS.media.bias }]);
    expect([...biases.keys()]).toEqual(["media"]);
    expect(biases.get("media")?.bias).toBeCloseTo(SOURCE_PRIORS.media.bias, 6);
  });

  it("the common level keeps the anchors' own uncertainty however many types and reports speak", () => {
    const random = mulberry32(9);
    const residuals: BiasResidual[] = [];
    for (const source of ["dtm", "government", "un", "ngo", "media", "organiser"] as const) {
      for (let i = 0; i < 500; i++) {
        residuals.push({
          source,
          residual: SOURCE_PRIORS[source].bias + 0.1 * randomNormal(random),
        });
      }
    }
    const { levelSd } = fitSourceBiases(residuals);
    // Pooling the six types' priors alone would give ≈ 0.06: the shift common to all of them is
    // invisible to the reports and stays in the intervals.
    expect(levelSd).toBeGreaterThan(ANCHOR_LEVEL_SD);
    expect(levelSd).toBeLessThan(ANCHOR_LEVEL_SD + 0.05);
  });
});
