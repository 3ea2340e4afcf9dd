/**
 * tryout24 LOW-6: docs/forecasts.md's stdout example is what `dtm-flow forecast --as-of 2018-11-14`
 * prints now (it showed 12:00, the moment without --as-of, and last week's positions).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";

describe("docs/forecasts.md forecast example", () => {
  it("every line of the example is a line `forecast --as-of 2018-11-14` prints", async () => {
    const doc = readFileSync("docs/forecasts.md", "utf8");
    const start = doc.indexOf("```text\nForecast as of 2018-11-14");
    expect(start).toBeGreaterThanOrEqual(0);
    const block = doc.slice(start + "```text\n".length, doc.indexOf("```", start + 8));
    const lines = block.split("\n").filter((l) => l.trim() !== "" && l.trim() !== "…");
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const io = capture(mkdtempSync(join(tmpdir(), "fc-doc-")));
    expect(await run(["forecast", "--as-of", "2018-11-14", "--out", "out"], io.context)).toBe(0);
    for (const line of lines) expect(io.out, line).toContain(line);
  }, 180_000);
});
