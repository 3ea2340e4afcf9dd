/**
 * Forecast findings of the newcomer's tryout of stop 21 (3, 4 and 6), through the CLI on the
 * embedded 2018 data: each test fails without its fix.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";

interface NowcastRow {
  group: string;
  lastObserved: string;
  km: { median: number; low: number; high: number };
  head?: { km: { median: number } };
}

describe("dtm-flow forecast: one starting state (tryout21 findings 3, 4, 6)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dtm-tryout21-forecast-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("positions.csv on the as-of day is the nowcast (finding 3: 651.8 km against 573.7)", async () => {
    const out = join(dir, "nov5");
    const io = capture();
    expect(await run(["forecast", "--as-of", "2018-11-05", "--out", out], io.context)).toBe(0);
    const nowcast: NowcastRow[] = JSON.parse(
      readFileSync(join(out, "forecast.json"), "utf8"),
    ).nowcast;
    const positions = readCsvRows(join(out, "positions.csv"));
    const onDay = nowcast.filter((g) => g.lastObserved === "2018-11-05");
    expect(onDay.map((g) => g.group)).toContain("Salvadoran caravan 1");
    for (const g of onDay) {
      const p = positions.find((r) => r.group === g.group && r.date === "2018-11-05")!;
      // The median exactly (to the 0.1 km written), p10–p90 inside the nowcast's 90 % interval.
      expect(Math.abs(Number(p.km_p50) - g.km.median)).toBeLessThanOrEqual(0.06);
      expect(Number(p.km_p10)).toBeGreaterThanOrEqual(Math.floor(g.km.low));
      expect(Number(p.km_p90)).toBeLessThanOrEqual(Math.ceil(g.km.high));
    }
    // No place ahead of the nowcast's median person is "most already past" (Pijijiapan, 587.2 km,
    // was, with Salvadoran caravan 1 at 573.7 km).
    for (const a of readCsvRows(join(out, "forecast.csv"))) {
      const g = onDay.find((n) => n.group === a.group);
      if (g && a.status === "most_passed")
        expect(Number(a.km)).toBeLessThanOrEqual(g.km.median + 0.05);
    }
  }, 120_000);

  it("first people already there where the nowcast's median head is (finding 4: Tijuana 15 Nov)", async () => {
    const out = join(dir, "nov14");
    const io = capture();
    const args = ["forecast", "--as-of", "2018-11-14T20:00", "--horizon", "3", "--out", out];
    expect(await run(args, io.context)).toBe(0);
    const nowcast: NowcastRow[] = JSON.parse(
      readFileSync(join(out, "forecast.json"), "utf8"),
    ).nowcast;
    const hc1 = nowcast.find((g) => g.group === "Honduran caravan 1")!;
    expect(hc1.head!.km.median).toBeGreaterThanOrEqual(4521.5);
    const tijuana = readCsvRows(join(out, "forecast.csv")).find(
      (r) => r.group === "Honduran caravan 1" && r.place_name === "Tijuana",
    )!;
    expect(tijuana.head_arrival_p50).toBe("2018-11-14");
    const lines = io.out.join("\n").split("\n");
    const at = lines.findIndex((l) => l.startsWith("  Honduran caravan 1:"));
    const line = lines.slice(at + 1).find((l) => l.trim().startsWith("Tijuana:"))!;
    expect(line).toContain("first people already there");
  }, 120_000);

  it("says where a group was last placed by the nearest place (finding 6: near Orizaba at 82 km past it)", async () => {
    const out = join(dir, "nov5b");
    const io = capture();
    // At noon (a bare date is now the end of the day, when the 15:00 report has put it past Puebla).
    const args = ["forecast", "--as-of", "2018-11-05T12:00", "--runs", "50", "--out", out];
    expect(await run(args, io.context)).toBe(0);
    const hc1 = io.out.find((l) => l.startsWith("  Honduran caravan 1:"))!;
    // km 1,669 at noon: Orizaba 1,587 behind, Puebla 1,723 ahead.
    expect(hc1).not.toContain("near Orizaba");
    expect(hc1).toMatch(/estimated 54 km short of Puebla on \d{4}-\d\d-\d\d/);
  }, 120_000);
});
