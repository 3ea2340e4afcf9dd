import { describe, expect, it } from "vitest";
import { escapeXml, h, normaliseSvg, toSvgString } from "../../viewer/render/vnode.ts";

describe("vnode", () => {
  it("h() drops null, false and undefined children and turns numbers into text", () => {
    expect(h("g", {}, null, false, undefined, 3, "x")).toEqual({
      tag: "g",
      attrs: {},
      children: ["3", "x"],
    });
  });

  it("toSvgString escapes text and attribute values, so data never becomes markup", () => {
    const s = toSvgString(
      h("text", { "data-name": '"><img src=x onerror=alert(1)>' }, "<img src=x onerror=alert(1)>"),
    );
    expect(s).not.toContain("<img");
    expect(s).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("normaliseSvg rounds numbers to 2 decimals and removes negative zero", () => {
    expect(normaliseSvg('d="M1.23456,-0.0001L3.999,2"')).toBe('d="M1.23,0L4,2"');
  });
});
