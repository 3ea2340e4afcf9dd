import { describe, expect, it } from "vitest";
import {
  createStreamDecoder,
  decodeBytes,
  hasMojibake,
  repairMojibake,
} from "../../src/ingest/decode.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
function cp1252(s: string): Uint8Array {
  // Latin-1 letters are their own code; the euro sign is 0x80 in Windows-1252.
  return Uint8Array.from([...s].map((c) => (c === "€" ? 0x80 : c.charCodeAt(0))));
}
function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = 0xff;
    out[i++] = 0xfe;
  }
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out[i++] = c & 0xff;
    out[i++] = c >> 8;
  }
  return out;
}

describe("decodeBytes", () => {
  it("decodeBytes reads UTF-8 with and without a BOM", () => {
    expect(decodeBytes(utf8("\uFEFFNiños;País"))).toEqual({
      text: "Niños;País",
      encoding: "utf-8-bom",
    });
    expect(decodeBytes(utf8("Niños;País"))).toEqual({ text: "Niños;País", encoding: "utf-8" });
  });
  it("decodeBytes reads UTF-16 LE with a BOM (and without one, by its zero bytes)", () => {
    expect(decodeBytes(utf16le("fecha;niñas\r\n2018-10-13;5"))).toEqual({
      text: "fecha;niñas\r\n2018-10-13;5",
      encoding: "utf-16le",
    });
    expect(decodeBytes(utf16le("fecha;niñas\r\n2018-10-13;5", false)).encoding).toBe("utf-16le");
  });
  it("decodeBytes falls back to Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeBytes(cp1252("Niños;Dirección;€"))).toEqual({
      text: "Niños;Dirección;€",
      encoding: "windows-1252",
    });
  });
});

describe("createStreamDecoder", () => {
  it("createStreamDecoder keeps a UTF-8 character split across chunks whole", () => {
    const bytes = utf8("Tecún Umán");
    const d = createStreamDecoder();
    let text = "";
    for (const b of bytes) text += d.push(Uint8Array.of(b));
    text += d.finish();
    expect(text).toBe("Tecún Umán");
    expect(d.encoding).toBe("utf-8");
  });
  it("createStreamDecoder decides on the first 64 KB: a Windows-1252 byte there makes the whole file Windows-1252", () => {
    const d = createStreamDecoder();
    const text = d.push(utf8("país;punto\n")) + d.push(cp1252("Tecún\n")) + d.finish();
    expect(text).toBe("paÃ\u00ads;punto\nTecún\n");
    expect(d.encoding).toBe("windows-1252");
  });
  it("createStreamDecoder switches to Windows-1252 when invalid UTF-8 appears after the first 64 KB", () => {
    const d = createStreamDecoder();
    const prefix = "país;punto\n" + "2018-10-13;A\n".repeat(6000);
    const first = d.push(utf8(prefix));
    const rest = d.push(cp1252("2018-10-13;Tecún\n")) + d.finish();
    expect(first + rest).toBe(prefix + "2018-10-13;Tecún\n");
    expect(d.encoding).toBe("windows-1252");
    expect(d.switchedAt).toBe(utf8(prefix).length);
  });
  it("createStreamDecoder does not report a switch when everything before it was ASCII", () => {
    const d = createStreamDecoder();
    const text = d.push(utf8("fecha;punto\n")) + d.push(cp1252("Tecún\n")) + d.finish();
    expect(text).toBe("fecha;punto\nTecún\n");
    expect(d.switchedAt).toBeUndefined();
  });
  it("createStreamDecoder re-reads a held-back lead byte when it switches", () => {
    const d = createStreamDecoder();
    // "abc" then 0xC3 (Ã in Windows-1252, or the start of a UTF-8 sequence) then "(" which is no continuation.
    const text =
      d.push(Uint8Array.of(0x61, 0x62, 0x63, 0x64, 0xc3)) +
      d.push(Uint8Array.of(0x28)) +
      d.finish();
    expect(text).toBe("abcdÃ(");
  });
});

describe("repairMojibake", () => {
  it("repairMojibake(text) repairs double-encoded UTF-8 and leaves correct text alone", () => {
    expect(repairMojibake("TecÃºn UmÃ¡n")).toBe("Tecún Umán");
    expect(repairMojibake("NiÃ±os y niÃ±as")).toBe("Niños y niñas");
    expect(repairMojibake("MÃ©xico")).toBe("México");
    expect(repairMojibake("Â¿DÃ³nde?")).toBe("¿Dónde?");
    expect(repairMojibake("Tecún Umán")).toBe("Tecún Umán");
    expect(hasMojibake("Tecún Umán")).toBe(false);
    expect(hasMojibake("TecÃºn")).toBe(true);
  });
});
