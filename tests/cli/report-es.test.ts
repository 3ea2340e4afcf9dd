/**
 * `dtm-flow report --lang es` says every word in Spanish (tryout22 item 9, review22b): the chart
 * legend and titles, the embedded dataset's name, the kind of each source and the categories of
 * the data-quality table come from the one word table (src/report/words.ts), and a warning's
 * rows are not parentheses inside parentheses.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { situationWords } from "../../src/report/words.ts";
import { embedded2018 } from "../../src/index.ts";
import { capture } from "./capture.ts";

/** English words and codes the Spanish update must not show (outside place names and sources' text). */
const ENGLISH =
  /\b(Unknown|In transit|Remaining|Returned|Asylum claims|Regularised|Moved onward|People|capacity|Capacity|embedded|Caravans|Stacked areas|no data)\b|\b(asylum_claim|in_transit|regularized|social_media)\b|\[(un|dtm|ngo|media|government|organiser|other),/;

/** The text of an HTML file: tags dropped, the SVG's titles and legend kept; style sheet out. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]*>/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

describe("dtm-flow report --as-of 2018-11-25 --lang es", () => {
  let dir = "";
  let html = "";
  let markdown = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dtm-report-es-"));
    const io = capture(dir);
    expect(
      await run(["report", "--as-of", "2018-11-25", "--lang", "es", "--out", "r"], io.context),
    ).toBe(0);
    html = readFileSync(join(dir, "r", "situation-update.html"), "utf8");
    markdown = readFileSync(join(dir, "r", "situation-update.md"), "utf8");
  });

  it("has no English word or category code in the HTML and the Markdown (sources' own text aside)", () => {
    // A source's organisation and address are its own words; the lines naming them are checked
    // for the kind of source only.
    for (const line of [...textOf(html), ...markdown.split("\n")]) {
      // A group's name is the data's own too ("Caravans 2+3 combined", said where its unknown
      // people were last seen).
      const ours = line
        .replace(/ — .*(?=\[)/, " — ")
        .replace(/https?:\S+/g, "")
        .replace(/Caravans 2\+3 combined/g, "");
      expect(ours, line).not.toMatch(ENGLISH);
    }
  });

  it("draws the chart legend in Spanish, the figures of the update's headlines", () => {
    const w = situationWords("es");
    // 4,141: counts held past 3 days are read in part, the rest unknown (review24b M2). Since
    // stop 27 silent groups whose interval reaches Tijuana are taken in by its count there
    // (src/state/takenIn.ts): in transit 4,836 -> 3,678, and the people taken in leave with the
    // count as it falls from 20 Nov (unknown 3,721 -> 4,141; the people who left 738 fewer).
    expect(html).toMatch(new RegExp(`>${w.shortCategories["unknown"]}: 4,141<`));
    expect(html).toMatch(new RegExp(`>${w.shortCategories["in_transit"]}: 3,678<`));
    expect(html).toContain(`<title id="split-title">${w.splitChartTitle}</title>`);
  });

  it("names the embedded dataset and the kind of source in Spanish", () => {
    expect(markdown).toMatch(/^Datos: Caravanas oct\.–dic\. 2018 \(integradas\)\./m);
    expect(markdown).toMatch(/\[ONU, confianza alta\\?\]/);
  });

  it("gives the data-quality table's categories in words and a warning's rows without nested parentheses", () => {
    expect(markdown).toMatch(/\| 2018-10-21 \| Solicitudes de asilo \| MEX \|/);
    expect(markdown).toContain(
      "el 2018-10-27, según la fila de cifras 12 (línea 42 de observations: ",
    );
    expect(markdown).not.toMatch(/\(fila de cifras \d+ \(/);
  });

  it("writes places by their Spanish names (placeLabel): Ciudad de México, no English name that has a Spanish one", () => {
    // The headline's breakdown and the people-per-place table both name Mexico City in Spanish.
    expect(markdown).toMatch(/Ciudad de México \(MEX\) 406/); // 650 of 19 Nov read 5/8 (review24b M2)
    expect(markdown).toMatch(/^\| Ciudad de México \|/m);
    const english = embedded2018().places.filter((p) => p.nameEs && p.nameEs !== p.name);
    expect(english.length).toBeGreaterThan(5);
    for (const p of english) {
      expect(markdown, p.name).not.toContain(p.name);
      expect(html, p.name).not.toContain(escapeName(p.name));
    }
  });
});

/** A name as the HTML writes it (apostrophes and ampersands escaped). */
const escapeName = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#39;");
