/**
 * A departure total is named in words in both languages, never by its measure id (issue 14: the
 * departed headline read "UNICEF, transited_guatemala_cumulative, 2018-11-30").
 */
import { describe, expect, it } from "vitest";
import { measureWords } from "../../src/report/measureWords.ts";
import { situationWords } from "../../src/report/words.ts";
import { departureTotalText } from "../../src/ledger/departedBasis.ts";

describe("measureWords", () => {
  it("says each departure prefix and its place in English and Spanish", () => {
    expect(measureWords("transited_guatemala_cumulative", "en")).toBe(
      "people who transited Guatemala",
    );
    expect(measureWords("transited_guatemala_cumulative", "es")).toBe(
      "personas que transitaron por Guatemala",
    );
    expect(measureWords("entered_mexico_cumulative", "en")).toBe("people who entered Mexico");
    expect(measureWords("entered_mexico_cumulative", "es")).toBe("personas que entraron a México");
    expect(measureWords("departed_san_pedro_sula_cumulative", "en")).toBe(
      "people who left San Pedro Sula",
    );
    expect(measureWords("left_honduras", "es")).toBe("personas que salieron de Honduras");
  });

  it("writes a measure of another shape with spaces, never hides it", () => {
    expect(measureWords("size_in_mexico", "en")).toBe("size in mexico");
    expect(measureWords("transited", "es")).toBe("transited");
  });

  it("departureTotalText says measure, day and source through the situation words", () => {
    const figure = {
      date: "2018-11-30",
      measure: "transited_guatemala_cumulative",
      value: 16000,
      sourceOrg: "UNICEF",
    };
    expect(departureTotalText(figure, situationWords("en").departureTotal)).toBe(
      "people who transited Guatemala by 2018-11-30, UNICEF",
    );
    expect(departureTotalText(figure, situationWords("es").departureTotal)).toBe(
      "personas que transitaron por Guatemala hasta el 2018-11-30, UNICEF",
    );
    const { sourceOrg: _, ...noSource } = figure;
    expect(departureTotalText(noSource, situationWords("en").departureTotal)).toBe(
      "people who transited Guatemala by 2018-11-30",
    );
    expect(departureTotalText(undefined, situationWords("en").departureTotal)).toBe("");
  });
});
