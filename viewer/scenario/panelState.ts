/**
 * DOM-free state of the scenario panel: its status (idle, running, invalid, …), what the status
 * line says, and how the worker's replies change the status.
 */
import type { ScenarioError, ScenarioInput } from "../../src/index.ts";
import type { Lang } from "../state.ts";
import type { ScenarioReply } from "./protocol.ts";
import { scenarioText } from "./texts.ts";

export type ScenarioStatus =
  | { kind: "idle" }
  | { kind: "preparing" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done" }
  | { kind: "invalid"; errors: ScenarioError[] }
  | { kind: "failed"; message: string }
  | { kind: "full" }
  | { kind: "loaded"; file: string }
  | { kind: "badJson"; message: string };

/** Results shown side by side at most. */
export const MAX_RESULTS = 3;

/** Whether a run is under way (progress shown, Cancel offered, Run disabled). */
export const isBusy = (status: ScenarioStatus): boolean =>
  status.kind === "preparing" || status.kind === "running";

/** The status line. */
export function statusText(status: ScenarioStatus, lang: Lang): string {
  const t = (key: Parameters<typeof scenarioText>[1]) => scenarioText(lang, key);
  switch (status.kind) {
    case "preparing":
      return t("preparing");
    case "running":
      return `${t("running")}: ${status.done} / ${status.total} ${t("runsDone")}`;
    case "invalid":
      return `${status.errors.length} ${t(status.errors.length === 1 ? "errorsOne" : "errors")}`;
    case "failed":
      return `${t("failed")} ${status.message}`;
    case "full":
      return t("full");
    case "loaded":
      return `${t("loadedFile")}: ${status.file}`;
    case "badJson":
      return `${t("badJson")} ${status.message}`;
    default:
      return "";
  }
}

/** The status after a reply of run `runId` (not the corridor, not an older run's reply). */
export function statusAfter(reply: Exclude<ScenarioReply, { kind: "corridor" }>): ScenarioStatus {
  switch (reply.kind) {
    case "preparing":
      return { kind: "preparing" };
    case "progress":
      return { kind: "running", done: reply.done, total: reply.total };
    case "invalid":
      return { kind: "invalid", errors: reply.errors };
    case "failed":
      return { kind: "failed", message: reply.message };
    default:
      return { kind: "done" };
  }
}

/**
 * A user's scenario.json as the form's input: a JSON object (a missing `waves` becomes an empty
 * list, for the form to fill); anything else gives the Error to show.
 */
export function parseScenarioText(text: string): ScenarioInput | Error {
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      return new Error("not an object");
    const input = parsed as ScenarioInput;
    if (!Array.isArray(input.waves)) input.waves = [];
    return input;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
