import { describe, expect, it } from "vitest";
import { anchorShiftSd } from "../../src/estimate/anchorShift.ts";
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

  /**
   * Residuals against the true sizes of a world whose sources all sit ~20 % below the anchors and
   * disagree with them apart as the stress worlds' do, while DTM registrations count exactly.
   * Fitted against the truth, the right common shift is 0: each fitted bias should be its own.
   */
  function underReportingWorld(withRegistrations: boolean): BiasResidual[] {
    const random = mulberry32(13);
    const truth = { government: -0.5, un: -0.2, ngo: 0.05, media: 0.1, organiser: 0.3 };
    const residuals: BiasResidual[] = [];
    for (const [source, bias] of Object.entries(truth)) {
      for (let i = 0; i < 60; i++) {
        residuals.push({
          source: source as BiasResidual["source"],
          residual: bias + 0.2 * randomNormal(random),
        });
      }
    }
    for (let i = 0; withRegistrations && i < 15; i++) {
      residuals.push({ source: "dtm", residual: 0.1 * randomNormal(random) });
    }
    return residuals;
  }

  it("when the anchors disagree with the data, the registrations set the common level", () => {
    const residuals = underReportingWorld(true);
    const tau = anchorShiftSd(residuals);
    expect(tau).toBeGreaterThan(0.15);
    const anchored = fitSourceBiases(residuals).biases;
    const counted = fitSourceBiases(residuals, undefined, tau).biases;
    // Held at the anchors, every bias is raised by the level they set: sizes ~15 % low …
    expect(anchored.get("dtm")?.bias).toBeGreaterThan(0.12);
    // … with τ the registrations hold the level (sizes within ~7 %), and every type comes down.
    expect(Math.abs(counted.get("dtm")?.bias ?? 1)).toBeLessThan(0.08);
    for (const [source, fit] of anchored) {
      expect(counted.get(source)?.bias).toBeLessThan(fit.bias - 0.08);
    }
  });

  it("without registrations, or when the anchors agree with the data, τ changes nothing", () => {
    const residuals = underReportingWorld(false);
    const tau = anchorShiftSd(residuals);
    expect(tau).toBeGreaterThan(0.1);
    const a = fitSourceBiases(residuals).biases;
    const b = fitSourceBiases(residuals, undefined, tau).biases;
    for (const [source, fit] of a) expect(b.get(source)?.bias).toBeCloseTo(fit.bias, 9);
    const agreeing: BiasResidual[] = (["dtm", "government", "organiser"] as const).flatMap(
      (source) =>
        Array.from({ length: 20 }, (_, i) => ({
          source,
          residual: SOURCE_PRIORS[source].bias + 0.3 + (i % 2 ? 0.1 : -0.1),
        })),
    );
    expect(anchorShiftSd(agreeing)).toBe(0);
  });
});
