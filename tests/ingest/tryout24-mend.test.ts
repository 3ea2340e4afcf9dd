import { describe, expect, it } from "vitest";
import { parseStockCategory } from "../../src/ingest/enums.ts";

describe("tryout24 LOW-7: common Spanish stock categories", () => {
  it("reads a shelter's people and those who crossed north", () => {
    expect(parseStockCategory("Personas en albergue")).toBe("remaining");
    expect(parseStockCategory("Personas en albergues")).toBe("remaining");
    expect(parseStockCategory("Cruzaron a EE.UU.")).toBe("onward");
    expect(parseStockCategory("Cruzaron a Estados Unidos")).toBe("onward");
  });
});
