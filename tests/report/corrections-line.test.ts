/**
 * The situation update says the analysts' corrections its figures were made with
 * (`SituationUpdateOptions.corrections`): one line under the basis, en and es.
 */
import { describe, expect, it } from "vitest";
import {
  buildSituationUpdate,
  embedded2018,
  renderHtml,
  renderMarkdown,
  runReplay,
  situationWords,
} from "../../src/index.ts";
import type { Correction, CorrectionsFile } from "../../src/index.ts";

const ALL: Correction[] = [
  { kind: "reject", sightingId: "S050" },
  { kind: "accept", sightingId: "S012" },
  { kind: "reassign", sightingId: "S020", group: "LGBT group" },
  { kind: "split", group: "Honduran caravan 1", date: "2018-11-01", newGroup: "vanguard" },
  { kind: "merge", group: "vanguard", into: "Honduran caravan 1" },
  { kind: "destination", group: "Honduran caravan 2", place: "Tijuana" },
];

describe("the corrections line", () => {
  it("names the file and every correction, in order, in English and Spanish", () => {
    expect(situationWords("en").correctionsLine("fix.json", ALL)).toBe(
      "Figures of the estimate with 6 analysts' corrections (fix.json): S050 rejected; S012 accepted; " +
        'S020 moved to "LGBT group"; "Honduran caravan 1" split on 2018-11-01 into "vanguard"; ' +
        '"vanguard" merged into "Honduran caravan 1"; "Honduran caravan 2" heads for Tijuana.',
    );
    expect(situationWords("es").correctionsLine("fix.json", ALL)).toBe(
      "Cifras de la estimación con 6 correcciones de analistas (fix.json): S050 rechazado; S012 aceptado; " +
        'S020 pasado a "LGBT group"; "Honduran caravan 1" dividido el 2018-11-01 en "vanguard"; ' +
        '"vanguard" unido a "Honduran caravan 1"; "Honduran caravan 2" se dirige a Tijuana.',
    );
    expect(
      situationWords("en").correctionsLine("f.json", [
        { kind: "destination", group: "G", routeId: "r1" },
      ]),
    ).toBe(
      'Figures of the estimate with 1 analyst\'s correction (f.json): "G" heads for route r1.',
    );
  });

  it("is in the update built with corrections (Markdown and HTML), and not in one without", () => {
    const file: CorrectionsFile = { version: 1, corrections: [ALL[0]!] };
    const replay = runReplay(embedded2018(), { asOf: "2018-11-17", corrections: file });
    const input = { ledger: replay.ledger, dataset: replay.dataset, asOf: "2018-11-17" };
    const es = buildSituationUpdate(input, {
      lang: "es",
      corrections: { file: "fix.json", list: file.corrections },
    });
    expect(es.corrections?.list).toHaveLength(1);
    const line = "Cifras de la estimación con 1 corrección de analista (fix.json): S050 rechazado.";
    expect(renderMarkdown(es)).toContain(`\n${line}\n`);
    expect(renderHtml(es)).toContain(`<p class="muted">${line}</p>`);
    const none = buildSituationUpdate(input, { corrections: { file: "fix.json", list: [] } });
    expect(none.corrections).toBeUndefined();
    expect(renderMarkdown(none)).not.toMatch(/correction/i);
  });
});
