/**
 * Which part of a caravan's body a report describes: its head (vanguard), its tail (stragglers)
 * or the body as a whole (read as the median person). The held-out check predicts a report from
 * the matching quantile of the group's estimated body.
 */
import { readPart } from "../estimate/partWords.ts";
import type { Sighting } from "../model/sighting.ts";

/** The part of a group's body a report is about. */
export type BodyPart = "head" | "median" | "tail";

/**
 * The body part a sighting describes, read as the estimator reads it (estimate/parts.ts, one
 * vocabulary, es/en): its `part` field (or a `part`/`parte` extra column) wins, else the notes. A
 * report of the main body, or one that names no part or several, is about the median person.
 * @example
 * reportPart({ observedAt: "2018-11-13", notes: "Vanguard group." }); // => "head"
 * reportPart({ observedAt: "2018-11-13", extra: { part: "rezagados" } }); // => "tail"
 */
export function reportPart(sighting: Sighting): BodyPart {
  const column = sighting.part ?? sighting.extra?.part ?? sighting.extra?.parte;
  const part = readPart(column, sighting.notes);
  return part === "head" || part === "tail" ? part : "median";
}
