/**
 * import's last line counts rejected rows, not rejected.csv's lines (one per reason): a row with
 * two reasons is one rejected row.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

// Row 2 has neither a point nor a total (two reasons); row 3 only lacks its total (one).
const CSV = "fecha;punto;total;observaciones\n13/11/2018;;;x\n14/11/2018;Tapachula;;y\n";

describe("import's wrote line", () => {
  for (const [lang, said] of [
    ["en", "rejected.csv (2 rows, 3 reasons)"],
    ["es", "rejected.csv (2 filas, 3 motivos)"],
  ] as const) {
    it(`says rows and reasons when they differ (${lang})`, async () => {
      const { dir, file } = tempFile("dtm-rej-", "conteo.csv", CSV);
      try {
        const io = capture();
        const out = join(dir, "o");
        await run(["import", file, "--kind", "counts", "--lang", lang, "--out", out], io.context);
        const lines = readFileSync(join(out, "rejected.csv"), "utf8").trim().split("\n");
        expect(lines.length - 1).toBe(3);
        expect(io.err.join("\n")).toContain(said);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
