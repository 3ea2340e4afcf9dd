import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import Papa from "papaparse";
import { capture } from "../cli/capture.ts";
import { NEEDS_SHOWN_DECIMALS, shownNeed } from "../../src/index.ts";

/** The columns of people in the scenario CSVs (docs/scenarios.md, "Outputs"). */
const PEOPLE = /^(arrivals|present|asylum_claims|returns|regularized|peak_present)(_|$)/;

/**
 * People in the CSVs are whole: each quantile of the report (interpolated between runs, often
 * fractional) rounded up, and the needs on the row computed from that whole number.
 */
function wholePeopleInTheCsvs(
  dir: string,
  report: {
    dates: string[];
    places: { name: string; present: { p50: number[] }; returns: { p90: number[] } }[];
  },
): void {
  const read = (name: string) =>
    Papa.parse<Record<string, string>>(
      readFileSync(join(dir, "out", name), "utf8").replace(/^\uFEFF/, ""),
      { header: true, skipEmptyLines: true },
    );
  let fractional = 0;
  for (const name of ["scenario-place-days.csv", "scenario-summary.csv"]) {
    const { data, meta } = read(name);
    const people = meta.fields!.filter((c) => PEOPLE.test(c));
    expect(people.length, name).toBeGreaterThan(2);
    for (const row of data)
      for (const c of people) expect(row[c], `${name} ${c}`).toMatch(/^(\d+)?$/);
  }
  for (const row of read("scenario-place-days.csv").data) {
    const place = report.places.find((p) => p.name === row["place"])!;
    const day = report.dates.indexOf(row["date"]!);
    const p50 = place.present.p50[day]!;
    if (!Number.isInteger(p50)) fractional++;
    expect(Number(row["present_p50"])).toBe(Math.max(0, Math.ceil(p50 - 1e-9)));
    expect(Number(row["returns_p90"])).toBe(Math.max(0, Math.ceil(place.returns.p90[day]! - 1e-9)));
    // 20 L per person per day, from the whole people shown on the row.
    expect(Number(row["water_m3_day_p50"])).toBeCloseTo(
      (Number(row["present_p50"]) * 20) / 1000,
      9,
    );
  }
  // The report keeps the quantiles as computed: some fall between runs.
  expect(fractional).toBeGreaterThan(0);
}

describe("dtm-flow scenario", () => {
  it("dtm-flow scenario <file> --out <dir> writes the CSVs and the report, and prints a summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "scenario.json");
    writeFileSync(
      file,
      JSON.stringify({
        runs: 50,
        seed: 5,
        horizonDays: 40,
        waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 2000 }],
        destination: "Mexico City",
        attrition: [{ place: "Tapachula", asylumClaim: 0.2 }],
        shelters: [{ place: "Mexico City", capacity: 500 }],
        planning: { waterLitresPerPersonPerDay: 20 },
      }),
    );
    const io = capture(dir);
    expect(await run(["scenario", file, "--out", "out"], io.context)).toBe(0);
    for (const name of [
      "scenario-place-days.csv",
      "scenario-summary.csv",
      "scenario-totals.csv",
      "scenario-report.json",
    ]) {
      expect(existsSync(join(dir, "out", name)), name).toBe(true);
    }
    const placeDays = readFileSync(join(dir, "out", "scenario-place-days.csv"), "utf8").replace(
      /^\uFEFF/,
      "",
    );
    const [header, ...rows] = placeDays.trim().split("\r\n");
    const columns = header!.split(",");
    for (const column of [
      "place",
      "date",
      "arrivals_p10",
      "arrivals_p50",
      "arrivals_p90",
      "present_p50",
      "water_m3_day_p90",
      "latrines_p90",
      "covered_m2_p90",
      "hygiene_kits_month_p90",
      "water_litres_per_person_day",
      "people_per_latrine_initial",
      "covered_m2_per_person",
      "present_women_p50",
      "present_unaccompanied_children_p50",
    ]) {
      expect(columns, column).toContain(column);
    }
    // The planning figure the user set is written beside the results.
    const water = columns.indexOf("water_litres_per_person_day");
    expect(rows.every((row) => row.split(",")[water] === "20")).toBe(true);
    const summary = readFileSync(join(dir, "out", "scenario-summary.csv"), "utf8");
    expect(summary).toMatch(/Mexico City/);
    expect(io.out.join("\n")).toMatch(/Mexico City: first arrival 2019-0[12]-\d\d/);
    expect(io.out.join("\n")).toMatch(/20 L water\/person\/day/);
    // Read as a planner reads it: people grouped by thousands, as in the scenario's name, and
    // the needs at the p90 peak of scenario-summary.csv, water to a tenth of a m³.
    const said = io.out.join("\n");
    expect(said).toMatch(
      /Tecún Umán: first arrival 2019-01-15 .*; each run's peak: median 2,000 present \(p10 2,000, p90 2,000\)/,
    );
    expect(said).toMatch(
      /ready for the p90 peak of 2,000 people: 40 m³ water\/day, 40 latrines, 7,000 m² covered space, 2,000 hygiene kits\/month/,
    );
    // Every place's needs as scenario-summary.csv gives them, to its decimals (no second rounding).
    const csv = Papa.parse<Record<string, string>>(summary.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    // Rounded up to what a plan uses (0.1 m³ of water, whole m²), never below the CSV's figure.
    const figure = (v: string | undefined, k: keyof typeof NEEDS_SHOWN_DECIMALS) =>
      shownNeed(k, Number(v)).toLocaleString("en-US", {
        maximumFractionDigits: NEEDS_SHOWN_DECIMALS[k],
      });
    const ready = io.out.filter((l) => l.startsWith("    ready for"));
    expect(ready.length).toBeGreaterThan(1);
    for (const row of csv.filter((r) => Number(r["peak_present_p90"]) > 0)) {
      const line = io.out[io.out.findIndex((l) => l.startsWith(`  ${row["place"]}: `)) + 1];
      if (!line?.startsWith("    ready for")) continue;
      expect(line).toContain(
        `${figure(row["water_m3_day_peak_p90"], "waterM3PerDay")} m³ water/day, ${figure(row["latrines_peak_p90"], "latrines")} latrines, ${figure(row["covered_m2_peak_p90"], "coveredM2")} m² covered space, ${figure(row["hygiene_kits_month_peak_p90"], "hygieneKitsPerMonth")} hygiene kits/month`,
      );
    }
    // No figure with more decimals than a plan uses (was "21.675 m³ water/day, 5,057.5 m²").
    expect(ready.join("\n")).not.toMatch(/\d\.\d{2,} m³|\d\.\d+ m²/);
    // Days over capacity are of each day's median / p90 over the runs, said so: not of the peaks.
    expect(said).toMatch(
      /over its capacity of 500 in \d+ % of runs \(each day's median over the runs is over it on \d+ days?, each day's p90 on \d+/,
    );
    expect(said).toMatch(/\): 2,000 departed = /);
    expect(said).not.toMatch(/\b1 days\b|\d{4} (people|present)/);
    expect(io.err.join("\n")).toMatch(/Running 50 runs… 100 %/);
    const report = JSON.parse(readFileSync(join(dir, "out", "scenario-report.json"), "utf8"));
    expect(report.conservationError).toBe(0);
    expect(report.scenario.planning.waterLitresPerPersonPerDay).toBe(20);
    wholePeopleInTheCsvs(dir, report);
  });

  it("the 'adds up' sentence lists every term: its parts sum to departed, and present at places to its parenthesis", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-adds-"));
    const file = join(dir, "scenario.json");
    // Ten days out of San Pedro Sula: at the horizon some travellers rest at places on the way.
    writeFileSync(
      file,
      JSON.stringify({
        runs: 20,
        seed: 7,
        horizonDays: 12,
        waves: [{ origin: "San Pedro Sula", date: "2018-10-13", people: 7000 }],
        destination: "Tijuana",
        attrition: [{ place: "Tapachula", asylumClaim: 0.2 }],
      }),
    );
    const io = capture(dir);
    expect(await run(["scenario", file, "--out", "out"], io.context)).toBe(0);
    const line = io.out.find((l) => l.includes(" departed = "))!;
    const num = (s: string) => Number(s.replace(/,/g, ""));
    const m = line.match(/: ([\d,]+) departed = (.*)\.$/)!;
    expect(m, line).not.toBeNull();
    const departed = num(m[1]!);
    const inner = m[2]!.match(/\(([^)]*)\)/)!;
    const outer = m[2]!.replace(/\([^)]*\)/, "");
    const figures = (s: string) => [...s.matchAll(/([\d,]+) [a-z]/g)].map((x) => num(x[1]!));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(figures(outer)), line).toBe(departed);
    const present = num(outer.match(/([\d,]+) present at places/)![1]!);
    expect(sum(figures(inner[1]!)), line).toBe(present);
    // The case the tryout met: travellers at places on the horizon day.
    const totals = readFileSync(join(dir, "out", "scenario-totals.csv"), "utf8");
    expect(line).toMatch(/[\d,]+ travelling through/);
    expect(totals).toMatch(/travelling_at_places/);
  });

  it("the place lines name their statistics, and every place with a peak has its peak dates (p90 included)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-peak-"));
    const io = capture(process.cwd());
    const out = join(dir, "out");
    expect(
      await run(
        ["scenario", "data/scenarios/tecun-uman-2019-01-15.json", "--runs", "100", "--out", out],
        io.context,
      ),
    ).toBe(0);
    const summary = Papa.parse<Record<string, string>>(
      readFileSync(join(out, "scenario-summary.csv"), "utf8").replace(/^\uFEFF/, ""),
      { header: true, skipEmptyLines: true },
    ).data;
    const tapachula = summary.find((r) => r["place"] === "Tapachula")!;
    // Some runs pass Tapachula without stopping (a p10 peak of 0): the peak date is read among
    // the runs with anyone present, so its p90 is a date, not blank.
    expect(Number(tapachula["peak_present_p10"])).toBe(0);
    for (const row of summary.filter((r) => Number(r["peak_present_p90"]) > 0))
      for (const q of ["p10", "p50", "p90"])
        expect(row[`peak_date_${q}`], `${row["place"]} peak_date_${q}`).toMatch(
          /^\d{4}-\d\d-\d\d$/,
        );
    const line = io.out.find((l) => l.startsWith("  Tapachula: "))!;
    expect(line).toMatch(
      /each run's peak: median [\d,]+ present \(p10 0, p90 [\d,]+\) on \d{4}-\d\d-\d\d \(p10 \d{4}-\d\d-\d\d, p90 \d{4}-\d\d-\d\d; anyone present in \d+ % of runs\)/,
    );
    expect(line).toMatch(
      /each day's median over the runs is over it on \d+ days?, each day's p90 on \d+/,
    );
    // Tapachula has people present in most runs (84 % at 1,000 runs), so the median of the runs'
    // peaks stays a stopping run's peak: no two-moded note under its line nor in the CSV.
    const anyone = Number(/anyone present in (\d+) %/.exec(line)![1]);
    expect(anyone).toBeGreaterThan(65);
    expect(io.out[io.out.indexOf(line) + 1]).not.toMatch(/people present in \d+ % of runs/);
    expect(tapachula["peak_note"]).toBe("");
    // The places with a note have people present in 35–65 % of runs; the report lists the same.
    const noted = summary.filter((r) => r["peak_note"] !== "");
    expect(noted.length).toBeGreaterThan(0);
    expect(noted.length).toBeLessThan(summary.length / 3);
    for (const r of noted) {
      const pct = Number(/^people present in (\d+) % of runs, /.exec(r["peak_note"]!)![1]);
      expect(pct, r["place"]).toBeGreaterThanOrEqual(35);
      expect(pct, r["place"]).toBeLessThanOrEqual(65);
      // Every run reaches these places: in the others the groups pass through.
      if (Number(r["reach_probability"]) === 1) expect(r["peak_note"]).toMatch(/pass through/);
    }
    const report = JSON.parse(readFileSync(join(out, "scenario-report.json"), "utf8"));
    expect(report.peakNotes.map((n: { place: string }) => n.place)).toEqual(
      noted.map((r) => r["place"]),
    );
    // A place every run stops at (the origin: the wave starts there) has no note.
    expect(summary.find((r) => r["place"] === "Tecún Umán")!["peak_note"]).toBe("");
  }, 120_000);

  it("dtm-flow scenario exits 2 and lists each problem with its JSON pointer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ waves: [{ origin: "Tapachla", date: "2019-01-20", people: -3 }] }),
    );
    const io = capture(dir);
    expect(await run(["scenario", file, "--out", "out"], io.context)).toBe(2);
    const text = io.err.join("\n");
    expect(text).toMatch(/\/waves\/0\/origin: unknown place "Tapachla"; did you mean "Tapachula"/);
    expect(text).toMatch(/\/waves\/0\/people: people must be between 0 and 10,000,000, got -3/);
    expect(existsSync(join(dir, "out", "scenario-summary.csv"))).toBe(false);
  });

  it("a planner's hand-written scenario with mistakes: each problem with the line an editor shows, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const lines = [
      "{",
      '  "name": "Llegada de 5.000 personas a Tecún Umán",',
      '  "like": "2018",',
      '  "waves": [',
      "    {",
      '      "origin": "Tecun Umna",',
      '      "date": "2019-02-30",',
      '      "people": -5000',
      "    }",
      "  ],",
      '  "attrition": [{ "place": "MX07089", "asylumClaim": -0.2 }],',
      '  "shelters": [{ "place": "Tapachula", "capacity": -3 }]',
      "}",
    ];
    writeFileSync(join(dir, "mio.json"), lines.join("\n"));
    const io = capture(dir);
    expect(await run(["scenario", "mio.json", "--out", "out"], io.context)).toBe(2);
    const text = io.err.join("\n");
    expect(text).toMatch(/mio\.json has 5 problems, listed below with their line and JSON pointer/);
    expect(text).toMatch(/^ {2}line 6, \/waves\/0\/origin: unknown place "Tecun Umna"/m);
    expect(text).toMatch(/^ {2}line 7, \/waves\/0\/date: expected an ISO 8601 date/m);
    expect(text).toMatch(/^ {2}line 8, \/waves\/0\/people: people must be between 0/m);
    expect(text).toMatch(/^ {2}line 11, \/attrition\/0\/asylumClaim: /m);
    expect(text).toMatch(/^ {2}line 12, \/shelters\/0\/capacity: /m);
    // Refused before any work: no calibration "like 2018" of a file with problems.
    expect(text).not.toMatch(/Calibrating/);
    // Nothing written: not even the --out folder is left behind.
    expect(existsSync(join(dir, "out"))).toBe(false);

    // A trailing comma, the commonest slip by hand: its line and column.
    writeFileSync(
      join(dir, "coma.json"),
      lines.join("\n").replace('"people": -5000', '"people": 5000,'),
    );
    const comma = capture(dir);
    expect(await run(["scenario", "coma.json", "--out", "out"], comma.context)).toBe(2);
    expect(comma.err).toHaveLength(1);
    expect(comma.err[0]).toMatch(
      /coma\.json is not valid JSON \(.* at line 9, column 5\); check its brackets/,
    );
  });

  it("dtm-flow scenario exits 2 with one sentence for a file that is not JSON or missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    writeFileSync(join(dir, "broken.json"), "{ waves: ");
    let io = capture(dir);
    expect(await run(["scenario", "broken.json", "--out", "out"], io.context)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/broken.json is not valid JSON \(.+\); check its brackets/);
    // One sentence: the parser's own "… is not valid JSON" and its quoted snippet are left out.
    expect(io.err[0].match(/is not valid JSON/g)).toHaveLength(1);
    io = capture(dir);
    expect(await run(["scenario", "missing.json", "--out", "out"], io.context)).toBe(2);
    expect(io.err[0]).toMatch(/cannot read missing.json/);
    io = capture(dir);
    expect(await run(["scenario", "broken.json", "--out", "out", "--runs", "x"], io.context)).toBe(
      2,
    );
    expect(io.err[0]).toMatch(/--runs must be a whole number/);
  });
});
