/**
 * A situation update "as of D" is built from what was known on D (tryout21 finding 1): no stock
 * figure published after D, a cumulative total never below a figure published by D, groups
 * estimated from the reports up to D, and every headline figure among the sources it lists.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import {
  buildLedger,
  embedded2018,
  nowcast,
  runReplay,
  situationHeadlines,
} from "../../src/index.ts";
import type { Dataset, StockFigure } from "../../src/index.ts";

const dataset = embedded2018();
const total = (ledger: ReturnType<typeof buildLedger>, date: string, category: string) =>
  ledger.split
    .filter((r) => r.date === date && r.category === category)
    .reduce((s, r) => s + r.value, 0);

describe("the ledger and the situation update as of a date", () => {
  it("as of 25 Nov 2018 the asylum claims are UNHCR's 3,800 of 15 Nov, not pooled down with SEGOB's 3,700 of 5 Dec", () => {
    const { ledger } = runReplay(dataset, { asOf: "2018-11-25" });
    expect(total(ledger, "2018-11-25", "asylum_claim")).toBe(3800);
    expect(ledger.departed.at(-1)!.date).toBe("2018-11-25");
    const [claims] = situationHeadlines({ ledger, dataset, asOf: "2018-11-25" }).filter(
      (h) => h.category === "asylum_claim",
    );
    expect(claims!.sources.map((s) => s.value)).toContain(3800);
    expect(claims!.sources.every((s) => s.date.slice(0, 10) <= "2018-11-25")).toBe(true);
  });

  it("as of 5 Nov 2018 no cumulative figure is on its way to a later one", () => {
    const { ledger } = runReplay(dataset, { asOf: "2018-11-05" });
    // Claims: SEGOB's 2,934 of 1 Nov (hindsight drew a line towards the 3,230 of 6 Nov: 3,171).
    expect(total(ledger, "2018-11-05", "asylum_claim")).toBe(2934);
    const hnd = ledger.split.find(
      (r) => r.date === "2018-11-05" && r.category === "return" && r.country === "HND",
    )!;
    // The Honduran figures published by 5 Nov, reconciled by weight (4,625), not 6,020 (the
    // hindsight line towards 10 Nov's 6,892).
    expect(hnd.value).toBeLessThan(5100);
  });

  it("a cumulative total as of D is the hindsight fit (weighted isotonic) of the figures published by D (review21b MED 3)", () => {
    for (const asOf of ["2018-11-05", "2018-11-25", "2018-12-15"]) {
      const known = {
        ...dataset,
        stocks: dataset.stocks.filter((s) => s.date.slice(0, 10) <= asOf),
      };
      const asOfLedger = buildLedger({ dataset, tracks: [] }, { asOf });
      const cut = buildLedger({ dataset: known, tracks: [] }, { to: asOf });
      for (const category of ["asylum_claim", "return", "regularized"]) {
        expect(total(asOfLedger, asOf, category), `${asOf} ${category}`).toBe(
          total(cut, asOf, category),
        );
      }
    }
    // One low-confidence outlier does not fix the total for good: 3,000 (government) on 1 Nov,
    // 30,000 (media, low) on 2 Nov, 3,400 (government) on 10 Nov, 3,800 (UN) on 20 Nov.
    const figure = (date: string, value: number, sourceType: string, confidence: string) =>
      ({
        date,
        category: "asylum_claim",
        basis: "cumulative",
        value,
        country: "MEX",
        sourceType,
        sourceOrg: sourceType,
        confidence,
      }) as StockFigure;
    const small: Dataset = {
      ...dataset,
      sightings: [],
      counts: [],
      stocks: [
        figure("2018-11-01", 3000, "government", "high"),
        figure("2018-11-02", 30000, "media", "low"),
        figure("2018-11-10", 3400, "government", "high"),
        figure("2018-11-20", 3800, "un", "high"),
      ],
    };
    const claims = total(
      buildLedger({ dataset: small, tracks: [] }, { asOf: "2018-11-25" }),
      "2018-11-25",
      "asylum_claim",
    );
    expect(claims).toBeLessThan(10000);
    expect(claims).toBeGreaterThanOrEqual(3800);
  });

  it("the groups as of 5 Nov are those estimated from the reports up to 5 Nov (as forecast --as-of)", () => {
    const { state } = runReplay(dataset, { asOf: "2018-11-05" });
    // The same text, read by the one as-of rule (asOfMoment): the end of 5 Nov.
    const now = nowcast(dataset, { asOf: "2018-11-05" });
    const c1 = state
      .find((d) => d.date === "2018-11-05")!
      .groups.find((g) => g.group === "Honduran caravan 1")!;
    const hindsight = runReplay(dataset)
      .state.find((d) => d.date === "2018-11-05")!
      .groups.find((g) => g.group === "Honduran caravan 1")!;
    const fromNowcast = now.groups.find((g) => g.group === "Honduran caravan 1")!;
    expect(c1.km).toBeCloseTo(fromNowcast.km.median, 0);
    expect(Math.abs(c1.km - hindsight.km)).toBeGreaterThan(20);
  });

  it("a count of people at a place holds as long as hindsight bridges a gap (review21b HIGH 2: 25 Nov, 12 Dec)", () => {
    const remaining = (asOf: string, place?: string) =>
      runReplay(dataset, { asOf })
        .ledger.split.filter(
          (r) =>
            r.date === asOf &&
            r.category === "remaining" &&
            (place === undefined || r.placeName === place),
        )
        .reduce((s, r) => s + r.value, 0);
    // 25 Nov: Mexicali's 3,224 and Mexico City's 650 of 19 Nov still stand (before: 0 and 0,
    // Remaining 4,730 against 8,352 with hindsight).
    // 6 days old it is read in part (PRESENT_AS_OF_DAYS: 5/8 of it; review24b M2).
    expect(remaining("2018-11-25", "Mexicali")).toBe(Math.round((3224 * 5) / 8));
    expect(remaining("2018-11-25", "Mexico City")).toBe(Math.round((650 * 5) / 8));
    // Remaining 7,151 (before stop 24's gradual age: 8,352 as hindsight; 4,730 before review21b).
    expect(remaining("2018-11-25")).toBeGreaterThan(7000);
    // 12 Dec: El Barretal 2,500 (7 Dec), Benito Juárez 700 and Mexicali 1,000 (6 Dec) were
    // published; before, there was no Remaining row at all. El Barretal's 7 Dec count repeats its
    // 2,500 of 6 Dec (no one arrived), so Benito Juárez's 700 stands (the town rule).
    // As of 12 Dec they are 6 and 5 days old: read 5/8 and 6/8 (review24b M2).
    expect(remaining("2018-12-12", "Mexicali")).toBe(Math.round((1000 * 5) / 8));
    expect(remaining("2018-12-12", "Tijuana")).toBe(Math.round((700 * 5) / 8 + (2500 * 6) / 8));
    // A count with no newer one stands 10 days as of a date (PRESENT_AS_OF_DAYS), then is too
    // old to read (before: 30 days, the gap the hindsight ledger bridges).
    const small: Dataset = {
      ...dataset,
      sightings: [],
      counts: [],
      stocks: [
        {
          date: "2018-11-01",
          category: "remaining",
          basis: "present",
          value: 500,
          country: "MEX",
          placeName: "Mexicali",
          sourceType: "government",
          sourceOrg: "INM",
          confidence: "high",
        } as StockFigure,
      ],
    };
    const held = (asOf: string) =>
      buildLedger({ dataset: small, tracks: [] }, { asOf }).split.find(
        (r) => r.date === asOf && r.category === "remaining",
      );
    // Read in full 3 days, then 1/8 less a day: 1/8 of it on day 10, nothing from day 11.
    expect(held("2018-11-04")?.value).toBe(500);
    expect(held("2018-11-11")?.value).toBe(Math.round(500 / 8));
    expect(held("2018-11-12")).toBeUndefined();
    // Held past 3 days, its value and interval's low end fall: the people may have moved on since.
    expect(held("2018-11-10")!.valueLow).toBeLessThan(held("2018-11-03")!.valueLow);
  });

  it("as of 3 Dec 2018 a newer count at El Barretal takes over its rise from Benito Juárez's held 29 Nov count, same city (the town rule); people conserved every day", () => {
    const { ledger, state } = runReplay(dataset, { asOf: "2018-12-03" });
    const tijuana = ledger.split.find(
      (r) => r.date === "2018-12-03" && r.category === "remaining" && r.placeName === "Tijuana",
    )!;
    // El Barretal's 2,500 of 3 Dec rose 1,745 since 29 Nov (755): Benito Juárez's 6,083 is read
    // as 6,083 − 1,745 = 4,338, so Tijuana is 6,838 (hindsight 5,507); without the rule 8,583,
    // with an all-or-nothing rule 2,500.
    expect(tijuana.value).toBe(6838);
    // Mexicali's 3,224 of 19 Nov is 14 days old: no longer read (PRESENT_AS_OF_DAYS, 10);
    // Mexico City's 270 of 28 Nov, 5 days old, is read in part (6/8: 202; review24b M2).
    expect(total(ledger, "2018-12-03", "remaining")).toBe(7040);
    // 30 Nov – 2 Dec: Benito Juárez's count is 1–3 days old, within the 3 days a count stands,
    // but El Barretal's rise since 29 Nov (1,000, 800, 1,650 on its line to 3 Dec) may be its
    // people: no day reads more than the 29 Nov census, BJ 6,083 + EB 755 (review22c H1: 7,083,
    // 6,883, 7,733 counted the 895 who moved twice and raised departed to 29,851).
    const tijuanaOn = (l: typeof ledger, date: string) =>
      l.split.find(
        (r) => r.date === date && r.category === "remaining" && r.placeName === "Tijuana",
      )!.value;
    for (const date of ["2018-11-30", "2018-12-01", "2018-12-02"]) {
      expect(tijuanaOn(ledger, date), date).toBe(6838);
    }
    for (const d of ledger.departed.filter((x) => x.date >= "2018-11-20")) {
      expect(tijuanaOn(ledger, d.date) ?? 0, d.date).toBeLessThanOrEqual(6083 + 755);
    }
    expect(tijuanaOn(runReplay(dataset, { asOf: "2018-12-01" }).ledger, "2018-12-01")).toBe(6838);
    const on3 = ledger.departed.find((d) => d.date === "2018-12-03")!;
    // Unknown 3,872: Mexicali's 3,224 of 19 Nov is too old to read (10 days), and 68 of Mexico
    // City's 270 of 28 Nov have aged to unknown. Since stop 27 Salvadoran caravan 1 (silent since
    // 1 Nov, its interval reaching Tijuana) is among the people Tijuana's 20 Nov count holds
    // beyond Honduran caravan 1 (src/state/takenIn.ts), no longer also on the road: the people
    // who left are 766 fewer (29,645 before), and the later groups' people taken in there leave
    // with Tijuana's count as it falls (3,794 unknown before).
    expect([on3.value, on3.value - on3.accounted]).toEqual([28879, 3872]);
    for (const d of ledger.departed) {
      const sum = [...new Set(ledger.split.map((r) => r.category))].reduce(
        (s, c) => s + total(ledger, d.date, c),
        0,
      );
      expect(sum, d.date).toBe(d.value);
    }
    for (const day of state) {
      const t = day.totals;
      expect(t.inTransit + t.presentAtPlaces + t.returned + t.onward + t.unknown, day.date).toBe(
        t.departed,
      );
      expect(t.unknown).toBeGreaterThanOrEqual(0);
    }
    // The state's presence at Tijuana on the date is the ledger's row (one rule, read by both).
    const place = state.at(-1)!.places.find((p) => p.placeName === "Tijuana")!;
    expect(place.staying).toBe(6838);
  });

  it("a rise of 45 at El Barretal after a fall takes 45 of Benito Juárez's held count, not all of it (without the 3 Dec row)", () => {
    // El Barretal 755 (29 Nov), 1,000 (30 Nov), 800 (1 Dec); its 3 Dec row left out.
    const stocks = dataset.stocks.filter(
      (f) => !(f.date === "2018-12-03" && f.placeName === "El Barretal"),
    );
    expect(stocks.length).toBe(dataset.stocks.length - 1);
    const ledger = buildLedger(
      { dataset: { ...dataset, stocks }, tracks: [] },
      { asOf: "2018-12-03" },
    );
    const tijuana = ledger.split.find(
      (r) => r.date === "2018-12-03" && r.category === "remaining" && r.placeName === "Tijuana",
    )!;
    // Benito Juárez 4 days old as of 3 Dec: its age (1/8 of 6,083, more than the 45 taken)
    // sets it, 6,083 × 7/8 + 800; not 800 (all-or-nothing) nor 6,883 (no rule).
    expect(tijuana.value).toBe(6122); // 5,322.6 + 800, rounded as the rows are
    // Read in part from 30 Nov (El Barretal 1,000: 245 taken), then 6,038 from 1 Dec.
    const reads = ledger.warnings.flatMap((x) =>
      x.code === "count_superseded" && x.params.place === "Benito Juárez sports complex"
        ? [[x.date, x.params.read]]
        : [],
    );
    expect(reads).toEqual([
      ["2018-11-30", 5838],
      ["2018-12-01", 6038],
    ]);
  });

  it("the 15 Dec 2018 figures of the situation report hold as of 15 Dec too", () => {
    const { ledger } = runReplay(dataset, { asOf: "2018-12-15" });
    expect(total(ledger, "2018-12-15", "asylum_claim")).toBeGreaterThan(3700);
    const returns = ledger.split.filter(
      (r) =>
        r.date === "2018-12-15" &&
        r.category === "return" &&
        (r.country === "HND" || r.country === "SLV"),
    );
    expect(returns.reduce((s, r) => s + r.value, 0)).toBeGreaterThan(8500);
    const tijuana = ledger.split.find(
      (r) => r.date === "2018-12-15" && r.category === "remaining" && r.placeName === "Tijuana",
    )!;
    expect(tijuana.value).toBeGreaterThanOrEqual(4000);
  });

  it("buildLedger with asOf leaves out the figures dated after it (rows keep their numbers)", () => {
    const stocks: StockFigure[] = [
      { date: "2018-11-01", category: "return", basis: "cumulative", value: 4000, country: "HND" },
      { date: "2018-12-10", category: "return", basis: "cumulative", value: 6000, country: "HND" },
    ] as StockFigure[];
    const small: Dataset = { ...dataset, sightings: [], counts: [], stocks, aggregates: [] };
    const asOf = buildLedger({ dataset: small, tracks: [] }, { asOf: "2018-11-05" });
    expect(total(asOf, "2018-11-05", "return")).toBe(4000);
    expect(asOf.departed.at(-1)!.date).toBe("2018-11-05");
    const hindsight = buildLedger({ dataset: small, tracks: [] });
    expect(total(hindsight, "2018-11-05", "return")).toBeGreaterThan(4000); // the line to 6,000
  });
});

describe("dtm-flow report --as-of", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-asof-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("with a stock file whose next figure is a month later, the headline is the figure of the day before, and it is listed", async () => {
    writeFileSync(
      join(dir, "cifras.csv"),
      "fecha;categoría;valor;base;país;lugar;fuente;tipo de fuente\n" +
        "01/11/2018;retorno;4.000;acumulado;HND;;INM;gobierno\n" +
        "10/12/2018;retorno;6.000;acumulado;HND;;INM;gobierno\n",
    );
    const io = capture(dir);
    const status = await run(
      ["report", "--as-of", "2018-11-05", "--stocks", "cifras.csv", "--out", "r"],
      io.context,
    );
    expect(status, io.err.join("\n")).toBe(0);
    const md = readFileSync(join(dir, "r", "situation-update.md"), "utf8");
    expect(md).toMatch(/\| Returned \| 4,000 \|/);
    expect(md).not.toContain("6,000");
    expect(md).toContain("1 Nov 2018: 4,000 (HND)");
  });

  it("report --as-of 2018-12-03 gives 7,040 remaining (Tijuana 6,838: El Barretal 2,500 + Benito Juárez 6,083 less El Barretal's rise of 1,745; Mexicali's 14-day-old count not read)", async () => {
    const io = capture(dir);
    expect(await run(["report", "--as-of", "2018-12-03", "--out", "d3"], io.context)).toBe(0);
    const md = readFileSync(join(dir, "d3", "situation-update.md"), "utf8");
    expect(md).toMatch(
      /\| Remaining at places \| 7,040 \| [\d,]+–[\d,]+ \| [^|]*Tijuana \(MEX\) 6,838/,
    );
    expect([...io.out, ...io.err].join("\n")).toContain("7,040 people remaining");
  }, 120_000);

  it("a date before the data is outside the data's range, as before the as-of replay (review21b MED 4)", async () => {
    for (const args of [
      ["--as-of", "2018-10-01"],
      ["--as-of", "2018-11-25", "--from", "2018-11-26"],
    ]) {
      const io = capture(dir);
      expect(await run(["report", ...args, "--out", "early"], io.context)).toBe(2);
      expect(io.err.join("\n")).toMatch(
        /--as-of \d{4}-\d{2}-\d{2} is outside the data, which runs from 2018-1\d-\d\d to 2019-01-14/,
      );
    }
  }, 120_000);

  it("refuses a --to before --as-of with a sentence, before writing anything (review21b MED 4)", async () => {
    const io = capture(dir);
    const args = ["report", "--as-of", "2018-11-25", "--to", "2018-11-20", "--out", "to"];
    expect(await run(args, io.context)).toBe(2);
    expect(io.err.join("\n")).toContain(
      "--to 2018-11-20 is before --as-of 2018-11-25: the figures as of 2018-11-25 need the data up to that day",
    );
    expect(existsSync(join(dir, "to", "situation-update.md"))).toBe(false);
  });

  it("ledger --as-of exports the update's figures: departed.csv's last row is the report's headlines (review21b MED 5)", async () => {
    const io = capture(dir);
    expect(await run(["ledger", "--as-of", "2018-11-25", "--out", "l"], io.context)).toBe(0);
    expect(await run(["report", "--as-of", "2018-11-25", "--out", "u"], io.context)).toBe(0);
    const [header, ...rows] = readFileSync(join(dir, "l", "departed.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(/\r?\n/);
    const columns = header!.split(",");
    const last = Object.fromEntries(
      rows
        .at(-1)!
        .split(",")
        .map((v, i) => [columns[i]!, v]),
    );
    expect(last.date).toBe("2018-11-25");
    const md = readFileSync(join(dir, "u", "situation-update.md"), "utf8");
    const headline = (label: string) =>
      new RegExp(`\\| ${label} \\| ([\\d,]+) \\|`).exec(md)?.[1]?.replace(/,/g, "");
    expect(last.value).toBe(headline("People who left"));
    expect(last.in_transit).toBe(headline("In transit"));
    expect(last.unknown).toBe(headline("Unknown"));
    // The hindsight ledger of the same day is another set of figures (it reads later reports).
    expect(await run(["ledger", "--to", "2018-11-25", "--out", "h"], io.context)).toBe(0);
    const hindsight = readFileSync(join(dir, "h", "departed.csv"), "utf8")
      .trimEnd()
      .split(/\r?\n/)
      .at(-1)!;
    expect(hindsight).not.toBe(rows.at(-1));
  }, 240_000);
});
