/**
 * `--lang es` leftovers (es25): validate's first two lines and its exit-2 sentence, estimate's
 * progress line and notes, the forecast's own warnings (code + params, one table), the
 * far-from-routes refusal, and `import --lang`. Each Spanish output is checked for the English
 * sentence it replaces; exit codes are the English run's; no stack trace.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import {
  FORECAST_WARNING_SENTENCES,
  farFromRoutesText,
  forecastWarning,
  forecastWarningText,
} from "../../src/index.ts";
import type { ForecastWarningCode, ForecastWarningParamsByCode } from "../../src/index.ts";
import { capture, tempFile } from "./capture.ts";

const SAMPLES = join(import.meta.dirname, "..", "..", "data", "samples");
const T23 = join(import.meta.dirname, "..", "fixtures", "tryout23");

/** Runs a command in English and in Spanish; both outputs and exit codes. */
async function bothLangs(args: string[], cwd: string, outDir?: string) {
  const en = capture(cwd);
  const es = capture(cwd);
  const out = (l: string) => (outDir ? ["--out", join(outDir, l)] : []);
  const enCode = await run([...args, ...out("en")], en.context);
  const esCode = await run([...args, "--lang", "es", ...out("es")], es.context);
  return {
    en: { code: enCode, text: [...en.out, ...en.err].join("\n") },
    es: { code: esCode, text: [...es.out, ...es.err].join("\n") },
  };
}

/** No stack trace: no "    at f (file:line)" line and no "Error:" class name. */
const NO_STACK = /^\s+at .+:\d+|\bError:/m;

describe("validate --lang es", () => {
  it("says its first two lines in Spanish; exit code unchanged", async () => {
    const { en, es } = await bothLangs(
      ["validate", join(SAMPLES, "avistamientos-rangos.csv")],
      SAMPLES,
    );
    expect(es.code).toBe(en.code);
    const [first, second] = es.text.split("\n");
    expect(first).toMatch(/^avistamientos-rangos\.csv: avistamientos \(detectado\), codificación /);
    expect(second).toMatch(
      /^fila de encabezado 1, fechas día\/mes \(según los datos\), fechas del /,
    );
    expect(second).toContain("(ventana según los datos)");
    expect(es.text).not.toMatch(
      /header row|encoding|\(detected\)|window from the data|accepted \(/,
    );
    expect(en.text).toMatch(/^header row 1, dates dmy \(data\)/m);
  });

  it("says a file it cannot use in one Spanish sentence, exit 2, no stack trace", async () => {
    const { en, es } = await bothLangs(
      ["validate", join(SAMPLES, "sin-columna-fecha.csv")],
      SAMPLES,
    );
    expect([en.code, es.code]).toEqual([2, 2]);
    expect(es.text).toMatch(/no hay columna date para una tabla de conteos en la fila 1/);
    expect(es.text).toContain("Indique qué columna lo contiene: --columns <campo>=<columna>");
    expect(es.text).not.toMatch(/no date column|looked for|Say which column/);
    expect(es.text).not.toMatch(NO_STACK);
    expect(es.text.split("\n")).toHaveLength(1);
  });

  it("says a missing file or a folder in Spanish, exit 2", async () => {
    const missing = await bothLangs(["validate", "no-existe.csv"], SAMPLES);
    expect([missing.en.code, missing.es.code]).toEqual([2, 2]);
    expect(missing.es.text).toContain("no-existe.csv no existe; revise la ruta.");
    expect(missing.es.text).not.toMatch(/does not exist|check the path/);
    const folder = await bothLangs(["validate", SAMPLES], SAMPLES);
    expect(folder.es.code).toBe(2);
    expect(folder.es.text).toMatch(/es una carpeta, no un archivo/);
    expect(folder.es.text).not.toMatch(/is a folder/);
  });
});

describe("estimate --lang es", () => {
  it("says the estimating line and the notes in Spanish on the embedded 2018 data", async () => {
    const dir = tempFile("dtm-es25-est-", "x.txt", "").dir;
    const { en, es } = await bothLangs(["estimate"], dir, dir);
    expect([en.code, es.code]).toEqual([0, 0]);
    expect(es.text).toMatch(/^estimando \d+ avistamientos, \d+ conteos, \d+ cifras de stock \(/m);
    expect(es.text).toMatch(
      /conteos vieron solo a las personas de un lugar o de un punto de paso, no al grupo entero, así que cada uno se usa como el mínimo de personas que puede tener su grupo: S\d+ \(al menos [\d,]+, en un lugar\)/,
    );
    expect(es.text).not.toMatch(/^estimating|stock figures|fewest people|more \(|sightings,/m);
    expect(en.text).toMatch(/^estimating \d+ sightings/m);
  });

  it("says the counts left out without sightings in Spanish", async () => {
    const { dir, file } = tempFile(
      "dtm-es25-cnt-",
      "conteo.csv",
      readFileSync(join(SAMPLES, "kobo-conteo-tecun-uman.csv")),
    );
    const { en, es } = await bothLangs(["estimate", "--counts", file], dir, dir);
    expect(es.code).toBe(en.code);
    expect(es.text).toMatch(/conteos dejados fuera: no se dieron avistamientos/);
    expect(es.text).not.toMatch(/left out: no sightings were given|counts have no group/);
  });
});

describe("forecast warnings: code, params and one es/en table", () => {
  const examples: { [C in ForecastWarningCode]: ForecastWarningParamsByCode[C] } = {
    route_not_in_corridor: { group: "C1", route: "golfo" },
    no_place_ahead: { group: "C1", route: "main", km: 4321 },
    size_unknown: { group: "LGBT" },
    group_stale: { group: "C2", lastDate: "2018-10-30", days: 12, maxDays: 7 },
  };

  it("every code has its English message from the table and a Spanish sentence of the same values", () => {
    for (const code of Object.keys(FORECAST_WARNING_SENTENCES) as ForecastWarningCode[]) {
      const w = forecastWarning(code, examples[code] as never);
      expect(w.code).toBe(code);
      expect(forecastWarningText("en", w)).toBe(w.message);
      const es = forecastWarningText("es", w);
      expect(es).not.toBe(w.message);
      for (const v of Object.values(examples[code]))
        expect(es).toContain(typeof v === "number" ? v.toLocaleString("es-MX") : String(v));
    }
    // A warning without params (an older forecast.json) stays its English message.
    expect(forecastWarningText("es", { code: "size_unknown", message: "No source gave …" })).toBe(
      "No source gave …",
    );
  });

  it("forecast --lang es prints the forecast's warnings in Spanish on the 2018 data", async () => {
    const dir = tempFile("dtm-es25-fc-", "x.txt", "").dir;
    const { en, es } = await bothLangs(
      ["forecast", "--as-of", "2018-11-20", "--runs", "50", "--horizon", "7"],
      dir,
      dir,
    );
    expect(es.code).toBe(en.code);
    expect(en.text).toMatch(/^warning: No source gave the size of /m);
    expect(es.text).toMatch(/^aviso: Ninguna fuente dio el tamaño de /m);
    expect(es.text).not.toMatch(/No source gave|no arrivals are forecast|left out of the forecast/);
  });
});

describe("far from every route, in Spanish", () => {
  const files = () => {
    const { dir, file } = tempFile(
      "dtm-es25-far-",
      "avistamientos.csv",
      readFileSync(join(T23, "avistamientos-golfo.csv")),
    );
    const places = join(dir, "lugares.csv");
    writeFileSync(places, readFileSync(join(T23, "lugares-golfo.csv")));
    return { dir, file, places };
  };

  for (const command of ["estimate", "ledger"]) {
    it(`${command} without --route: refused in one Spanish sentence, exit 2`, async () => {
      const { dir, file, places } = files();
      const { en, es } = await bothLangs(
        [command, "--sightings", file, "--places", places],
        dir,
        dir,
      );
      expect([en.code, es.code]).toEqual([2, 2]);
      expect(es.text).toMatch(
        /\d+ de \d+ reportes están a .* km \(mediana .* km\) de las rutas en uso \(el corredor de 2018\): .*indique su ruta con --route/,
      );
      expect(es.text).not.toMatch(/reports lie|routes in use|give your route/);
      expect(es.text).not.toMatch(NO_STACK);
    });
  }

  it("the --route warning's words come from the same function", () => {
    const far = { reports: 12, far: 10, minKm: 78, medianKm: 270, maxKm: 1644 };
    expect(farFromRoutesText(far, { route: "r.geojson" }, "es")).toContain(
      "compruebe que --route es la ruta que siguen estos reportes",
    );
    expect(farFromRoutesText(far, { route: "r.geojson" })).toContain(
      "10 of 12 reports lie 78–1,644 km (median 270 km) from the routes in use (--route r.geojson): most reports lie far from the routes: check that --route is the route these reports follow",
    );
  });
});

describe("import --lang es", () => {
  it("says the per-file line, each rejected row with its line and reason, and what it wrote", async () => {
    const { dir, file } = tempFile(
      "dtm-es25-imp-",
      "malformado.csv",
      readFileSync(join(SAMPLES, "malformado.csv")),
    );
    const { en, es } = await bothLangs(["import", file], dir, dir);
    expect([en.code, es.code]).toEqual([1, 1]);
    expect(es.text).toMatch(
      /^malformado\.csv: conteos, 6 filas de datos, 1 aceptada, 5 rechazadas/m,
    );
    expect(es.text).toMatch(/^ {2}fila 4 \[total\] invalid_number: total «abc» no es un número\./m);
    expect(es.text).toMatch(
      /^se escribieron counts\.csv \(1 fila\), rejected\.csv \(5\) e import-report\.json en /m,
    );
    expect(es.text).not.toMatch(/data rows|accepted|is not a number|^wrote |none kept as written/m);
    // The English run lists the rejected rows too (line and reason), not only their count.
    expect(en.text).toMatch(/^ {2}row 4 \[total\] invalid_number: total "abc" is not a number\./m);
  });

  it("refuses a file without its date column in Spanish, exit 2, nothing written", async () => {
    const { dir, file } = tempFile(
      "dtm-es25-imp2-",
      "sin-fecha.csv",
      readFileSync(join(SAMPLES, "sin-columna-fecha.csv")),
    );
    const { en, es } = await bothLangs(["import", file], dir, dir);
    expect([en.code, es.code]).toEqual([2, 2]);
    expect(es.text).toMatch(/no hay columna date para una tabla de conteos/);
    expect(es.text).not.toMatch(/no date column|Say which column/);
    expect(es.text).not.toMatch(NO_STACK);
  });

  it("refuses a --lang it does not know", async () => {
    const io = capture();
    expect(await run(["import", "x.csv", "--lang", "fr", "--out", "o"], io.context)).toBe(2);
    expect(io.err.join("\n")).toContain("--lang must be en or es, got fr.");
  });
});
