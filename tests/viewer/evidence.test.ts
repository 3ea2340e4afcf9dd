import { describe, expect, it } from "vitest";
import { embedded2018, estimateTracks, evidenceFor } from "../../src/index.ts";
import {
  addCorrection,
  correctionsText,
  describeCorrection,
  EMPTY_CORRECTIONS,
  evidenceCsv,
  readCorrections,
  removeCorrection,
} from "../../viewer/evidence/model.ts";
import { reasonText } from "../../viewer/evidence/panel.ts";
import { EVIDENCE_TEXTS } from "../../viewer/evidence/texts.ts";

describe("evidence panel model", () => {
  it("adds and undoes corrections without changing the previous list", () => {
    const a = addCorrection(EMPTY_CORRECTIONS, { kind: "reject", sightingId: "S001" });
    const b = addCorrection(a, { kind: "merge", group: "A", into: "B" });
    expect(a.corrections).toHaveLength(1);
    expect(b.corrections).toHaveLength(2);
    expect(removeCorrection(b, 0).corrections).toEqual([{ kind: "merge", group: "A", into: "B" }]);
    expect(EMPTY_CORRECTIONS.corrections).toHaveLength(0);
  });

  it("saves and reads corrections.json, and names the pointer of a bad file", () => {
    const f = addCorrection(EMPTY_CORRECTIONS, {
      kind: "split",
      group: "Honduran caravan 1",
      date: "2018-11-10",
      newGroup: "Vanguard",
    });
    expect(readCorrections(correctionsText(f)).file).toEqual(f);
    expect(readCorrections('{"version":1,"corrections":[{"kind":"reject"}]}').problem).toBe(
      "/corrections/0/sightingId: a reject correction needs sightingId (text).",
    );
    expect(readCorrections("not json").problem).toMatch(/^\/: it is not JSON/);
  });

  it("describes corrections in English and Spanish", () => {
    const c = { kind: "merge", group: "A", into: "B" } as const;
    expect(describeCorrection(c, "en")).toBe("“A” merged into “B”");
    expect(describeCorrection(c, "es")).toBe("«A» unido a «B»");
  });

  it("writes the evidence table as Excel-ready CSV with formulas neutralised", () => {
    const d = embedded2018();
    const evil = {
      ...d,
      sightings: d.sightings.map((s) =>
        s.id === "S001" ? { ...s, placeName: '=HYPERLINK("x")' } : s,
      ),
    };
    const e = evidenceFor(evil, estimateTracks(d), "Honduran caravan 1", "2018-10-14");
    const csv = evidenceCsv(e);
    expect(csv.startsWith("\uFEFFgroup,date,sightingId,observedAt,placeName")).toBe(true);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv.split("\r\n").length - 2).toBe(e.reports.length);
  });

  it("says in the panel's language which report a stale repeat tells again", () => {
    const row = { status: "left_out", reason: "repeat of S009", repeatOf: "S009" } as const;
    const r = row as unknown as Parameters<typeof reasonText>[0];
    expect(reasonText(r, EVIDENCE_TEXTS.en)).toBe(" (told again: the place and figure of S009)");
    expect(reasonText(r, EVIDENCE_TEXTS.es)).toBe(
      " (noticia repetida: el lugar y la cifra de S009)",
    );
    const other = { status: "left_out", reason: "off route" } as unknown as typeof r;
    expect(reasonText(other, EVIDENCE_TEXTS.en)).toBe(" (off route)");
  });
});
