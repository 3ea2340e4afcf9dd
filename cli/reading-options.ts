/**
 * The options that say how to read a count sheet the data alone cannot settle: `--date-order`
 * (05/11/2018 day first or month first) and `--incoming-is` (which of entrada/salida is
 * northbound at the point). One definition for every command that reads a count sheet (validate,
 * import, estimate, ledger, report, forecast): the importer's warnings name these options, so
 * every command that prints those warnings must take them (tryout24 MED-B).
 */
import type { ParsedOptions } from "./command.ts";
import { OptionError } from "./option-refusals.ts";

/** node:util parseArgs configuration of the reading options. */
export const READING_OPTIONS = {
  "date-order": { type: "string" },
  "incoming-is": { type: "string" },
} as const;

/** The importer options the reading options set (ImportOptions' `dateOrder`, `incomingIs`). */
export interface ReadingChoice {
  dateOrder?: "dmy" | "mdy";
  incomingIs?: "northbound" | "southbound";
}

/**
 * The help lines of the reading options, each flag padded to `width` characters so that its
 * description starts in the same column as the command's other options.
 * @example readingOptionsHelp(22).split("\n")[0].startsWith("  --date-order <order>") // => true
 */
export function readingOptionsHelp(width: number): string {
  // A flag too long for the column gets its description on the next line, lined up.
  const line = (flag: string, text: string) =>
    `  ${flag}`.length < width
      ? `${`  ${flag}`.padEnd(width)} ${text}`
      : `  ${flag}\n${" ".repeat(width + 1)}${text}`;
  return [
    line(
      "--date-order <order>",
      "dmy | mdy for dates like 05/11/2018 (default: decided per file from the data)",
    ),
    line(
      "--incoming-is <dir>",
      "northbound | southbound: what incoming/entrada means at the count points",
    ),
  ].join("\n");
}

/**
 * Reads the reading options.
 * @throws UserError naming the option and the value when it is not one of the allowed words.
 * @example readingChoice({ "date-order": "mdy" }) // => { dateOrder: "mdy" }
 */
export function readingChoice(values: ParsedOptions["values"]): ReadingChoice {
  const order = values["date-order"];
  if (order !== undefined && order !== "dmy" && order !== "mdy")
    throw new OptionError({
      code: "not_a_choice",
      option: "date-order",
      value: String(order),
      choices: ["dmy", "mdy"],
    });
  const incoming = values["incoming-is"];
  if (incoming !== undefined && incoming !== "northbound" && incoming !== "southbound")
    throw new OptionError({
      code: "not_a_choice",
      option: "incoming-is",
      value: String(incoming),
      choices: ["northbound", "southbound"],
    });
  return {
    ...(order !== undefined ? { dateOrder: order } : {}),
    ...(incoming !== undefined ? { incomingIs: incoming } : {}),
  };
}
