// Files whose line breaks are any mix of CRLF, LF and lone CR (pasted together from Windows, Unix
// and old Mac files): every row stays a row, however the text or bytes are chunked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTableImporter, importTable } from "../../src/ingest/importer.ts";
import { createNewlineNormalizer } from "../../src/ingest/delimiter.ts";
import type { CountRecord } from "../../src/model/count.ts";
import { chunks } from "./helpers.ts";

const HEADER = "fecha,punto,sentido,total";
const row = (i: number) => `${String(1 + (i % 28)).padStart(2, "0")}/10/2018,GT-TEC,norte,${i + 1}`;

describe("createNewlineNormalizer", () => {
  it("turns CRLF, LF and lone CR into LF, also a CRLF split between two pieces", () => {
    const n = createNewlineNormalizer();
    expect(n.push("a\r\nb\rc\n", false) + n.push("d\r", false) + n.push("\ne\r", false)).toBe(
      "a\nb\nc\nd\ne",
    );
    expect(n.push("", true)).toBe("\n");
  });
  it("a CR at the end of a piece followed by a piece that does not start with LF is a break", () => {
    const n = createNewlineNormalizer();
    expect(n.push("a\r", false) + n.push("b\r\r", false) + n.push("c", true)).toBe("a\nb\n\nc");
  });
});

describe("importTable with mixed line endings", () => {
  it("reads a file mixing CRLF, LF and CR row by row (none merged)", () => {
    const text =
      [HEADER, row(0), row(1), row(2), row(3)].join("\r\n").replace(/\r\n(?=02)/, "\r") +
      "\n" +
      row(4) +
      "\r";
    const r = importTable(text, { kind: "counts" });
    expect(r.report).toMatchObject({ dataRows: 5, accepted: 5, rejected: 0 });
    expect((r.records as CountRecord[]).map((x) => x.total)).toEqual([1, 2, 3, 4, 5]);
  });
  it("a header ending in LF and rows ending in lone CR (the case that merged rows)", () => {
    const text = `${HEADER}\n${row(0)}\r${row(1)}\r${row(2)}\r`;
    const r = importTable(text, { kind: "counts" });
    expect(r.report).toMatchObject({ dataRows: 3, accepted: 3 });
  });
  it("a quoted cell with a line break inside stays one cell", () => {
    const text = `${HEADER},notas\r\n${row(0)},"dos\r\nlíneas"\r${row(1)},x\n`;
    const r = importTable(text, { kind: "counts" });
    expect(r.report).toMatchObject({ dataRows: 2, accepted: 2 });
    expect((r.records[0] as CountRecord).notes).toBe("dos\nlíneas");
  });

  it("accepted + rejected = data rows, and the same records, for any mix of breaks at any chunking", () => {
    const breaks = fc.constantFrom("\r\n", "\n", "\r");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), breaks, fc.boolean()), {
          minLength: 1,
          maxLength: 40,
        }),
        breaks,
        fc.integer({ min: 1, max: 97 }),
        fc.boolean(),
        (rows, headerBreak, size, asBytes) => {
          // Some rows are bad (a negative count), so both counts are exercised.
          let text = HEADER + headerBreak;
          rows.forEach(([v, br, bad], i) => {
            text += `${row(i)}`.replace(/,\d+$/, `,${bad ? -v - 1 : v}`) + br;
          });
          const importer = createTableImporter("counts", { today: "2026-01-01" });
          const input = asBytes ? new TextEncoder().encode(text) : text;
          for (const c of chunks(input, size)) importer.push(c);
          const { records, report } = importer.finish();
          expect(report.dataRows).toBe(rows.length);
          expect(report.accepted + report.rejected).toBe(report.dataRows);
          expect(report.rejected).toBe(rows.filter(([, , bad]) => bad).length);
          expect((records as CountRecord[]).map((x) => x.total)).toEqual(
            rows.filter(([, , bad]) => !bad).map(([v]) => v),
          );
        },
      ),
      { numRuns: 150, seed: 20181013 },
    );
  });
});
