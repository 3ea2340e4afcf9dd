/** `estimate --help` says --check reports the median 90 % widths (and scores). */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

describe("estimate --help under --check", () => {
  it("mentions the widths and interval scores", async () => {
    const { dir } = tempFile("dtm-m27h-", "x.txt", "");
    const io = capture(dir);
    expect(await run(["estimate", "--help"], io.context)).toBe(0);
    const help = io.out.join("\n").replace(/\s+/g, " ");
    expect(help).toMatch(/--check held-out check: .*median 90 % widths .*interval scores/);
  });
});
