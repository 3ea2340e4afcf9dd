/**
 * Under --lang es a place is named by the gazetteer's `name_es` (placeLabel) in the
 * rejection's "¿quiso decir …?", in the ledger's warnings on stderr and in the situation update's
 * "Calidad de los datos"; English keeps the English name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

/** A count sheet: northbound at Tecún Umán, 20 southbound at Agua Caliente, a misspelt point. */
const COUNTS = [
  "fecha,Punto de monitoreo,sentido,total",
  "2018-10-19,Tecún Umán,norte,1345",
  "2018-10-20,Tecún Umán,norte,2180",
  "2018-10-20,Agua Caliente border post,sur,20",
  "2018-10-21,Aguas Calients,norte,500",
].join("\n");

async function runIn(args: string[], cwd: string) {
  const c = capture(cwd);
  const code = await run(args, c.context);
  return { code, text: [...c.out, ...c.err].join("\n") };
}

describe("Spanish place names (name_es) under --lang es", () => {
  const { dir, file } = tempFile("dtm-es27-places-", "conteo-agua.csv", COUNTS);

  it("validate suggests «Frontera Agua Caliente» in Spanish, the English name in English", async () => {
    const es = await runIn(["validate", file, "--lang", "es"], dir);
    expect(es.text).toMatch(
      /«Aguas Calients» no es un lugar conocido; ¿quiso decir «Frontera Agua Caliente»\?/,
    );
    expect(es.text).not.toMatch(/Agua Caliente border post/);
    const en = await runIn(["validate", file], dir);
    expect(en.text).toMatch(/did you mean "Agua Caliente border post"/);
  });

  it("a point code column's warnings name the place in Spanish too", async () => {
    const codes = tempFile(
      "dtm-es27-codes-",
      "conteo-codigo.csv",
      COUNTS.replace("Punto de monitoreo", "punto"),
    );
    const es = await runIn(["validate", codes.file, "--lang", "es"], codes.dir);
    expect(es.text).toMatch(/no es un código de punto sino el nombre de Frontera Agua Caliente/);
    expect(es.text).toMatch(/\(¿quiso decir «Frontera Agua Caliente»\?\)/);
  });

  it("ledger's warnings and the report's Data quality name the point in Spanish", async () => {
    const out = join(dir, "led-es");
    const led = await runIn(["ledger", "--counts", file, "--lang", "es", "--out", out], dir);
    expect(led.text).toMatch(
      /personas contadas rumbo al sur el 2018-10-20 en Frontera Agua Caliente/,
    );
    expect(led.text).not.toMatch(/Agua Caliente border post/);
    const rep = join(dir, "rep-es");
    await runIn(
      ["report", "--counts", file, "--lang", "es", "--as-of", "2018-10-20", "--out", rep],
      dir,
    );
    const md = readFileSync(join(rep, "situation-update.md"), "utf8");
    const quality = md.slice(md.indexOf("## Calidad de los datos"));
    expect(quality).toMatch(/Frontera Agua Caliente/);
    expect(quality).not.toMatch(/Agua Caliente border post/);
  });
});
