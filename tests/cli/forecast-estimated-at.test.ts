/**
 * A group on the road is "estimated X on D (last position report D0)": the
 * forecast's position is always dated, and never called "last placed" (which read as the last
 * report's place on one day and as a moved-on track position on another).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

describe("forecast: where a group on the road is, dated", () => {
  it("as of 2018-11-13 the Salvadoran groups' line gives the estimate's day and the last report's", async () => {
    const { dir } = tempFile("dtm-fc27-", "x.txt", "");
    for (const [lang, want] of [
      [
        "en",
        /Salvadoran groups Nov 5-7: on the road, estimated .+ on 2018-11-13 \(last position report 2018-11-07[;)]/,
      ],
      [
        "es",
        /Salvadoran groups Nov 5-7: en camino, posición estimada .+ el 2018-11-13 \(.*2018-11-07[;)]/,
      ],
    ] as const) {
      const io = capture(dir);
      const code = await run(
        ["forecast", "--as-of", "2018-11-13", "--lang", lang, "--out", `${dir}/${lang}`],
        io.context,
      );
      const text = [...io.out, ...io.err].join("\n");
      expect(code, text).toBe(0);
      expect(text).toMatch(want);
      expect(text).not.toMatch(/on the road, last placed|en camino, última ubicación/);
    }
  }, 240_000);
});
