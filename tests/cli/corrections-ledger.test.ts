/**
 * `dtm-flow ledger --corrections` and `report --corrections`: the file `estimate --corrections`
 * reads, so a rejected report's effect reaches the ledger, the state and the situation update.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { readCsvRows } from "./csvRows.ts";
import { embedded2018, formatPeople, runReplay } from "../../src/index.ts";
import type { CorrectionsFile, Replay } from "../../src/index.ts";

// S050, a national figure with no place (data/corrections/example-2018.json): without it the
// estimated people at Tijuana on 17 Nov 2018 change (docs/contracts.md §4).
const REJECT: CorrectionsFile = {
  version: 1,
  corrections: [{ kind: "reject", sightingId: "S050" }],
};

let plain: Replay;
let corrected: Replay;
beforeAll(() => {
  plain = runReplay(embedded2018());
  corrected = runReplay(embedded2018(), { corrections: REJECT });
});

const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "fix.json"), JSON.stringify(REJECT));
  return dir;
};

describe("dtm-flow ledger --corrections", () => {
  it("writes the ledger and places of the corrected replay, and lists the corrections in report.json", async () => {
    const dir = folder("ledger-corrections-");
    const io = capture(dir);
    expect(await run(["ledger", "--corrections", "fix.json", "--out", "out"], io.context)).toBe(0);
    expect(io.err).toContain("applied 1 correction");
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(report.corrections).toMatchObject({ file: "fix.json", rejected: ["S050"] });
    // departed.csv's in transit, every day, is the corrected state's, and differs from the plain.
    const rows = readCsvRows(join(dir, "out", "departed.csv"));
    expect(rows.length).toBeGreaterThan(10);
    let changed = 0;
    for (const row of rows) {
      const date = row.date!;
      const day = corrected.state.find((d) => d.date === date)!;
      expect(Number(row.in_transit), date).toBe(day.totals.inTransit);
      expect(Number(row.unknown), date).toBe(day.totals.unknown);
      if (plain.state.find((d) => d.date === date)?.totals.inTransit !== day.totals.inTransit)
        changed++;
    }
    expect(changed).toBeGreaterThan(10);
    // places.csv: Tijuana on 17 Nov 2018, the corrected state's people present.
    const places = readCsvRows(join(dir, "out", "places.csv"));
    const tijuana = places.find((r) => r.date === "2018-11-17" && r.place_name === "Tijuana");
    const present = (r: Replay) =>
      r.state.find((d) => d.date === "2018-11-17")!.places.find((p) => p.placeName === "Tijuana")!
        .present;
    expect(Number(tijuana?.present)).toBe(present(corrected));
    expect(present(corrected)).not.toBe(present(plain));
  });

  it("a file that does not fit exits 2 with the file and the JSON pointer; a malformed one before --out is made", async () => {
    const dir = folder("ledger-corrections-bad-");
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({ version: 1, corrections: [{ kind: "reject", sightingId: "S999" }] }),
    );
    const io = capture(dir);
    expect(await run(["ledger", "--corrections", "bad.json", "--out", "out"], io.context)).toBe(2);
    expect(io.err.at(-1)).toBe(
      'dtm-flow ledger: bad.json at /corrections/0/sightingId: no sighting has the id "S999".',
    );
    writeFileSync(join(dir, "shape.json"), '{"version":1,"corrections":[{"kind":"merge"}]}');
    const io2 = capture(dir);
    expect(
      await run(
        ["report", "--as-of", "2018-11-17", "--corrections", "shape.json", "--out", "o2"],
        io2.context,
      ),
    ).toBe(2);
    expect(io2.err.at(-1)).toMatch(
      /shape\.json at \/corrections\/0\/group: .*\. shape\.json at \/corrections\/0\/into: .*\.$/,
    );
    expect(existsSync(join(dir, "o2"))).toBe(false);
    const io3 = capture(dir);
    expect(await run(["ledger", "--corrections", "nothing.json", "--out", "o3"], io3.context)).toBe(
      2,
    );
    expect(io3.err.at(-1)).toBe("dtm-flow ledger: cannot read nothing.json: no such file.");
  });

  it("never writes over the corrections file", async () => {
    const dir = folder("ledger-corrections-over-");
    writeFileSync(join(dir, "report.json"), JSON.stringify(REJECT));
    const io = capture(dir);
    expect(await run(["ledger", "--corrections", "report.json", "--out", "."], io.context)).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8"))).toEqual(REJECT);
  });
});

describe("dtm-flow report --corrections", () => {
  it("the situation update is of the corrected replay: Tijuana's people on 17 Nov 2018 and the people in transit", async () => {
    const dir = folder("report-corrections-");
    const io = capture(dir);
    const args = ["--as-of", "2018-11-17", "--hindsight", "--corrections", "fix.json"];
    expect(await run(["report", ...args, "--out", "out"], io.context)).toBe(0);
    const md = readFileSync(join(dir, "out", "situation-update.md"), "utf8");
    const day = corrected.state.find((d) => d.date === "2018-11-17")!;
    const tijuana = day.places.find((p) => p.placeName === "Tijuana")!.present;
    expect(md).toContain(`| Tijuana | ${formatPeople(tijuana)} `);
    expect(io.err.at(-1)).toContain(`${formatPeople(day.totals.inTransit)} people in transit`);
    const before = plain.state.find((d) => d.date === "2018-11-17")!;
    expect(md).not.toContain(
      `| Tijuana | ${formatPeople(before.places.find((p) => p.placeName === "Tijuana")!.present)} `,
    );
    // The update read alone says its figures are of the corrected data.
    const line = "Figures of the estimate with 1 analyst's correction (fix.json): S050 rejected.";
    expect(md).toContain(`\n${line}\n`);
    expect(readFileSync(join(dir, "out", "situation-update.html"), "utf8")).toContain(
      `<p class="muted">${line.replace("'", "&#39;")}</p>`,
    );
  });

  it("says the corrections in Spanish with --lang es, and nothing without --corrections", async () => {
    const dir = folder("report-corrections-es-");
    const io = capture(dir);
    const args = ["--as-of", "2018-11-17", "--corrections", "fix.json", "--lang", "es"];
    expect(await run(["report", ...args, "--out", "out"], io.context)).toBe(0);
    expect(readFileSync(join(dir, "out", "situation-update.md"), "utf8")).toContain(
      "\nCifras de la estimación con 1 corrección de analista (fix.json): S050 rechazado.\n",
    );
    const io2 = capture(dir);
    expect(await run(["report", "--as-of", "2018-11-17", "--out", "o2"], io2.context)).toBe(0);
    const plainMd = readFileSync(join(dir, "o2", "situation-update.md"), "utf8");
    expect(plainMd).not.toMatch(/correction/i);
  });
});
