/** Tolerance-aware assertions shared by the tests (after d3-geo's test/asserts.js). */
import { expect } from "vitest";

/**
 * Asserts that `actual` equals `expected` within `delta`, recursing into arrays and objects.
 * Never compare raw floats from geometry with deep equality.
 */
export function assertInDelta(
  actual: unknown,
  expected: unknown,
  delta = 1e-6,
  path = "value",
): void {
  if (typeof expected === "number") {
    expect(typeof actual, `${path} is a number`).toBe("number");
    const ok =
      Math.abs((actual as number) - expected) <= delta ||
      (Number.isNaN(expected) && Number.isNaN(actual));
    expect(ok, `${path}: expected ${expected} ± ${delta}, got ${String(actual)}`).toBe(true);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => assertInDelta((actual as unknown[])[i], e, delta, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(actual !== null && typeof actual === "object", `${path} is an object`).toBe(true);
    for (const key of Object.keys(expected)) {
      assertInDelta(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        delta,
        `${path}.${key}`,
      );
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}
