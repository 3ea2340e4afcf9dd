/**
 * The analyst's exports after a correction (the evidence worker's table source): tracks.* and
 * split.csv are the corrected replay's, the input tables are as read, so that the exported inputs
 * and the same corrections file give the same tracks again with `dtm-flow estimate --corrections`
 * (nothing lost: the rejected report is still in sightings.csv).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";
import { embedded2018, runReplay } from "../../src/index.ts";
import type { CorrectionsFile } from "../../src/index.ts";
import { correctedTableSource, isOutputTable, replayTables } from "../../viewer/data/tables.ts";

const CORRECTIONS = "data/corrections/example-2018.json";

describe("exports of a corrected replay", () => {
  it("writes the inputs as read, and they re-take the corrections file to the same tracks", async () => {
    const corrections = JSON.parse(readFileSync(CORRECTIONS, "utf8")) as CorrectionsFile;
    const asRead = embedded2018();
    const replayed = runReplay(asRead, { corrections });
    const trackEnds = replayed.estimate!.report.trackEnds;
    const files = replayTables(correctedTableSource(asRead, replayed, trackEnds), false);
    const text = (name: string) => files.find((f) => f.name === name)!.text;
    // Nothing lost: the rejected report S050 is in the exported sightings.
    const sightings = text("sightings.csv");
    expect(sightings).toMatch(/\bS050\b/);
    expect(sightings.trim().split("\n").length).toBe(asRead.sightings.length + 2); // header + HXL

    const dir = mkdtempSync(join(tmpdir(), "dtm-corrected-exports-"));
    const inputs = ["sightings", "counts", "stocks", "places"];
    for (const kind of inputs) writeFileSync(join(dir, `${kind}.csv`), text(`${kind}.csv`));
    const io = capture(dir);
    const args = inputs.flatMap((kind) => [`--${kind}`, `${kind}.csv`]);
    const fix = join(process.cwd(), CORRECTIONS);
    const code = await run(["estimate", ...args, "--corrections", fix, "--out", "est"], io.context);
    expect(io.err.join("\n")).not.toMatch(/no sighting has the id/);
    expect(code).toBe(0);
    // The same tracks as the viewer's corrected tracks.csv, byte for byte.
    expect(readFileSync(join(dir, "est", "tracks.csv"), "utf8")).toBe(text("tracks.csv"));
  });

  it("names only tracks.* and split.csv as outputs", () => {
    expect(["tracks.csv", "tracks.geojson", "split.csv"].every(isOutputTable)).toBe(true);
    expect(
      ["sightings.csv", "counts.geojson", "stocks.csv", "places.csv"].some(isOutputTable),
    ).toBe(false);
  });
});
