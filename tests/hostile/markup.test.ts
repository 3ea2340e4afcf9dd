/**
 * Markup from the input files in the situation update: source names, places and web addresses
 * with HTML, Markdown links, entities, pipes and line breaks must come out as text — in the
 * Markdown (which renderers turn into HTML) and in the HTML report — and only http(s) addresses
 * become links.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escapeMarkdown, markdownUrl } from "../../src/report/format.ts";
import { expectSuccess, runIn, sandbox } from "./harness.ts";
import type { Sandbox } from "./harness.ts";

const HOSTILE_URL = 'https://x.example/"><svg onload=alert(1)>';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

/**
 * Raw HTML a Markdown renderer would pass through: an unescaped `<` opening a tag, a comment or an
 * autolink to any scheme but http(s).
 */
const LIVE_HTML = /(^|[^\\])<(?!https?:\/\/)\/?[a-z!?]/i;

describe("dtm-flow report with markup in the stock figures", () => {
  it("writes no live HTML into situation-update.md, and the HTML report escapes it", async () => {
    const rows = [
      "date,category,value,basis,country,source_org,url",
      `2018-11-01,return,5000,cumulative,HND,"<img src=x onerror=alert(1)> INM",${JSON.stringify(HOSTILE_URL).replace(/\\"/g, '""')}`,
      `2018-11-02,asylum_claim,1200,cumulative,MEX,"[click](javascript:alert(1)) | COMAR",javascript:alert(1)`,
      `2018-11-03,return,5400,cumulative,HND,"&lt;script&gt; *INM*",https://ok.example/a_b?c=1&d=2`,
    ];
    box.write("stocks.csv", rows.join("\n") + "\n");
    const r = await runIn(box, [
      "report",
      "--stocks",
      "stocks.csv",
      "--as-of",
      "2018-11-03",
      "--title",
      "<b>Update</b> [x](javascript:1)",
      "--out",
      "out",
    ]);
    expectSuccess(r);
    const md = readFileSync(join(box.path("out"), "situation-update.md"), "utf8");
    for (const line of md.split("\n")) expect(line).not.toMatch(LIVE_HTML);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/m);
    expect(md).toContain("<https://x.example/%22%3E%3Csvg%20onload=alert%281%29%3E>");
    expect(md).toContain("<https://ok.example/a_b?c=1&d=2>");
    expect(md).not.toContain("<javascript:");
    const html = readFileSync(box.path("out/situation-update.html"), "utf8");
    expect(html).not.toMatch(/<svg onload|<img src=x|<b>Update/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("escapeMarkdown and markdownUrl on any text", () => {
  it("escaped text never opens a tag, a link, a code span or a new line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const out = escapeMarkdown(text);
        expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
        // Every markup character is preceded by an odd number of backslashes (escaped).
        for (const m of out.matchAll(/(\\*)([<>[\]`|*_&~])/g)) {
          expect(m[1]!.length % 2).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a link address is an http(s) autolink with nothing that could end it, or escaped text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl(),
          fc.string({ unit: "binary", maxLength: 40 }).map((s) => `https://x.example/${s}`),
          fc.string({ unit: "binary", maxLength: 40 }),
        ),
        (url) => {
          const out = markdownUrl(url);
          if (out.startsWith("<")) {
            expect(out).toMatch(/^<https?:\/\/[A-Za-z0-9\-._~:/?#@$&*+,;=%]+>$/i);
          } else {
            expect(out).not.toMatch(LIVE_HTML);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
