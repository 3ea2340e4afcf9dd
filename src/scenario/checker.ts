/**
 * Collects the problems of a scenario file, each with a JSON pointer (RFC 6901) to the field and
 * a sentence saying what was expected, so a planner sees them all at once.
 */
import type { DtmWarning } from "../model/warning.ts";
import type { NumberOrRange, ScenarioError } from "./types.ts";
import { scenarioErrorMessage } from "./errorSentences.ts";
import type { ScenarioErrorCode, ScenarioErrorParams, ScenarioQuantity } from "./errorSentences.ts";

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON pointer escaping (RFC 6901). */
export const escape = (key: string | number): string =>
  String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** The largest value a number or range can take. */
export const rangeMax = (r: NumberOrRange): number => (typeof r === "number" ? r : r.max);

/** A whole number with thousands separators (10,000,000), for messages. */
export const grouped = (n: number): string =>
  Number.isInteger(n) ? n.toLocaleString("en-US") : String(n);

export class Checker {
  errors: ScenarioError[] = [];
  /** What was read but may not be what was meant; the message starts with the JSON pointer. */
  warnings: DtmWarning[] = [];
  /** A problem at `pointer`: its code and the values of its sentence (errorSentences.ts). */
  add(pointer: string, code: ScenarioErrorCode, params: ScenarioErrorParams = {}): void {
    this.errors.push({ pointer, code, params, message: scenarioErrorMessage(code, params) });
  }
  warn(pointer: string, code: string, message: string): void {
    this.warnings.push({ code, message: `${pointer}: ${message}`, source: { module: "scenario" } });
  }
  keys(value: Record<string, unknown>, allowed: string[], pointer: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add(`${pointer}/${escape(key)}`, "unknown_field", {
          field: key,
          allowed: allowed.join(", "),
        });
      }
    }
  }
  /** A number within [lo, hi] (a whole one when `integer`); undefined after an error. */
  number(
    v: unknown,
    pointer: string,
    lo: number,
    hi: number,
    what: ScenarioQuantity,
    integer = false,
  ): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.add(pointer, "not_a_number", { what, got: String(JSON.stringify(v)) });
      return undefined;
    }
    if (v < lo || v > hi) {
      this.add(pointer, "out_of_bounds", { what, lo, ...(hi === Infinity ? {} : { hi }), got: v });
      return undefined;
    }
    if (integer && !Number.isInteger(v)) {
      this.add(pointer, "not_whole", { what, got: v });
      return undefined;
    }
    return v;
  }
  /** A number or {min,max} within [lo, hi]; returns it, or undefined after an error. */
  range(
    value: unknown,
    pointer: string,
    lo: number,
    hi: number,
    what: ScenarioQuantity,
    integer = false,
  ): NumberOrRange | undefined {
    if (!isObject(value)) return this.number(value, pointer, lo, hi, what, integer);
    this.keys(value, ["min", "max"], pointer);
    const min = this.number(value.min, `${pointer}/min`, lo, hi, what, integer);
    const max = this.number(value.max, `${pointer}/max`, lo, hi, what, integer);
    if (min === undefined || max === undefined) return undefined;
    if (min > max) {
      this.add(pointer, "range_reversed", { min, max });
      return undefined;
    }
    return { min, max };
  }
  /** A whole number (not a range) within [lo, hi]; `fallback` when absent or wrong. */
  integer(
    value: unknown,
    pointer: string,
    lo: number,
    hi: number,
    fallback: number,
    what: ScenarioQuantity,
  ): number {
    if (value === undefined) return fallback;
    const v = this.range(value, pointer, lo, hi, what, true);
    if (typeof v === "object") this.add(pointer, "not_a_range", { what });
    return typeof v === "number" ? v : fallback;
  }
}
