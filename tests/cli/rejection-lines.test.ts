import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { MAX_REJECTION_LINES } from "../../cli/dataset-options.ts";
import { capture, tempFile } from "./capture.ts";

describe("the analysis commands list the rows they rejected", () => {
  it("ledger, forecast and report say each rejected row's line and reason on stderr, not only how many", async () => {
    const { dir, file } = tempFile(
      "dtm-rejected-",
      "avistamientos.csv",
      [
        "fecha;lugar;caravana;cantidad",
        "20/10/2018;Tapachula;Caravana 1;4.000",
        "21/10/2018;Lugar Inventado;Caravana 1;3.500",
        "ayer;Huixtla;Caravana 1;3.000",
        "23/10/2018;Escuintla;Caravana 1;2.900",
      ].join("\n"),
    );
    for (const argv of [
      ["ledger", "--sightings", file, "--out", join(dir, "ledger")],
      ["forecast", "--sightings", file, "--as-of", "2018-10-23", "--out", join(dir, "forecast")],
      ["report", "--sightings", file, "--as-of", "2018-10-23", "--out", join(dir, "report")],
    ]) {
      const x = capture(dir);
      expect(await run(argv, x.context), argv[0]).toBe(1);
      const err = x.err.join("\n");
      expect(err).toMatch(/avistamientos\.csv: sightings, 4 data rows, 2 accepted, 2 rejected/);
      expect(err).toMatch(
        /^ {2}row 3 \[lugar\] unknown_place: lugar "Lugar Inventado" is not a known place/m,
      );
      expect(err).toMatch(/^ {2}row 4 \[fecha\] invalid_date: fecha "ayer" is not a usable date/m);
    }
  });

  it("lists at most MAX_REJECTION_LINES per file and says how to see the rest", async () => {
    const bad = Array.from(
      { length: MAX_REJECTION_LINES + 5 },
      (_, i) => `2018-10-20,Tapachula,norte,-${i + 1}`,
    );
    const { dir, file } = tempFile(
      "dtm-rejected-many-",
      "conteo.csv",
      ["fecha,punto de monitoreo,direccion,total", "2018-10-20,Tapachula,norte,10", ...bad].join(
        "\n",
      ),
    );
    const x = capture(dir);
    expect(await run(["estimate", "--counts", file, "--out", join(dir, "out")], x.context)).toBe(1);
    expect(x.err.filter((l) => /^ {2}row \d+ \[total\] negative_count/.test(l))).toHaveLength(
      MAX_REJECTION_LINES,
    );
    expect(x.err).toContain(`  … and 5 more: dtm-flow validate conteo.csv lists every one`);
  });
});

describe("a required column not found", () => {
  it("says how to map it by hand: --columns where the command takes it, else through import", async () => {
    const file = join(process.cwd(), "data/samples/sin-columna-fecha.csv");
    const dir = mkdtempSync(join(tmpdir(), "dtm-missing-column-"));
    const v = capture(dir);
    expect(await run(["validate", file], v.context)).toBe(2);
    expect(v.err).toHaveLength(1);
    expect(v.err[0]).toMatch(
      /no date column .* Say which column holds it: --columns <field>=<column> \(docs\/import\.md\)\.$/,
    );
    const e = capture(dir);
    expect(await run(["estimate", "--counts", file, "--out", join(dir, "out")], e.context)).toBe(2);
    expect(e.err[0]).toMatch(
      /Map it by hand with dtm-flow import <file> --columns <field>=<column> --out <folder>, then give the table it writes/,
    );
  });
});
