/**
 * docs/cli.md shows tracks.csv's header as `dtm-flow estimate` writes it (the
 * snippet had lost `status`); docs/contracts.md §3.1 gives the same header.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatTracksCsv } from "../../src/export/tracks.ts";

/** The first line of the fenced block after `marker` in a doc. */
function headerAfter(doc: string, marker: string): string {
  const from = doc.indexOf(marker);
  expect(from, marker).toBeGreaterThanOrEqual(0);
  const block = /```text\n([^\n]*)\n/.exec(doc.slice(from));
  return block![1]!;
}

describe("tracks.csv header in the docs", () => {
  it("docs/cli.md and docs/contracts.md show the header the writer writes", () => {
    const real = formatTracksCsv([], { bom: false }).split("\r\n")[0];
    expect(real).toMatch(/,status$/);
    const cli = readFileSync("docs/cli.md", "utf8");
    expect(headerAfter(cli, "`tracks.csv` starts like this")).toBe(real);
    expect(readFileSync("docs/contracts.md", "utf8")).toContain("`" + real + "`");
  });
});
