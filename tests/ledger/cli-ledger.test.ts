/**
 * `dtm-flow ledger` with the ledger options of issue 16 (--from never changes a day, counts alone
 * give days) and --group-correlation (docs/ledger.md, Intervals of totals).
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";

const departedOn = (dir: string, date: string) =>
  readFileSync(join(dir, "departed.csv"), "utf8")
    .split("\n")
    .find((l) => l.startsWith(date));

describe("dtm-flow ledger", () => {
  it("--from 2018-12-10 gives the same departed on 15 Dec as the whole ledger", async () => {
    const whole = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const windowed = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    expect(await run(["ledger", "--out", whole], capture().context)).toBe(0);
    const io = capture();
    expect(await run(["ledger", "--from", "2018-12-10", "--out", windowed], io.context)).toBe(0);
    expect(departedOn(windowed, "2018-12-15")).toBe(departedOn(whole, "2018-12-15"));
    expect(readFileSync(join(windowed, "departed.csv"), "utf8").split("\n")[1]).toMatch(
      /^2018-12-10,/,
    );
    expect(io.err.join("\n")).toMatch(/\d+ days \(2018-12-10 to /);
  });

  it("counts alone give a ledger of their days, not 0 days", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
    const counts = resolve("data/samples/kobo-conteo-tecun-uman.csv");
    const io = capture();
    // Two sample rows are rejected on purpose (exit 1); the ledger is still written.
    expect(await run(["ledger", "--counts", counts, "--out", out], io.context)).toBe(1);
    expect(io.err.join("\n")).toMatch(/6 days \(2018-10-19 to 2018-10-24; 6,070 people left/);
    const split = readFileSync(join(out, "split.csv"), "utf8").trim().split("\n");
    expect(split.slice(1).every((l) => l.includes(",unknown,"))).toBe(true);
    expect(split).toHaveLength(7);
  });

  it("--group-correlation 1 adds the groups' bounds: same values, intervals at least as wide; the default narrower on the 2018 data", async () => {
    const dirs = await Promise.all(
      [[], ["--group-correlation", "1"]].map(async (extra) => {
        const out = mkdtempSync(join(tmpdir(), "dtm-ledger-"));
        const io = capture();
        expect(await run(["ledger", ...extra, "--out", out], io.context)).toBe(0);
        return out;
      }),
    );
    const [def, sum] = dirs.map((d) =>
      readFileSync(join(d!, "departed.csv"), "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",").map(Number)),
    ) as [number[][], number[][]];
    expect(def.map((r) => r[1])).toEqual(sum.map((r) => r[1]));
    def.forEach((r, i) => {
      expect(r[2]!).toBeGreaterThanOrEqual(sum[i]![2]!);
      expect(r[3]!).toBeLessThanOrEqual(sum[i]![3]!);
    });
    expect(def.some((r, i) => r[3]! - r[2]! < sum[i]![3]! - sum[i]![2]!)).toBe(true);
    const report = JSON.parse(readFileSync(join(dirs[1]!, "report.json"), "utf8"));
    expect(report.groupCorrelation).toBe(1);
  });

  it("refuses a --group-correlation outside 0–1 with one sentence, exit 2, nothing written", async () => {
    for (const bad of ["1.5", "-0.2", "half", "1e-1"]) {
      const out = join(mkdtempSync(join(tmpdir(), "dtm-ledger-")), "out");
      const io = capture();
      expect(await run(["ledger", `--group-correlation=${bad}`, "--out", out], io.context)).toBe(2);
      expect(io.err.join("\n")).toMatch(/--group-correlation .* is not a number from 0/);
      expect(existsSync(out)).toBe(false);
    }
  });
});
