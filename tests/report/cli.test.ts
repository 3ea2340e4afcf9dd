import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { situationWords } from "../../src/index.ts";
import { tr } from "../../viewer/i18n.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
});

describe("dtm-flow ledger", () => {
  it("dtm-flow ledger --out writes split.csv with the contract header, departed.csv and report.json, exit 0", async () => {
    const io = capture(dir);
    expect(await run(["ledger", "--out", "embedded"], io.context)).toBe(0);
    const csv = readFileSync(join(dir, "embedded", "split.csv"), "utf8");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toBe("date,category,country,place_name,value,value_low,value_high");
    expect(rows.length).toBeGreaterThan(100);
    // People conserved in the file itself: per date the values add up to departed.csv.
    const sums = new Map<string, number>();
    for (const row of rows) {
      const cells = row.split(",");
      sums.set(cells[0]!, (sums.get(cells[0]!) ?? 0) + Number(cells[4]));
    }
    const departed = readFileSync(join(dir, "embedded", "departed.csv"), "utf8")
      .trim()
      .split("\r\n")
      .slice(1);
    for (const line of departed) {
      // The five totals of the state (beyond_groups, last, is a part of present_at_places).
      const [date, value, , , , , ...rest] = line.split(",");
      const totals = rest.slice(0, 5);
      expect(sums.get(date!)).toBe(Number(value));
      // in transit + present at places + returned + onward + unknown = departed.
      expect(totals.reduce((s, v) => s + Number(v), 0)).toBe(Number(value));
    }
    const places = readFileSync(join(dir, "embedded", "places.csv"), "utf8").split("\r\n");
    // Excel-ready (byte-order mark), as split.csv above (trim() drops its mark).
    expect(places[0]).toBe(
      "\uFEFFdate,place_name,country,travelling,resting,waiting,staying,present,present_low,present_high,capacity,estimated",
    );
    expect(places.find((l) => l.startsWith("2018-12-15,Tijuana,"))).toMatch(
      /^2018-12-15,Tijuana,MEX,0,0,0,4000,4000,/,
    );
    const report = JSON.parse(readFileSync(join(dir, "embedded", "report.json"), "utf8"));
    expect(Array.isArray(report.residuals)).toBe(true);
    expect(report.warnings.every((w: { rows: unknown }) => Array.isArray(w.rows))).toBe(true);
  });

  it("dtm-flow ledger --stocks with an impossible total warns and names the rows; a rejected row exits 1", async () => {
    const file = join(dir, "stocks.csv");
    writeFileSync(
      file,
      [
        "date,category,value,basis,country,source_org",
        "2018-11-01,return,5000,cumulative,HND,INM",
        "2018-11-05,return,4000,cumulative,HND,INM",
        "2018-11-06,return,lots,cumulative,HND,INM",
      ].join("\n"),
    );
    const io = capture(dir);
    const status = await run(["ledger", "--stocks", "stocks.csv", "--out", "mine"], io.context);
    expect(status).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "mine", "report.json"), "utf8"));
    const falls = report.warnings.find((w: { code: string }) => w.code === "cumulative_falls");
    expect(falls.rows).toEqual([0, 1]);
    expect(io.err.join("\n")).toMatch(/falls from 5,000/);
  });

  it("dtm-flow ledger never overwrites an input named like one of its outputs (exit 2, file unchanged)", async () => {
    const out = join(dir, "clash");
    const input = join(out, "split.csv");
    mkdirSync(out, { recursive: true });
    const text =
      "date,category,value,basis,country,source_org\n2018-11-01,return,5000,cumulative,HND,INM\n";
    writeFileSync(input, text);
    const io = capture(dir);
    expect(await run(["ledger", "--stocks", input, "--out", out], io.context)).toBe(2);
    expect(io.err.join("\n")).toMatch(/refusing to overwrite the input file/);
    expect(readFileSync(input, "utf8")).toBe(text);
  });

  it("dtm-flow ledger without --out, or with a bad date, exits 2 with one sentence", async () => {
    const io = capture(dir);
    expect(await run(["ledger"], io.context)).toBe(2);
    expect(io.err.at(-1)).toMatch(/--out <dir> is required/);
    expect(await run(["ledger", "--from", "2018-02-30", "--out", "x"], io.context)).toBe(2);
    expect(io.err.at(-1)).toMatch(/--from 2018-02-30 is not a valid ISO 8601 date/);
    expect(io.err.at(-1)).not.toMatch(/\n\s+at /);
  });
});

describe("dtm-flow report", () => {
  it("dtm-flow report --lang es writes the update in Spanish, in the words the viewer's situation panel shows", async () => {
    const io = capture(dir);
    expect(
      await run(["report", "--as-of", "2018-12-15", "--lang", "es", "--out", "es"], io.context),
    ).toBe(0);
    expect(await run(["report", "--as-of", "2018-12-15", "--out", "en-same"], io.context)).toBe(0);
    const md = readFileSync(join(dir, "es", "situation-update.md"), "utf8");
    const html = readFileSync(join(dir, "es", "situation-update.html"), "utf8");
    const en = readFileSync(join(dir, "en-same", "situation-update.md"), "utf8");
    expect(md).toMatch(/^# Actualización de la situación — al 15 dic 2018/);
    expect(html).toContain('<html lang="es">');
    const w = situationWords("es");
    // One place for the words: the viewer's Spanish panel reads the same as the file.
    for (const key of ["travelling", "resting", "waiting", "staying"] as const) {
      expect(tr("es", key)).toBe(w[key]);
      expect(md).toContain(w[key]);
    }
    expect(md).toContain(`## ${w.headlineFigures}`);
    expect(md).toContain(`| ${w.categories["departed"]} |`);
    expect(md).toContain(w.asOfBasis);
    expect(md).not.toMatch(/## Headline figures|Sources of each figure|travelling through/);
    // The data-quality warnings too, in Spanish from their values (src/report/ledgerWarningText.ts,
    // words from the same table), as many as in the English update and none left in English.
    const quality = (text: string, heading: string) =>
      text
        .slice(text.indexOf(`## ${heading}`))
        .split("\n")
        .filter((l) => l.startsWith("- "));
    const es = quality(md, w.dataQualityHeading);
    expect(es.length).toBeGreaterThan(5);
    expect(es).toHaveLength(quality(en, situationWords("en").dataQualityHeading).length);
    expect(es[0]).toMatch(/^- El total acumulado de retornos en HND baja de 5,000 el 2018-10-27/);
    expect(es.join("\n")).not.toMatch(
      /cumulative total|the sources account for|add up to|stock row/,
    );
    expect(html).toContain("<li>El total acumulado de retornos en HND baja de 5,000");
    // The same figures as the English update: the headline table's numbers, row for row.
    const figures = (text: string) =>
      text
        .split("\n")
        .filter((l) => /^\| [^|]+ \| [\d,]+ \|/.test(l))
        .map((l) => l.split("|")[2]!.trim());
    expect(figures(md).length).toBeGreaterThan(3);
    expect(figures(md)).toEqual(figures(en));
    // A language not offered: one sentence, exit 2.
    const bad = capture(dir);
    expect(
      await run(["report", "--as-of", "2018-12-15", "--lang", "fr", "--out", "fr"], bad.context),
    ).toBe(2);
    expect(bad.err.join("\n")).toMatch(/--lang must be en or es, got fr/);
    expect(existsSync(join(dir, "fr"))).toBe(false);
  });

  it("dtm-flow report --as-of writes a self-contained HTML and a Markdown update, exit 0", async () => {
    const io = capture(dir);
    expect(await run(["report", "--as-of", "2018-12-15", "--out", "update"], io.context)).toBe(0);
    const html = readFileSync(join(dir, "update", "situation-update.html"), "utf8");
    const md = readFileSync(join(dir, "update", "situation-update.md"), "utf8");
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|\b(src|href)\s*=|url\(|@import/i);
    for (const url of html.match(/https?:\/\/[^\s<"]+/g) ?? []) {
      expect(html).toContain(`<span class="url">${url}</span>`);
    }
    expect(html).toContain("<svg ");
    expect(md).toMatch(/^# Situation update — as of 15 Dec 2018/);
    // The summary line names categories in words and people grouped, never a code or a fraction.
    const summary = io.err.find((l) => l.startsWith("as of 2018-12-15: "))!;
    expect(summary).toMatch(/^as of 2018-12-15: [\d,]+ people who left, [\d,]+ asylum claims, /);
    expect(summary).not.toMatch(/departed|asylum_claim|in_transit|\d\.\d/);
    expect(md).toMatch(/\| Remaining at places \|/);
    expect(md).toMatch(/## Against the published situation report/);
    // As of 15 Dec: the claims figures published by then reconciled by source weight (UNHCR's
    // 3,800 of 15 Nov pooled with SEGOB's ~3,700 of 5 Dec), as the hindsight ledger on that day.
    expect(md).toMatch(
      /sr-02: people who sought asylum in Mexico .* \| over 3,700 \| 3,736 .* \| fits the wording \|/,
    );
    expect(md).toContain("Built from what was known by the end of the date");
    // With hindsight: pooled with SEGOB's ~3,700 of 5 Dec (isotonic regression), as the ledger.
    expect(
      await run(["report", "--as-of", "2018-12-15", "--hindsight", "--out", "late"], io.context),
    ).toBe(0);
    const late = readFileSync(join(dir, "late", "situation-update.md"), "utf8");
    expect(late).toMatch(
      /sr-02: people who sought asylum in Mexico .* \| over 3,700 \| 3,736 .* \| fits the wording \|/,
    );
    expect(late).toContain("Estimated with hindsight");
  });

  it("dtm-flow report --as-of 2018-11-25: the by-status table says what 'present' adds up, and every row does", async () => {
    const io = capture(dir);
    expect(
      await run(["report", "--as-of", "2018-11-25", "--hindsight", "--out", "nov25"], io.context),
    ).toBe(0);
    const md = readFileSync(join(dir, "nov25", "situation-update.md"), "utf8");
    const html = readFileSync(join(dir, "nov25", "situation-update.html"), "utf8");
    const lines = md.split("\n");
    const at = lines.indexOf("## People at places on the date, by status");
    expect(lines[at + 2]).toMatch(
      /^Present = resting \+ waiting \+ staying: .* travelling through .* in transit/,
    );
    expect(html).toContain("<p>Present = resting + waiting + staying:");
    const end = lines.findIndex((l, i) => i > at + 4 && !l.startsWith("|"));
    // Header, separator, then one row per place.
    const rows = lines.slice(at + 6, end).map((l) => l.slice(2, -2).split(" | "));
    expect(rows.length).toBeGreaterThan(3);
    const n = (cell: string) => Number(cell.replace(/,/g, ""));
    expect(rows.some((r) => n(r[1]!) > 0)).toBe(true); // someone is travelling through that day
    for (const r of rows) expect(n(r[5]!), r[0]).toBe(n(r[2]!) + n(r[3]!) + n(r[4]!));
  });

  it("dtm-flow report without --as-of, or with a date outside the data, exits 2 and writes nothing", async () => {
    const io = capture(dir);
    expect(await run(["report", "--out", "none"], io.context)).toBe(2);
    expect(io.err.at(-1)).toMatch(/--as-of <date> is required/);
    const before = io.err.length;
    expect(await run(["report", "--as-of", "2030-01-01", "--out", "none"], io.context)).toBe(2);
    expect(io.err.at(-1)).toMatch(/outside the data, which runs from 2018-10-13 to 2019-01-14/);
    // Refused before estimating: the only line is the refusal.
    expect(io.err.slice(before)).toHaveLength(1);
    for (const date of ["2018-01-01", "2019-06-01"]) {
      const asked = capture(dir);
      expect(await run(["report", "--as-of", date, "--out", "none"], asked.context)).toBe(2);
      expect(asked.err.join("\n")).not.toMatch(/estimating/);
    }
    expect(existsSync(join(dir, "none"))).toBe(false);
  });

  it("dtm-flow report --help and ledger --help describe the options", async () => {
    const io = capture(dir);
    expect(await run(["report", "--help"], io.context)).toBe(0);
    expect(await run(["ledger", "--help"], io.context)).toBe(0);
    expect(io.out.join("\n")).toMatch(/--as-of <date>/);
    expect(io.out.join("\n")).toMatch(/split\.csv/);
  });
});
