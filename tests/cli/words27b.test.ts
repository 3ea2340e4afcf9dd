/**
 * Session 27's last English-only words, each in Spanish and English:
 * - input the library cannot use (src/text/inputProblem.ts: a route collection with no routes, a
 *   route across the antimeridian, an as-of that is no date), as the CLI's `userInputStep` says it
 *   under `--lang es` and as the viewer's load status says it;
 * - parseArgs's fallback refusal (cli/option-refusals.ts `parse_other`);
 * - the viewer's corrections message (viewer/evidence/model.ts, from correctionProblemText);
 * - validate's count column of one place as a plain sentence below the mapping (real CLI).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "./capture.ts";
import { describeError, UserError } from "../../cli/errors.ts";
import { userInputStep } from "../../cli/dataset-options.ts";
import { inLanguage, OptionError, refusalText } from "../../cli/option-refusals.ts";
import { createRouteIndex, embedded2018, estimateTracks, InputProblem } from "../../src/index.ts";
import type { RouteCollection } from "../../src/index.ts";
import { correctionProblemLine, readCorrections } from "../../viewer/evidence/model.ts";
import { failureText } from "../../viewer/view/texts.ts";

const dir = mkdtempSync(join(tmpdir(), "dtm-words27b-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the CLI prints (and its exit) for an error a library step threw on the user's data. */
function said(step: () => unknown, lang: "en" | "es") {
  try {
    userInputStep(step);
  } catch (error) {
    return describeError(inLanguage(error, lang), "estimate", lang);
  }
  throw new Error("the step did not fail");
}

const route = (id: string, coordinates: number[][]) => ({
  type: "Feature" as const,
  properties: { route_id: id },
  geometry: { type: "LineString" as const, coordinates },
});
const collection = (...features: ReturnType<typeof route>[]) =>
  ({ type: "FeatureCollection", features }) as unknown as RouteCollection;

describe("input the library cannot use, in the reader's language (src/text/inputProblem.ts)", () => {
  it.each([
    [
      () => createRouteIndex(collection()),
      "dtm-flow estimate: The route collection has no routes.",
      "dtm-flow estimate: La colección de rutas no tiene ninguna ruta.",
    ],
    [
      () =>
        createRouteIndex(
          collection(
            route("a", [
              [-92, 14],
              [-93, 15],
            ]),
            route("a", [
              [-92, 14],
              [-93, 16],
            ]),
          ),
        ),
      'dtm-flow estimate: Duplicate route_id "a".',
      'dtm-flow estimate: El route_id "a" está repetido.',
    ],
    [
      () =>
        createRouteIndex(
          collection(
            route("pacífico", [
              [179.5, 10],
              [-179.5, 10.2],
            ]),
          ),
        ),
      'dtm-flow estimate: Route "pacífico" crosses the antimeridian between positions 1 [179.5, 10] and 2 [-179.5, 10.2]; RFC 7946 asks for such a line to be cut there, so give each side as its own route.',
      'dtm-flow estimate: La ruta "pacífico": la ruta cruza el antimeridiano entre las posiciones 1 [179.5, 10] y 2 [-179.5, 10.2]; RFC 7946 pide cortarla allí: dé cada lado como su propia ruta.',
    ],
    [
      () => estimateTracks(embedded2018(), { asOf: "15/11/2018" }),
      "dtm-flow estimate: asOf is not an ISO date: 15/11/2018.",
      "dtm-flow estimate: la fecha de corte no es una fecha ISO (AAAA-MM-DD): 15/11/2018.",
    ],
  ])("%#: English unchanged, Spanish under --lang es, exit 2", (step, en, es) => {
    expect(said(step, "en")).toEqual({ message: en, exit: 2 });
    expect(said(step, "es")).toEqual({ message: es, exit: 2 });
  });

  it("is still a RangeError with its code and params (front ends and callers unchanged)", () => {
    let thrown: unknown;
    try {
      createRouteIndex(collection());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(thrown).toMatchObject({ code: "routes_empty", params: {} });
  });

  it("the viewer's load status says it in the page's language", () => {
    const e = new InputProblem("no_route", {});
    expect(failureText("es", e)).toMatch(/Los datos no tienen ninguna ruta\.$/);
    expect(failureText("en", e)).toMatch(/The dataset has no route\.$/);
  });
});

describe("parseArgs's fallback refusal (parse_other) in Spanish", () => {
  const refusal = { code: "parse_other" as const, message: "Some new parseArgs complaint" };
  it("English keeps parseArgs's own sentence; Spanish says it cannot read the line", () => {
    expect(refusalText("en", refusal)).toBe("Some new parseArgs complaint.");
    expect(describeError(inLanguage(new OptionError(refusal), "es"), "import", "es")).toEqual({
      message:
        "dtm-flow import: no se pudo leer la línea de órdenes (Some new parseArgs complaint); vea --help para las opciones.",
      exit: 2,
    });
  });
  it("a plain UserError without a Spanish form is said as it is", () => {
    expect(inLanguage(new UserError("x"), "es")).toBeInstanceOf(UserError);
    expect((inLanguage(new UserError("x"), "es") as Error).message).toBe("x");
  });
});

describe("the viewer's corrections message in the page's language", () => {
  it("a bad version, from the file the analyst loads", () => {
    const text = '{"version":2,"corrections":[]}';
    expect(readCorrections(text, "es").problem).toMatch(/^\/version: .*2/);
    expect(readCorrections(text, "es").problem).not.toBe(readCorrections(text, "en").problem);
    expect(readCorrections("not json", "es").problem).toBe(
      "/: no es JSON válido; revise sus corchetes, comas y comillas.",
    );
  });
  it("a problem the worker posts (with its code) and one without a code", () => {
    expect(
      correctionProblemLine(
        { pointer: "/corrections/0", message: "…", code: "no_group", params: { group: "G9" } },
        "es",
      ),
    ).toBe('/corrections/0: ningún grupo se llama "G9".');
    expect(correctionProblemLine({ pointer: "", message: "as it is." }, "es")).toBe("/: as it is.");
  });
});

describe("validate: a count column of one place as a plain sentence (real CLI)", () => {
  const file = join(dir, "kobo.csv");
  writeFileSync(
    file,
    "fecha,grupo,lat,lon,¿Cuántas personas hay en el albergue?\n2018-10-20,a,14.9,-92.26,1200\n",
  );
  it.each([
    [
      "en",
      '  "¿Cuántas personas hay en el albergue?" counts only the people at one place, not the whole group, so the estimate uses each of its figures as the fewest people their group can have ("at least").',
    ],
    [
      "es",
      "  «¿Cuántas personas hay en el albergue?» cuenta solo a las personas de un lugar, no al grupo entero, así que la estimación usa cada una de sus cifras como el mínimo de personas que puede tener su grupo («al menos»).",
    ],
  ])("%s", async (lang, sentence) => {
    const io = capture(dir);
    expect(await run(["validate", file, "--lang", lang], io.context)).toBe(0);
    const out = io.out.join("\n").split("\n");
    expect(out).toContain(sentence);
    // The column's own line names how it was matched only, no "; a count of one place" tail.
    const line = out.find((l) => l.startsWith("  ¿Cuántas personas"))!;
    expect(line).toMatch(/\((question|pregunta de Kobo)\)$/);
  });
});
