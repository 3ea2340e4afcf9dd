/**
 * Session 27's words of the command line, in Spanish and English, each through the real CLI with
 * its exit status, and no stack trace in any refusal:
 * - refusals that were English-only under `--lang es` (one table, cli/option-refusals.ts);
 * - a corrections file of the wrong shape (src/evidence/correctionProblemText.ts);
 * - `estimate --check` per-source lines: fewer than 5 reports "too few to judge";
 * - `import` prints a sheet's own column mapping;
 * - estimate's plain sentence on counts of one place or one point.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { cliWords } from "../../cli/cli-words.ts";
import { describeError } from "../../cli/errors.ts";
import { errnoSentence, errnoWords } from "../../cli/errno-words.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-words27-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOOK = join(process.cwd(), "data/samples/conteo-por-punto.xlsx");
const BIN = join(process.cwd(), "bin/dtm-flow.js");

/** Exit code, stdout and stderr of one run of the CLI (in this process). */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture(dir);
  const code = await run(args, io.context);
  return { code, out: io.out.join("\n"), err: io.err.join("\n") };
}

/** The same command line without `--lang es`. */
const english = (args: string[]) =>
  args.filter((a, i, all) => a !== "--lang" && all[i - 1] !== "--lang");

/** A stack trace's marks: "    at f (file:line)" or an Error's name at a line's start. */
const STACK = /^\s+at .+[:(]|^(Type|Range|Reference|Syntax)?Error:/m;

writeFileSync(join(dir, "a.csv"), "fecha,punto,total\n2018-10-20,Tapachula,10\n");
writeFileSync(join(dir, "afile"), "not a folder");

describe("refusals said in Spanish under --lang es (cli/option-refusals.ts), English unchanged", () => {
  it.each([
    [
      ["estimate", "--check", "--folds", "1", "--lang", "es", "--out", "o"],
      "dtm-flow estimate: --folds 1 no es un número entero ≥ 2 (p. ej. --folds 10).",
      "dtm-flow estimate: --folds 1 is not a whole number ≥ 2 (e.g. --folds 10).",
    ],
    [
      ["estimate", "--folds", "3", "--lang", "es", "--out", "o"],
      "dtm-flow estimate: --folds y --loo necesitan --check.",
      "dtm-flow estimate: --folds and --loo need --check.",
    ],
    [
      ["ledger", "--hold-days", "x", "--lang", "es", "--out", "o"],
      "dtm-flow ledger: --hold-days x no es un número entero de días ≥ 0.",
      "dtm-flow ledger: --hold-days x is not a whole number of days ≥ 0.",
    ],
    [
      ["import", "a.csv", "--suppress-below", "0", "--lang", "es", "--out", "o"],
      "dtm-flow import: --suppress-below debe ser un número entero de personas, 1 o más, no «0».",
      'dtm-flow import: --suppress-below must be a whole number of people, 1 or more, not "0".',
    ],
    [
      ["estimate", "--sightings", "a.csv", "--sightings", "b.csv", "--lang", "es", "--out", "o"],
      "dtm-flow estimate: --sightings se indica dos veces (a.csv y b.csv), pero solo se leería una: indíquela una sola vez. Para leer juntos varios archivos de sightings, impórtelos primero en uno (dtm-flow import a.csv b.csv --out <carpeta>) e indique <carpeta>/sightings.csv.",
      "dtm-flow estimate: --sightings is given twice (a.csv and b.csv), but only one would be read: give it once. To read several sightings files together, import them into one first (dtm-flow import a.csv b.csv --out <dir>) and give <dir>/sightings.csv.",
    ],
    [
      ["import", "a.csv", "--columns", "total", "--lang", "es", "--out", "o"],
      "dtm-flow import: --columns lleva pares campo=columna separados por comas (p. ej. direction=sentido_x), no «total».",
      'dtm-flow import: --columns takes field=column pairs separated by commas (e.g. direction=sentido_x), not "total".',
    ],
    [
      ["validate", "a.csv", "--columns", ":total=Cuántos", "--lang", "es"],
      "dtm-flow validate: --columns: «:total=Cuántos» no tiene nombre de hoja antes de «:» (escriba Hoja:campo=columna).",
      'dtm-flow validate: --columns: ":total=Cuántos" has no sheet name before ":" (write Sheet:field=column).',
    ],
    [
      ["scenario", "no-such.json", "--lang", "es", "--out", "o"],
      "dtm-flow scenario: no se puede leer no-such.json: el archivo no existe; revise la ruta.",
      "dtm-flow scenario: cannot read no-such.json: no such file; check the path.",
    ],
    [
      ["estimate", "--tz", "Mars/Olympus", "--lang", "es", "--out", "o"],
      "dtm-flow estimate: --tz Mars/Olympus no es una zona horaria IANA (p. ej. America/Mexico_City).",
      "dtm-flow estimate: --tz Mars/Olympus is not an IANA time zone (e.g. America/Mexico_City).",
    ],
    [
      [
        "import",
        "a.csv",
        "--from",
        "2018-11-01",
        "--to",
        "2018-10-01",
        "--lang",
        "es",
        "--out",
        "o",
      ],
      "dtm-flow import: --from 2018-11-01 es posterior a --to 2018-10-01; indique primero la fecha anterior.",
      "dtm-flow import: --from 2018-11-01 is after --to 2018-10-01; give the earlier date first.",
    ],
    [
      ["validate", "--lang", "es"],
      "dtm-flow validate: indique exactamente un archivo para validar, p. ej. dtm-flow validate conteo.csv.",
      "dtm-flow validate: give exactly one file to validate, e.g. dtm-flow validate conteo.csv.",
    ],
    [
      ["estimate", "--lang", "es", "--out", "afile"],
      "dtm-flow estimate: --out afile es un archivo, no una carpeta; indique una carpeta donde escribir los resultados.",
      "dtm-flow estimate: --out afile is a file, not a folder; name a folder to write the results into.",
    ],
    [
      ["estimat", "--lang", "es"],
      "dtm-flow: orden desconocida «estimat» (¿quiso decir dtm-flow estimate?); las órdenes son validate, import, estimate, ledger, report, scenario, forecast (vea dtm-flow --help).",
      'dtm-flow: unknown command "estimat" (did you mean dtm-flow estimate?); the commands are validate, import, estimate, ledger, report, scenario, forecast (see dtm-flow --help).',
    ],
  ])("%j", async (args, es, en) => {
    const spanish = await cli(args);
    expect(spanish).toMatchObject({ code: 2, err: es });
    expect(spanish.err).not.toMatch(STACK);
    const plain = await cli(english(args));
    expect(plain).toMatchObject({ code: 2, err: en });
  });

  it("the real command (bin/dtm-flow.js) refuses in one Spanish sentence, exit 2, no stack trace", () => {
    const r = spawnSync(
      process.execPath,
      [BIN, "ledger", "--hold-days", "-1", "--lang", "es", "--out", "o"],
      { cwd: dir, encoding: "utf8", env: { ...process.env, TZ: "UTC", DTM_DEBUG: "" } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("dtm-flow ledger: --hold-days -1 no es un número entero de días ≥ 0.\n");
    expect(r.stdout).toBe("");
  }, 60_000);
});

describe("a corrections file of the wrong shape, in Spanish (correctionProblemText.ts)", () => {
  const cases: [string, string, RegExp, RegExp][] = [
    [
      "tabla.csv",
      "sightingId,group\nS009,Caravana 1\n",
      /^dtm-flow estimate: tabla\.csv en \/: no es JSON: parece una tabla CSV; las correcciones son un archivo JSON/,
      /^dtm-flow estimate: tabla\.csv at \/: it is not JSON: it looks like a CSV table/,
    ],
    [
      "falta.json",
      JSON.stringify({ version: 1, corrections: [{ kind: "reassign", sightingId: "S009" }] }),
      /^dtm-flow estimate: falta\.json en \/corrections\/0\/group: a una corrección reassign le falta group \(texto\)\.$/,
      /^dtm-flow estimate: falta\.json at \/corrections\/0\/group: a reassign correction needs group \(text\)\.$/,
    ],
    [
      "fecha.json",
      JSON.stringify({
        version: 1,
        corrections: [{ kind: "split", group: "A", date: "2018-13-01", newGroup: "B", extra: 1 }],
      }),
      // Every problem listed: the unknown field, then the bad date.
      /^dtm-flow estimate: fecha\.json en \/corrections\/0\/extra: una corrección split no tiene el campo "extra"\. fecha\.json en \/corrections\/0\/date: .*\.$/,
      /^dtm-flow estimate: fecha\.json at \/corrections\/0\/extra: a split correction has no field "extra"\. fecha\.json at \/corrections\/0\/date: .*\.$/,
    ],
    [
      "grupo.json",
      JSON.stringify({ version: 1, corrections: [{ kind: "merge", group: "Nadie", into: "X" }] }),
      /^dtm-flow estimate: grupo\.json en \/corrections\/0\/group: ningún grupo se llama "Nadie"\.$/m,
      /^dtm-flow estimate: grupo\.json at \/corrections\/0\/group: no group is called "Nadie"\.$/m,
    ],
  ];
  it.each(cases)(
    "%s",
    async (name, body, es, en) => {
      writeFileSync(join(dir, name), body);
      const args = ["estimate", "--corrections", name, "--lang", "es", "--out", "c"];
      const spanish = await cli(args);
      expect(spanish.code).toBe(2);
      expect(spanish.err).toMatch(es);
      expect(spanish.err).not.toMatch(STACK);
      expect(spanish.err).not.toMatch(/Unexpected token|is not valid JSON/);
      const plain = await cli(english(args));
      expect(plain.code).toBe(2);
      expect(plain.err).toMatch(en);
    },
    60_000,
  );
});

/** Seven Kobo sightings of one caravan: two counts of one place or point, few per source type. */
const KOBO = [
  "grp/Fecha y hora;grp/Lugar;grp/Caravana;grp/Cantidad;grp/Método;grp/Tipo de fuente;grp/Observaciones;_uuid",
  "15/01/2019 06:00;San Pedro Sula;Caravana enero;1.200;medios;prensa;salida;a1",
  "16/01/2019 06:00;Esquipulas;Caravana enero;1.500;medios;prensa;;a2",
  "17/01/2019 20:00;Ciudad de Guatemala;Caravana enero;620;conteo;ong;Ocupación del albergue esta noche;a3",
  "18/01/2019 10:00;Ciudad de Guatemala;Caravana enero;2.000;medios;prensa;;a4",
  "19/01/2019 10:00;Tecún Umán;Caravana enero;2.100;medios;prensa;;a5",
  "20/01/2019 12:00;Ciudad Hidalgo;Caravana enero;450;registro;gobierno;registrados hoy en el punto de control;a6",
  "21/01/2019 12:00;Tapachula;Caravana enero;aprox. 2.300;medios;prensa;;a7",
].join("\n");

describe("estimate --check: per-source lines and the counts read as at least", () => {
  it("says 'too few to judge' for a source type with fewer than 5 reports, percentages from 5", async () => {
    writeFileSync(join(dir, "kobo.csv"), KOBO);
    const args = ["estimate", "--sightings", "kobo.csv", "--check", "--loo", "--lang", "es"];
    const es = await cli([...args, "--out", "k-es"]);
    expect(es.code).toBe(0);
    expect(es.err).toContain(
      "  gobierno: posiciones (1) demasiado pocos para juzgar (menos de 5); tamaños (0)",
    );
    expect(es.err).toContain(
      "  ONG: posiciones (1) demasiado pocos para juzgar (menos de 5); tamaños (0)",
    );
    expect(es.err).toMatch(/^ {2}medios: posiciones \(5\) cobertura del 50 % \d+ %/m);
    expect(es.err).toContain(
      "2 conteos vieron solo a las personas de un lugar o de un punto de paso, no al grupo entero, así que cada uno se usa como el mínimo de personas que puede tener su grupo: a3 (al menos 620, en un lugar), a6 (al menos 450, en un punto de paso) (report.json, associations[].countScope).",
    );
    const en = await cli([...english(args), "--out", "k-en"]);
    expect(en.code).toBe(0);
    expect(en.err).toContain(
      "  government: positions (1) too few to judge (fewer than 5); sizes (0)",
    );
    expect(en.err).toMatch(/^ {2}media: positions \(5\) 50 % cover \d+ %, 90 % cover \d+ %/m);
    expect(en.err).not.toMatch(/\(1\) 50 % cover/);
    expect(en.err).toContain(
      "2 counts saw only the people at one place or one crossing point, not the whole group, so each is used as the fewest people their group can have: a3 (at least 620, at a place), a6 (at least 450, at a crossing point) (report.json, associations[].countScope).",
    );
  }, 120_000);
});

describe("import prints a sheet's own column mapping (import-report.json sheetColumns)", () => {
  it("in English and Spanish, after the file's line", async () => {
    const args = ["import", "--columns", "Tapachula:men=Mujeres", BOOK, "--lang", "es"];
    const es = await cli([...args, "--out", "i-es"]);
    expect(es.code).toBe(0);
    expect(es.err).toMatch(
      /^conteo-por-punto\.xlsx: conteos, .*\ncolumnas de la hoja «Tapachula»:\n(?: {2}.*\n)*? {2}Hombres → \(se conserva como extra\)\n {2}Mujeres → hombres \(men\) \(asignada por usted\)/m,
    );
    expect(es.err).not.toContain("(sheet name)");
    const en = await cli([...english(args), "--out", "i-en"]);
    expect(en.code).toBe(0);
    expect(en.err).toMatch(
      /columns of sheet "Tapachula":\n(?: {2}.*\n)*? {2}Hombres → \(kept as extra\)\n {2}Mujeres → men \(user\)/,
    );
    // Without a sheet's own mapping, no such heading.
    const plain = await cli(["import", BOOK, "--out", "i-plain"]);
    expect(plain.err).not.toContain("columns of sheet");
  }, 60_000);
});

describe("lines and sentences said in the language asked", () => {
  it("a large file's reading progress (cli-words readProgress)", () => {
    const f = {
      name: "big.csv",
      percent: 40,
      rows: 12345,
      accepted: 12000,
      rejected: 345,
      seconds: 1.24,
    };
    expect(cliWords("en").readProgress(f)).toBe(
      "big.csv: 40% read, 12,345 rows (12,000 accepted, 345 rejected), 1.2 s",
    );
    expect(cliWords("es").readProgress(f)).toBe(
      "big.csv: 40 % leído, 12,345 filas (12,000 aceptadas, 345 rechazadas), 1.2 s",
    );
  });
  it("a file-system error and an internal fault under --lang es (describeError)", () => {
    const gone = Object.assign(new Error("ENOENT: no such file"), {
      code: "ENOENT",
      path: "x.csv",
    });
    expect(describeError(gone, "estimate", "es")).toEqual({
      message: "dtm-flow estimate: x.csv no existe.",
      exit: 2,
    });
    expect(describeError(gone, "estimate").message).toBe(
      "dtm-flow estimate: x.csv does not exist.",
    );
    const bug = describeError(new TypeError("x is undefined"), "ledger", "es");
    expect(bug.exit).toBe(3);
    expect(bug.message).toMatch(
      /^dtm-flow ledger: error interno \(x is undefined\); es un fallo de dtm-flow/,
    );
  });
  it("--out that cannot be written names Node's reason in the language (errnoWords)", () => {
    expect(errnoWords("EACCES", "es")).toBe("permiso denegado, EACCES");
    expect(errnoWords("EACCES", "en")).toBe("permission denied, EACCES");
    expect(errnoWords("", "es")).toBe("error desconocido");
  });
});

describe("one table of Node's error words (cli/errno-words.ts)", () => {
  it("gives a sentence form and a short form of the same code, in both languages", () => {
    expect(errnoSentence("EACCES", "es")).toMatch(/^no se puede abrir \(permiso denegado\)/);
    expect(errnoWords("EACCES", "es")).toBe("permiso denegado, EACCES");
    // A code the --out refusals had no words for now has them (it was the bare code).
    expect(errnoWords("EISDIR", "en")).toBe("a folder, not a file, EISDIR");
    expect(errnoWords("EMFILE", "es")).toBe("demasiados archivos abiertos, EMFILE");
    expect(errnoSentence("EXYZ", "en")).toBeUndefined();
    expect(errnoWords("EXYZ", "en")).toBe("EXYZ");
  });
  it("a file-system error is said with the table's sentence", () => {
    const error = Object.assign(new Error("x"), { code: "EISDIR", path: "/tmp/a" });
    expect(describeError(error, "estimate", "es").message).toBe(
      "dtm-flow estimate: /tmp/a es una carpeta donde se esperaba un archivo.",
    );
  });
});
