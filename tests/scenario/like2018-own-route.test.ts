/**
 * tryout23 LOW 16: a like-2018 scenario on one's own route says plainly that the 2018
 * calibration's attrition places are not on that route, in one warning naming them, instead of
 * a warning per place id the user never wrote ("Attrition place \"GT-CHQ\" is not on the corridor").
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture } from "../cli/capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "tryout23");

describe("like 2018 on one's own route", () => {
  it("names the 2018 calibration's attrition places not on the user's routes, once", async () => {
    const out = mkdtempSync(join(tmpdir(), "dtm-scenario-"));
    const io = capture();
    const status = await run(
      [
        "scenario",
        join(FIXTURES, "escenario-coahuila.json"),
        "--route",
        join(FIXTURES, "ruta-piedras-negras-linea.geojson"),
        "--places",
        join(FIXTURES, "lugares-golfo.csv"),
        "--runs",
        "50",
        "--out",
        out,
      ],
      io.context,
    );
    expect(status).toBe(0);
    const err = io.err.join("\n");
    expect(err).not.toMatch(/Attrition place/);
    const lines = err.split("\n").filter((l) => /attrition at/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /the 2018 calibration's attrition at Chiquimula \(GT-CHQ\), .*Tijuana \(MX-TIJ\) is not on your routes \(piedras\): not used/,
    );
  }, 120_000);
});
