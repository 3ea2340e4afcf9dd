// Own statistics helpers against simple-statistics (the design card's statistics library), to say
// with a measurement why each one stays: accuracy of the normal CDF and quantile against a
// reference computed here to ~1e-15, and agreement and speed of the type-7 quantile.
// Reference Φ: Marsaglia's series Φ(z) = ½ + φ(z)·Σ z^(2k+1)/(1·3·…·(2k+1)) (all terms positive
// for z > 0, so no cancellation; Φ(−z) = 1 − Φ(z) is exact enough in absolute terms) and, for the
// lower tail's relative error, the continued fraction of the Mills ratio. Reference Φ⁻¹: bisection
// of the reference Φ to 1e-15. Times are CPU time of this process (process.cpuUsage).
// Run: npx tsx bench/stats.bench.ts
import * as ss from "simple-statistics";
import { normalCdf, normalQuantile } from "../src/util/normal.ts";
import { quantileSorted } from "../src/util/quantiles.ts";
import { mulberry32 } from "../src/util/random.ts";

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Φ(z) for |z| ≤ 8 by Marsaglia's series, absolute error ~1e-16. */
function seriesCdf(z: number): number {
  if (z < 0) return 1 - seriesCdf(-z);
  let term = z;
  let sum = z;
  for (let k = 1; k < 500 && term > 1e-17 * sum; k++) {
    term *= (z * z) / (2 * k + 1);
    sum += term;
  }
  return 0.5 + phi(z) * sum;
}

/** Φ(z) for z ≤ −3 with full relative precision: φ(z)·R(|z|), R the Mills ratio by continued fraction. */
function lowerTailCdf(z: number): number {
  const x = -z;
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / fraction;
  return phi(x) / fraction;
}

function referenceQuantile(p: number): number {
  let low = -8.5;
  let high = 8.5;
  for (let i = 0; i < 200 && high - low > 1e-15; i++) {
    const middle = (low + high) / 2;
    if ((middle < -3 ? lowerTailCdf(middle) : seriesCdf(middle)) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// 1. Normal quantile: ours (Acklam) vs simple-statistics' probit, on p from 1e-6 to 1 − 1e-6.
const ps: number[] = [];
for (let i = 1; i < 2000; i++) ps.push(i / 2000);
ps.push(1e-6, 1e-4, 0.001, 0.01, 0.025, 0.05, 0.95, 0.975, 0.99, 0.999, 1 - 1e-4, 1 - 1e-6);
let oursQuantileErr = 0;
let ssQuantileErr = 0;
for (const p of ps) {
  const ref = referenceQuantile(p);
  oursQuantileErr = Math.max(oursQuantileErr, Math.abs(normalQuantile(p) - ref));
  ssQuantileErr = Math.max(ssQuantileErr, Math.abs(ss.probit(p) - ref));
}
const z95 = referenceQuantile(0.95);

// 2. Normal CDF: ours (erfc, Numerical Recipes) vs ½(1 + erf(z/√2)) with simple-statistics'
// errorFunction (the same Chebyshev fit), absolute error on [−8, 8] and relative error in the
// lower tail, where likelihoods of far positions live.
let oursCdfAbs = 0;
let ssCdfAbs = 0;
const ssCdf = (z: number) => 0.5 * (1 + ss.errorFunction(z / Math.SQRT2));
for (let z = -8; z <= 8; z += 0.01) {
  const ref = z < -3 ? lowerTailCdf(z) : seriesCdf(z);
  oursCdfAbs = Math.max(oursCdfAbs, Math.abs(normalCdf(z) - ref));
  ssCdfAbs = Math.max(ssCdfAbs, Math.abs(ssCdf(z) - ref));
}
const tailRows = [-4, -6, -8, -9, -10].map((z) => {
  const ref = lowerTailCdf(z);
  return { z, ref, ours: Math.abs(normalCdf(z) / ref - 1), theirs: Math.abs(ssCdf(z) / ref - 1) };
});

// 3. Type-7 quantile of sorted values: agreement and speed (1,000 values, as per scenario cell).
const random = mulberry32(2018);
const samples: Float64Array[] = [];
for (let s = 0; s < 2000; s++) {
  const values = new Float64Array(1000);
  for (let i = 0; i < values.length; i++) values[i] = Math.round(random() * 5000);
  samples.push(values.sort());
}
const levels = [0.1, 0.5, 0.9];
let maxQuantileDiff = 0;
for (const values of samples.slice(0, 200)) {
  for (const p of levels) {
    maxQuantileDiff = Math.max(
      maxQuantileDiff,
      Math.abs(quantileSorted(values, p) - ss.quantileSorted(values as unknown as number[], p)),
    );
  }
}
const arrays = samples.map((values) => Array.from(values));
let checksum = 0;
const REPEAT = 50;
const oursQuantileMs = cpuMs(() => {
  for (let r = 0; r < REPEAT; r++)
    for (const values of arrays) for (const p of levels) checksum += quantileSorted(values, p);
});
const ssQuantileMs = cpuMs(() => {
  for (let r = 0; r < REPEAT; r++)
    for (const values of arrays) for (const p of levels) checksum += ss.quantileSorted(values, p);
});
const calls = REPEAT * arrays.length * levels.length;
// "Did not happen" runs are +Infinity in the scenario's arrival-day quantiles.
const withNever = [3, 5, Infinity, Infinity];

const fmt = (x: number) => x.toExponential(1);
console.log(`| helper | dtm-flow | simple-statistics 7.12 |`);
console.log(`|---|---|---|`);
console.log(
  `| normal quantile, max abs error in z over p ∈ [1e-6, 1 − 1e-6] (${ps.length} p) | ${fmt(oursQuantileErr)} (\`normalQuantile\`) | ${fmt(ssQuantileErr)} (\`probit\`) |`,
);
console.log(
  `| z for p = 0.95 (reference ${z95.toFixed(10)}) | ${normalQuantile(0.95).toFixed(10)} | ${ss.probit(0.95).toFixed(10)} |`,
);
console.log(
  `| normal CDF, max abs error on z ∈ [−8, 8] | ${fmt(oursCdfAbs)} (\`normalCdf\`) | ${fmt(ssCdfAbs)} (½(1 + \`errorFunction\`(z/√2))) |`,
);
for (const row of tailRows) {
  console.log(
    `| normal CDF at z = ${row.z} (Φ = ${row.ref.toExponential(3)}), relative error | ${fmt(row.ours)} | ${fmt(row.theirs)} |`,
  );
}
console.log(
  `| type-7 quantile of 1,000 sorted values, max difference (200 × p10/p50/p90) | ${maxQuantileDiff} | (reference) |`,
);
console.log(
  `| type-7 quantile, CPU per call (${calls.toLocaleString("en")} calls) | ${((oursQuantileMs * 1e6) / calls).toFixed(0)} ns | ${((ssQuantileMs * 1e6) / calls).toFixed(0)} ns |`,
);
console.log(
  `| p90 of [3, 5, ∞, ∞] (∞ = did not arrive) | ${quantileSorted(withNever, 0.9)} | ${ss.quantileSorted(withNever, 0.9)} |`,
);
console.log(`(checksum ${checksum})`);
