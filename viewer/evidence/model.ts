/**
 * The evidence panel's DOM-free parts: the corrections list (add, undo, load), its descriptions in
 * English and Spanish, and the evidence table as CSV. Tested in tests/viewer/evidence.test.ts.
 */
import {
  EVIDENCE_CSV_COLUMNS,
  evidenceRows,
  formatCsv,
  correctionProblemText,
  parseCorrections,
} from "../../src/index.ts";
import type { Correction, CorrectionProblem, CorrectionsFile, Evidence } from "../../src/index.ts";
import type { Lang } from "../state.ts";

export const EMPTY_CORRECTIONS: CorrectionsFile = { version: 1, corrections: [] };

/** The file with `c` appended (a new object; the old one is unchanged, for undo). */
export function addCorrection(file: CorrectionsFile, c: Correction): CorrectionsFile {
  return { version: 1, corrections: [...file.corrections, c] };
}

/** The file without correction `index` (undo of one correction). */
export function removeCorrection(file: CorrectionsFile, index: number): CorrectionsFile {
  return { version: 1, corrections: file.corrections.filter((_, i) => i !== index) };
}

/** corrections.json text as saved (2-space JSON, newline at the end). */
export function correctionsText(file: CorrectionsFile): string {
  return JSON.stringify(file, null, 2) + "\n";
}

/**
 * A corrections problem as the panel says it, "pointer: sentence", the sentence in `lang` from
 * its code (src/evidence/correctionProblemText.ts; its English message when it has none).
 * @example correctionProblemLine({ pointer: "/version", message: "…", code: "bad_version", params: { value: "2" } }, "es")
 */
export function correctionProblemLine(p: CorrectionProblem, lang: Lang): string {
  return `${p.pointer || "/"}: ${correctionProblemText(lang, p)}`;
}

/**
 * Reads a corrections.json the analyst loads.
 * @returns the file, or the first problem as "pointer: sentence" in `lang`.
 */
export function readCorrections(
  text: string,
  lang: Lang = "en",
): { file?: CorrectionsFile; problem?: string } {
  try {
    return { file: parseCorrections(text) };
  } catch (error) {
    const p = (error as { problems?: CorrectionProblem[] }).problems?.[0];
    return { problem: p ? correctionProblemLine(p, lang) : String(error) };
  }
}

/** One sentence describing a correction (what the analyst asked for). */
export function describeCorrection(c: Correction, lang: Lang): string {
  const es = lang === "es";
  switch (c.kind) {
    case "reassign":
      return es ? `${c.sightingId} → grupo «${c.group}»` : `${c.sightingId} → group “${c.group}”`;
    case "reject":
      return es ? `${c.sightingId} marcado como erróneo` : `${c.sightingId} marked wrong`;
    case "accept":
      return es ? `${c.sightingId} marcado como correcto` : `${c.sightingId} marked right`;
    case "split":
      return es
        ? `«${c.group}» dividido el ${c.date}: «${c.newGroup}»`
        : `“${c.group}” split on ${c.date}: “${c.newGroup}”`;
    case "merge":
      return es ? `«${c.group}» unido a «${c.into}»` : `“${c.group}” merged into “${c.into}”`;
    case "destination": {
      const to = [c.place, c.routeId].filter(Boolean).join(" / ");
      return es ? `destino de «${c.group}»: ${to}` : `“${c.group}” heads for ${to}`;
    }
  }
}

/** The evidence table as Excel-ready CSV (UTF-8 BOM), the columns of the library's table. */
export function evidenceCsv(e: Evidence): string {
  return formatCsv(evidenceRows(e), { columns: [...EVIDENCE_CSV_COLUMNS] });
}
