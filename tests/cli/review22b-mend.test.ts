/**
 * Findings of review22b, through the command line as `npx dtm-flow …` runs them: Kobo
 * select_multiple choice columns kept as extras, report ids numbered 1..n in several files kept
 * apart, and dtm-flow's own outputs told by their whole header only. Each test fails without its fix.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { capture, tempFile } from "./capture.ts";

describe("Kobo select_multiple choice columns stay extras (review22b H1)", () => {
  it("Dirección del flujo/norte and /sur (0/1) are not the direction: every row accepted", async () => {
    const body =
      "start,end,Fecha,Punto de monitoreo,Total,Dirección del flujo/norte,Dirección del flujo/sur\n" +
      "2018-10-20T08:00,2018-10-20T09:00,2018-10-20,Tecún Umán,120,1,0\n" +
      "2018-10-21T08:00,2018-10-21T09:00,2018-10-21,Tecún Umán,90,0,1\n";
    const { dir, file } = tempFile("dtm-r22b-", "sm2.csv", body);
    const io = capture(dir);
    await run(["validate", file, "--kind", "counts"], io.context);
    const said = io.out.concat(io.err).join("\n");
    expect(said).not.toContain("invalid_direction");
    expect(said).not.toContain("Dirección del flujo/norte → direction");
    expect(said).toMatch(/2 accepted/);
  });

  for (const prefix of ["Nacionalidad principal", "Nacionalidad del grupo"]) {
    it(`${prefix}/hondurena is a choice, not the nationality`, async () => {
      const body =
        `fecha,punto,Sentido,total,${prefix}/hondurena,${prefix}/salvadorena\n` +
        "2018-10-20,Tecún Umán,norte,120,1,0\n";
      const { dir, file } = tempFile("dtm-r22b-", "sm3.csv", body);
      const io = capture(dir);
      await run(["validate", file, "--kind", "counts"], io.context);
      const said = io.out.concat(io.err).join("\n");
      expect(said).not.toContain("unknown_country");
      expect(said).not.toContain(`${prefix}/hondurena → nationality`);
      expect(said).toMatch(/1 accepted/);
    });
  }

  it("grp_datos/Dirección del flujo (a group, then the question) is still the direction", async () => {
    const body =
      "fecha,punto,grp_datos/Dirección del flujo,total\n2018-10-19,Tecún Umán,norte,100\n";
    const { dir, file } = tempFile("dtm-r22b-", "c.csv", body);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    expect(io.out.concat(io.err).join("\n")).toContain("grp_datos/Dirección del flujo → direction");
  });
});

describe("two files that each number their reports 1..n (review22b H2)", () => {
  const a =
    "sighting_id,observed_at,place_name,size,caravan_label\n1,2018-10-20,Tapachula,3000,Caravana 1\n2,2018-10-21,Huixtla,2800,Caravana 1\n";
  const b =
    "sighting_id,observed_at,place_name,size,caravan_label\n1,2018-11-02,Juchitán,1500,Caravana 2\n2,2018-11-03,Matías Romero,1400,Caravana 2\n";

  it("import qualifies the later file's ids; validate and estimate of its output keep all 4", async () => {
    const { dir, file: fa } = tempFile("dtm-r22b-", "a.csv", a);
    const fb = join(dir, "b.csv");
    writeFileSync(fb, b);
    const out = join(dir, "ab");
    const io = capture(dir);
    expect(await run(["import", fa, fb, "--out", out], io.context)).toBe(0);
    expect(io.err.join("\n")).toContain(
      'b.csv row 2: sighting_id "1" is also the id of a.csv row 2; written as "b.csv:1"',
    );
    const written = readFileSync(join(out, "sightings.csv"), "utf8");
    expect(written).toContain("b.csv:1,");
    expect(written).toContain("b.csv:2,");
    const report = JSON.parse(readFileSync(join(out, "import-report.json"), "utf8"));
    expect(report.qualifiedSightingIds).toHaveLength(2);
    const v = capture(dir);
    expect(await run(["validate", join(out, "sightings.csv")], v.context)).toBe(0);
    expect(v.out.join("\n")).toMatch(/4 accepted, 0 rejected/);
    const e = capture(dir);
    await run(
      ["estimate", "--sightings", join(out, "sightings.csv"), "--out", join(dir, "est")],
      e.context,
    );
    expect(e.err.join("\n")).toContain("estimating 4 sightings");
  });

  it("within one file a repeated id is still rejected", async () => {
    const body = a + "1,2018-10-22,Escuintla,2700,Caravana 1\n";
    const { dir, file } = tempFile("dtm-r22b-", "a.csv", body);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(1);
    expect(io.out.join("\n")).toContain("duplicate_sighting_id");
  });
});

describe("dtm-flow's own outputs are told by their whole header only (review22b M1, M2)", () => {
  const stocks =
    "date,category,value,value_low,value_high,basis,country\n2018-11-20,asylum_claim,3000,2800,3200,cumulative,MEX\n";

  it("a stocks sheet with a source's range (value_low, value_high) is read, not refused as split.csv", async () => {
    const { dir, file } = tempFile("dtm-r22b-", "st.csv", stocks);
    const io = capture(dir);
    expect(await run(["validate", file], io.context)).toBe(0);
    const said = io.out.concat(io.err).join("\n");
    expect(said).not.toContain("own_output");
    expect(said).toMatch(/1 accepted/);
  });

  it("--kind reads even split.csv's whole header as the table named", async () => {
    const body =
      "date,category,country,place_name,value,value_low,value_high,basis\n2018-11-20,asylum_claim,MEX,Tijuana,3000,2800,3200,cumulative\n";
    const { dir, file } = tempFile("dtm-r22b-", "split.csv", body);
    expect(await run(["validate", file], capture(dir).context)).toBe(2);
    const io = capture(dir);
    expect(await run(["validate", file, "--kind", "stocks"], io.context)).toBe(0);
    expect(io.out.join("\n")).toMatch(/1 accepted/);
    const out = join(dir, "o");
    expect(
      await run(["import", file, "--kind", "stocks", "--out", out], capture(dir).context),
    ).toBe(0);
    expect(readFileSync(join(out, "stocks.csv"), "utf8")).toContain("Tijuana");
  });

  const root = join(import.meta.dirname, "..", "..", "data");
  const inputs = [
    ...readdirSync(join(root, "samples"))
      .filter((f) => /\.(csv|tsv|xlsx)$/.test(f))
      .map((f) => join(root, "samples", f)),
    ...readdirSync(root)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => join(root, f)),
  ];
  it("finds the samples and the embedded inputs", () => {
    expect(inputs.length).toBeGreaterThan(15);
  });
  for (const path of inputs) {
    it(`${relative(root, path)} is not taken for an output of dtm-flow`, async () => {
      const io = capture(root);
      await run(["validate", path], io.context);
      const said = io.out.concat(io.err).join("\n");
      expect(said).not.toContain("dtm-flow's own");
      expect(said).not.toContain("own_output");
    });
  }
});
