/** The situation update as Markdown and as one self-contained HTML file (inline SVG, no scripts). */
import { stackedAreaSvg, smallMultiplesSvg } from "./charts.ts";
import {
  CATEGORY_COLORS,
  escapeHtml,
  escapeMarkdown,
  markdownUrl,
  formatDate,
  formatPeople,
} from "./format.ts";
import type { SeedComparison } from "../ledger/compareWithSeeds.ts";
import type { HeadlineFigure, SituationUpdate, SourceNote } from "./situationUpdate.ts";
import { countedText, estimatedText, presentText } from "./countedText.ts";
import { ledgerWarningText } from "./ledgerWarningText.ts";
import { situationWords } from "./words.ts";
import { FILES_NAME_PREFIX } from "../embedded/name.ts";
import type { SituationWords } from "./words.ts";

const WORDING: Readonly<Record<string, string>> = {
  exact: "",
  about: "about ",
  over: "over ",
  at_least: "at least ",
  up_to: "up to ",
};

/** The report's figure as worded ("over 3,700", "about 24–28 percent"). */
function seedText(c: SeedComparison): string {
  const unit = c.seed.unit === "people" ? "" : ` ${c.seed.unit}`;
  const range = c.seed.valueMax !== undefined ? `–${formatPeople(c.seed.valueMax)}` : "";
  return `${WORDING[c.seed.qualifier] ?? ""}${formatPeople(c.seed.value)}${range}${unit}`;
}

/** The ledger's side of a comparison: value (interval), or why there is none. */
function ledgerText(c: SeedComparison): string {
  if (!c.ledger) return c.reason ?? "";
  const digits = c.seed.unit === "percent" ? 1 : 0;
  const f = (v: number) => (digits ? v.toFixed(digits) : formatPeople(v));
  return `${f(c.ledger.value)} (${f(c.ledger.valueLow)}–${f(c.ledger.valueHigh)})`;
}

/** Whether the ledger fits the report's wording; when not, why (plain text: escape it). */
function verdict(c: SeedComparison, w: SituationWords): string {
  return c.matches === undefined
    ? w.notComparable
    : c.matches
      ? w.fits
      : `${w.doesNotFit}${c.gap ? `: ${c.gap}` : ""}`;
}

/** The stock figures a comparison rests on, in words (plain text: escape it). */
function seedSourcesText(
  c: SeedComparison,
  w: SituationWords,
  lang: SituationUpdate["lang"],
): string {
  return c.sources
    .map((s) => {
      const at = [s.placeName, s.country].filter(Boolean).join(", ");
      return `${at ? at + " " : ""}${formatPeople(s.value)} (${formatDate(s.date, true, lang)}, ${s.sourceOrg ?? w.sourceNotNamed})`;
    })
    .join("; ");
}

/** Header and rows (plain text cells: escape them) of the people at places on the date, by status. */
function presenceTable(
  update: SituationUpdate,
  w: SituationWords,
): { head: string[]; rows: string[][] } {
  const head = [w.placeLower, w.travelling, w.resting, w.waiting, w.staying, w.present, w.capacity];
  const rows = update.presence.map((p) => [
    p.placeName ?? `${p.country ?? w.countryNotKnown} (${w.noPlaceGiven})`,
    formatPeople(p.travelling),
    formatPeople(p.resting),
    formatPeople(p.waiting),
    formatPeople(p.staying) + estimatedText(p, p.staying, update.lang),
    formatPeople(p.present) + estimatedText(p, p.present, update.lang),
    p.capacity === undefined ? w.notKnown : formatPeople(p.capacity),
  ]);
  return { head, rows };
}

function interval(h: { value: number; valueLow: number; valueHigh: number }): string {
  return h.valueLow === h.value && h.valueHigh === h.value
    ? ""
    : `${formatPeople(h.valueLow)}–${formatPeople(h.valueHigh)}`;
}

function where(b: { country?: string; placeName?: string }, w: SituationWords): string {
  return b.placeName
    ? `${b.placeName}${b.country ? ` (${b.country})` : ""}`
    : (b.country ?? w.notPlaced);
}

function breakdownText(h: HeadlineFigure, w: SituationWords): string {
  if (h.lastSeen?.length)
    return `${w.lastSeenPrefix} ${h.lastSeen
      .slice(0, 6)
      .map((l) => `${l.label ?? w.notPlaced} ${formatPeople(l.people)}`)
      .concat(h.lastSeen.length > 6 ? [w.more(h.lastSeen.length - 6)] : [])
      .join("; ")}`;
  return h.breakdown
    .slice(0, 6)
    .map((b) => `${where(b, w)} ${formatPeople(b.value)}`)
    .concat(h.breakdown.length > 6 ? [w.more(h.breakdown.length - 6)] : [])
    .join("; ");
}

function sourceText(s: SourceNote, w: SituationWords, lang: SituationUpdate["lang"]): string {
  const who = s.sourceOrg ?? w.sourceNotNamed;
  const kind = [
    s.sourceType && w.sourceTypes[s.sourceType],
    s.confidence && w.confidence(s.confidence),
  ]
    .filter(Boolean)
    .join(", ");
  const at = s.placeName ?? s.country ?? "";
  return `${formatDate(s.date, false, lang)}: ${formatPeople(s.value)}${at ? ` (${at})` : ""} — ${who}${kind ? ` [${kind}]` : ""}`;
}

/**
 * The situation update as Markdown: headline table, sources per figure, the split on the date,
 * people present per place against capacity, and data-quality notes. Charts are in the HTML.
 * @example
 * renderMarkdown(buildSituationUpdate({ ledger, dataset, asOf: "2018-12-15" }));
 */
export function renderMarkdown(update: SituationUpdate): string {
  const lang = update.lang ?? "en";
  const w = situationWords(lang);
  const date = (d: string, short = false) => formatDate(d, short, lang);
  const label = (c: string) => escapeMarkdown(w.categories[c] ?? c);
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(update.title)} — ${w.asOf} ${date(update.asOf)}`, "");
  lines.push(
    `${escapeMarkdown(dataNamed(w, update.datasetName))}. ${w.figuresArePeople} ${escapeMarkdown(update.basis)}`,
    "",
  );
  if (update.corrections) {
    const { file, list } = update.corrections;
    lines.push(escapeMarkdown(w.correctionsLine(file, list)), "");
  }
  if (!update.covered) {
    lines.push(w.outside(date(update.asOf)), "");
    return lines.join("\n");
  }
  lines.push(
    `## ${w.headlineFigures}`,
    "",
    `| | ${w.people} | ${w.interval90} | ${w.where} |`,
    "|---|---:|---|---|",
  );
  for (const h of update.headlines) {
    lines.push(
      `| ${label(h.category)} | ${formatPeople(h.value)} | ${interval(h)} | ${escapeMarkdown(breakdownText(h, w))} |`,
    );
  }
  lines.push("", `## ${w.sourcesOfEach}`, "");
  for (const h of update.headlines) {
    lines.push(`**${label(h.category)}** (${formatPeople(h.value)})`, "");
    if (h.method) lines.push(`- ${w.method} ${escapeMarkdown(h.method)}.`);
    if (h.lastSeen?.length) {
      lines.push(`- ${w.lastSeenHeading}:`);
      for (const l of h.lastSeen) lines.push(`  - ${escapeMarkdown(l.text)}.`);
    }
    for (const s of h.sources)
      lines.push(
        `- ${escapeMarkdown(sourceText(s, w, lang))}${s.url ? ` ${markdownUrl(s.url)}` : ""}`,
      );
    if (!h.method && h.sources.length === 0) lines.push(`- ${w.noSourceFigure}`);
    lines.push("");
  }
  if (update.places.length > 0) {
    lines.push(
      `## ${w.presentPerPlace}`,
      "",
      `| ${w.placeLower} | ${w.onTheDate} | ${w.peakDate} | ${w.capacity} |`,
      "|---|---:|---|---:|",
    );
    for (const p of update.places) {
      const today = p.series.find((s) => s.date === update.asOf);
      const peak = p.series.reduce((a, b) => (b.value > a.value ? b : a), p.series[0]!);
      const age = countAge(update, p.placeName);
      // A count that aged out is not a count of 0 (review 24b M1).
      const now =
        today && today.value === 0 && today.notCountedSince !== undefined
          ? presentText(today, lang)
          : today
            ? formatPeople(today.value) + age + estimatedToday(update, p.placeName)
            : w.noCurrentFigure;
      lines.push(
        `| ${escapeMarkdown(p.placeName)} | ${now} | ${formatPeople(peak.value)} (${date(peak.date, true)}) | ${p.capacity === undefined ? w.notKnown : formatPeople(p.capacity)} |`,
      );
    }
    lines.push("");
  }
  if (update.presence.length > 0) {
    const t = presenceTable(update, w);
    lines.push(
      `## ${w.byStatusOnTheDate}`,
      "",
      w.presenceNote,
      "",
      `| ${t.head.join(" | ")} |`,
      `|---|${t.head
        .slice(1)
        .map(() => "---:")
        .join("|")}|`,
      ...t.rows.map((r) => `| ${r.map(escapeMarkdown).join(" | ")} |`),
      "",
    );
  }
  if (update.seedChecks.length > 0) {
    lines.push(
      `## ${w.againstReport}`,
      "",
      `| ${w.figure} | ${w.report} | ${w.ledger} | | ${w.ledgersSources} |`,
      "|---|---|---|---|---|",
      ...update.seedChecks.map(
        (c) =>
          `| ${escapeMarkdown(`${c.seed.id}: ${c.seed.measure} (${date(c.seed.asOf, true)})`)} | ${escapeMarkdown(seedText(c))} | ${escapeMarkdown(ledgerText(c))} | ${escapeMarkdown(verdict(c, w))} | ${escapeMarkdown(seedSourcesText(c, w, lang))} |`,
      ),
      "",
    );
  }
  lines.push(`## ${w.dataQualityHeading}`, "");
  if (update.warnings.length === 0) lines.push(w.noProblems);
  for (const warning of update.warnings)
    lines.push(`- ${escapeMarkdown(ledgerWarningText(lang, warning, update.warningRows))}`);
  if (update.leftOut) lines.push(`- ${escapeMarkdown(w.leftOut(update.leftOut))}`);
  if (update.residuals.length > 0) {
    lines.push(
      "",
      w.furthest,
      "",
      `| ${w.date} | ${w.category} | ${w.where} | ${w.source} | ${w.figure} | ${w.ledger} |`,
      "|---|---|---|---|---:|---:|",
    );
    for (const r of update.residuals) {
      lines.push(
        `| ${r.date} | ${label(r.category)} | ${escapeMarkdown(r.placeName ?? r.country ?? "")} | ${escapeMarkdown(r.sourceOrg ?? "")} | ${formatPeople(r.value)} | ${formatPeople(r.reconciled)} |`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;max-width:980px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #eee;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em}
.muted{color:#666}.url{color:#555;font-size:.85em;word-break:break-all}details{margin:.3em 0}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}
`;

/** The estimated-not-counted note of a place on the update's date (the state's `estimated`). */
function estimatedToday(update: SituationUpdate, placeName: string): string {
  const place = update.presence.find((x) => x.placeName === placeName);
  return place ? estimatedText(place, place.present, update.lang) : "";
}

/**
 * A count held from an earlier day says how old it is: " (counted 19 Nov)" after "3,224"; empty
 * for a place whose count is of the as-of day (or without a count date). The one rule of
 * countedText.ts, which the viewer's situation panel reads too.
 */
function countAge(update: SituationUpdate, placeName: string): string {
  const place = update.presence.find((x) => x.placeName === placeName);
  return countedText(place, update.asOf, update.lang ?? "en");
}

/**
 * The places whose people on the as-of day rest on a count of an earlier day, as "Mexicali 3,224
 * (counted 19 Nov)": the HTML update says it under its chart as the Markdown table does (review
 * 23b M4: the chart's labels gave the figure without its age).
 */
function heldCountsText(update: SituationUpdate): string {
  const lang = update.lang ?? "en";
  const out: string[] = [];
  for (const p of update.places) {
    const today = p.series.find((s) => s.date === update.asOf);
    const age = countAge(update, p.placeName);
    if (today && today.value === 0 && today.notCountedSince !== undefined)
      out.push(`${p.placeName} ${presentText(today, lang)}`);
    else if (today && age !== "") out.push(`${p.placeName} ${formatPeople(today.value)}${age}`);
  }
  return out.join("; ");
}

/**
 * The situation update as one self-contained HTML document: inline CSS and SVG charts, no
 * scripts, no external resources (source web addresses appear as text, not as links or loads).
 * @example
 * const html = renderHtml(buildSituationUpdate({ ledger, dataset, asOf: "2018-12-15" }));
 */
export function renderHtml(update: SituationUpdate): string {
  const e = escapeHtml;
  const lang = update.lang ?? "en";
  const w = situationWords(lang);
  const date = (d: string, short = false) => formatDate(d, short, lang);
  const label = (c: string) => e(w.categories[c] ?? c);
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(update.title)} — ${e(date(update.asOf))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(update.title)} — ${w.asOf} ${e(date(update.asOf))}</h1>`,
    `<p class="muted">${e(dataNamed(w, update.datasetName))}. ${w.figuresArePeople} ${e(update.basis)} ${w.madeBy}</p>`,
  );
  if (update.corrections) {
    const { file, list } = update.corrections;
    out.push(`<p class="muted">${e(w.correctionsLine(file, list))}</p>`);
  }
  if (!update.covered) {
    out.push(`<p>${e(w.outside(date(update.asOf)))}</p></body></html>`);
    return out.join("\n");
  }
  out.push(
    `<h2>${w.headlineFigures}</h2><table><thead><tr><th></th><th>${w.people}</th><th>${w.interval90}</th><th>${w.where}</th></tr></thead><tbody>`,
  );
  for (const h of update.headlines) {
    const color = CATEGORY_COLORS[h.category];
    out.push(
      `<tr><th>${color ? `<span class="swatch" style="background:${color}"></span>` : ""}${label(h.category)}</th>` +
        `<td class="n">${formatPeople(h.value)}</td><td class="n">${interval(h)}</td><td>${e(breakdownText(h, w))}</td></tr>`,
    );
  }
  out.push(`</tbody></table>`);
  out.push(`<h2>${w.sourcesOfEach}</h2>`);
  for (const h of update.headlines) {
    out.push(
      `<details${h.category === "departed" ? " open" : ""}><summary><strong>${label(h.category)}</strong> (${formatPeople(h.value)})</summary><ul>`,
    );
    if (h.method) out.push(`<li>${w.method} ${e(h.method)}.</li>`);
    if (h.lastSeen?.length)
      out.push(
        `<li>${e(w.lastSeenHeading)}:<ul>${h.lastSeen.map((l) => `<li>${e(l.text)}.</li>`).join("")}</ul></li>`,
      );
    for (const s of h.sources) {
      out.push(
        `<li>${e(sourceText(s, w, lang))}${s.url ? ` <span class="url">${e(s.url)}</span>` : ""}</li>`,
      );
    }
    if (!h.method && h.sources.length === 0) out.push(`<li>${e(w.noSourceFigure)}</li>`);
    out.push(`</ul></details>`);
  }
  const first = update.stack.dates[0] ?? update.asOf;
  const held = heldCountsText(update);
  out.push(
    `<h2>${e(w.stackHeading)}</h2><figure>${stackedAreaSvg(update.stack, {}, lang)}`,
    `<figcaption>${e(w.stackCaption(date(first), date(update.asOf)))}</figcaption></figure>`,
    `<h2>${e(w.presentPerPlace)}</h2><figure>${smallMultiplesSvg(update.places, [first, update.asOf], {}, lang)}`,
    `<figcaption>${e(w.placesCaption)}${held ? ` ${e(held)}.` : ""}</figcaption></figure>`,
  );
  if (update.presence.length > 0) {
    const t = presenceTable(update, w);
    out.push(
      `<h2>${e(w.byStatusOnTheDate)}</h2><p>${e(w.presenceNote)}</p><table><thead><tr>${t.head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>`,
      ...t.rows.map(
        (r) => `<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ""}>${e(c)}</td>`).join("")}</tr>`,
      ),
      `</tbody></table>`,
    );
  }
  if (update.seedChecks.length > 0) {
    out.push(
      `<h2>${e(w.againstReport)}</h2><table><thead><tr><th>${w.figure}</th><th>${w.report}</th><th>${w.ledger}</th><th></th><th>${w.ledgersSources}</th></tr></thead><tbody>`,
      ...update.seedChecks.map(
        (c) =>
          `<tr><td>${e(`${c.seed.id}: ${c.seed.measure} (${date(c.seed.asOf, true)})`)}</td><td class="n">${e(seedText(c))}</td><td>${e(ledgerText(c))}</td><td>${e(verdict(c, w))}</td><td>${e(seedSourcesText(c, w, lang))}</td></tr>`,
      ),
      `</tbody></table>`,
    );
  }
  out.push(`<h2>${e(w.dataQualityHeading)}</h2>`);
  if (update.warnings.length === 0) out.push(`<p>${e(w.noProblems)}</p>`);
  else
    out.push(
      `<ul>${update.warnings.map((warning) => `<li>${e(ledgerWarningText(lang, warning, update.warningRows))}</li>`).join("")}</ul>`,
    );
  if (update.leftOut) out.push(`<p>${e(w.leftOut(update.leftOut))}</p>`);
  if (update.residuals.length > 0) {
    out.push(
      `<p>${e(w.furthest)}</p><table><thead><tr><th>${w.date}</th><th>${e(w.category)}</th><th>${e(w.where)}</th><th>${w.source}</th><th>${w.figure}</th><th>${w.ledger}</th></tr></thead><tbody>`,
      ...update.residuals.map(
        (r) =>
          `<tr><td>${r.date}</td><td>${label(r.category)}</td><td>${e(r.placeName ?? r.country ?? "")}</td><td>${e(r.sourceOrg ?? "")}</td><td class="n">${formatPeople(r.value)}</td><td class="n">${formatPeople(r.reconciled)}</td></tr>`,
      ),
      `</tbody></table>`,
    );
  }
  out.push(`</body></html>`);
  return out.join("\n");
}

/**
 * "Data: Caravans Oct–Dec 2018 (embedded)", or "Files: a.csv, b.xlsx" for a user's files: their
 * name already says what it is, so no "Data: Files: …" (en, es).
 */
function dataNamed(w: SituationWords, name: string): string {
  const named = w.datasetName(name);
  return name.startsWith(FILES_NAME_PREFIX) ? named : `${w.data} ${named}`;
}
