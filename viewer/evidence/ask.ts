/**
 * Asking the evidence worker for one reply: the request without its number (`Unsent`), the reply
 * of the type asked for or a thrown error, and why a run gave no result in the panel's language.
 */
import type { Lang } from "../state.ts";
import { TablesPendingError } from "../data/provider.ts";
import { correctionProblemLine } from "./model.ts";
import type { EvidenceMessage, EvidenceRequest } from "./protocol.ts";
import { EVIDENCE_TEXTS } from "./texts.ts";

/** A request to the evidence worker before the client numbers it. */
export type Unsent = EvidenceRequest extends infer R
  ? R extends unknown
    ? Omit<R, "req">
    : never
  : never;

/** Why a run gave no result, in one sentence. */
export function failure(m: EvidenceMessage, lang: Lang): string {
  const T = EVIDENCE_TEXTS[lang];
  if (m.type === "invalid") {
    const p = m.problems[0];
    return T.invalid("corrections.json", p ? correctionProblemLine(p, lang) : "");
  }
  return m.type === "error" ? `${T.failed} ${m.message}` : "";
}

/**
 * Asks the evidence worker and returns its reply of `type`; any other reply is thrown: tables of
 * corrections still being applied as a TablesPendingError (the export bar says it in the viewer's
 * language), the worker's error message as it is, corrections that do not fit as the panel says
 * them in `lang`.
 */
export async function askFor<T extends EvidenceMessage["type"]>(
  ask: (m: Unsent) => Promise<EvidenceMessage>,
  request: Unsent,
  type: T,
  lang: Lang,
): Promise<Extract<EvidenceMessage, { type: T }>> {
  const m = await ask(request);
  if (m.type === type) return m as Extract<EvidenceMessage, { type: T }>;
  if (m.type === "tablesPending") throw new TablesPendingError();
  throw new Error(m.type === "error" ? m.message : failure(m, lang));
}
