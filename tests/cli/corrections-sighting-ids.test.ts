/**
 * A corrections file names a sighting of the user's file by the id report.json's
 * associations give it (`<file>:<line>` for a row without a sighting_id, docs/contracts.md §4),
 * and a refusal lists every problem of the file with its JSON pointer, as `scenario` lists its
 * problems, not "(and 1 more problem)".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

const SIGHTINGS =
  "Fecha;Lugar;Caravana;Número de personas\n" +
  "15/01/2019;San Pedro Sula;Caravana enero;1500\n" +
  "16/01/2019;Agua Caliente;Caravana enero;2000\n" +
  "17/01/2019;Esquipulas;Caravana enero;2100\n" +
  "18/01/2019;Tecún Umán;Caravana enero;2500\n";

describe("corrections name sightings by their real ids and list every problem", () => {
  it("the id report.json gives (<file>:<line>) is the id a reject correction takes", async () => {
    const { dir, file } = tempFile("dtm-t27c-", "avistamientos.csv", SIGHTINGS);
    const io = capture(dir);
    expect(await run(["estimate", "--sightings", file, "--out", "e"], io.context)).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "e", "report.json"), "utf8")) as {
      associations: { sightingId: string }[];
    };
    const ids = report.associations.map((a) => a.sightingId);
    expect(ids).toContain("avistamientos.csv:3");
    writeFileSync(
      join(dir, "fix.json"),
      JSON.stringify({
        version: 1,
        corrections: [{ kind: "reject", sightingId: "avistamientos.csv:3" }],
      }),
    );
    const io2 = capture(dir);
    expect(
      await run(
        ["estimate", "--sightings", file, "--corrections", "fix.json", "--out", "e2"],
        io2.context,
      ),
    ).toBe(0);
    const corrected = JSON.parse(readFileSync(join(dir, "e2", "report.json"), "utf8")) as {
      corrections: { rejected: string[] };
    };
    expect(corrected.corrections.rejected).toEqual(["avistamientos.csv:3"]);
  });

  for (const [lang, said] of [
    [
      "en",
      'dtm-flow ledger: bad.json at /corrections/0/sightingId: no sighting has the id "sighting-5". bad.json at /corrections/1/group: no group is called "Caravana Enero".',
    ],
    [
      "es",
      'dtm-flow ledger: bad.json en /corrections/0/sightingId: ningún avistamiento tiene el id "sighting-5". bad.json en /corrections/1/group: ningún grupo se llama "Caravana Enero".',
    ],
  ] as const)
    it(`a refusal lists both problems of the file (--lang ${lang})`, async () => {
      const { dir, file } = tempFile("dtm-t27c-", "avistamientos.csv", SIGHTINGS);
      writeFileSync(
        join(dir, "bad.json"),
        JSON.stringify({
          version: 1,
          corrections: [
            { kind: "reject", sightingId: "sighting-5" },
            { kind: "destination", group: "Caravana Enero", place: "Tapachula" },
          ],
        }),
      );
      const io = capture(dir);
      expect(
        await run(
          [
            "ledger",
            "--sightings",
            file,
            "--corrections",
            "bad.json",
            "--lang",
            lang,
            "--out",
            "l",
          ],
          io.context,
        ),
      ).toBe(2);
      expect(io.err.at(-1)).toBe(said);
      expect(io.err.join("\n")).not.toMatch(/more problem|problema más/);
    });
});
