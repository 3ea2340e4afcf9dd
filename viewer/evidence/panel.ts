/**
 * The evidence panel: for the selected group and the day shown, the reports behind the estimate
 * (the library's `evidenceFor`, computed in the worker) as a table, with the corrections an
 * analyst can make (mark a report wrong or right, move it to another group, split, merge, set a
 * destination), the list of corrections (undo, save, load) and the exports (chart SVG/PNG,
 * evidence CSV). Text from files is always set with textContent; links are http(s) only and open
 * with rel="noopener noreferrer".
 */
import type { Correction, Evidence, EvidenceReport, TimeDistance } from "../../src/index.ts";
import { safeUrl } from "../../src/index.ts";
import {
  formatCount,
  formatDate,
  notSeenSinceText,
  numberLocale,
  placeLabel,
  unseenNoteText,
} from "../i18n.ts";
import type { PlaceNames } from "../i18n.ts";
import type { Lang } from "../state.ts";
import { MAREY_TEXTS } from "../marey/texts.ts";
import { describeCorrection } from "./model.ts";
import { EVIDENCE_TEXTS } from "./texts.ts";

type Attrs = Record<string, string>;

/** Creates an element with attributes and text children (never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(typeof c === "string" ? doc.createTextNode(c) : c);
  return e;
}

export interface EvidenceActions {
  correct(c: Correction): void;
  undo(index: number): void;
  runCheck(): void;
}

const km = (L: Lang, v: number) => (Number.isFinite(v) ? formatCount(L, v) : "–");
/**
 * A km figure of the reports table, as the estimate line beside it gives km: "1,832 km" (whole km,
 * grouped by thousands in the language); below 10 km one decimal ("0.4 km"), so a short distance
 * from the estimate does not read as 0.
 */
export function kmCell(L: Lang, v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "–";
  const digits = Math.abs(v) < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(numberLocale(L), { maximumFractionDigits: digits }).format(v)} km`;
}
const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)} %` : "–");

/** Reported size as text: a figure, a range, or a bound. */
function reported(r: EvidenceReport, L: Lang): string {
  // A count of one place or one point: the estimator read it as "at least" the group.
  if (r.countScope !== undefined && r.sizeAtLeast !== undefined)
    return `≥ ${formatCount(L, r.sizeAtLeast)}`;
  if (r.sizeBest !== undefined) return formatCount(L, r.sizeBest);
  if (r.sizeMin !== undefined && r.sizeMax !== undefined)
    return `${formatCount(L, r.sizeMin)}–${formatCount(L, r.sizeMax)}`;
  if (r.sizeMin !== undefined) return `> ${formatCount(L, r.sizeMin)}`;
  if (r.sizeMax !== undefined) return `≤ ${formatCount(L, r.sizeMax)}`;
  return "–";
}

/** A safe link to the source, or a dash. */
function sourceLink(doc: Document, url: string | undefined, text: string): Node {
  const safe = safeUrl(url);
  if (!safe) return doc.createTextNode("–");
  return el(doc, "a", { href: safe, target: "_blank", rel: "noopener noreferrer" }, text);
}

/**
 * "Not seen since D. No report for more than 21 days: …": the library's state counts none of the
 * group on the road on the day shown (`GroupBody.unseenSince`, read from the map's replay).
 */
export function unseenParagraph(doc: Document, L: Lang, since: string): HTMLElement {
  return el(
    doc,
    "p",
    { class: "evidence-unseen", "data-unseen-since": since },
    el(doc, "strong", {}, notSeenSinceText(L, since)),
    `. ${unseenNoteText(L)}`,
  );
}

/**
 * The evidence table and the group's correction controls.
 * @param unseenSince the state's "not seen since" date of the group on the day, if any.
 */
export function renderEvidence(
  host: HTMLElement,
  e: Evidence,
  td: TimeDistance | undefined,
  L: Lang,
  actions: EvidenceActions,
  places: PlaceNames = [],
  unseenSince?: string,
): void {
  const doc = host.ownerDocument;
  const T = EVIDENCE_TEXTS[L];
  const p = e.track;
  const size = Number.isFinite(p.size) ? formatCount(L, p.size) : "–";
  const parts: Node[] = [
    el(doc, "h3", { id: "evidence-heading" }, T.heading(e.group, formatDate(L, e.date))),
    ...(unseenSince !== undefined ? [unseenParagraph(doc, L, unseenSince)] : []),
    // Whole km grouped by thousands, as the group's details beside the map give them.
    el(
      doc,
      "p",
      { class: "evidence-estimate" },
      T.estimate(km(L, p.km), km(L, p.kmLow), km(L, p.kmHigh), size),
    ),
    el(doc, "p", { class: "muted small" }, T.window(e.windowDays)),
  ];
  // A day written before the track's first fitted day (trackStarts.ts): no report fits it.
  if (p.writtenBeforeFit) parts.push(el(doc, "p", { class: "evidence-written" }, T.written));
  if (e.check) {
    parts.push(
      el(
        doc,
        "p",
        { class: "evidence-check" },
        T.check(pct(e.check.positionCoverage90), pct(e.check.sizeCoverage90), e.check.heldOut),
      ),
    );
  } else {
    const b = el(doc, "button", { type: "button", class: "evidence-run-check" }, T.runCheck);
    b.addEventListener("click", () => actions.runCheck());
    parts.push(b);
  }
  const groups = td ? td.groups.map((g) => g.group).filter((g) => g !== e.group) : [];
  if (e.reports.length === 0) parts.push(el(doc, "p", {}, T.noReports));
  else parts.push(evidenceTable(doc, e, groups, L, actions, places));
  parts.push(groupControls(doc, e, groups, td, L, actions));
  host.replaceChildren(...parts);
}

function evidenceTable(
  doc: Document,
  e: Evidence,
  groups: string[],
  L: Lang,
  actions: EvidenceActions,
  places: PlaceNames,
): HTMLTableElement {
  const T = EVIDENCE_TEXTS[L];
  const MT = MAREY_TEXTS[L];
  const c = T.cols;
  const head = el(
    doc,
    "tr",
    {},
    ...[
      c.time,
      c.place,
      c.source,
      c.size,
      c.km,
      c.distance,
      c.share,
      c.outlier,
      c.status,
      c.link,
      c.actions,
    ].map((x) => el(doc, "th", { scope: "col" }, x)),
  );
  const rows = e.reports.map((r) => {
    const source = [
      r.sourceOrg,
      r.sourceType ? `(${MT.sourceTypes[r.sourceType] ?? r.sourceType})` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const tr = el(
      doc,
      "tr",
      { "data-sighting-id": r.sightingId, "data-status": r.status, "data-kind": r.kind },
      el(doc, "th", { scope: "row" }, `${r.sightingId} · ${r.observedAt}`),
      el(doc, "td", {}, r.placeName ? placeLabel(L, r.placeName, places) : "–"),
      el(doc, "td", {}, source || "–"),
      el(
        doc,
        "td",
        r.countScope
          ? { title: T.atLeast[r.countScope] ?? "", "data-count-scope": r.countScope }
          : {},
        reported(r, L),
      ),
      el(doc, "td", {}, kmCell(L, r.km)),
      el(doc, "td", {}, kmCell(L, r.distanceKm)),
      el(doc, "td", {}, r.shareOfGroup === undefined ? "–" : pct(r.shareOfGroup)),
      el(doc, "td", {}, r.outlierProb === undefined ? "–" : r.outlierProb.toFixed(2)),
      el(doc, "td", {}, (MT.status[r.status] ?? r.status) + reasonText(r, T)),
    );
    const link = el(doc, "td", {});
    link.append(sourceLink(doc, r.url, T.open));
    // A stay is a stock figure: corrected in the stock file, not here.
    tr.append(
      link,
      r.kind === "stay" ? el(doc, "td", {}, "–") : rowActions(doc, r, groups, L, actions),
    );
    return tr;
  });
  return el(
    doc,
    "table",
    { class: "evidence-table" },
    el(doc, "thead", {}, head),
    el(doc, "tbody", {}, ...rows),
  );
}

function rowActions(
  doc: Document,
  r: EvidenceReport,
  groups: string[],
  L: Lang,
  actions: EvidenceActions,
): HTMLTableCellElement {
  const T = EVIDENCE_TEXTS[L];
  /** "Wrong" (reject) or "right" (accept): a button that records that verdict on the report. */
  const verdict = (kind: "reject" | "accept", label: string, text: string) => {
    const button = el(
      doc,
      "button",
      { type: "button", "aria-label": label, "data-action": kind },
      text,
    );
    button.addEventListener("click", () => actions.correct({ kind, sightingId: r.sightingId }));
    return button;
  };
  const wrong = verdict("reject", T.wrongLabel(r.sightingId), T.wrong);
  const right = verdict("accept", T.rightLabel(r.sightingId), T.right);
  const move = el(
    doc,
    "select",
    { "aria-label": T.moveLabel(r.sightingId), "data-action": "reassign" },
    el(doc, "option", { value: "" }, T.moveTo),
    ...groups.map((g) => el(doc, "option", { value: g }, g)),
  );
  move.addEventListener("change", () => {
    if (move.value)
      actions.correct({ kind: "reassign", sightingId: r.sightingId, group: move.value });
  });
  return el(doc, "td", { class: "evidence-actions" }, wrong, right, move);
}

function groupControls(
  doc: Document,
  e: Evidence,
  groups: string[],
  td: TimeDistance | undefined,
  L: Lang,
  actions: EvidenceActions,
): HTMLElement {
  const T = EVIDENCE_TEXTS[L];
  const name = el(doc, "input", {
    type: "text",
    id: "evidence-split-name",
    value: `${e.group} (${e.date})`,
  });
  const split = el(doc, "button", { type: "button", "data-action": "split" }, T.split);
  split.addEventListener("click", () => {
    const newGroup = name.value.trim();
    if (newGroup) actions.correct({ kind: "split", group: e.group, date: e.date, newGroup });
  });
  const into = el(
    doc,
    "select",
    { id: "evidence-merge-into" },
    ...groups.map((g) => el(doc, "option", { value: g }, g)),
  );
  const merge = el(doc, "button", { type: "button", "data-action": "merge" }, T.merge);
  merge.addEventListener("click", () => {
    if (into.value) actions.correct({ kind: "merge", group: e.group, into: into.value });
  });
  const stops = td ? td.stops.filter((s) => s.kind === "city") : [];
  const place = el(
    doc,
    "select",
    { id: "evidence-destination" },
    ...stops.map((s) => el(doc, "option", { value: s.name }, s.name)),
  );
  const dest = el(
    doc,
    "button",
    { type: "button", "data-action": "destination" },
    T.setDestination,
  );
  dest.addEventListener("click", () => {
    if (place.value) actions.correct({ kind: "destination", group: e.group, place: place.value });
  });
  return el(
    doc,
    "fieldset",
    { class: "evidence-group-actions" },
    el(doc, "legend", {}, T.groupActions),
    el(doc, "label", { for: "evidence-split-name" }, T.splitName),
    name,
    split,
    el(doc, "label", { for: "evidence-merge-into" }, T.mergeInto),
    into,
    merge,
    el(doc, "label", { for: "evidence-destination" }, T.destination),
    place,
    dest,
  );
}

/** The corrections list, each with its effect and an undo button. */
export function renderCorrections(
  host: HTMLElement,
  corrections: readonly Correction[],
  effects: readonly string[],
  L: Lang,
  actions: EvidenceActions,
): void {
  const doc = host.ownerDocument;
  const T = EVIDENCE_TEXTS[L];
  if (corrections.length === 0) {
    host.replaceChildren(el(doc, "p", { class: "muted" }, T.none));
    return;
  }
  const items = corrections.map((c, i) => {
    const undo = el(
      doc,
      "button",
      { type: "button", "aria-label": `${T.undo}: ${describeCorrection(c, L)}` },
      T.undo,
    );
    undo.addEventListener("click", () => actions.undo(i));
    const effect = effects[i] ? ` — ${effects[i]}` : "";
    return el(doc, "li", {}, `${describeCorrection(c, L)}${effect} `, undo);
  });
  host.replaceChildren(el(doc, "ol", { class: "corrections-list" }, ...items));
}

/** Why a report did not count, in the panel's language (a stale repeat names its original). */
export function reasonText(r: EvidenceReport, T: (typeof EVIDENCE_TEXTS)[Lang]): string {
  const reason = r.repeatOf !== undefined ? T.repeatOf(r.repeatOf) : r.reason;
  return reason ? ` (${reason})` : "";
}
