/**
 * One calendar: the length of a day (`86_400_000` ms, however written) and functions named
 * `dayNumber` appear only in src/calendar/. Files not yet moved onto the calendar are listed in
 * NOT_YET_MIGRATED with what they still do; the list only shrinks (a listed file that is clean
 * fails the test, so the entry is removed with the migration).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(".");
const ROOTS = ["src", "cli", "viewer"];
const CALENDAR = "src/calendar/";

/** Day arithmetic written outside the calendar, in any of the usual spellings. */
const DAY_MS = /\b86_?400_?000\b|\b864e5\b|\b8\.64e7\b/;
/** A function (or a const/let holding one) named dayNumber; re-exports are fine. */
const DAY_NUMBER_FN = /\bfunction\s+dayNumber\b|\b(?:const|let|var)\s+dayNumber\s*[=:]/;

/** Areas other engineers were editing when the calendar landed; they move when their branches do. */
const NOT_YET_MIGRATED = new Set<string>([]);

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === "node_modules" || entry.name === "generated") continue;
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (/\.(ts|js|mjs)$/.test(entry.name)) found.push(path);
  }
  return found;
}

const rel = (path: string): string => relative(ROOT, path).split(sep).join("/");

/** What a file does that only the calendar may do. */
function calendarViolations(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (DAY_MS.test(line)) found.push(`line ${i + 1}: milliseconds per day`);
    if (DAY_NUMBER_FN.test(line)) found.push(`line ${i + 1}: a function named dayNumber`);
  });
  return found;
}

describe("one calendar", () => {
  const files = ROOTS.flatMap((r) => sourceFiles(join(ROOT, r))).map(rel);

  it("detects the patterns it looks for (and not re-exports)", () => {
    expect(calendarViolations("const span = ms / 86_400_000;")).toHaveLength(1);
    expect(calendarViolations("x = 86400000 * d")).toHaveLength(1);
    expect(calendarViolations("export function dayNumber(s: string) {")).toHaveLength(1);
    expect(calendarViolations("const dayNumber = (s: string) => 1;")).toHaveLength(1);
    expect(calendarViolations('export { dayNumber } from "../calendar/index.ts";')).toEqual([]);
    expect(calendarViolations("const n = 864_000_000;")).toEqual([]);
  });

  it("nothing outside src/calendar/ writes the length of a day or its own dayNumber", () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (file.startsWith(CALENDAR) || NOT_YET_MIGRATED.has(file)) continue;
      for (const v of calendarViolations(readFileSync(join(ROOT, file), "utf8")))
        offenders.push(`${file} ${v}`);
    }
    expect(offenders).toEqual([]);
  });

  it("the files not yet migrated still need it (the list only shrinks)", () => {
    const clean = [...NOT_YET_MIGRATED].filter(
      (f) =>
        !files.includes(f) || calendarViolations(readFileSync(join(ROOT, f), "utf8")).length === 0,
    );
    expect(clean).toEqual([]);
  });
});
