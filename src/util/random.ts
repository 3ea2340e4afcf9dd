/**
 * Seeded pseudo-random numbers. Every function in the library that samples takes a `random`
 * argument (a function returning a float in [0, 1)); tests and benchmarks pass `mulberry32(seed)`
 * so that results are identical across runs and machines.
 */

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger's public-domain construction).
 * Good enough for Monte Carlo in this toolkit; not for cryptography.
 * @param seed any integer; the same seed always gives the same sequence.
 * @example
 * const random = mulberry32(42);
 * random(); // => 0.6011037519201636
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return function random() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal deviate by the Box–Muller transform.
 * @param random uniform source in [0, 1).
 */
export function randomNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
