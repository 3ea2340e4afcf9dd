/**
 * A corrections refusal is one line; a file of many bad ids lists the first 10
 * problems, the 10th saying how many more there are (not one unbounded line).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

const SIGHTINGS =
  "Fecha;Lugar;Caravana;Número de personas\n" +
  "15/01/2019;San Pedro Sula;Caravana enero;1500\n" +
  "16/01/2019;Agua Caliente;Caravana enero;2000\n";

describe("a corrections refusal of many problems", () => {
  for (const [lang, more] of [
    ["en", "(and 15 more problems)."],
    ["es", "(y 15 problemas más)."],
  ] as const)
    it(`lists 10 of 25 bad ids, the last saying 15 more (--lang ${lang})`, async () => {
      const { dir, file } = tempFile("dtm-m27c-", "avistamientos.csv", SIGHTINGS);
      const corrections = Array.from({ length: 25 }, (_, i) => ({
        kind: "reject",
        sightingId: `nope-${i}`,
      }));
      writeFileSync(join(dir, "bad.json"), JSON.stringify({ version: 1, corrections }));
      const io = capture(dir);
      const args = ["ledger", "--sightings", file, "--corrections", "bad.json", "--lang", lang];
      expect(await run([...args, "--out", "l"], io.context)).toBe(2);
      const said = io.err.at(-1)!;
      expect(said.match(/bad\.json (at|en) \/corrections\//g)).toHaveLength(10);
      expect(said).toContain("/corrections/9/sightingId");
      expect(said).not.toContain("/corrections/10/");
      expect(said.endsWith(more)).toBe(true);
    });
});
