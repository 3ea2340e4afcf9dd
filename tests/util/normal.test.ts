/** The standard normal CDF and quantile against reference values (R's pnorm/qnorm to 16 digits). */
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, Z90 } from "../../src/util/normal.ts";
import { assertInDelta } from "../asserts.ts";

// [z, Φ(z)], Φ from R 4.x `pnorm(z)` printed with 16 significant digits.
const CDF: [number, number][] = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.959963984540054, 0.975],
  [2.5, 0.9937903346742238],
  [-3, 0.001349898031630095],
];

describe("normalCdf / normalQuantile", () => {
  it("normalCdf(z) is Φ(z) to 1.2e-7 (absolute) on reference values", () => {
    for (const [z, p] of CDF) assertInDelta(normalCdf(z), p, 1.2e-7);
  });

  it("normalCdf keeps relative precision in the lower tail (likelihoods of far positions)", () => {
    // Φ(−8) = 6.220960574271785e-16 and Φ(−10) = 7.619853024160527e-24 (R: pnorm(-8), pnorm(-10)).
    expect(Math.abs(normalCdf(-8) / 6.220960574271785e-16 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-6);
    expect(normalCdf(-40)).toBeGreaterThanOrEqual(0);
  });

  it("normalQuantile(p) is Φ⁻¹(p) to 1e-8 in z, and ±Infinity at 0 and 1", () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [0.95, 1.644853626951472],
      [0.975, 1.959963984540054],
      [0.1, -1.281551565544601],
      [0.001, -3.090232306167813],
      [1e-6, -4.753424308822899],
    ];
    for (const [p, z] of cases) assertInDelta(normalQuantile(p), z, 1e-8);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    assertInDelta(Z90, normalQuantile(0.95), 1e-8);
  });

  it("normalQuantile inverts normalCdf across (0, 1)", () => {
    for (let p = 0.001; p < 1; p += 0.0137) assertInDelta(normalCdf(normalQuantile(p)), p, 2e-7);
  });
});
