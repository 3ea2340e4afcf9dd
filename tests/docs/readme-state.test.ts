/**
 * README.md's "The state of the corridor" and "Reading and checking an estimate" quote figures of
 * the 2018 replay, a tracks.csv row and the held-out check; each is recomputed here, the way the
 * README.md says to get it (the library's replay, `dtm-flow estimate`, `dtm-flow estimate --check`),
 * so README.md cannot drift from the code.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { ARRIVAL_KM, embedded2018, MAX_SILENCE_DAYS, runReplay } from "../../src/index.ts";
import { capture } from "../cli/capture.ts";

const readme = readFileSync("README.md", "utf8");
/** The text of the `## heading` section, whitespace folded to single spaces. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README.md has "## ${heading}"`).toBeGreaterThan(-1);
  const rest = readme.slice(start + heading.length + 5);
  return rest.slice(0, rest.search(/\n## /) + 1 || undefined).replace(/\s+/g, " ");
}
const n = (v: number) => Math.round(v).toLocaleString("en-US");
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

describe("README.md: the state of the corridor", () => {
  it("names the conservation rule and shows the picture scripts/plot-state.ts draws", () => {
    const text = section("The state of the corridor");
    expect(text).toContain(
      "departed = in transit + present at places + returned + onward + unknown",
    );
    expect(text).toContain("](docs/state-2018.svg)");
    expect(text).toContain("`npx tsx scripts/plot-state.ts`");
    expect(existsSync("docs/state-2018.svg")).toBe(true);
    expect(readFileSync("scripts/plot-state.ts", "utf8")).toMatch(/"docs\/state-2018\.svg"/);
    // The picture says what it shows: a title, both axes' labels and a legend naming each band.
    const svg = readFileSync("docs/state-2018.svg", "utf8");
    for (const words of [
      ">The state of the corridor per day, 2018 replay<",
      ">in transit (groups on the road)<",
      ">present at places (not claimants)<",
      ">claimed asylum (waiting)<",
      ">returned<",
      ">onward<",
      ">unknown (no source places them)<",
      ">people<",
      "ticks on Mondays",
      ">10,000<",
    ])
      expect(svg).toContain(words);
  });

  it("its 20 Nov 2018 figures are the replay's, and they add up", () => {
    const { state } = runReplay(embedded2018());
    const day = state.find((d) => d.date === "2018-11-20")!;
    const t = day.totals;
    expect(t.inTransit + t.presentAtPlaces + t.returned + t.onward + t.unknown).toBe(t.departed);
    const present = (name: string) => day.places.find((p) => p.placeName === name)!.present;
    const claims = day.places.find((p) => p.country === "MEX" && !p.placeName)!.waiting;
    const onRoad = day.groups.filter((g) => g.onRoad > 0).length;
    expect(section("The state of the corridor")).toContain(
      `${n(t.departed)} people had left: ${n(t.inTransit)} in transit in ` +
        `${NUMBER_WORDS[onRoad]} groups, ${n(t.presentAtPlaces)} present at places ` +
        `(Tijuana ${n(present("Tijuana"))}, Mexicali ${n(present("Mexicali"))}, ` +
        `${n(claims)} asylum claims in Mexico), ${n(t.returned)} returned, ${n(t.onward)} onward, ` +
        `${n(t.unknown)} unknown.`,
    );
  });
});

describe("README.md: reading and checking an estimate", () => {
  const scratch = mkdtempSync(join(tmpdir(), "dtm-readme-state-"));

  it("its tracks.csv row is dtm-flow estimate's, and the status rule's distances are the library's", async () => {
    const io = capture(process.cwd());
    expect(await run(["estimate", "--out", join(scratch, "est")], io.context)).toBe(0);
    const lines = readFileSync(join(scratch, "est", "tracks.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    const header = lines[0]!.split(",");
    const row = lines.find((l) => l.startsWith("Honduran caravan 1,2018-11-15,"))!.split(",");
    const v = (column: string) => Number(row[header.indexOf(column)]);
    const text = section("Reading and checking an estimate");
    expect(text).toContain(
      `Honduran caravan 1 on 15 Nov 2018: median person at km ${n(v("km"))} ` +
        `(${n(v("km_low"))}–${n(v("km_high"))}), head at km ${n(v("head_km"))} ` +
        `(Tijuana, the first contingent), tail at km ${n(v("tail_km"))}, ${n(v("size"))} people ` +
        `(${n(v("size_low"))}–${n(v("size_high"))}).`,
    );
    expect(text).toContain(`within ${ARRIVAL_KM} km of its route's end`);
    expect(text).toContain(`no report for more than ${MAX_SILENCE_DAYS} days`);
  });

  it("its --check figures are what dtm-flow estimate --check says on the 2018 data", async () => {
    const io = capture(process.cwd());
    expect(await run(["estimate", "--check", "--out", join(scratch, "check")], io.context)).toBe(0);
    const said = io.err.join("\n");
    const m =
      /positions \((\d+)\) — 90 % intervals covered (\d+) %.*?median error ([\d.]+) km/.exec(said);
    expect(m, said).not.toBeNull();
    expect(section("Reading and checking an estimate")).toContain(
      `positions (${m![1]} reports) covered ${m![2]} %, median error ${m![3]} km`,
    );
  });
});
