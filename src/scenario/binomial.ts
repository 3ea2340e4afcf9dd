/** Binomial draws for splitting groups of people (who claims asylum, who returns, …). */
import type { Random } from "../util/random.ts";
import { randomNormal } from "../util/random.ts";

/**
 * A Binomial(n, p) draw: how many of `n` people each do something with probability `p`.
 * Exact (inversion by sequential search) when the expected count of the rarer outcome is below
 * 30; otherwise the normal approximation with continuity correction, clamped to [0, n] — its
 * error is far below the uncertainty of any planning rate at those counts.
 *
 * @param n trials (people), a whole number ≥ 0.
 * @param p probability in [0, 1] (values outside are clamped).
 * @param random uniform source in [0, 1).
 * @returns a whole number in [0, n].
 * @example
 * binomial(5000, 0.2, mulberry32(1)); // => about 1000
 */
export function binomial(n: number, p: number, random: Random): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  const mean = n * p;
  if (mean < 30) {
    // Inversion: walk up the cumulative distribution from k = 0 (about mean + 1 steps).
    const q = 1 - p;
    let probability = Math.pow(q, n);
    if (probability > 0) {
      let cumulative = probability;
      const u = random();
      let k = 0;
      while (u > cumulative && k < n) {
        probability *= ((n - k) / (k + 1)) * (p / q);
        k++;
        cumulative += probability;
      }
      return k;
    }
  }
  const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * randomNormal(random));
  return Math.min(n, Math.max(0, draw));
}
