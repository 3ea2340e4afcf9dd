import { describe, expect, it } from "vitest";
import type { Place } from "../../src/model/place.ts";
import { createGazetteer, normalizeName } from "../../src/geo/gazetteer.ts";
import { editDistance } from "../../src/geo/editDistance.ts";
import { assertInDelta } from "../asserts.ts";
import { distanceKm } from "../../src/geo/distance.ts";

function place(p: Partial<Place> & Pick<Place, "placeId" | "name" | "lat" | "lon">): Place {
  return { aliases: [], kind: "city", ...p };
}

// Synthetic places: coordinates rounded from public maps, for tests only.
const PLACES: Place[] = [
  place({
    placeId: "HN-SPS",
    name: "San Pedro Sula",
    aliases: ["SPS"],
    country: "HND",
    lat: 15.504,
    lon: -88.025,
  }),
  place({
    placeId: "GT-TEC",
    name: "Tecún Umán",
    aliases: ["Tecun Uman", "Ciudad Tecún Umán"],
    country: "GTM",
    lat: 14.677,
    lon: -92.138,
    kind: "border_crossing",
  }),
  place({
    placeId: "MX-HID",
    name: "Ciudad Hidalgo",
    aliases: ["Cd. Hidalgo"],
    country: "MEX",
    lat: 14.679,
    lon: -92.151,
    kind: "border_crossing",
  }),
  place({
    placeId: "MX-TAP",
    name: "Tapachula",
    aliases: [],
    country: "MEX",
    lat: 14.906,
    lon: -92.262,
  }),
  // Two places named San Marcos: one in Guatemala, one in El Salvador (an alias there).
  place({
    placeId: "GT-SMA",
    name: "San Marcos",
    aliases: [],
    country: "GTM",
    lat: 14.965,
    lon: -91.794,
  }),
  place({
    placeId: "SV-SMA",
    name: "Ciudad San Marcos",
    aliases: ["San Marcos"],
    country: "SLV",
    lat: 13.659,
    lon: -89.183,
  }),
  place({
    placeId: "MX-TIJ",
    name: "Tijuana",
    aliases: ["TJ"],
    country: "MEX",
    lat: 32.514,
    lon: -117.038,
  }),
];

describe("normalizeName", () => {
  it("normalizeName(name) lower-cases and strips accents", () => {
    expect(normalizeName("Tecún Umán")).toBe("tecun uman");
    expect(normalizeName("PEÑA")).toBe("pena");
    expect(normalizeName("Ciudad Ixtepec, Oaxaca")).toBe("ciudad ixtepec oaxaca");
  });
  it("normalizeName(name) turns punctuation into one space and collapses spaces", () => {
    expect(normalizeName("  Cd.  Hidalgo--(Chiapas) ")).toBe("cd hidalgo chiapas");
    expect(normalizeName("O'Higgins")).toBe("o higgins");
  });
  it("normalizeName(blank) is the empty string", () => {
    expect(normalizeName("   ")).toBe("");
    expect(normalizeName("")).toBe("");
  });
});

describe("editDistance", () => {
  it("editDistance(a, b) counts insertions, deletions and substitutions", () => {
    expect(editDistance("tapachula", "tapachula")).toBe(0);
    expect(editDistance("tapachula", "tapachla")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });
});

describe("createGazetteer", () => {
  const gazetteer = createGazetteer(PLACES);

  it("find(name) ignores case and accents", () => {
    expect(gazetteer.find("TECUN UMAN")?.placeId).toBe("GT-TEC");
    expect(gazetteer.find("tapachula")?.placeId).toBe("MX-TAP");
    expect(gazetteer.find("San  Pedro-Sula")?.placeId).toBe("HN-SPS");
  });
  it("find(name) matches aliases", () => {
    expect(gazetteer.find("Cd Hidalgo")?.placeId).toBe("MX-HID");
    expect(gazetteer.find("tj")?.placeId).toBe("MX-TIJ");
  });
  it("find(name) prefers a place's own name over another place's alias", () => {
    expect(gazetteer.find("San Marcos")?.placeId).toBe("GT-SMA");
  });
  it("find(name, country) disambiguates by country", () => {
    expect(gazetteer.find("San Marcos", "SLV")?.placeId).toBe("SV-SMA");
    expect(gazetteer.find("San Marcos", "gtm")?.placeId).toBe("GT-SMA");
  });
  it("find(name, country) is undefined when the name exists only in other countries", () => {
    expect(gazetteer.find("Tapachula", "GTM")).toBeUndefined();
  });
  it("find(unknown) is undefined", () => {
    expect(gazetteer.find("Atlantis")).toBeUndefined();
    expect(gazetteer.find("")).toBeUndefined();
  });
  it("find(name, country) accepts places without a country", () => {
    const g = createGazetteer([place({ placeId: "X", name: "Somewhere", lat: 0, lon: 0 })]);
    expect(g.find("somewhere", "MEX")?.placeId).toBe("X");
  });
  it("findById(placeId) is exact and returns the first when ids repeat", () => {
    expect(gazetteer.findById("MX-TAP")?.name).toBe("Tapachula");
    expect(gazetteer.findById("mx-tap")).toBeUndefined();
    const g = createGazetteer([
      place({ placeId: "A", name: "First", lat: 0, lon: 0 }),
      place({ placeId: "A", name: "Second", lat: 0, lon: 0 }),
    ]);
    expect(g.findById("A")?.name).toBe("First");
  });
  it("suggest(name) lists the closest places first, each once, default 3", () => {
    const matches = gazetteer.suggest("Tapachla");
    expect(matches).toHaveLength(3);
    expect(matches[0]!.place.placeId).toBe("MX-TAP");
    expect(matches[0]!.distance).toBe(1);
    const ids = matches.map((m) => m.place.placeId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < matches.length; i++) {
      expect(matches[i]!.distance).toBeGreaterThanOrEqual(matches[i - 1]!.distance);
    }
  });
  it("suggest(name, limit) uses aliases and respects the limit", () => {
    const matches = gazetteer.suggest("tecun umam", 1);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.place.placeId).toBe("GT-TEC");
    expect(matches[0]!.distance).toBe(1);
    expect(gazetteer.suggest("x", 0)).toEqual([]);
  });
  it("nearest(lon, lat) returns the closest place and its great-circle distance in km", () => {
    const result = gazetteer.nearest(-92.25, 14.9);
    expect(result?.place.placeId).toBe("MX-TAP");
    assertInDelta(result!.distanceKm, distanceKm([-92.25, 14.9], [-92.262, 14.906]), 1e-12);
  });
  it("nearest() skips places without valid coordinates and is undefined when none remain", () => {
    const g = createGazetteer([place({ placeId: "N", name: "No coords", lat: NaN, lon: NaN })]);
    expect(g.nearest(0, 0)).toBeUndefined();
    expect(createGazetteer([]).nearest(0, 0)).toBeUndefined();
  });
  it("places keeps the input order", () => {
    expect(gazetteer.places.map((p) => p.placeId)).toEqual(PLACES.map((p) => p.placeId));
  });
});
