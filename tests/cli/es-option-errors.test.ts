/**
 * `--lang es` also says the refusals of a command's own options in Spanish (exit 2, one sentence,
 * no stack trace): a date option that is no calendar date, forecast data too old for --as-of, a
 * scenario command without its file. English is unchanged (cli/cli-words.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-es-option-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code and stderr of one run. */
async function refused(args: string[]): Promise<{ code: number; err: string }> {
  const io = capture(dir);
  const code = await run(args, io.context);
  return { code, err: io.err.join("\n") };
}

describe("--lang es: the options' refusals", () => {
  it("a date option that is no calendar date", async () => {
    const es = await refused(["report", "--as-of", "2018-02-30", "--lang", "es", "--out", "r"]);
    expect(es.code).toBe(2);
    expect(es.err).toContain(
      "--as-of 2018-02-30 no es una fecha ni una fecha y hora ISO 8601 válida",
    );
    const en = await refused(["report", "--as-of", "2018-02-30", "--out", "r"]);
    expect(en.code).toBe(2);
    expect(en.err).toContain("--as-of 2018-02-30 is not a valid ISO 8601 date or date-time");
  });

  it("forecast data too old for --as-of", async () => {
    const es = await refused(["forecast", "--as-of", "2030-01-01", "--lang", "es", "--out", "f"]);
    expect(es.code).toBe(2);
    expect(es.err).toMatch(
      /los datos son demasiado antiguos para --as-of 2030-01-01: la última observación es del 2018-11-29, 4,051 días antes \(el límite es 60\)/,
    );
    expect(es.err).not.toMatch(/stale|\bat .+:\d+/);
  }, 120_000);

  it("scenario without its file, or with two", async () => {
    const none = await refused(["scenario", "--lang", "es"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("indique el archivo del escenario");
    const two = await refused(["scenario", "a.json", "b.json", "--lang", "es"]);
    expect(two.err).toContain("indique un solo archivo de escenario, no 2.");
    expect((await refused(["scenario"])).err).toContain("give the scenario file");
  });

  it("a --corrections file that is missing or does not fit (ledger, report)", async () => {
    const missing = await refused([
      "report",
      "--as-of",
      "2018-11-17",
      "--corrections",
      "nada.json",
      "--lang",
      "es",
      "--out",
      "r",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      "dtm-flow report: no se puede leer nada.json: el archivo no existe.",
    );
    writeFileSync(
      join(dir, "mala.json"),
      JSON.stringify({ version: 1, corrections: [{ kind: "reject", sightingId: "S999" }] }),
    );
    const bad = await refused([
      "ledger",
      "--corrections",
      "mala.json",
      "--lang",
      "es",
      "--out",
      "l",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'dtm-flow ledger: mala.json en /corrections/0/sightingId: ningún avistamiento tiene el id "S999".',
    );
    writeFileSync(join(dir, "forma.json"), '{"version":1,"corrections":[{"kind":"merge"}]}');
    const shape = await refused([
      "ledger",
      "--corrections",
      "forma.json",
      "--lang",
      "es",
      "--out",
      "l",
    ]);
    // Every problem listed, each with its pointer, not "(y 1 problema más)".
    expect(shape.err).toMatch(
      /forma\.json en \/corrections\/0\/group: .*\. forma\.json en \/corrections\/0\/into: .*\.$/,
    );
    expect(shape.err).not.toMatch(/problema más/);
    expect(shape.err).not.toMatch(/ at \/|more problem|no such file/);
  }, 120_000);
});
