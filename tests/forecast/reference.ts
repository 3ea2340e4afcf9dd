/** Reads the reference arrivals of the 2018 backtest (fixtures/reference-arrivals-2018.csv). */
import { readFileSync } from "node:fs";
import type { ReferenceArrival } from "../../src/forecast/backtest.ts";

/** Splits one CSV line (RFC 4180 quotes; no line breaks inside fields in this file). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The reference arrivals of one definition: `first` contingent or `main` body (see docs/forecasts.md#rolling-backtest-on-2018). */
export function referenceArrivals(definition: "first" | "main"): ReferenceArrival[] {
  const text = readFileSync(
    new URL("./fixtures/reference-arrivals-2018.csv", import.meta.url),
    "utf8",
  );
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = splitLine(header!);
  return lines
    .map((line) => Object.fromEntries(splitLine(line).map((v, i) => [columns[i], v])))
    .filter((row) => row.definition === definition)
    .map((row) => ({ group: row.group!, place: row.place!, date: row.date! }));
}

/** Every day from 20 Oct to 20 Nov 2018: the issue days of the rolling backtest. */
export function issueDays2018(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2018, 9, 20); t <= Date.UTC(2018, 10, 20); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
