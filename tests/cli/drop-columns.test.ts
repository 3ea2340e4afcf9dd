/** Leaving columns out of the CLI's own CSV, streaming (cli/drop-columns.ts). */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyWithoutColumns, createColumnDropper } from "../../cli/drop-columns.ts";
import type { OutputFile } from "../../cli/output.ts";
import { formatCsv, mulberry32 } from "../../src/index.ts";

const scratch = mkdtempSync(join(tmpdir(), "dtm-drop-columns-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Cells that need quoting, doubled quotes, line breaks, delimiters, accents, formulas. */
const TRICKY = [
  "",
  "a",
  'say "hola"',
  "x,y",
  "x;y",
  "line\r\nbreak",
  "lf\nonly",
  " pad ",
  "=1+1",
  "Tecún Umán",
  '"',
  '""',
  "\r",
];

/** `n` rows over `columns` with cells drawn (seeded) from TRICKY and numbers. */
function table(columns: string[], n: number, seed: number): Record<string, unknown>[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () =>
    Object.fromEntries(
      columns.map((c) => [
        c,
        random() < 0.2 ? Math.round(random() * 1000) : TRICKY[Math.floor(random() * TRICKY.length)],
      ]),
    ),
  );
}

describe("createColumnDropper", () => {
  it("leaves out the columns asked, keeping quoted cells whole", () => {
    const d = createColumnDropper([true, false, true], ",");
    expect(d.push('a,b,c\r\n1,"x\r\ny",3\r\n') + d.end()).toBe("a,c\r\n1,3\r\n");
  });

  for (const delimiter of [",", ";"] as const) {
    it(`gives what formatCsv gives without those columns, however the text is cut (${delimiter})`, () => {
      const columns = ["date", "x,1", "y", "z", "w"];
      const rows = table(columns, 40, delimiter === "," ? 1 : 2);
      const hxl = { date: "#date", y: "#meta" };
      const full = formatCsv(rows, { columns, delimiter, hxl });
      const kept = ["date", "z"];
      const expected = formatCsv(rows, { columns: kept, delimiter, hxl });
      const keep = columns.map((c) => kept.includes(c));
      // Every cut point of the text into two pieces, and pieces of 1 to 7 characters.
      for (let cut = 0; cut <= full.length; cut++) {
        const d = createColumnDropper(keep, delimiter);
        expect(d.push(full.slice(0, cut)) + d.push(full.slice(cut)) + d.end()).toBe(expected);
      }
      for (let size = 1; size <= 7; size++) {
        const d = createColumnDropper(keep, delimiter);
        let out = "";
        for (let i = 0; i < full.length; i += size) out += d.push(full.slice(i, i + size));
        expect(out + d.end()).toBe(expected);
      }
    });
  }

  for (const delimiter of [",", ";", "\t"] as const) {
    it(`leaves out the first, the last or middle columns of lines without quotes, in bulk (${JSON.stringify(delimiter)})`, () => {
      const columns = ["a", "b", "c", "d", "e"];
      const random = mulberry32(3);
      // Plain cells, one holding U+2028 (a line separator to a regular expression, not to CSV).
      const rows = Array.from({ length: 30 }, (_, i) =>
        Object.fromEntries(
          columns.map((c) => [c, i === 7 && c === "b" ? "x\u2028y" : Math.floor(random() * 100)]),
        ),
      );
      for (const kept of [["b", "c", "d", "e"], ["a", "b", "c", "d"], ["a", "c", "e"], ["a"], []]) {
        const keep = columns.map((c) => kept.includes(c));
        // No byte-order mark: it belongs to the first cell, left out here with its column.
        const full = formatCsv(rows, { columns, delimiter, bom: false });
        const expected = formatCsv(rows, { columns: kept, delimiter, bom: false });
        for (const cut of [0, 1, 17, full.length >> 1, full.length - 1]) {
          const d = createColumnDropper(keep, delimiter);
          expect(d.push(full.slice(0, cut)) + d.push(full.slice(cut)) + d.end(), kept.join()).toBe(
            expected,
          );
        }
      }
    });
  }

  it("keeps cells beyond the columns it knows, and a last record without a line end", () => {
    const d = createColumnDropper([true, false], ",");
    expect(d.push("a,b,c\r\n1,2") + d.end()).toBe("a,c\r\n1");
  });
});

describe("copyWithoutColumns", () => {
  it("copies a file larger than its 1 MB reads, accents cut across reads, byte-order mark kept", () => {
    const columns = ["place", "empty", "people"];
    const rows = Array.from({ length: 80_000 }, (_, i) => ({
      place: i % 3 ? "Tecún Umán" : 'Ciudad "Hidalgo", Chiapas',
      people: i,
    }));
    const path = join(scratch, "big.csv");
    writeFileSync(path, formatCsv(rows, { columns }));
    expect(statSync(path).size).toBeGreaterThan(1.5 * 2 ** 20);
    let written = "";
    const sink = {
      append: (c: string | Uint8Array) => (written += String(c)),
    } as unknown as OutputFile;
    copyWithoutColumns(path, sink, [true, false, true], ",");
    expect(written).toBe(formatCsv(rows, { columns: ["place", "people"] }));
    expect(written.startsWith("\uFEFFplace,people\r\n")).toBe(true);
  });
});
