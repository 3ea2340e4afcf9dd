/**
 * `report --lang es` on one's own files names them in Spanish ("Archivos: …"), not with the
 * command line's English prefix ("Files: …", tryout23 item 9); English as before. The name says
 * what it is, so no "Data:" label before it ("Datos: Archivos: …").
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { FILES_NAME_PREFIX, EMBEDDED_2018_NAME, situationWords } from "../../src/index.ts";
import { capture, tempFile } from "../cli/capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe("the dataset's name in the situation update's language", () => {
  it("the word table gives a user's files' name in Spanish, the embedded name within it too", () => {
    const es = situationWords("es").datasetName;
    expect(es(`${FILES_NAME_PREFIX}a.csv, r.geojson`)).toBe("Archivos: a.csv, r.geojson");
    expect(es(`${FILES_NAME_PREFIX}r.geojson + ${EMBEDDED_2018_NAME}`)).toBe(
      "Archivos: r.geojson + Caravanas oct.–dic. 2018 (integradas)",
    );
    // A file named like the prefix is a file name, not the prefix.
    expect(es("Files.csv")).toBe("Files.csv");
    expect(situationWords("en").datasetName(`${FILES_NAME_PREFIX}a.csv`)).toBe("Files: a.csv");
  });

  for (const [lang, data] of [
    ["es", "Archivos: avistamientos.csv, lugares.csv, ruta.geojson."],
    ["en", "Files: avistamientos.csv, lugares.csv, ruta.geojson."],
  ] as const)
    it(`report --lang ${lang} on one's own files: "${data}" in the Markdown and the HTML`, async () => {
      const { dir, file } = tempFile(
        "dtm-name-",
        "avistamientos.csv",
        fixture("avistamientos-golfo.csv"),
      );
      writeFileSync(join(dir, "lugares.csv"), fixture("lugares-golfo.csv"));
      writeFileSync(join(dir, "ruta.geojson"), fixture("ruta-piedras-negras-linea.geojson"));
      const io = capture(dir);
      const args = ["--sightings", file, "--places", "lugares.csv", "--route", "ruta.geojson"];
      const status = await run(
        ["report", ...args, "--as-of", "2019-02-13", "--lang", lang, "--out", "r"],
        io.context,
      );
      expect(status, io.err.join("\n")).toBe(0);
      const md = readFileSync(join(dir, "r", "situation-update.md"), "utf8");
      const html = readFileSync(join(dir, "r", "situation-update.html"), "utf8");
      expect(md).toContain(data);
      expect(html).toContain(data);
      if (lang === "es") expect(md + html).not.toContain("Files:");
      expect(md + html).not.toMatch(/Datos: Archivos|Data: Files/);
    });
});
