import { describe, expect, it } from "vitest";
import { EMBEDDED_2018_NAME } from "../../src/index.ts";
import { countOf } from "../../viewer/analyst/texts.ts";
import { confidenceText } from "../../viewer/charts/details.ts";
import {
  datasetName,
  formatCount,
  formatExact,
  numberLocale,
  placeLabel,
  speedLabel,
} from "../../viewer/i18n.ts";

describe("viewer texts", () => {
  it("speedLabel: one day/s in the singular, other speeds in the plural (en and es)", () => {
    expect(speedLabel("en", 1)).toBe("1 day/s");
    expect(speedLabel("es", 1)).toBe("1 día/s");
    expect(speedLabel("en", 2)).toBe("2 days/s");
    expect(speedLabel("es", 0.5)).toBe("0.5 días/s");
  });

  it("placeLabel: the Spanish name in Spanish when there is one; English unchanged", () => {
    const cdmx = { name: "Mexico City", nameEs: "Ciudad de México" };
    const tap = { name: "Tapachula" };
    expect(placeLabel("es", cdmx)).toBe("Ciudad de México");
    expect(placeLabel("en", cdmx)).toBe("Mexico City");
    expect(placeLabel("es", tap)).toBe("Tapachula");
    // By the library's name, looked up among the places; unknown names shown as they came.
    expect(placeLabel("es", "Mexico City", [tap, cdmx])).toBe("Ciudad de México");
    expect(placeLabel("en", "Mexico City", [tap, cdmx])).toBe("Mexico City");
    expect(placeLabel("es", "Rancho X", [tap, cdmx])).toBe("Rancho X");
    // One list looked up many times (the time–distance table, per report): the first place of a
    // name, the same answer each time.
    const list = [tap, cdmx, { name: "Mexico City", nameEs: "otra" }];
    for (let i = 0; i < 3; i++)
      expect(placeLabel("es", "Mexico City", list)).toBe("Ciudad de México");
    expect(placeLabel("es", "Tapachula", list)).toBe("Tapachula");
  });

  it("the embedded data set's name is translated, alone or after the analyst's file names", () => {
    expect(datasetName("en", EMBEDDED_2018_NAME)).toBe(EMBEDDED_2018_NAME);
    expect(datasetName("es", EMBEDDED_2018_NAME)).toBe("Caravanas oct.–dic. 2018 (integradas)");
    expect(datasetName("es", `conteo.csv + ${EMBEDDED_2018_NAME}`)).toBe(
      "conteo.csv + Caravanas oct.–dic. 2018 (integradas)",
    );
    // The user's own file names are shown as they came.
    expect(datasetName("es", "Caravans.csv")).toBe("Caravans.csv");
  });

  it("Spanish numbers use Mexican/Central American separators: comma for thousands, point for decimals", () => {
    expect(numberLocale("es")).toBe("es-MX");
    expect(formatExact("es", 12849.25, 2)).toBe("12,849.25");
    expect(formatExact("es", 0.25)).toBe("0.25");
    expect(formatCount("es", 1234.4)).toBe("1,234");
    expect(formatCount("es", 12846)).toBe("12,846");
    // The analyst panel's counts too (bare "es" would print "12.849" and "1234").
    expect(countOf("es", 12849, "warnings")).toBe("12,849 advertencias");
    expect(countOf("es", 1234, "warnings")).toBe("1,234 advertencias");
    expect(countOf("en", 12849, "warnings")).toBe("12,849 warnings");
  });
});

describe("confidenceText", () => {
  it("gives a source's confidence in the dictionary's words, an unknown code as written", () => {
    expect(confidenceText("en", "high")).toBe("confidence: high");
    expect(confidenceText("es", "medium")).toBe("confianza: media");
    expect(confidenceText("es", "low")).toBe("confianza: baja");
    expect(confidenceText("es", "dudosa")).toBe("confianza: dudosa");
    // A code named like an object's property is a code, not a lookup into the prototype.
    expect(confidenceText("en", "constructor")).toBe("confidence: constructor");
  });
});
