/**
 * `validate --lang es` says its column-mapping lines in Spanish: each field in the library's words
 * with its contract name beside it, and how the column was recognised (`ColumnMapping.how`) in
 * words, from the table the viewer's mapping list reads too (src/ingest/columnWords.ts). English
 * keeps the contract names and the codes.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { columnsInWords, type ColumnMapping } from "../../src/index.ts";
import { capture } from "./capture.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const KOBO = join(ROOT, "data", "samples", "kobo-conteo-tecun-uman.csv");
const CANONICAL = join(ROOT, "data", "counts.csv");

/** The column lines of `validate` (after "columns:"/"columnas:", indented, with an arrow). */
async function columnLines(file: string, lang: "en" | "es"): Promise<string[]> {
  const io = capture(ROOT);
  await run(["validate", file, "--lang", lang], io.context);
  return io.out.filter((l) => /^ {2}\S.* → /.test(l));
}

/** A `how` code in parentheses: what the Spanish lines must not show. */
const HOW_CODE =
  /\((canonical|kobo_prefix|two_level_header|hxl|kobo_meta|select_multiple_choice|question|user)\)/;

describe("validate --lang es: the column mapping", () => {
  it("names fields and how they were recognised in Spanish (Kobo export)", async () => {
    const es = await columnLines(KOBO, "es");
    expect(es.length).toBeGreaterThan(10);
    expect(es).toContain(
      "  grp_conteo/direccion [#x_direction] → dirección (direction) (prefijo de grupo Kobo)",
    );
    expect(es).toContain("  _uuid [#meta+id] → id del registro (record_id) (metadato de Kobo)");
    expect(es.filter((l) => HOW_CODE.test(l))).toEqual([]);
  });

  it("says a contract-named column as such; English unchanged", async () => {
    expect(await columnLines(CANONICAL, "es")).toContain(
      "  direction → dirección (direction) (nombre del contrato)",
    );
    const en = await columnLines(CANONICAL, "en");
    expect(en).toContain("  direction → direction (canonical)");
    const kobo = await columnLines(KOBO, "en");
    expect(kobo).toContain("  grp_conteo/direccion [#x_direction] → direction (kobo_prefix)");
  });
});

describe("validate: a column kept as extra", () => {
  it('says "kept as extra" once, in both languages', async () => {
    const es = await columnLines(KOBO, "es");
    expect(es).toContain("  start → (se conserva como extra)");
    expect(es.filter((l) => /extra\).*\(extra\)/.test(l))).toEqual([]);
    const en = await columnLines(KOBO, "en");
    expect(en).toContain("  start → (kept as extra)");
    expect(en.filter((l) => /extra\).*\(extra\)/.test(l))).toEqual([]);
  });
});

describe("columnsInWords", () => {
  const columns: ColumnMapping[] = [
    { index: 0, column: "Sentido", field: "direction", how: "alias" },
    { index: 1, column: "transporte", how: "extra" },
  ];

  it("keeps English as it is and every other property in Spanish", () => {
    expect(columnsInWords(columns, "en")).toEqual(columns);
    expect(columnsInWords(columns, "es")).toEqual([
      { index: 0, column: "Sentido", field: "dirección (direction)", how: "alias" },
      { index: 1, column: "transporte", how: "extra" },
    ]);
  });
});
