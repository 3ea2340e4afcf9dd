import { describe, expect, it } from "vitest";
import { createGazetteer, embedded2018, resolvePlace } from "../../src/index.ts";
import type { Place } from "../../src/index.ts";

const g = createGazetteer(embedded2018().places);
const place = (placeId: string, name: string, country: string, adm2Pcode?: string): Place => ({
  placeId,
  name,
  aliases: [],
  country,
  ...(adm2Pcode ? { adm2Pcode } : {}),
  lat: 15,
  lon: -90,
  kind: "city",
});

describe("resolvePlace: the one reading of a place text (importer and scenario files)", () => {
  it("reads names with or without accents, ids and P-codes of one known place", () => {
    const named = resolvePlace(g, "tecun uman");
    expect(named).toMatchObject({ how: "name", others: [] });
    expect(named.how === "name" && named.place.placeId).toBe("GT-TEC");
    const id = resolvePlace(g, "gt-tec");
    expect(id.how === "id" && id.place.name).toBe("Tecún Umán");
    const pcode = resolvePlace(g, " gt1217 ");
    expect(pcode).toMatchObject({ how: "pcode", code: "GT1217" });
    expect(pcode.how === "pcode" && pcode.place.name).toBe("Tecún Umán");
    const qualified = resolvePlace(g, "Tapachula (Chiapas)");
    expect(qualified).toMatchObject({ how: "qualified", head: "Tapachula" });
  });

  it("a P-code a city shares with facilities in its municipality is the city", () => {
    const tijuana = resolvePlace(g, "MX02004");
    expect(tijuana).toMatchObject({ how: "pcode", code: "MX02004" });
    expect(tijuana.how === "pcode" && tijuana.place.placeId).toBe("MX-TIJ");
    expect(tijuana.how === "pcode" && tijuana.others.map((p) => p.kind).sort()).toEqual([
      "border_crossing",
      "shelter",
      "shelter",
    ]);
  });

  it("a P-code of several towns or none is unresolved, naming them; an unknown name gets close names", () => {
    const twoTowns = createGazetteer([
      place("A-1", "Uno", "GTM", "GT0101"),
      place("A-2", "Dos", "GTM", "GT0101"),
    ]);
    const several = resolvePlace(twoTowns, "GT0101");
    expect(several.how).toBe("pcodeUnresolved");
    expect(several.how === "pcodeUnresolved" && several.places.map((p) => p.name)).toEqual([
      "Uno",
      "Dos",
    ]);
    expect(resolvePlace(g, "GT9999")).toEqual({
      how: "pcodeUnresolved",
      places: [],
      code: "GT9999",
    });
    const unknown = resolvePlace(g, "Tapachla");
    expect(unknown.how === "unknown" && unknown.suggestions[0]!.name).toBe("Tapachula");
  });

  it("a name shared by places: the row's country picks; without one the first wins, the others are given", () => {
    const shared = createGazetteer([
      place("HN-SR", "Santa Rosa", "HND"),
      place("GT-SR", "Santa Rosa", "GTM"),
    ]);
    const any = resolvePlace(shared, "santa rosa");
    expect(any.how === "name" && [any.place.placeId, any.others.map((p) => p.placeId)]).toEqual([
      "HN-SR",
      ["GT-SR"],
    ]);
    const inGuatemala = resolvePlace(shared, "Santa Rosa", "GTM");
    expect(inGuatemala.how === "name" && [inGuatemala.place.placeId, inGuatemala.others]).toEqual([
      "GT-SR",
      [],
    ]);
    expect(shared.findAll("SANTA ROSA").map((p) => p.placeId)).toEqual(["HN-SR", "GT-SR"]);
  });
});
