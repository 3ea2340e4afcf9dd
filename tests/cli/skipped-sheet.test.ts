/**
 * A workbook sheet with data rows that is not read: `validate` exits 1, as for
 * rejected rows, and `ledger` names the sheet on stderr (en, es), with its probe's reason.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { writeXlsx } from "../../src/export/xlsx.ts";
import { capture, tempFile } from "./capture.ts";

const BOOK = writeXlsx([
  {
    name: "Conteo",
    rows: [
      ["Fecha", "Punto", "Sentido", "Total"],
      [new Date("2018-10-19T00:00:00Z"), "Tecún Umán", "norte", 1345],
    ],
  },
  {
    name: "Avistamientos",
    rows: [
      ["Fecha y hora", "Lugar", "Caravana", "Tamaño estimado"],
      ["2018-10-20 10:00", "Tapachula", "Caravana 1", 3000],
      ["2018-10-21 10:00", "Huixtla", "Caravana 1", 3200],
    ],
  },
]);

describe("a workbook sheet with data rows that is not read", () => {
  it("validate exits 1 and lists it with the rejected rows", async () => {
    const { dir, file } = tempFile("dtm-skip-", "conteo.xlsx", BOOK);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    const text = io.out.join("\n");
    expect(text).toMatch(/3 data rows: 1 accepted, 2 rejected/);
    expect(text).toMatch(
      /^ {2}sheet Avistamientos sheet_skipped: sheet "Avistamientos" not read: .*its 2 data rows are counted as rejected. Map this sheet's columns alone: --columns 'Avistamientos:<field>=<column>,…' \(the other sheets keep theirs; docs\/cli\.md\)\.$/m,
    );
  });
  for (const [lang, said] of [
    ["en", /sheet Avistamientos sheet_skipped: sheet "Avistamientos" not read: /],
    ["es", /hoja Avistamientos sheet_skipped: la hoja «Avistamientos» no se lee: /],
  ] as const)
    it(`ledger --lang ${lang} names it on stderr`, async () => {
      const { dir, file } = tempFile("dtm-skip-", "conteo.xlsx", BOOK);
      const io = capture(dir);
      await run(["ledger", "--counts", file, "--lang", lang, "--out", "led"], io.context);
      expect(io.err.join("\n")).toMatch(said);
    });
});
