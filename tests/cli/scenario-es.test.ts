/**
 * `dtm-flow scenario --lang es` (tryout22 item 9): the stdout lines and scenario-report.json's
 * totalsNote in Spanish, from the one word table (src/report/words.ts), by the --lang rule of
 * `report` and `forecast` (cli/lang-option.ts); places by their Spanish name; the figures, dates
 * and CSV files the same as in English.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

/** The tryout's scenario, with a small shelter at Ciudad Hidalgo so a line says "over capacity". */
const SCENARIO = {
  ...JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "fixtures", "tryout22", "escenario.json"), "utf8"),
  ),
  shelters: [{ place: "Ciudad Hidalgo", capacity: 500 }],
};

/** English words of the scenario's sentences (the scenario's own name aside). */
const ENGLISH =
  /\b(runs?|seed|days?|Planning|water|latrines?|per|then|after|covered|hygiene|first arrival|beyond|horizon|reached|peak|median|present|nobody|anyone|within|over|capacity|ready|people|By|adds up|departed|on the road|travelling|asylum|claimants|waiting|regularised|staying|destination|returned|onward)\b/;

describe("dtm-flow scenario --lang es", () => {
  it("prints the summary and writes the totals note in Spanish, the same figures as in English", async () => {
    const { dir, file } = tempFile("dtm-scen-es-", "escenario.json", JSON.stringify(SCENARIO));
    const args = ["scenario", file, "--runs", "40", "--seed", "3"];
    const es = capture(dir);
    expect(await run([...args, "--lang", "es", "--out", join(dir, "es")], es.context)).toBe(0);
    const en = capture(dir);
    expect(await run([...args, "--out", join(dir, "en")], en.context)).toBe(0);

    expect(es.out[0]).toMatch(/^Caravana enero 2019 desde San Pedro Sula: 40 corridas, semilla 3/);
    expect(es.out).toHaveLength(en.out.length);
    const name = /^Caravana enero 2019 desde San Pedro Sula/;
    for (const line of es.out) expect(line.replace(name, ""), line).not.toMatch(ENGLISH);
    const text = es.out.join("\n");
    expect(text).toContain("sobre su capacidad de 500 en el ");
    expect(text).toContain("para el pico p90 de ");
    expect(text).toContain(" personas hace falta: ");
    expect(text).toMatch(/\(corrida mediana \d+, cuadra\)/);
    // Places by their Spanish name (the library's placeLabel), English in English.
    expect(text).toContain("  Ciudad de México: primera llegada ");
    expect(text).not.toContain("Mexico City");
    expect(en.out.join("\n")).toContain("  Mexico City: first arrival ");
    // The same numbers, line by line: only the words change.
    const numbers = (l: string) => l.match(/\d[\d,.-]*/g);
    es.out.forEach((l, i) => expect(numbers(l), l).toEqual(numbers(en.out[i]!)));

    const json = (d: string) =>
      JSON.parse(readFileSync(join(dir, d, "scenario-report.json"), "utf8"));
    expect(json("es").lang).toBe("es");
    expect(json("es").totalsNote).toMatch(/no tienen por qué sumar/);
    expect(json("en").lang).toBe("en");
    expect(json("en").totalsNote).toMatch(/they need not add up/);
    for (const csv of ["scenario-place-days.csv", "scenario-summary.csv", "scenario-totals.csv"])
      expect(readFileSync(join(dir, "es", csv)), csv).toEqual(readFileSync(join(dir, "en", csv)));
  });

  it("refuses another language with the report's sentence", async () => {
    const { dir, file } = tempFile("dtm-scen-es-", "escenario.json", JSON.stringify(SCENARIO));
    const io = capture(dir);
    expect(await run(["scenario", file, "--lang", "fr", "--out", join(dir, "x")], io.context)).toBe(
      2,
    );
    expect(io.err.join("\n")).toContain("--lang must be en or es, got fr.");
  });
});
