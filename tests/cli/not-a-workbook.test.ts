/**
 * Bytes that are no workbook under a workbook's name (`roto.xlsx`) are refused with a
 * sentence that fits the file: it is named .xlsx but is no readable workbook, re-save it from Excel
 * (not "save it as .xlsx", which it already is), in English and Spanish; a damaged ZIP too.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

/** Bytes no text reader takes: a seeded run of pseudo-random bytes (no table, no ZIP). */
function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("random bytes named .xlsx", () => {
  for (const [lang, said] of [
    [
      "en",
      "roto.xlsx: the file is named .xlsx but is not a readable workbook (damaged, or another kind of file renamed): re-save it from Excel (File > Save As > Excel Workbook) or export the sheet as CSV, and import that.",
    ],
    [
      "es",
      "roto.xlsx: el archivo se llama .xlsx pero no es un libro de Excel legible (dañado, u otro tipo de archivo con ese nombre): vuelva a guardarlo desde Excel (Archivo > Guardar como > Libro de Excel) o exporte la hoja como CSV, e impórtelo.",
    ],
  ] as const)
    it(`validate --lang ${lang} says the file is named .xlsx but is no workbook (exit 2)`, async () => {
      const { dir, file } = tempFile("dtm-t27x-", "roto.xlsx", randomBytes(2048));
      const io = capture(dir);
      expect(await run(["validate", file, "--lang", lang], io.context)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain(said);
      expect(io.err[0]).not.toMatch(/save it as \.xlsx|guárdelo como \.xlsx/);
    });

  it("the same bytes named .csv keep the binary-data sentence", async () => {
    const { dir, file } = tempFile("dtm-t27x-", "conteo.csv", randomBytes(2048));
    const io = capture(dir);
    expect(await run(["validate", file, "--lang", "es"], io.context)).toBe(2);
    expect(io.err[0]).toMatch(
      /el archivo contiene datos binarios, no una tabla escrita como texto/,
    );
  });

  it("a damaged workbook (ZIP header, garbage after) says re-save it from Excel, en and es", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("garbage")]);
    for (const [lang, said] of [
      ["en", /the workbook cannot be read \(.*\): re-save it from Excel/],
      [
        "es",
        /el libro de Excel no se puede leer \(¿dañado o protegido\?\): vuelva a guardarlo desde Excel/,
      ],
    ] as const) {
      const { dir, file } = tempFile("dtm-t27x-", "roto2.xlsx", bytes);
      const io = capture(dir);
      expect(
        await run(["ledger", "--counts", file, "--lang", lang, "--out", "o"], io.context),
      ).toBe(2);
      expect(io.err.join("\n")).toMatch(said);
    }
  });
});
