import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { arrivedByNow, embedded2018 } from "../../src/index.ts";
import { computeForecastView } from "../../viewer/forecast/view.ts";
import { readCsvRows } from "../cli/csvRows.ts";

describe("dtm-flow forecast", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-forecast-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes forecast.csv with exactly the documented columns, positions.csv and forecast.json", async () => {
    const io = capture();
    const code = await run(
      ["forecast", "--as-of", "2018-11-01", "--horizon", "10", "--runs", "100", "--out", dir],
      io.context,
    );
    expect(code).toBe(0);
    const csv = readFileSync(join(dir, "forecast.csv"), "utf8");
    // trimEnd, not trim: trim() would also take the byte-order mark (U+FEFF counts as space).
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    // Excel-ready: a UTF-8 byte-order mark, then the documented header (docs/cli.md, "CSV files").
    expect(header).toBe(
      "\uFEFFgroup,place_name,km,arrival_p10,arrival_p50,arrival_p90,people_p10,people_p50,people_p90,prob_within_horizon,status,head_arrival_p10,head_arrival_p50,head_arrival_p90,place_offset_km,position_unknown",
    );
    expect(lines.length).toBeGreaterThan(10);
    const mexico = lines.find((l) => l.startsWith("Honduran caravan 1,Mexico City,"));
    expect(mexico).toBeDefined();
    // Blank is "later than the horizon", never 0.
    for (const line of lines) expect(line).not.toMatch(/,0,0,0,/);
    expect(readFileSync(join(dir, "positions.csv"), "utf8")).toMatch(
      /^\uFEFFgroup,route_id,date,km_p10,km_p50,km_p90,size_p10,size_p50,size_p90\r\n/,
    );
    const report = JSON.parse(readFileSync(join(dir, "forecast.json"), "utf8"));
    expect(report.asOf).toBe("2018-11-01");
    expect(report.horizonDays).toBe(10);
    for (const g of report.nowcast) expect(g.lastObserved <= "2018-11-01").toBe(true);
  }, 60_000);

  it("as of 14 Dec 2018 dates no arrival before 14 Dec and lists the groups that arrived or dissolved", async () => {
    const out = join(dir, "dec");
    const io = capture();
    expect(
      await run(["forecast", "--as-of", "2018-12-14", "--runs", "50", "--out", out], io.context),
    ).toBe(0);
    const csv = readFileSync(join(out, "forecast.csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split("\r\n");
    const columns = header!.split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
    for (const r of rows) {
      for (const c of ["arrival_p10", "arrival_p50", "arrival_p90", "head_arrival_p10"]) {
        if (r[c]) expect(r[c] >= "2018-12-14").toBe(true);
      }
    }
    const honduran = rows.filter((r) => r.group === "Honduran caravan 1");
    expect(honduran).toHaveLength(1);
    expect(["arrived", "dissolved"]).toContain(honduran[0]!.status);
    expect(honduran[0]!.arrival_p50).toBe("");
    const report = JSON.parse(readFileSync(join(out, "forecast.json"), "utf8"));
    expect(report.groups.length).toBe(report.nowcast.length);
    // stdout says it too, one line per group: no group is moved on, none is forecast.
    const said = io.out.join("\n");
    // A bare date is the end of that day (asOfMoment), written 24:00.
    expect(said).toMatch(/^Forecast as of 2018-12-14 24:00 \(America\/Mexico_City\)/);
    expect(said).toMatch(/Honduran caravan 1: (arrived at the end of its route|dissolved)/);
    expect(io.out.filter((l) => / not moved on\.$/.test(l))).toHaveLength(report.groups.length);
    expect(said).not.toMatch(/: median person/);
    // Each group's last report, not only where its track ends: the Salvadoran group of 18 Nov was
    // reported once, leaving San Salvador; its track runs to the end of the data (29 Nov).
    expect(said).toMatch(
      /Salvadoran group Nov 18: dissolved, .* \(last position report 2018-11-18; track to 2018-11-29\)/,
    );
    const nowcast = report.nowcast.find(
      (g: { group: string }) => g.group === "Salvadoran caravan 1",
    );
    expect(nowcast.lastReport).toBe("2018-11-01");
  }, 60_000);

  it("the viewer's forecast panel gives the dates, people and statuses of forecast.csv for the same day", async () => {
    const out = join(dir, "viewer");
    // As a planner runs it: defaults for runs and seed; a date alone is the end of that day, as
    // the panel asks for the day shown (asOfMoment, the one as-of rule).
    const io = capture();
    expect(await run(["forecast", "--as-of", "2018-11-14", "--out", out], io.context)).toBe(0);
    const rows = readCsvRows(join(out, "forecast.csv"));
    // stdout: each group on the road with its next place's median person and first people, from
    // the same forecast as forecast.csv; the LGBT group arrived in Tijuana on 13 Nov.
    const honduran = rows.filter((r) => r["group"] === "Honduran caravan 1");
    const view = computeForecastView(embedded2018(), "2018-11-14");
    const viewed = (r: Record<string, string>) =>
      view.arrivals.find((a) => a.group === r["group"] && a.place === r["place_name"]);
    // The first places listed are behind most of the group (the median run is past them; they stay
    // listed while more than one run in ten has not reached them): "most already past", with the
    // p90, not a median date that reads as a place ahead. The next place is the first one not.
    const [first, end] = [honduran[0]!, honduran.at(-1)!];
    const next = honduran.find((r) => !viewed(r)?.mostPassed)!;
    expect(viewed(first)?.mostPassed).toBe(true);
    // The summary names the place just passed (the last behind most of the group), not the
    // farthest behind (the library's listedArrivals, as the viewer's panel).
    const passed = honduran.filter((r) => viewed(r)?.mostPassed);
    const justPassed = passed.at(-1)!;
    expect(passed.length).toBeGreaterThan(1);
    expect(io.out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^ {4}${justPassed["place_name"]}: most already past \\(the last may arrive by ${justPassed["arrival_p90"]}\\), `,
        ),
      ),
    );
    expect(io.out.some((l) => l.startsWith(`    ${first["place_name"]}:`))).toBe(false);
    expect(io.out.some((l) => l.startsWith(`    ${justPassed["place_name"]}: median person`))).toBe(
      false,
    );
    // (Near which place depends on the estimator's track of the day; the report is of 14 Nov. As
    // of the end of 14 Nov the evening reports put it 19 km past Culiacán.)
    expect(io.out.join("\n")).toMatch(
      /^ {2}Honduran caravan 1: on the road, estimated (near|\d+ km (past|short of)) [^(]+ on \d{4}-\d\d-\d\d \(last position report 2018-11-14\)\.$/m,
    );
    // A date on or before the as-of day is "by now" on stdout (arrivedByNow; the CSV keeps it).
    const shownDate = (d: string | undefined) =>
      !d ? "beyond the horizon" : arrivedByNow(d, "2018-11-14") ? "by now" : d;
    const line = (r: Record<string, string>) =>
      io.out.find((l) =>
        l.startsWith(`    ${r["place_name"]}: median person ${shownDate(r["arrival_p50"])} `),
      );
    // Its first people (the first buses) were in Tijuana by 14 Nov: at the next place they are
    // "already there", not "arriving today" (forecast.csv dates them to the as-of day).
    expect(next["head_arrival_p90"]).toBe("2018-11-14");
    expect(line(next)).toContain("; first people already there, ");
    expect(end["place_name"]).toBe("Tijuana");
    // (Tijuana's median person is within the horizon in about half the runs — 51–54 % over 4,000
    // runs — so at the default 500 runs its p50 may be a date or "beyond the horizon".) The median
    // head of the nowcast is at Tijuana (the route's end) that day: its first people are already
    // there, dated to the as-of day (tryout21 finding 4; before, "first people 2018-11-15").
    expect(end["head_arrival_p50"]).toBe("2018-11-14");
    expect(line(end)).toContain("; first people already there, ");
    expect(io.out).toContain(
      "  LGBT group: arrived at the end of its route, Tijuana (last position report 2018-11-11; track to 2018-11-13); not moved on.",
    );
    const ahead = rows.filter((r) => r["status"] === "ahead" || r["status"] === "most_passed");
    expect(ahead.length).toBeGreaterThan(20);
    // A place behind most of the group says so in forecast.csv (its p50 is the as-of day), as the
    // viewer's "most already past" and the summary's line do; the others are "ahead".
    expect(first["status"]).toBe("most_passed");
    expect(next["status"]).toBe("ahead");
    for (const r of ahead) {
      const a = view.arrivals.find((x) => x.group === r["group"] && x.place === r["place_name"]);
      expect(r["status"], `${r["group"]} at ${r["place_name"]}`).toBe(
        a?.mostPassed ? "most_passed" : "ahead",
      );
    }
    for (const r of ahead) {
      const a = view.arrivals.find((x) => x.group === r["group"] && x.place === r["place_name"]);
      const what = `${r["group"]} at ${r["place_name"]}`;
      expect(a, what).toBeDefined();
      expect(a!.p10 ?? "", what).toBe(r["arrival_p10"]);
      expect(a!.p50 ?? "", what).toBe(r["arrival_p50"]);
      expect(a!.p90 ?? "", what).toBe(r["arrival_p90"]);
      expect(a!.head?.p50 ?? "", what).toBe(r["head_arrival_p50"]);
      expect(a!.people ? String(Math.round(a!.people.p50)) : "", what).toBe(r["people_p50"]);
    }
    expect(
      view.arrivals.find((a) => a.group === "Honduran caravan 1" && a.place === next["place_name"])
        ?.headReached,
    ).toBe(true);
    // The nowcast's median head is at Tijuana that day: reached (tryout21 finding 4).
    expect(
      view.arrivals.find((a) => a.group === "Honduran caravan 1" && a.place === "Tijuana")
        ?.headReached,
    ).toBe(true);
    // The groups not moved on: the same status and place in both (LGBT group arrived in Tijuana).
    const still = rows.filter((r) => r["status"] !== "ahead" && r["status"] !== "most_passed");
    expect(still.map((r) => r["group"])).toContain("LGBT group");
    for (const r of still) {
      const g = view.groups.find((x) => x.group === r["group"])!;
      expect(g.status).toBe(r["status"]);
      expect(g.place).toBe(r["place_name"]);
    }
  }, 60_000);

  it("the same seed writes the same forecast.csv", async () => {
    const a = join(dir, "a");
    const b = join(dir, "b");
    for (const out of [a, b])
      await run(
        ["forecast", "--as-of", "2018-10-28", "--runs", "50", "--out", out],
        capture().context,
      );
    expect(readFileSync(join(a, "forecast.csv"), "utf8")).toBe(
      readFileSync(join(b, "forecast.csv"), "utf8"),
    );
  }, 60_000);

  it("exits 2 with one sentence for a bad --horizon, --as-of or a missing --out", async () => {
    for (const args of [
      ["--horizon", "-3", "--out", dir],
      ["--horizon", "two", "--out", dir],
      ["--as-of", "yesterday", "--out", dir],
      [],
    ]) {
      const io = capture();
      expect(await run(["forecast", ...args], io.context)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).not.toMatch(/\n\s+at /);
    }
  });

  it("dtm-flow forecast --help documents the columns and the options", async () => {
    const io = capture();
    expect(await run(["forecast", "--help"], io.context)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toMatch(/--as-of/);
    expect(text).toMatch(/--horizon/);
    expect(text).toMatch(/prob_within_horizon/);
    // The status values in one place, and lines wrapped as the rest of the help (≤ 100).
    expect(text.replace(/\s+/g, " ")).toContain(
      "status is ahead | most_passed | arrived | accounted_for | dissolved",
    );
    const long = text.split("\n").filter((l) => l.length > 100);
    expect(long).toEqual([]);
  });
});
