// What the seeded accuracy benchmarks share for their command line and their printed figures
// (bench/stress.bench.ts, bench/world3.bench.ts, bench/ledgerCover.bench.ts). Not the worlds or
// their scoring: world3 keeps its own, so that a scoring fault cannot hide in two simulators.

import type { PredictiveAssociation } from "../src/estimate/predictiveTrack.ts";
import type { SplitPartsOptions } from "../src/estimate/splitParts.ts";
import type { PeopleJoinOptions } from "../src/estimate/peopleJoin.ts";

/** The number after `--<name>` on the command line, else `fallback`. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A share as "84.7 %", or "n/a" when there is none. */
export const pct = (x: number): string =>
  Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "n/a";

/** A number with `d` decimals, or "n/a". */
export const num = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/** Runs `fn` and returns its value with the process's CPU time (user + system) it took, in ms. */
export function cpuMs<T>(fn: () => T): { ms: number; value: T } {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, value };
}

/**
 * EstimateOptions.predictiveAssociation from the command line: `--pred-assoc` turns it on,
 * `--pred-birth N` (nats a group; default the search's BIRTH_NATS) and `--pred-spread KM` (the
 * reports' spread; default 40 km) set it; `--pred-exhaustive`: the search's single-report moves
 * re-fit every candidate (no screen); `--pred-added`: the predictive cost added to the fit's;
 * `--pred-spreads`: averaged over spreads of 8, 20, 40, 80 and 150 km; `--pred-moves` /
 * `--pred-merges`: only in the moves of single reports / only in the merges and split tests;
 * `--pred-part-share P`, `--pred-size-sd LOG`: the size term's part share and figure sd;
 * `--pred-day-span-km KM --pred-day-span-nats N`: the same-day span charge (daySpanOutside);
 * `--pred-size-ratio R`: merges keep apart tracklets whose sizes differ more than R times.
 * Undefined without `--pred-assoc`. (Measured, not kept: docs/estimation.md, branch predassoc.)
 */
export function predictiveAssociationArg(): PredictiveAssociation | undefined {
  if (!process.argv.includes("--pred-assoc")) return undefined;
  const birth = option("pred-birth", NaN);
  const spread = option("pred-spread", NaN);
  const partShare = option("pred-part-share", NaN);
  const sizeSd = option("pred-size-sd", NaN);
  const daySpanKm = option("pred-day-span-km", NaN);
  const daySpanNats = option("pred-day-span-nats", NaN);
  const mergeSizeRatio = option("pred-size-ratio", NaN);
  return {
    birthNats: Number.isFinite(birth) ? birth : undefined,
    spreadKm: Number.isFinite(spread) ? spread : undefined,
    partShare: Number.isFinite(partShare) ? partShare : undefined,
    sizeSd: Number.isFinite(sizeSd) ? sizeSd : undefined,
    daySpanKm: Number.isFinite(daySpanKm) ? daySpanKm : undefined,
    daySpanNats: Number.isFinite(daySpanNats) ? daySpanNats : undefined,
    mergeSizeRatio: Number.isFinite(mergeSizeRatio) ? mergeSizeRatio : undefined,
    exhaustive: process.argv.includes("--pred-exhaustive"),
    added: process.argv.includes("--pred-added"),
    spreadsKm: process.argv.includes("--pred-spreads") ? [8, 20, 40, 80, 150] : undefined,
    steps: process.argv.includes("--pred-moves")
      ? "moves"
      : process.argv.includes("--pred-merges")
        ? "merges"
        : "all",
  };
}

/**
 * Short unlabelled tracks split between two bodies as their parts (EstimateOptions.splitParts,
 * src/estimate/splitParts.ts; off by default: on in assoc25, off again after fresh seeds lost):
 * --no-split-parts keeps it off; --split-parts, --split-min-bodies N, --split-max-bodies N (99: no cap, as stop 24 read it) and
 * --split-unnamed (no part word needed) read it otherwise.
 */
export function splitPartsArg(): SplitPartsOptions | boolean | undefined {
  if (process.argv.includes("--no-split-parts")) return false;
  if (process.argv.includes("--split-parts")) return true;
  const minBodies = process.argv.includes("--split-min-bodies")
    ? option("split-min-bodies", 2)
    : undefined;
  const maxBodies = process.argv.includes("--split-max-bodies")
    ? option("split-max-bodies", 3)
    : undefined;
  const unnamed = process.argv.includes("--split-unnamed");
  if (minBodies === undefined && maxBodies === undefined && !unnamed) return undefined;
  return { minBodies: minBodies ?? 2, maxBodies: maxBodies ?? 3, named: !unnamed };
}

/**
 * EstimateOptions.peopleJoin from the bench flags (off unless `--people-join`; docs/estimation.md
 * § assoc27): `--people-join-miss S` and `--people-join-overlap S` set its shares,
 * `--people-join-tight` bounds the body by its tail and head estimates, `--people-join-whole R`
 * the whole-body figure's ratio.
 */
export function peopleJoinArg(): PeopleJoinOptions | false {
  if (!process.argv.includes("--people-join")) return false;
  const out: PeopleJoinOptions = {};
  if (process.argv.includes("--people-join-miss")) out.missShare = option("people-join-miss", 0.1);
  if (process.argv.includes("--people-join-overlap"))
    out.overlapShare = option("people-join-overlap", 0.75);
  if (process.argv.includes("--people-join-tight")) out.extent = "estimate";
  if (process.argv.includes("--people-join-whole")) out.wholeRatio = option("people-join-whole", 2);
  return out;
}

/**
 * --reach-back[-unlabelled]: tracks written back towards their departure (EstimateOptions.reachBack;
 * off by default, docs/estimation.md § gaps27): "unlabelled" for unlabelled tracks only.
 */
export function reachBackArg(): boolean | "unlabelled" {
  if (process.argv.includes("--reach-back-unlabelled")) return "unlabelled";
  return process.argv.includes("--reach-back");
}
