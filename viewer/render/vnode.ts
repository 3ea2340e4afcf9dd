/**
 * A tiny virtual-node layer for the viewer's pure chart builders. A builder returns a plain tree
 * (`VNode`), so it can be tested in Node (serialised with `toSvgString`, numbers normalised) and
 * mounted in the browser with `toDom`, which creates elements and sets text with `textContent`
 * semantics: text from data is always text, never markup (no innerHTML anywhere).
 */

export type Child = VNode | string | number | null | undefined | false;

export interface VNode {
  tag: string;
  attrs: Record<string, string | number | undefined>;
  children: (VNode | string)[];
}

/**
 * Creates a node. `undefined` attributes are left out; `null`/`false`/`undefined` children are
 * dropped; numbers become text.
 * @example h("text", { x: 3 }, "Tijuana") // => { tag: "text", attrs: { x: 3 }, children: ["Tijuana"] }
 */
export function h(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (Child | Child[])[]
): VNode {
  const flat: (VNode | string)[] = [];
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    flat.push(typeof c === "number" ? String(c) : c);
  }
  return { tag, attrs, children: flat };
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * A chart's `<svg>` root: the SVG namespace, a viewBox of `width` × `height` px drawn at that
 * size, and role "img" (the chart names itself in a `<title>` child); `attrs` add to them.
 * @example svgRoot(200, 80, { class: "flow-bars" }, h("title", {}, "Counts")).attrs.viewBox // => "0 0 200 80"
 */
export function svgRoot(
  width: number,
  height: number,
  attrs: Record<string, string | number | undefined>,
  ...children: (Child | Child[])[]
): VNode {
  const root = { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}` };
  return h("svg", { ...root, width, height, role: "img", ...attrs }, ...children);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Escapes text for XML (used only by the serialiser; the DOM path never parses markup). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Serialises a tree as XML text (snapshots, SVG export). */
export function toSvgString(node: VNode | string, indent = ""): string {
  if (typeof node === "string") return indent + escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  if (!node.children.length) return `${indent}<${node.tag}${attrs}/>`;
  if (node.children.every((c) => typeof c === "string"))
    return `${indent}<${node.tag}${attrs}>${node.children.map((c) => escapeXml(c as string)).join("")}</${node.tag}>`;
  const inner = node.children.map((c) => toSvgString(c, indent + "  ")).join("\n");
  return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}

const SVG_TAGS = new Set([
  "svg",
  "g",
  "path",
  "rect",
  "circle",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "title",
  "defs",
  "pattern",
  "clipPath",
  "linearGradient",
  "stop",
  "desc",
]);

/**
 * Builds real DOM nodes. SVG tags are created in the SVG namespace unless `inHtml` parents force
 * HTML; text children become text nodes.
 */
export function toDom(
  node: VNode | string,
  doc: Document,
  svg = node !== null && typeof node !== "string" && node.tag === "svg",
): Node {
  if (typeof node === "string") return doc.createTextNode(node);
  const isSvg = svg || node.tag === "svg";
  const el =
    isSvg && SVG_TAGS.has(node.tag)
      ? doc.createElementNS(SVG_NS, node.tag)
      : doc.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined) continue;
    // Inline styles through the CSSOM: a strict Content-Security-Policy (no 'unsafe-inline')
    // blocks style attributes set as markup, not style properties set from script.
    if (k === "style") (el as HTMLElement).style.cssText = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of node.children)
    el.appendChild(toDom(c, doc, isSvg && node.tag !== "foreignObject"));
  return el;
}

/** Replaces the children of `parent` with the rendering of `nodes`. */
export function mount(parent: Element, ...nodes: (VNode | string)[]): void {
  parent.replaceChildren(...nodes.map((n) => toDom(n, parent.ownerDocument)));
}

/**
 * Normalises an SVG string for snapshots: numbers rounded to 2 decimals (as Plot's and d3-geo's
 * test helpers do), so harmless float noise does not break a snapshot.
 */
export function normaliseSvg(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => {
    const v = Math.round(Number(m) * 100) / 100;
    return String(Object.is(v, -0) ? 0 : v);
  });
}
