/** Which dropped `.json` is a corrections file for the evidence panel (viewer/correctionsDrop.ts). */
import { describe, expect, it } from "vitest";
import { looksLikeCorrections } from "../../viewer/correctionsDrop.ts";

describe("a corrections.json among the dropped files", () => {
  it("is an object with corrections, valid or not; a route, other JSON and text are not", () => {
    expect(looksLikeCorrections('\uFEFF{"version":1,"corrections":[]}')).toBe(true);
    expect(looksLikeCorrections('{"version":1,"corrections":[{"kind":"reject"}]}')).toBe(true);
    expect(looksLikeCorrections('{"type":"FeatureCollection","features":[],"corrections":1}')).toBe(
      false,
    );
    expect(looksLikeCorrections('[{"corrections":[]}]')).toBe(false);
    expect(looksLikeCorrections('{"name":"Mine","waves":[]}')).toBe(false);
    expect(looksLikeCorrections("fecha;punto\n")).toBe(false);
  });
});
