import { describe, expect, it } from "vitest";
import { codeTableEnglish, codeTableText, type CodeTable } from "../../src/text/codeTable.ts";

interface Params {
  late: { days: number };
  gone: { place: string };
}

const TABLE: CodeTable<Params> = {
  late: { en: (p) => `${p.days} days late`, es: (p) => `${p.days} días tarde` },
  gone: { en: (p) => `${p.place} is gone`, es: (p) => `${p.place} ya no está` },
};

describe("codeTableText", () => {
  it("says a known code from its params in each language", () => {
    const w = { code: "gone", message: "old words", params: { place: "Tapachula" } };
    expect(codeTableText(TABLE, "es", w)).toBe("Tapachula ya no está");
    expect(codeTableText(TABLE, "en", w)).toBe("Tapachula is gone");
  });

  it("keeps the English message without params, without a code or with an unknown code", () => {
    expect(codeTableText(TABLE, "es", { code: "late", message: "3 days late" })).toBe(
      "3 days late",
    );
    expect(codeTableText(TABLE, "es", { message: "m", params: { days: 2 } })).toBe("m");
    expect(codeTableText(TABLE, "es", { code: "other", message: "m", params: {} })).toBe("m");
  });

  it("never reads an inherited property as a code", () => {
    expect(codeTableText(TABLE, "es", { code: "toString", message: "m", params: {} })).toBe("m");
  });
});

describe("codeTableEnglish", () => {
  it("is the English sentence of the code", () => {
    expect(codeTableEnglish(TABLE, "late", { days: 3 })).toBe("3 days late");
  });
});
