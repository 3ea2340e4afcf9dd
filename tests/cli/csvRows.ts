/**
 * Test helper: the rows of a CSV the command line wrote, as records by column name. For files
 * whose cells hold no commas or quotes (the embedded places and groups have none): a byte-order
 * mark is dropped if there is one, CRLF or LF line ends, blank lines skipped, a missing cell "".
 * @example readCsvRows(join(dir, "forecast.csv"))[0]!.group // => "Honduran caravan 1"
 */
import { readFileSync } from "node:fs";

export function readCsvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const columns = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}
