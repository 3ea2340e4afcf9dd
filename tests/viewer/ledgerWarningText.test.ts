import { describe, expect, it } from "vitest";
import {
  buildLedger,
  embedded2018,
  ROW_LIST_SHOWN,
  runReplay,
  SPANISH_BASIS,
  stockRowFacts,
} from "../../src/index.ts";
import type { LedgerWarningCode, LedgerWarningOf, LedgerWarningParamsOf } from "../../src/index.ts";
import { categoryName, categoryWords } from "../../viewer/i18n.ts";
import { ledgerWarningText, rowListEs } from "../../src/report/ledgerWarningText.ts";
import type { RowFacts } from "../../src/report/ledgerWarningText.ts";
import { dataset } from "../ledger/fixtures.ts";

const data = embedded2018();
const { ledger } = runReplay(data);
const facts: RowFacts = Object.fromEntries(
  ledger.warnings.flatMap((w) => w.rows.map((r) => [r, stockRowFacts(data.stocks[r]!, r)])),
);
const byCode = (code: LedgerWarningCode) => ledger.warnings.filter((w) => w.code === code);
/** English words of the library's sentences that a Spanish one must not keep. */
const ENGLISH = /\b(the|stock rows?|ledger|falls|people|more than|had left)\b/;

describe("ledger warnings in Spanish (src/report/ledgerWarningText.ts)", () => {
  // Every code the ledger can give has a Spanish form: `ES` is typed per code, so a new code
  // without one does not compile (npx tsc).

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
      "El total acumulado de retornos en HND baja de 5,000 el 2018-10-27, según la fila de cifras 12 " +
        "(línea 42 de observations: 2018-10-27, retornos, HND, 5,000, Honduran authorities (via EFE)), a 4,000 el " +
        "2018-10-28, según la fila de cifras 14 (línea 20 de returns-stocks: 2018-10-28, retornos, HND, " +
        "4,000, Honduran government (via Intolerancia Diario)); el balance impide que el total " +
        "baje agrupando esas cifras (regresión isotónica: 4,625).",
    );
    // Every line a warning cites names its file ("stock row 4 (line 25: …)").
    for (const w of ledger.warnings) {
      expect(w.message, w.code).not.toMatch(/\((?:line) \d+:/);
      expect(ledgerWarningText("es", w, facts), w.code).not.toMatch(/\(línea \d+:/);
    }
    expect(ledger.warnings.map((w) => w.message).join(" ")).toContain("(observations line 42: ");
    const parts = ledgerWarningText("es", byCode("parts_exceed_total")[0]!, facts);
    expect(parts).toMatch(
      /^El 2018-11-21 las cifras de personas que permanecen de los albergues de Tijuana suman 4,500, más que su propio total de 2,793 \(filas de cifras 27, 29, .* y 9 más\)/,
    );
    // Its values as the estimate gives them on 2018 (they move with the estimator).
    const accounted = byCode("accounted_exceeds_departures")[0]!;
    const p = accounted.code === "accounted_exceeds_departures" ? accounted.params : undefined;
    const es = (v: number) => Math.round(v).toLocaleString("es-MX");
    expect(ledgerWarningText("es", accounted, facts)).toMatch(
      new RegExp(
        `^El ${p!.date} las fuentes dan cuenta de ${es(p!.accounted)} personas, más que las ${es(p!.fromTracks)} `,
      ),
    );
  });

  it("says an invalid row's problems in Spanish, each from the library's codes", () => {
    const stocks = [
      { date: "2018-13-45", category: "return", value: -5, basis: "present", country: "HND" },
      { date: "2018-11-01", category: "nonsense", value: 5, basis: "acumulado" },
    ] as never[];
    const { warnings } = buildLedger({ dataset: dataset(stocks), tracks: [] });
    const rows: RowFacts = { 0: stockRowFacts(stocks[0]!, 0), 1: stockRowFacts(stocks[1]!, 1) };
    expect(warnings.map((w) => (w.code === "invalid_row" ? w.params.problems : []))).toEqual([
      ["date", "value"],
      ["category", "basis"],
    ]);
    expect(ledgerWarningText("es", warnings[0]!, rows)).toBe(
      "fila de cifras 0 (2018-13-45, retornos, HND, -5) se dejó fuera: la fecha «2018-13-45» no es " +
        "una fecha ISO; el valor -5 no es un número de personas ≥ 0.",
    );
    expect(ledgerWarningText("es", warnings[1]!, rows)).toMatch(
      /la categoría «nonsense» no es una de asylum_claim, .*; la base «acumulado» no es cumulative \(.*\) ni present \(.*\)\.$/,
    );
    expect(ledgerWarningText("es", warnings[1]!, rows)).toContain(
      `no es cumulative (${SPANISH_BASIS.cumulative}) ni present (${SPANISH_BASIS.present}).`,
    );
  });

  it("says the returns and the people remaining of the other warnings from their values", () => {
    const w = <C extends LedgerWarningCode>(
      code: C,
      params: LedgerWarningParamsOf<C>,
      rows: number[],
    ): LedgerWarningOf<C> => ({
      code,
      message: "English.",
      params,
      rows,
      source: { module: "ledger" },
    });
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
        "conteos habían salido (1,200); filas de cifras 1, 3. El balance eleva las personas que " +
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
      "(personas que permanecen: Tijuana 6,000, sin lugar 120; filas de cifras 7, 8). ",
    );
    const superseded = runReplay(data, { asOf: "2018-12-03" }).ledger.warnings.filter(
      (x) => x.code === "count_superseded",
    );
    expect(superseded.length).toBeGreaterThan(0);
    for (const x of superseded) expect(ledgerWarningText("es", x, {})).not.toMatch(ENGLISH);
    expect(
      ledgerWarningText(
        "es",
        w(
          "count_superseded",
          {
            category: "remaining",
            area: "Tijuana",
            country: "MEX",
            date: "2018-12-03",
            place: "Benito Juárez sports complex",
            value: 6083,
            countDate: "2018-11-29",
            rows: [37, 38],
            by: "El Barretal",
            byValue: 2500,
            byDate: "2018-12-03",
            byRows: [42],
            byBefore: 755,
            read: 4338,
          },
          [37, 38, 42],
        ),
        {},
      ),
    ).toBe(
      "Desde el 2018-12-03 solo se mantiene en parte el conteo de 6,083 personas que permanecen en Benito Juárez sports complex (Tijuana) " +
        "del 2018-11-29 (filas de cifras 37, 38): El Barretal, otro lugar de Tijuana, contó 2,500 el 2018-12-03 (fila de cifras 42), " +
        "más que 755 el 2018-11-29; las personas pueden haberse movido de un lugar a otro, así que el balance sigue leyendo 4,338 de ellas allí, " +
        "el conteo menos lo que subieron los conteos más recientes del lugar desde el 2018-11-29 " +
        "(las otras 1,745 quedan sin ubicar si ningún conteo las sitúa).",
    );
    // A count taken over in full (read 0): no longer held.
    expect(
      ledgerWarningText(
        "es",
        w(
          "count_superseded",
          {
            category: "remaining",
            area: "Tijuana",
            country: "MEX",
            date: "2018-11-25",
            place: "Tijuana",
            value: 2793,
            countDate: "2018-11-21",
            rows: [30],
            by: "Benito Juárez sports complex",
            byValue: 4730,
            byDate: "2018-11-22",
            byRows: [31],
            read: 0,
          },
          [30, 31],
        ),
        {},
      ),
    ).toBe(
      "Desde el 2018-11-25 ya no se mantiene el conteo de 2,793 personas que permanecen en Tijuana en conjunto del 2018-11-21 " +
        "(fila de cifras 30): Benito Juárez sports complex, otro lugar de Tijuana, contó 4,730 el 2018-11-22 (fila de cifras 31), " +
        "sin conteo hasta el 2018-11-21; las personas pueden haberse movido de un lugar a otro, así que el balance lee el conteo más " +
        "reciente (las personas que ningún conteo sitúa quedan sin ubicar).",
    );
    // A warning without values (a report.json from before `params`) or of a code this viewer
    // does not know stays in English.
    const old = { code: "parts_exceed_total" as const, message: "English.", rows: [] };
    expect(ledgerWarningText("es", old, {})).toBe("English.");
    expect(
      ledgerWarningText("es", { ...old, code: "other" as never, params: {} as never }, {}),
    ).toBe("English.");
  });

  it("says categories and row lists with the viewer's one Spanish table and the library's cut-off", () => {
    // One table of Spanish category words (viewer/i18n.ts), agreeing with the category names.
    expect(categoryWords("es", "unknown")).toBe("personas de paradero desconocido");
    expect(categoryName("es", "unknown")).toBe("Desconocido");
    expect(categoryWords("en", "unknown")).toBe("people unaccounted for");
    const rows = Array.from({ length: ROW_LIST_SHOWN + 3 }, (_, i) => 40 - i);
    const listed = rowListEs(rows);
    expect(listed.split(", ").length).toBe(ROW_LIST_SHOWN);
    expect(listed).toMatch(/^26, 27, .* y 3 más$/);
    expect(rowListEs([3, 1, 3])).toBe("1, 3");
  });
});
