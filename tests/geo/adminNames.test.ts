import { describe, expect, it } from "vitest";
import { isAdmin1Name } from "../../src/geo/adminNames.ts";

describe("isAdmin1Name", () => {
  it("reads official abbreviations, old names and titles of a state or department", () => {
    expect(isAdmin1Name("Chis.", "MX07", "MEX")).toBe(true);
    expect(isAdmin1Name("B.C.", "MX02", "MEX")).toBe(true);
    expect(isAdmin1Name("BCS", "MX03", "MEX")).toBe(true);
    expect(isAdmin1Name("Baja California Norte", "MX02", "MEX")).toBe(true);
    expect(isAdmin1Name("Depto. San Marcos", "GT12", "GTM")).toBe(true);
    expect(isAdmin1Name("Estado de Chiapas", "MX07", "MEX")).toBe(true);
    expect(isAdmin1Name("Chis.", "MX02", "MEX")).toBe(false);
    expect(isAdmin1Name("puente", "GT12", "GTM")).toBe(false);
  });
  it("numbers El Salvador's departments as OCHA's P-code table does (alphabetical)", () => {
    expect(isAdmin1Name("Ahuachapán", "SV01", "SLV")).toBe(true);
    expect(isAdmin1Name("San Salvador", "SV10", "SLV")).toBe(true);
    expect(isAdmin1Name("Santa Ana", "SV12", "SLV")).toBe(true);
    expect(isAdmin1Name("Santa Ana", "SV02", "SLV")).toBe(false);
  });
  it("falls back to the country when the admin-1 code is in another scheme", () => {
    expect(isAdmin1Name("San Marcos", "GTM012", "GTM")).toBe(true);
    expect(isAdmin1Name("Chiapas", "MX-CHP", "MEX")).toBe(true);
    expect(isAdmin1Name("Chiapas", "07", "GTM")).toBe(false);
  });
});
