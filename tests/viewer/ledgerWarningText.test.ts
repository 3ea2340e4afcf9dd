import { describe, expect, it } from "vitest";
import { buildLedger, embedded2018, runReplay, stockRowFacts } from "../../src/index.ts";
import type { LedgerWarning, LedgerWarningCode } from "../../src/index.ts";
import { ledgerWarningText, SPANISH_LEDGER_CODES } from "../../viewer/charts/ledgerWarningText.ts";
import type { RowFacts } from "../../viewer/charts/ledgerWarningText.ts";
import { dataset } from "../ledger/fixtures.ts";

const data = embedded2018();
const { ledger } = runReplay(data);
const facts: RowFacts = Object.fromEntries(
  ledger.warnings.flatMap((w) => w.rows.map((r) => [r, stockRowFacts(data.stocks[r]!, r)])),
);
const byCode = (code: LedgerWarningCode) => ledger.warnings.filter((w) => w.code === code);
/** English words of the library's sentences that a Spanish one must not keep. */
const ENGLISH = /\b(the|stock rows?|ledger|falls|people|more than|had left)\b/;

describe("ledger warnings in Spanish (viewer/charts/ledgerWarningText.ts)", () => {
  it("every code the ledger can give has a Spanish form", () => {
    const codes: LedgerWarningCode[] = [
      "invalid_row",
      "cumulative_falls",
      "returns_exceed_departures",
      "parts_exceed_total",
      "accounted_exceeds_departures",
    ];
    expect([...SPANISH_LEDGER_CODES].sort()).toEqual([...codes].sort());
  });

  it("says each 2018 warning in Spanish from its values, the English sentence in English", () => {
    expect(ledger.warnings.length).toBeGreaterThan(3);
    for (const w of ledger.warnings) {
      expect(ledgerWarningText("en", w, facts)).toBe(w.message);
      const es = ledgerWarningText("es", w, facts);
      expect(es, w.code).not.toBe(w.message);
      expect(es, w.code).not.toMatch(ENGLISH);
    }
    const fall = byCode("cumulative_falls")[0]!;
    expect(ledgerWarningText("es", fall, facts)).toBe(
      "El total acumulado de retornos en HND baja de 5,000 el 2018-10-27 (fila de stock 12 " +
        "(línea 42: 2018-10-27, retornos, HND, 5,000, Honduran authorities (via EFE))) a 4,000 el " +
        "2018-10-28 (fila de stock 14 (línea 20 de returns-stocks: 2018-10-28, retornos, HND, " +
        "4,000, Honduran government (via Intolerancia Diario))); el balance impide que el total " +
        "baje agrupando esas cifras (regresión isotónica: 4,625).",
    );
    const parts = ledgerWarningText("es", byCode("parts_exceed_total")[0]!, facts);
    expect(parts).toMatch(
      /^El 2018-11-21 las cifras de personas que permanecen de los albergues de Tijuana suman 4,500, más que su propio total de 2,793 \(filas de stock 27, 29, .* y 9 más\)/,
    );
    expect(ledgerWarningText("es", byCode("accounted_exceeds_departures")[1]!, facts)).toMatch(
      /^El 2018-10-26 las fuentes dan cuenta de 12,849 personas, más que las 7,878 /,
    );
  });

  it("says an invalid row's problems in Spanish, each from the library's codes", () => {
    const stocks = [
      { date: "2018-13-45", category: "return", value: -5, basis: "present", country: "HND" },
      { date: "2018-11-01", category: "nonsense", value: 5, basis: "acumulado" },
    ] as never[];
    const { warnings } = buildLedger({ dataset: dataset(stocks), tracks: [] });
    const rows: RowFacts = { 0: stockRowFacts(stocks[0]!, 0), 1: stockRowFacts(stocks[1]!, 1) };
    expect(warnings.map((w) => w.params["problems"])).toEqual([
      ["date", "value"],
      ["category", "basis"],
    ]);
    expect(ledgerWarningText("es", warnings[0]!, rows)).toBe(
      "fila de stock 0 (2018-13-45, retornos, HND, -5) se dejó fuera: la fecha «2018-13-45» no es " +
        "una fecha ISO; el valor -5 no es un número de personas ≥ 0.",
    );
    expect(ledgerWarningText("es", warnings[1]!, rows)).toMatch(
      /la categoría «nonsense» no es una de asylum_claim, .*; la base «acumulado» no es cumulative ni present\.$/,
    );
  });

  it("says the returns and the people remaining of the other warnings from their values", () => {
    const w = (code: LedgerWarningCode, params: LedgerWarning["params"], rows: number[]) =>
      ({ code, message: "English.", params, rows, source: { module: "ledger" } }) as LedgerWarning;
    expect(
      ledgerWarningText(
        "es",
        w(
          "returns_exceed_departures",
          { date: "2018-10-20", returns: 1500, fromTracks: 1200, raisedTo: 1500 },
          [3, 1],
        ),
        {},
      ),
    ).toBe(
      "El 2018-10-20 los retornos (1,500) superan a las personas que según los recorridos y los " +
        "conteos habían salido (1,200); filas de stock 1, 3. El balance eleva las personas que " +
        "salieron a 1,500 para que todas sigan contadas; revise los retornos o los tamaños de los grupos.",
    );
    const accounted = w(
      "accounted_exceeds_departures",
      {
        date: "2018-11-18",
        accounted: 25253,
        fromTracks: 14759,
        remainingPlaces: ["Tijuana", ""],
        remainingValues: [6000.4, 120],
      },
      [7, 8],
    );
    expect(ledgerWarningText("es", accounted, {})).toContain(
      "(personas que permanecen: Tijuana 6,000, sin lugar 120; filas de stock 7, 8). ",
    );
    // A warning without the values its Spanish form needs stays in English.
    expect(ledgerWarningText("es", w("parts_exceed_total", { date: "2018-11-21" }, []), {})).toBe(
      "English.",
    );
    expect(ledgerWarningText("es", w("other" as never, {}, []), {})).toBe("English.");
  });
});
