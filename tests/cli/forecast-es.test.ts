/**
 * `dtm-flow forecast --lang es` (tryout22 item 9): the stdout lines and forecast.json's method in
 * Spanish, from the one word table (src/report/words.ts), by the same --lang rule as `report`
 * (cli/lang-option.ts); the figures and dates the same as in English.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

/** English words of the forecast's sentences (group and place names aside). */
const ENGLISH =
  /\b(Forecast as of|horizon|runs|on the road|last placed|last report|track to|median person|first people|already|within|beyond|most|arrived at|dissolved|not moved on|people|past|short of|near)\b/;

// As of 14 Nov (Honduran caravan 2 on its track's last day, just past Mexico City): since stop 27
// its held day of 15 Nov reads the forecast's law and is near Querétaro, Mexico City no longer listed.
describe("dtm-flow forecast --as-of 2018-11-14 --lang es", () => {
  it("prints the summary and writes forecast.json's method in Spanish, the same figures as in English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dtm-forecast-es-"));
    const es = capture(dir);
    const args = ["forecast", "--as-of", "2018-11-14", "--runs", "100"];
    expect(await run([...args, "--lang", "es", "--out", "es"], es.context)).toBe(0);
    const en = capture(dir);
    expect(await run([...args, "--out", "en"], en.context)).toBe(0);

    expect(es.out[0]).toMatch(/^Pronóstico al 2018-11-14 /);
    expect(es.out).toHaveLength(en.out.length);
    const names = /(Honduran|Salvadoran) caravan \d|Salvadoran groups Nov 5-7|LGBT group/g;
    for (const line of es.out) expect(line.replace(names, ""), line).not.toMatch(ENGLISH);
    expect(es.out.join("\n")).toContain("persona mediana");
    // Places by their Spanish name (the library's placeLabel), English in English.
    expect(es.out.join("\n")).toContain("Ciudad de México: ");
    expect(es.out.join("\n")).not.toContain("Mexico City");
    expect(en.out.join("\n")).toContain("Mexico City: ");
    // The same numbers, line by line: only the words change.
    const numbers = (l: string) => l.match(/\d[\d,.-]*/g);
    es.out.forEach((l, i) => expect(numbers(l), l).toEqual(numbers(en.out[i]!)));

    const json = (d: string) => JSON.parse(readFileSync(join(dir, d, "forecast.json"), "utf8"));
    const fj = json("es");
    expect(fj.lang).toBe("es");
    expect(fj.method).toMatch(/^el estado en el momento de la fecha de corte/);
    expect(fj.method).not.toMatch(ENGLISH);
    // Monte Carlo runs are "corridas", as in `scenario --lang es` (one word for one thing).
    expect(es.out[0]).toContain(" 100 corridas;");
    expect(`${es.out.join("\n")} ${fj.method}`).not.toMatch(/simulaci/);
    expect(json("en").method).toMatch(/^the state as of the as-of moment/);
    expect(readFileSync(join(dir, "es", "forecast.csv"))).toEqual(
      readFileSync(join(dir, "en", "forecast.csv")),
    );
  });

  it("refuses another language with the report's sentence", async () => {
    const io = capture(mkdtempSync(join(tmpdir(), "dtm-forecast-es-")));
    const status = await run(
      ["forecast", "--as-of", "2018-11-14", "--lang", "fr", "--out", "x"],
      io.context,
    );
    expect(status).toBe(2);
    expect(io.err.join("\n")).toContain("--lang must be en or es, got fr.");
  });
});
