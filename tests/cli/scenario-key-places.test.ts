/**
 * `dtm-flow scenario` prints the places planners ask about first from scenario-summary.csv, with
 * every wave's origin (tryout22 item 14: the second wave's origin, San Salvador, was in the file
 * but not on stdout).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

const SCENARIO = readFileSync(
  join(import.meta.dirname, "..", "fixtures", "tryout22", "escenario.json"),
);

/** scenario-summary.csv as rows keyed by column. */
function summary(dir: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(dir, "scenario-summary.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const columns = head!.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [columns[i]!, v])));
}

describe("dtm-flow scenario with two waves from two origins (tryout22 item 14)", () => {
  it("prints each origin with its needs at the p90 peak, as scenario-summary.csv lists them", async () => {
    const { dir, file } = tempFile("dtm-scen-", "escenario.json", SCENARIO);
    const io = capture(dir);
    const out = join(dir, "s");
    expect(
      await run(["scenario", file, "--runs", "40", "--seed", "3", "--out", out], io.context),
    ).toBe(0);
    const rows = summary(out);
    const printed = io.out.filter((l) => /^ {2}\S/.test(l)).map((l) => l.slice(2, l.indexOf(":")));
    for (const origin of ["San Pedro Sula", "San Salvador"]) {
      expect(printed).toContain(origin);
      const row = rows.find((r) => r.place === origin)!;
      const p90 = Number(row.peak_present_p90);
      const at = io.out.findIndex((l) => l.startsWith(`  ${origin}:`));
      expect(io.out[at]).toContain(`p90 ${p90.toLocaleString("en-US")})`);
      if (p90 > 0)
        expect(io.out[at + 1]).toContain(
          `ready for the p90 peak of ${p90.toLocaleString("en-US")} people`,
        );
    }
    // Every place printed is a row of the summary file, in its order.
    const names = rows.map((r) => r.place);
    expect(printed.every((p) => names.includes(p))).toBe(true);
    expect(printed).toEqual(names.filter((n) => printed.includes(n)));
  });
});
