import { describe, expect, it } from "vitest";
import { EMBEDDED_2018_NAME } from "../../src/index.ts";
import { datasetName } from "../../viewer/i18n.ts";

describe("viewer texts", () => {
  it("the embedded data set's name is translated, alone or after the analyst's file names", () => {
    expect(datasetName("en", EMBEDDED_2018_NAME)).toBe(EMBEDDED_2018_NAME);
    expect(datasetName("es", EMBEDDED_2018_NAME)).toBe("Caravanas oct.–dic. 2018 (integradas)");
    expect(datasetName("es", `conteo.csv + ${EMBEDDED_2018_NAME}`)).toBe(
      "conteo.csv + Caravanas oct.–dic. 2018 (integradas)",
    );
    // The user's own file names are shown as they came.
    expect(datasetName("es", "Caravans.csv")).toBe("Caravans.csv");
  });
});
