/** The scenario panel's fixed elements: the toolbar toggle, the section, its head, form, results. */
import type { Lang } from "../state.ts";
import { el } from "./dom.ts";
import type { ScenarioStatus } from "./panelState.ts";
import { isBusy, statusText } from "./panelState.ts";
import { scenarioText } from "./texts.ts";

export interface PanelLayout {
  toggle: HTMLButtonElement;
  section: HTMLElement;
  heading: HTMLHeadingElement;
  closeBtn: HTMLButtonElement;
  intro: HTMLParagraphElement;
  form: HTMLFormElement;
  resultsEl: HTMLElement;
  statusEl: HTMLParagraphElement;
  progress: HTMLProgressElement;
  runBtn: HTMLButtonElement;
  cancelBtn: HTMLButtonElement;
  topErrors: HTMLUListElement;
  /** Says the panel knows only the 2018 corridor when the analyst's own files are on screen. */
  corridorNote: HTMLParagraphElement;
}

/** Creates the elements, the toggle in `toolbar` and the section after `after`. */
export function createLayout(toolbar: Element, after: Element): PanelLayout {
  const toggle = el("button", {
    id: "scenario-toggle",
    type: "button",
    "aria-expanded": "false",
    "aria-controls": "scenario",
  });
  toolbar.append(toggle);
  const section = el("section", { id: "scenario", class: "scenario-panel", hidden: true });
  after.after(section);
  // The replay's keyboard shortcuts (Space, arrows, Home/End) do not apply inside the panel.
  section.addEventListener("keydown", (ev) => ev.stopPropagation());
  const heading = el("h2", { id: "scenario-title", tabindex: -1 });
  const closeBtn = el("button", { type: "button", class: "scenario-close" }, "×");
  const intro = el("p", { class: "muted small" });
  const corridorNote = el("p", {
    id: "scenario-corridor-note",
    class: "small",
    role: "note",
    hidden: true,
  });
  const form = el("form", { id: "scenario-form", novalidate: true });
  const resultsEl = el("section", { id: "scenario-results", "aria-live": "polite" });
  section.append(
    el("div", { class: "scenario-head" }, heading, closeBtn),
    intro,
    corridorNote,
    el("div", { class: "scenario-body" }, form, resultsEl),
  );
  section.setAttribute("aria-labelledby", "scenario-title");
  return {
    toggle,
    section,
    heading,
    closeBtn,
    intro,
    corridorNote,
    form,
    resultsEl,
    statusEl: el("p", { id: "scenario-status", class: "small", role: "status" }),
    progress: el("progress", { id: "scenario-progress", max: 1, value: 0, hidden: true }),
    runBtn: el("button", { type: "submit", id: "scenario-run", class: "primary" }),
    cancelBtn: el("button", { type: "button", id: "scenario-cancel", hidden: true }),
    topErrors: el("ul", { id: "scenario-errors", class: "field-errors", hidden: true }),
  };
}

/** Shows a status: the status line, the progress bar, Run/Cancel. */
export function showStatus(layout: PanelLayout, status: ScenarioStatus, lang: Lang): void {
  const { statusEl, progress, cancelBtn, runBtn, section } = layout;
  const busy = isBusy(status);
  statusEl.dataset.status = status.kind;
  progress.hidden = !busy;
  cancelBtn.hidden = !busy;
  runBtn.disabled = busy;
  section.setAttribute("aria-busy", String(busy));
  progress.setAttribute("aria-label", scenarioText(lang, "running"));
  if (status.kind === "running") {
    progress.max = status.total;
    progress.value = status.done;
  } else progress.removeAttribute("value");
  statusEl.textContent = statusText(status, lang);
}

/** The fixed texts in `lang`. */
export function applyLayoutTexts(layout: PanelLayout, lang: Lang): void {
  const t = (key: Parameters<typeof scenarioText>[1]) => scenarioText(lang, key);
  layout.toggle.textContent = t("toggle");
  layout.heading.textContent = t("title");
  layout.intro.textContent = t("intro");
  layout.closeBtn.setAttribute("aria-label", t("close"));
  layout.closeBtn.title = t("close");
  layout.runBtn.textContent = t("run");
  layout.cancelBtn.textContent = t("cancel");
}

/**
 * Opens or closes the panel. `fromState`: the view state (URL) asked, so the state is not written
 * back and the focus does not move.
 */
export function setPanelOpen(
  layout: PanelLayout,
  open: boolean,
  fromState: boolean,
  hooks: { saveState(open: boolean): void; opened(): void },
): void {
  const { section, toggle, heading } = layout;
  if (open === !section.hidden) return;
  section.hidden = !open;
  toggle.setAttribute("aria-expanded", String(open));
  if (!fromState) hooks.saveState(open);
  if (open) {
    hooks.opened();
    if (!fromState) {
      section.scrollIntoView({ block: "start" });
      heading.focus();
    }
  } else if (!fromState) toggle.focus();
}
