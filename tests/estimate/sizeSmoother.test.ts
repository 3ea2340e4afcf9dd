import { describe, expect, it } from "vitest";
import { smoothSize } from "../../src/estimate/sizeSmoother.ts";

describe("smoothSize (log-size grid smoother)", () => {
  it("smoothSize removes a source's bias: organisers at +0.85 reporting 7,000 mean ~3,000", () => {
    const r = smoothSize({
      nDays: 1,
      observations: [{ step: 0, logValue: Math.log(7000), bias: 0.85, sigma: 0.1, outlier: 0.01 }],
    });
    expect(r[0].median).toBeGreaterThan(2700);
    expect(r[0].median).toBeLessThan(3300);
  });

  it("smoothSize reads 'more than 5,000' as a lower bound", () => {
    const r = smoothSize({
      nDays: 1,
      observations: [
        { step: 0, logLow: Math.log(5000), bias: 0, sigma: 0.05, outlier: 0.01 },
        { step: 0, logValue: Math.log(4000), bias: 0, sigma: 0.5, outlier: 0.01 },
      ],
    });
    expect(r[0].median).toBeGreaterThan(4900);
  });

  it("smoothSize keeps a range's answer inside the range", () => {
    const r = smoothSize({
      nDays: 1,
      observations: [
        {
          step: 0,
          logLow: Math.log(2000),
          logHigh: Math.log(3000),
          bias: 0,
          sigma: 0.02,
          outlier: 0.01,
        },
      ],
    });
    expect(r[0].low).toBeGreaterThan(1900);
    expect(r[0].high).toBeLessThan(3100);
  });

  it("smoothSize widens intervals by the common level's sd", () => {
    const observations = [
      { step: 0, logValue: Math.log(3000), bias: 0, sigma: 0.1, outlier: 0.01 },
    ];
    const narrow = smoothSize({ nDays: 1, observations })[0];
    const wide = smoothSize({ nDays: 1, observations, levelSd: 0.3 })[0];
    expect(wide.high / wide.low).toBeGreaterThan(narrow.high / narrow.low);
  });

  it("smoothSize shrugs off one wild figure among consistent ones", () => {
    const observations = [0, 1, 2, 3].map((step) => ({
      step,
      logValue: Math.log(3000),
      bias: 0,
      sigma: 0.15,
      outlier: 0.05,
    }));
    observations.push({ step: 2, logValue: Math.log(60000), bias: 0, sigma: 0.15, outlier: 0.05 });
    const r = smoothSize({ nDays: 4, observations });
    expect(r[2].median).toBeLessThan(3600);
  });
});
