/**
 * The options of every command that writes CSV files: `--no-bom` (and `--bom`, the old opt-in,
 * accepted and a no-op) and `--hxl`, parsed by one rule for estimate, ledger, forecast and scenario
 * (import has its own `--no-hxl`, and reads the byte-order mark here too).
 */
import type { ParsedOptions } from "./command.ts";

/** The option definitions, spread into a command's parseOptions table. */
export const CSV_OPTIONS = {
  bom: { type: "boolean" },
  "no-bom": { type: "boolean" },
  hxl: { type: "boolean" },
} as const;

/** How a command writes its CSV files. */
export interface CsvChoice {
  /** Start each CSV with a UTF-8 byte-order mark (default true, for Excel; false with --no-bom). */
  bom: boolean;
  /** An HXL hashtag row under each header (--hxl; default false, so scripts read the files as before). */
  hxl: boolean;
}

/**
 * The CSV choice of parsed options.
 * @example
 * csvChoice({ "no-bom": true }); // => { bom: false, hxl: false }
 */
export function csvChoice(values: ParsedOptions["values"]): CsvChoice {
  return { bom: values["no-bom"] !== true, hxl: values.hxl === true };
}

/**
 * The help lines of --no-bom for the files `what`, the option name padded to `width` (the
 * command's help column).
 */
export function noBomHelp(what: string, width = 20): string {
  const pad = " ".repeat(width + 2);
  return (
    `  ${"--no-bom".padEnd(width)}write ${what} without the UTF-8 byte-order mark\n` +
    `${pad}(default: with, for Excel, as every CSV dtm-flow writes; --bom is accepted)`
  );
}
