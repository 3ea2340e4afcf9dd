/** The situation update as Markdown and as one self-contained HTML file (inline SVG, no scripts). */
import { stackedAreaSvg, smallMultiplesSvg } from "./charts.ts";
import {
  CATEGORY_COLORS,
  CATEGORY_LABELS,
  escapeHtml,
  escapeMarkdown,
  markdownUrl,
  formatDate,
  formatPeople,
} from "./format.ts";
import type { SeedComparison } from "../ledger/compareWithSeeds.ts";
import type { HeadlineFigure, SituationUpdate, SourceNote } from "./situationUpdate.ts";

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
function verdict(c: SeedComparison): string {
  return c.matches === undefined
    ? "not comparable"
    : c.matches
      ? "fits the wording"
      : `does not fit${c.gap ? `: ${c.gap}` : ""}`;
}

/** The stock figures a comparison rests on, in words (plain text: escape it). */
function seedSourcesText(c: SeedComparison): string {
  return c.sources
    .map((s) => {
      const at = [s.placeName, s.country].filter(Boolean).join(", ");
      return `${at ? at + " " : ""}${formatPeople(s.value)} (${formatDate(s.date, true)}, ${s.sourceOrg ?? "source not named"})`;
    })
    .join("; ");
}

/**
 * What the by-status table's columns add up to, said under it: a reader adding the four status
 * columns finds "present" short by the people travelling through, who are in transit.
 */
const PRESENCE_NOTE =
  "Present = resting + waiting + staying: the people a place shelters on the date. People travelling through with a group are counted in transit, not present.";

/** Header and rows (plain text cells: escape them) of the people at places on the date, by status. */
function presenceTable(update: SituationUpdate): { head: string[]; rows: string[][] } {
  const head = [
    "place",
    "travelling through",
    "resting",
    "waiting (asylum claim)",
    "staying",
    "present",
    "capacity",
  ];
  const rows = update.presence.map((p) => [
    p.placeName ?? `${p.country ?? "country not known"} (no place given)`,
    formatPeople(p.travelling),
    formatPeople(p.resting),
    formatPeople(p.waiting),
    formatPeople(p.staying),
    formatPeople(p.present),
    p.capacity === undefined ? "not known" : formatPeople(p.capacity),
  ]);
  return { head, rows };
}

function interval(h: { value: number; valueLow: number; valueHigh: number }): string {
  return h.valueLow === h.value && h.valueHigh === h.value
    ? ""
    : `${formatPeople(h.valueLow)}–${formatPeople(h.valueHigh)}`;
}

function where(b: { country?: string; placeName?: string }): string {
  return b.placeName
    ? `${b.placeName}${b.country ? ` (${b.country})` : ""}`
    : (b.country ?? "not placed");
}

function breakdownText(h: HeadlineFigure): string {
  return h.breakdown
    .slice(0, 6)
    .map((b) => `${where(b)} ${formatPeople(b.value)}`)
    .concat(h.breakdown.length > 6 ? [`${h.breakdown.length - 6} more`] : [])
    .join("; ");
}

function sourceText(s: SourceNote): string {
  const who = s.sourceOrg ?? "source not named";
  const kind = [s.sourceType, s.confidence && `${s.confidence} confidence`]
    .filter(Boolean)
    .join(", ");
  const at = s.placeName ?? s.country ?? "";
  return `${formatDate(s.date)}: ${formatPeople(s.value)}${at ? ` (${at})` : ""} — ${who}${kind ? ` [${kind}]` : ""}`;
}

/**
 * The situation update as Markdown: headline table, sources per figure, the split on the date,
 * people present per place against capacity, and data-quality notes. Charts are in the HTML.
 * @example
 * renderMarkdown(buildSituationUpdate({ ledger, dataset, asOf: "2018-12-15" }));
 */
export function renderMarkdown(update: SituationUpdate): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(update.title)} — as of ${formatDate(update.asOf)}`, "");
  lines.push(
    `Data: ${escapeMarkdown(update.datasetName)}. Figures are people; ranges are 90 % intervals. ${escapeMarkdown(update.basis)}`,
    "",
  );
  if (!update.covered) {
    lines.push(`No split on ${formatDate(update.asOf)}: the date is outside the data.`, "");
    return lines.join("\n");
  }
  lines.push(
    "## Headline figures",
    "",
    "| | people | 90 % interval | where |",
    "|---|---:|---|---|",
  );
  for (const h of update.headlines) {
    lines.push(
      `| ${escapeMarkdown(CATEGORY_LABELS[h.category] ?? h.category)} | ${formatPeople(h.value)} | ${interval(h)} | ${escapeMarkdown(breakdownText(h))} |`,
    );
  }
  lines.push("", "## Sources of each figure", "");
  for (const h of update.headlines) {
    lines.push(
      `**${escapeMarkdown(CATEGORY_LABELS[h.category] ?? h.category)}** (${formatPeople(h.value)})`,
      "",
    );
    if (h.method) lines.push(`- Method: ${escapeMarkdown(h.method)}.`);
    for (const s of h.sources)
      lines.push(`- ${escapeMarkdown(sourceText(s))}${s.url ? ` ${markdownUrl(s.url)}` : ""}`);
    if (!h.method && h.sources.length === 0)
      lines.push("- No source figure on or before this date.");
    lines.push("");
  }
  if (update.places.length > 0) {
    lines.push(
      "## People present per place",
      "",
      "| place | on the date | peak (date) | capacity |",
      "|---|---:|---|---:|",
    );
    for (const p of update.places) {
      const today = p.series.find((s) => s.date === update.asOf);
      const peak = p.series.reduce((a, b) => (b.value > a.value ? b : a), p.series[0]!);
      lines.push(
        `| ${escapeMarkdown(p.placeName)} | ${today ? formatPeople(today.value) : "no current figure"} | ${formatPeople(peak.value)} (${formatDate(peak.date, true)}) | ${p.capacity === undefined ? "not known" : formatPeople(p.capacity)} |`,
      );
    }
    lines.push("");
  }
  if (update.presence.length > 0) {
    const t = presenceTable(update);
    lines.push(
      "## People at places on the date, by status",
      "",
      PRESENCE_NOTE,
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
      "## Against the published situation report",
      "",
      "| figure | report | ledger | | ledger's sources |",
      "|---|---|---|---|---|",
      ...update.seedChecks.map(
        (c) =>
          `| ${escapeMarkdown(`${c.seed.id}: ${c.seed.measure} (${formatDate(c.seed.asOf, true)})`)} | ${escapeMarkdown(seedText(c))} | ${escapeMarkdown(ledgerText(c))} | ${escapeMarkdown(verdict(c))} | ${escapeMarkdown(seedSourcesText(c))} |`,
      ),
      "",
    );
  }
  lines.push("## Data quality", "");
  if (update.warnings.length === 0)
    lines.push("No contradictory or impossible figures were found.");
  for (const w of update.warnings) lines.push(`- ${escapeMarkdown(w.message)}`);
  if (update.residuals.length > 0) {
    lines.push(
      "",
      "Figures furthest from the reconciled value:",
      "",
      "| date | category | where | source | figure | ledger |",
      "|---|---|---|---|---:|---:|",
    );
    for (const r of update.residuals) {
      lines.push(
        `| ${r.date} | ${r.category} | ${escapeMarkdown(r.placeName ?? r.country ?? "")} | ${escapeMarkdown(r.sourceOrg ?? "")} | ${formatPeople(r.value)} | ${formatPeople(r.reconciled)} |`,
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

/**
 * The situation update as one self-contained HTML document: inline CSS and SVG charts, no
 * scripts, no external resources (source web addresses appear as text, not as links or loads).
 * @example
 * const html = renderHtml(buildSituationUpdate({ ledger, dataset, asOf: "2018-12-15" }));
 */
export function renderHtml(update: SituationUpdate): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(update.title)} — ${e(formatDate(update.asOf))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(update.title)} — as of ${e(formatDate(update.asOf))}</h1>`,
    `<p class="muted">Data: ${e(update.datasetName)}. Figures are people; ranges are 90 % intervals. ${e(update.basis)} Made by dtm-flow.</p>`,
  );
  if (!update.covered) {
    out.push(
      `<p>No split on ${e(formatDate(update.asOf))}: the date is outside the data.</p></body></html>`,
    );
    return out.join("\n");
  }
  out.push(
    `<h2>Headline figures</h2><table><thead><tr><th></th><th>people</th><th>90 % interval</th><th>where</th></tr></thead><tbody>`,
  );
  for (const h of update.headlines) {
    const color = CATEGORY_COLORS[h.category];
    out.push(
      `<tr><th>${color ? `<span class="swatch" style="background:${color}"></span>` : ""}${e(CATEGORY_LABELS[h.category] ?? h.category)}</th>` +
        `<td class="n">${formatPeople(h.value)}</td><td class="n">${interval(h)}</td><td>${e(breakdownText(h))}</td></tr>`,
    );
  }
  out.push(`</tbody></table>`);
  out.push(`<h2>Sources of each figure</h2>`);
  for (const h of update.headlines) {
    out.push(
      `<details${h.category === "departed" ? " open" : ""}><summary><strong>${e(CATEGORY_LABELS[h.category] ?? h.category)}</strong> (${formatPeople(h.value)})</summary><ul>`,
    );
    if (h.method) out.push(`<li>Method: ${e(h.method)}.</li>`);
    for (const s of h.sources) {
      out.push(
        `<li>${e(sourceText(s))}${s.url ? ` <span class="url">${e(s.url)}</span>` : ""}</li>`,
      );
    }
    if (!h.method && h.sources.length === 0)
      out.push(`<li>No source figure on or before this date.</li>`);
    out.push(`</ul></details>`);
  }
  const first = update.stack.dates[0] ?? update.asOf;
  out.push(
    `<h2>What became of the people who left</h2><figure>${stackedAreaSvg(update.stack)}`,
    `<figcaption>People who left, per day from ${e(formatDate(first))} to ${e(formatDate(update.asOf))}, split by category. The top of the stack is everyone who has left so far; “unknown” is people once counted whom no source places on the day.</figcaption></figure>`,
    `<h2>People present per place</h2><figure>${smallMultiplesSvg(update.places, [first, update.asOf])}`,
    `<figcaption>People present at each place — remaining, waiting after an asylum claim, staying — every day to the date, 0 where no one is counted (line; shaded: 90 % interval) against the capacity of its shelters (dashed red) where a source gives one. Each panel has its own people axis.</figcaption></figure>`,
  );
  if (update.presence.length > 0) {
    const t = presenceTable(update);
    out.push(
      `<h2>People at places on the date, by status</h2><p>${e(PRESENCE_NOTE)}</p><table><thead><tr>${t.head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>`,
      ...t.rows.map(
        (r) => `<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ""}>${e(c)}</td>`).join("")}</tr>`,
      ),
      `</tbody></table>`,
    );
  }
  if (update.seedChecks.length > 0) {
    out.push(
      `<h2>Against the published situation report</h2><table><thead><tr><th>figure</th><th>report</th><th>ledger</th><th></th><th>ledger's sources</th></tr></thead><tbody>`,
      ...update.seedChecks.map(
        (c) =>
          `<tr><td>${e(`${c.seed.id}: ${c.seed.measure} (${formatDate(c.seed.asOf, true)})`)}</td><td class="n">${e(seedText(c))}</td><td>${e(ledgerText(c))}</td><td>${e(verdict(c))}</td><td>${e(seedSourcesText(c))}</td></tr>`,
      ),
      `</tbody></table>`,
    );
  }
  out.push(`<h2>Data quality</h2>`);
  if (update.warnings.length === 0)
    out.push(`<p>No contradictory or impossible figures were found.</p>`);
  else out.push(`<ul>${update.warnings.map((w) => `<li>${e(w.message)}</li>`).join("")}</ul>`);
  if (update.residuals.length > 0) {
    out.push(
      `<p>Figures furthest from the reconciled value:</p><table><thead><tr><th>date</th><th>category</th><th>where</th><th>source</th><th>figure</th><th>ledger</th></tr></thead><tbody>`,
      ...update.residuals.map(
        (r) =>
          `<tr><td>${r.date}</td><td>${e(r.category)}</td><td>${e(r.placeName ?? r.country ?? "")}</td><td>${e(r.sourceOrg ?? "")}</td><td class="n">${formatPeople(r.value)}</td><td class="n">${formatPeople(r.reconciled)}</td></tr>`,
      ),
      `</tbody></table>`,
    );
  }
  out.push(`</body></html>`);
  return out.join("\n");
}
