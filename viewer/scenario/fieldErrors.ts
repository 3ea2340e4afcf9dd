/**
 * Validation errors in the scenario form: each under the field its JSON pointer names (marked
 * `aria-invalid`, described by the message), the others in a list above the form.
 */
import type { ScenarioError } from "../../src/index.ts";
import { el } from "./dom.ts";
import type { FieldRef } from "./form.ts";
import { errorsByField } from "./model.ts";
import { errorMessageText, errorText } from "./errorText.ts";
import type { Lang } from "../state.ts";

/** Hides a field's error and unmarks the field. */
export function clearFieldError(f: FieldRef | undefined): void {
  if (!f || f.error.hidden) return;
  f.error.hidden = true;
  f.error.textContent = "";
  f.control.removeAttribute("aria-invalid");
  const described = (f.control.getAttribute("aria-describedby") ?? "").split(" ");
  f.control.setAttribute(
    "aria-describedby",
    described.filter((x) => x && x !== f.error.id).join(" "),
  );
}

/** Writes one field's errors under it and marks it invalid. */
function markField(f: FieldRef, list: ScenarioError[], lang: Lang): void {
  f.error.textContent = list.map((e) => errorMessageText(lang, e)).join(" · ");
  f.error.dataset.pointers = list.map((e) => e.pointer).join(" ");
  f.error.hidden = false;
  f.control.setAttribute("aria-invalid", "true");
  const described = (f.control.getAttribute("aria-describedby") ?? "").split(" ");
  if (!described.includes(f.error.id))
    f.control.setAttribute("aria-describedby", [...described, f.error.id].join(" ").trim());
}

/**
 * Shows `errors` at their fields (the rest in `topErrors`); with `focus`, focuses the first
 * field in error (else the list). Messages in `lang` (errorText.ts); the list names the place
 * in the form in words, the raw pointer kept in `data-pointer`.
 */
export function showFieldErrors(
  fields: Map<string, FieldRef>,
  errors: readonly ScenarioError[],
  topErrors: HTMLElement,
  focus: boolean,
  lang: Lang = "en",
): void {
  for (const f of fields.values()) clearFieldError(f);
  const byField = errorsByField(errors, [...fields.keys()]);
  const loose = byField.get("") ?? [];
  topErrors.hidden = loose.length === 0;
  topErrors.replaceChildren(
    ...loose.map((e) => el("li", { "data-pointer": e.pointer }, errorText(lang, e))),
  );
  let first: HTMLElement | undefined;
  for (const [pointer, list] of byField) {
    const f = fields.get(pointer);
    if (!f) continue;
    markField(f, list, lang);
    first ??= f.control;
  }
  if (focus) (first ?? (loose.length ? topErrors : undefined))?.focus?.();
}
