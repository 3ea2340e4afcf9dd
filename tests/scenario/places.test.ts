/**
 * Places and dates in scenario.json, through the CLI: places read as the importer reads them
 * (names, ids, P-codes: src/geo/resolvePlace.ts), ISO dates with the ISO form shown for others.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import { validateScenario } from "../../src/scenario/validateScenario.ts";
import type { Place } from "../../src/index.ts";
import { capture } from "../cli/capture.ts";

const OUTPUTS = [
  "scenario-place-days.csv",
  "scenario-summary.csv",
  "scenario-totals.csv",
  "scenario-report.json",
];

/** A small scenario naming its places as `places` gives them. */
const scenario = (places: { origin: string; to: string; shelter: string; claims: string }) => ({
  runs: 30,
  seed: 3,
  horizonDays: 45,
  waves: [{ origin: places.origin, date: "2019-01-15", people: 1500 }],
  destination: places.to,
  attrition: [{ place: places.claims, asylumClaim: 0.2 }],
  shelters: [{ place: places.shelter, capacity: 400 }],
});

describe("places in scenario.json through the CLI", () => {
  it("P-codes and ids give the same outputs as names, with a warning saying what each P-code was read as", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-pcode-"));
    const byName = scenario({
      origin: "Tecun Uman",
      to: "Mexicali",
      shelter: "Tapachula",
      claims: "Tapachula",
    });
    const byCode = scenario({
      origin: "GT1217",
      to: "mx02002",
      shelter: "MX-TAP",
      claims: "mx-tap",
    });
    writeFileSync(join(dir, "names.json"), JSON.stringify(byName));
    writeFileSync(join(dir, "codes.json"), JSON.stringify(byCode));
    const names = capture(dir);
    expect(await run(["scenario", "names.json", "--out", "a"], names.context)).toBe(0);
    expect(names.err.join("\n")).not.toMatch(/warning: \//);
    const codes = capture(dir);
    expect(await run(["scenario", "codes.json", "--out", "b"], codes.context)).toBe(0);
    const said = codes.err.join("\n");
    expect(said).toMatch(
      /warning: \/waves\/0\/origin: "GT1217" is the P-code of Tecún Umán \(GT-TEC\), the only known place in it; read as Tecún Umán/,
    );
    expect(said).toMatch(/warning: \/destination: "mx02002" is the P-code of Mexicali \(MX-MXL\)/);
    // Ids are exact: nothing to warn about.
    expect(said).not.toMatch(/\/shelters\/0\/place|\/attrition\/0\/place/);
    expect(codes.out).toEqual(names.out);
    for (const name of OUTPUTS.slice(0, 3))
      expect(readFileSync(join(dir, "b", name), "utf8"), name).toBe(
        readFileSync(join(dir, "a", name), "utf8"),
      );
    const a = JSON.parse(readFileSync(join(dir, "a", "scenario-report.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(dir, "b", "scenario-report.json"), "utf8"));
    expect(b.scenario).toEqual(a.scenario);
    expect(b.places).toEqual(a.places);
    expect(b.totals).toEqual(a.totals);
    // The P-code readings are kept with the results.
    expect(b.warnings.map((w: { code: string }) => w.code)).toEqual([
      "place_from_code",
      "place_from_code",
    ]);
    expect(readdirSync(dir).sort()).toEqual(["a", "b", "codes.json", "names.json"]);
  });

  it("a misspelt place, a P-code of no known place and non-ISO dates: exit 2, pointer, value, what to write; nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-pcode-"));
    const bad = {
      start: "13 de enero de 2019",
      waves: [
        { origin: "Tecun Umna", date: "31/10/2018", people: 1000 },
        { origin: "GT1217", date: { from: "05/11/2018", to: "2018-11-31" }, people: 1000 },
      ],
      destination: "MX99999",
    };
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const before = readFileSync(join(dir, "bad.json"), "utf8");
    const io = capture(dir);
    expect(await run(["scenario", "bad.json", "--out", "out"], io.context)).toBe(2);
    const text = io.err.join("\n");
    expect(text).toMatch(
      /\/waves\/0\/origin: unknown place "Tecun Umna"; did you mean "Tecún Umán"/,
    );
    expect(text).toMatch(
      /\/destination: "MX99999" looks like a P-code, but no known place is in it: write the place's name/,
    );
    expect(text).toMatch(
      /\/waves\/0\/date: expected an ISO 8601 date YYYY-MM-DD, got "31\/10\/2018"; use "2018-10-31"/,
    );
    expect(text).toMatch(
      /\/waves\/1\/date\/from: .*got "05\/11\/2018"; use "2018-11-05" if it is day\/month \(dd\/mm\/yyyy\) or "2018-05-11" if it is month\/day/,
    );
    expect(text).toMatch(/\/waves\/1\/date\/to: .*got "2018-11-31" \(not a day of the calendar\)/);
    expect(text).toMatch(/\/start: .*got "13 de enero de 2019"; use "2019-01-13"/);
    // A P-code held by one place is still read (with its warning) beside the errors.
    expect(text).toMatch(/warning: \/waves\/1\/origin: "GT1217" is the P-code of Tecún Umán/);
    expect(readFileSync(join(dir, "bad.json"), "utf8")).toBe(before);
    const left = readdirSync(dir).filter((f) => f !== "bad.json");
    for (const f of left) expect(readdirSync(join(dir, f)), f).toEqual([]);
  });
});

describe("validateScenario: a place name shared by several places", () => {
  it("reads the first and warns, naming the places and their ids", () => {
    const dataset = embedded2018();
    const other: Place = {
      placeId: "GT-TAP",
      name: "Tapachula",
      aliases: [],
      country: "GTM",
      lat: 14.6,
      lon: -90.5,
      kind: "city",
    };
    const { scenario, errors, warnings } = validateScenario(
      {
        waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 100 }],
        destination: "tapachula",
      },
      { dataset: { places: [...dataset.places, other], routes: dataset.routes } },
    );
    expect(errors).toEqual([]);
    expect(scenario!.waves[0]!.destinationPlaceId).toBe("MX-TAP");
    expect(warnings).toEqual([
      {
        code: "place_name_shared",
        message:
          '/destination: "tapachula" names 2 known places (Tapachula (MX-TAP), Tapachula (GT-TAP)); read as the first, Tapachula (MX-TAP) — write the id of the one you mean',
        source: { module: "scenario" },
      },
    ]);
  });

  it("a stretch or stop given by the id of the second of two places of one name keeps that id, and compiles to it", () => {
    const dataset = embedded2018();
    const [tap, hui] = ["Tapachula", "Huixtla"].map((n) =>
      dataset.places.find((p) => p.name === n)!,
    );
    // Halfway between Tapachula and Huixtla: on the route, a place of its own.
    const second: Place = {
      ...hui!,
      placeId: "MX-TAP-2",
      name: "Tapachula",
      aliases: [],
      lat: (tap!.lat + hui!.lat) / 2,
      lon: (tap!.lon + hui!.lon) / 2,
    };
    const { scenario, errors } = validateScenario(
      {
        waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 100 }],
        movement: {
          segments: [{ from: "MX-TAP-2", walkKmPerDay: 20 }],
          stops: [
            { place: "MX-TAP-2", days: 3 },
            { place: "MX-TAP", days: 2 },
          ],
        },
      },
      { dataset: { places: [...dataset.places, second], routes: dataset.routes } },
    );
    expect(errors).toEqual([]);
    expect(scenario!.movement.segments.at(-1)!.from).toBe("MX-TAP-2");
    expect(scenario!.movement.stops).toContainEqual({ place: "MX-TAP-2", days: 3 });
    // The first place of the name is still kept by its name.
    expect(scenario!.movement.stops).toContainEqual({ place: "Tapachula", days: 2 });
  });

  it("a name with its state is read as the place before it, with a warning", () => {
    const { scenario, warnings } = validateScenario(
      {
        waves: [{ origin: "Tecún Umán, San Marcos", date: "2019-01-15", people: 100 }],
        destination: "Tapachula (Chiapas)",
      },
      { dataset: embedded2018() },
    );
    expect(scenario!.waves[0]!.originPlaceId).toBe("GT-TEC");
    expect(warnings.map((w) => [w.code, w.message.split(":")[0]])).toEqual([
      ["place_name_qualified", "/destination"],
      ["place_name_qualified", "/waves/0/origin"],
    ]);
  });

  it("stretches and stops written as P-codes or ids are kept as the places' names, which the compiled scenario finds", () => {
    const { scenario, errors } = validateScenario(
      {
        waves: [{ origin: "GT1217", date: "2019-01-15", people: 100 }],
        movement: {
          segments: [{ from: "gt1217", to: "MX-TAP", walkKmPerDay: 20 }],
          stops: [{ place: "mx-tap", days: 3 }],
        },
      },
      { dataset: embedded2018() },
    );
    expect(errors).toEqual([]);
    const segment = scenario!.movement.segments.at(-1)!;
    expect([segment.from, segment.to]).toEqual(["Tecún Umán", "Tapachula"]);
    expect(scenario!.movement.stops).toContainEqual({ place: "Tapachula", days: 3 });
  });
});
