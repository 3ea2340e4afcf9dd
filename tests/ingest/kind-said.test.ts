/**
 * The importer's one rule for a kind the user said (review23a L6): `kindSaid` reads the table as
 * that kind, even a header that is dtm-flow's own output, which is refused when the kind is only
 * told from the header. The CLI's `--kind` and the viewer's "Read as" both pass it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTableImporter } from "../../src/index.ts";

const TRACKS = readFileSync(join(import.meta.dirname, "..", "fixtures", "tryout22", "tracks.csv"));

describe("kindSaid: the user named the kind", () => {
  it("reads dtm-flow's own tracks.csv as the sightings said, and refuses it otherwise", () => {
    const said = createTableImporter(undefined, { fileName: "tracks.csv", kindSaid: "sightings" });
    said.push(TRACKS);
    const read = said.finish();
    expect(read.kind).toBe("sightings");
    expect(read.report.fatal).toBeUndefined();
    expect(read.report.accepted).toBe(5);
    const told = createTableImporter(undefined, { fileName: "tracks.csv" });
    told.push(TRACKS);
    expect(told.finish().report.fatal?.code).toBe("own_output");
  });
});
