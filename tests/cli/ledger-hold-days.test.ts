/**
 * `ledger --help` and report.json's `method` say how long a count stands as of a date from the
 * one constant (PRESENT_AS_OF_DAYS, 10), not a stale "30 days" (review 24b M3); places.csv marks
 * an arrived group's people at its destination as estimated (review 24b M4).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { PRESENT_AS_OF_DAYS } from "../../src/index.ts";
import { capture } from "./capture.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-ledger-hold-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ledger: the as-of hold in words", () => {
  it("--help gives PRESENT_AS_OF_DAYS, never 30 days for the hold", async () => {
    const io = capture(scratch);
    await run(["ledger", "--help"], io.context);
    const help = [...io.out, ...io.err].join("\n").replace(/\s+/g, " ");
    expect(PRESENT_AS_OF_DAYS).toBe(10);
    expect(help).toContain(`the last count known holds up to ${PRESENT_AS_OF_DAYS} days`);
    expect(help).not.toMatch(/holds up to 30 days/);
  });

  it("report.json method gives it; places.csv has the estimated people at Tijuana", async () => {
    const io = capture(scratch);
    const code = await run(
      ["ledger", "--as-of", "2018-11-15", "--no-bom", "--out", "out"],
      io.context,
    );
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(scratch, "out", "report.json"), "utf8"));
    expect(report.method).toContain(`held up to ${PRESENT_AS_OF_DAYS} days`);
    expect(report.method).not.toContain("held up to 30 days");
    const [header, ...rows] = readFileSync(join(scratch, "out", "places.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const col = (name: string) => header!.indexOf(name);
    const tijuana = rows.find((r) => r[0] === "2018-11-15" && r[1] === "Tijuana")!;
    expect(Number(tijuana[col("estimated")])).toBeGreaterThan(0);
    expect(Number(tijuana[col("estimated")])).toBe(Number(tijuana[col("present")]));
  }, 300_000);
});
