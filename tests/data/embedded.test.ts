import { describe, expect, it } from "vitest";
import { buildAll, buildReport } from "../../scripts/data/build.ts";
import { EXCLUDED } from "../../scripts/data/observations.ts";
import { RS_EXCLUDED, RS_RULES } from "../../scripts/data/returnsStocks.ts";
import { embedded2018 } from "../../src/embedded/index.ts";
import { createGazetteer, normalizeName } from "../../src/geo/gazetteer.ts";
import { haversineKm } from "../../src/geo/distance.ts";
import { PLACE_KINDS } from "../../src/model/place.ts";
import { SOURCE_TYPES, ESTIMATE_METHODS } from "../../src/model/source.ts";
import { STOCK_CATEGORIES } from "../../src/model/stock.ts";
import { DIRECTIONS } from "../../src/model/count.ts";
import { inRegion, readRepo, readTable } from "./helpers.ts";

const ISO3 = new Set(["HND", "GTM", "SLV", "MEX", "USA", "NIC"]);
const CONFIDENCE = new Set(["high", "medium", "low"]);
const data = embedded2018();
const gazetteer = createGazetteer(data.places);
const observations = readTable("data/sources/observations.csv");
const returnsStocks = readTable("data/sources/returns-stocks.csv");
const TABLES = ["sightings", "stocks", "counts", "aggregates"] as const;
const tables = Object.fromEntries(TABLES.map((t) => [t, readTable(`data/${t}.csv`)]));

describe("data build", () => {
  it("committed data files and generated modules equal what `npm run data` makes", () => {
    const files = buildAll(readRepo);
    expect(files.size).toBeGreaterThanOrEqual(12);
    for (const [path, content] of files) {
      expect(readRepo(path), `${path} is stale: run npm run data`).toBe(content);
    }
  });

  it("embedded2018() holds every row of the data files, as fresh copies", () => {
    expect(data.sightings).toHaveLength(tables.sightings!.length);
    expect(data.stocks).toHaveLength(tables.stocks!.length);
    expect(data.counts).toHaveLength(tables.counts!.length);
    expect(data.aggregates).toHaveLength(tables.aggregates!.length);
    expect(data.places).toHaveLength(readTable("data/places.csv").length);
    expect(data.timeZone).toBe("America/Mexico_City");
    const again = embedded2018();
    again.sightings.pop();
    again.places[0]!.name = "changed";
    expect(embedded2018().sightings).toHaveLength(data.sightings.length);
    expect(embedded2018().places[0]!.name).toBe(data.places[0]!.name);
  });
});

describe("observations", () => {
  it("every observation row lands in exactly one embedded table or is excluded with a reason", () => {
    const seen = new Map<number, string>();
    for (const t of TABLES) {
      for (const row of tables[t]!) {
        if (!row.obs_line) continue;
        const line = Number(row.obs_line);
        expect(seen.has(line), `line ${line} in ${seen.get(line)} and ${t}`).toBe(false);
        seen.set(line, t);
      }
    }
    for (const [line, reason] of Object.entries(EXCLUDED)) {
      expect(seen.has(Number(line)), `excluded line ${line} also embedded`).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
      seen.set(Number(line), "excluded");
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(observations.map((_, i) => i + 2));
  });

  it("sizes are exactly the source's low/central/high, and all-caravan figures go to no group", () => {
    for (const s of tables.sightings!) {
      const o = observations[Number(s.obs_line) - 2]!;
      expect([s.size_min, s.size_best, s.size_max]).toEqual([
        o.size_low,
        o.size_central,
        o.size_high,
      ]);
      expect(o.group).not.toBe("all caravans (aggregate)");
      expect(s.caravan_label, `line ${s.obs_line} has a label`).not.toBe("");
      expect(s.notes).toContain(o.group);
    }
    for (const s of tables.stocks!.filter((row) => row.obs_line)) {
      const o = observations[Number(s.obs_line) - 2]!;
      expect(s.value).toBe(o.size_central || o.size_low || o.size_high);
      if (o.group === "all caravans (aggregate)") expect(s.caravan_label).toBe("");
    }
  });

  it("every embedded row names its source organisation, source type, URL and confidence", () => {
    for (const t of TABLES) {
      for (const row of tables[t]!) {
        const where = `${t} line ${row.obs_line || "rs " + row.rs_line}`;
        expect(row.source_org, where).not.toBe("");
        expect(SOURCE_TYPES, where).toContain(row.source_type);
        expect(row.url, where).toMatch(/^https?:\/\/\S+$/);
        expect(CONFIDENCE.has(row.confidence!), where).toBe(true);
      }
    }
  });

  it("sightings have ISO dates or local datetimes, ISO3 countries and known methods", () => {
    for (const s of data.sightings) {
      expect(s.observedAt).toMatch(/^2018-(10|11|12)-\d\d(T\d\d:\d\d)?$/);
      if (s.country !== undefined) expect(ISO3.has(s.country), s.id).toBe(true);
      if (s.estimateMethod !== undefined) expect(ESTIMATE_METHODS).toContain(s.estimateMethod);
      const sizes = [s.sizeBest, s.sizeMin, s.sizeMax].filter((v) => v !== undefined);
      for (const v of sizes) expect(Number.isInteger(v) && v! > 0).toBe(true);
      if (s.sizeMin !== undefined && s.sizeMax !== undefined) {
        expect(s.sizeMin).toBeLessThanOrEqual(s.sizeMax);
      }
    }
  });

  it("every sighting with a place resolves to it by name (case/accent-insensitive) at its coordinates", () => {
    let withPlace = 0;
    for (const s of data.sightings) {
      if (s.placeName === undefined) {
        // Size-only report: a national or regional figure for one named group.
        expect(s.lat, s.id).toBeUndefined();
        expect(s.lon, s.id).toBeUndefined();
        expect(s.caravanLabel, s.id).toBeDefined();
        expect(s.sizeBest ?? s.sizeMin ?? s.sizeMax, s.id).toBeDefined();
        continue;
      }
      withPlace++;
      const variants = [s.placeName, s.placeName.toUpperCase(), normalizeName(s.placeName)];
      for (const name of variants) {
        const place = gazetteer.find(name);
        expect(place, `${s.id} "${name}"`).toBeDefined();
        expect(place!.lat).toBe(s.lat);
        expect(place!.lon).toBe(s.lon);
      }
    }
    expect(withPlace).toBeGreaterThan(70);
  });

  it("counts and stocks name places that resolve, with valid enumerations", () => {
    for (const c of data.counts) {
      expect(DIRECTIONS).toContain(c.direction);
      expect(gazetteer.findById(c.fmpId!)?.name).toBe(c.fmpName);
      expect(c.total).toBeGreaterThan(0);
    }
    for (const s of data.stocks) {
      expect(STOCK_CATEGORIES).toContain(s.category);
      expect(["cumulative", "present"]).toContain(s.basis);
      expect(Number.isInteger(s.value) && s.value > 0).toBe(true);
      if (s.placeName !== undefined) expect(gazetteer.find(s.placeName), s.placeName).toBeDefined();
      if (s.country !== undefined) expect(ISO3.has(s.country)).toBe(true);
    }
    for (const a of data.aggregates!) {
      expect(a.value ?? a.valueMin ?? a.valueMax).toBeDefined();
      if (a.placeName !== undefined) expect(gazetteer.find(a.placeName)).toBeDefined();
    }
  });
});

describe("returns-stocks", () => {
  const embedded = (["stocks", "aggregates"] as const).flatMap((t) =>
    tables[t]!.filter((row) => row.rs_line).map((row) => ({ t, row })),
  );

  it("the build report accounts for every row of both source files", () => {
    const report = buildReport(readRepo);
    const counted = (line: string) =>
      [...line.matchAll(/(\d+) (?:sightings|stocks|counts|aggregates|excluded)/g)].reduce(
        (s, m) => s + Number(m[1]),
        0,
      );
    expect(counted(report.find((l) => l.startsWith("observations.csv:"))!)).toBe(
      observations.length,
    );
    expect(counted(report.find((l) => l.startsWith("returns-stocks.csv:"))!)).toBe(82);
    for (const line of Object.keys(RS_EXCLUDED)) {
      expect(report.some((l) => l.includes(`returns-stocks.csv line ${line} excluded: `))).toBe(
        true,
      );
    }
  });

  it("the copy has the reference's columns and its 82 figures", () => {
    expect(Object.keys(returnsStocks[0]!)).toEqual(
      "date,place,country,measure,value,value_qualifier,group_or_scope,source_org,source_type,url,quote,confidence".split(
        ",",
      ),
    );
    expect(returnsStocks).toHaveLength(82);
  });

  it("every row lands in exactly one table (as its rule says) or is excluded with a reason", () => {
    const seen = new Map<number, string>();
    for (const { t, row } of embedded) {
      const line = Number(row.rs_line);
      expect(seen.has(line), `rs line ${line} twice`).toBe(false);
      expect(t, `rs line ${line}`).toBe(RS_RULES[line]!.table);
      seen.set(line, t);
    }
    for (const [line, reason] of Object.entries(RS_EXCLUDED)) {
      expect(seen.has(Number(line)), `excluded rs line ${line} also embedded`).toBe(false);
      expect(RS_RULES[Number(line)], `rs line ${line} has a rule and an exclusion`).toBeUndefined();
      expect(reason.length).toBeGreaterThan(40);
      seen.set(Number(line), "excluded");
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(returnsStocks.map((_, i) => i + 2));
    for (const rule of Object.values(RS_RULES)) expect(rule.why.length).toBeGreaterThan(10);
  });

  it("keeps each row's value, source organisation, URL, quote and confidence", () => {
    for (const { t, row } of embedded) {
      const r = returnsStocks[Number(row.rs_line) - 2]!;
      const where = `${t} rs line ${row.rs_line}`;
      const value = t === "stocks" ? row.value : row.value || row.value_min || row.value_max;
      expect(value, where).toBe(r.value);
      expect(row.source_org, where).toBe(r.source_org);
      expect(row.quote, where).toBe(r.quote);
      expect(row.confidence, where).toBe(r.confidence);
      expect(r.url.startsWith(row.url!), where).toBe(true);
      expect(row.notes, where).toContain(r.group_or_scope);
      // An undated source row ("2018-12") is never a ledger stock.
      if (!/^\d{4}-\d\d-\d\d$/.test(r.date!)) expect(t, where).toBe("aggregates");
      else expect(row.date, where).toBe(r.date);
    }
  });

  it("returns are stocks only as national series by country of return; subsets are aggregates", () => {
    const returns = data.stocks.filter((s) => s.category === "return");
    for (const s of returns) {
      expect(["HND", "SLV", "GTM"], `${s.date} ${s.value} ${s.sourceOrg}`).toContain(s.country);
      expect(s.placeName).toBeUndefined();
    }
    for (const measure of ["returns_iom_avr", "returns_from_tijuana", "returns_honduras_minors"]) {
      expect(
        data.aggregates!.some((a) => a.measure === measure),
        measure,
      ).toBe(true);
    }
    // No state total next to its cities: Baja California figures are aggregates.
    expect(data.stocks.some((s) => /baja california/i.test(s.placeName ?? ""))).toBe(false);
  });
});

describe("places", () => {
  it("place ids are unique and no name or alias points to two places", () => {
    const ids = data.places.map((p) => p.placeId);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    for (const p of data.places) {
      for (const n of new Set([p.name, p.nameEs ?? "", ...p.aliases].map(normalizeName))) {
        if (n === "") continue;
        expect(owner.get(n) ?? p.placeId, `"${n}" names two places`).toBe(p.placeId);
        owner.set(n, p.placeId);
      }
    }
  });

  it("Spanish names are filled only where they differ from the English name, and resolve", () => {
    const byId = new Map(data.places.map((p) => [p.placeId, p]));
    expect(byId.get("MX-CMX")!.nameEs).toBe("Ciudad de México");
    expect(byId.get("MX-TIJ-CHP")!.nameEs).toBe("Garita El Chaparral");
    expect(byId.get("GT-GUA")!.nameEs).toBe("Ciudad de Guatemala");
    // Same in both languages: no Spanish name.
    expect("nameEs" in byId.get("MX-TAP")!).toBe(false);
    const named = data.places.filter((p) => p.nameEs !== undefined);
    expect(named.length).toBe(11);
    for (const p of named) {
      expect(normalizeName(p.nameEs!), p.placeId).not.toBe(normalizeName(p.name));
      expect(gazetteer.find(p.nameEs!)?.placeId, p.placeId).toBe(p.placeId);
    }
  });

  it("places have ISO3 countries, valid kinds, P-codes of the country's format, a source and coordinates in the region", () => {
    const adm1 = { HND: /^HN\d\d$/, GTM: /^GT\d\d$/, SLV: /^SV\d\d$/, MEX: /^MX\d\d$/ };
    const adm2 = { HND: /^HN\d{4}$/, GTM: /^GT\d{4}$/, SLV: /^SV\d{5}$/, MEX: /^MX\d{5}$/ };
    for (const p of data.places) {
      const c = p.country as keyof typeof adm1;
      expect(Object.keys(adm1), p.placeId).toContain(c);
      expect(PLACE_KINDS).toContain(p.kind);
      if (p.adm1Pcode !== undefined) expect(p.adm1Pcode, p.placeId).toMatch(adm1[c]);
      if (p.adm2Pcode !== undefined) {
        expect(p.adm2Pcode, p.placeId).toMatch(adm2[c]);
        expect(p.adm2Pcode.startsWith(p.adm1Pcode!), p.placeId).toBe(true);
      }
      expect(inRegion(p.lon, p.lat), p.placeId).toBe(true);
      expect(p.source ?? "", p.placeId).not.toBe("");
      if (p.capacity !== undefined) {
        expect(p.kind).toBe("shelter");
        expect(p.capacity).toBeGreaterThan(0);
      }
    }
    for (const s of data.sightings)
      if (s.lat !== undefined) expect(inRegion(s.lon!, s.lat)).toBe(true);
    for (const c of data.counts) expect(inRegion(c.lon!, c.lat!)).toBe(true);
  });

  it("every place the caravans are reported at, and every route stop, is in the gazetteer", () => {
    const stops = data.routes.features.flatMap(
      (f) => f.properties["stops"] as { place_id: string }[],
    );
    for (const s of stops) expect(gazetteer.findById(s.place_id), s.place_id).toBeDefined();
    for (const o of observations) {
      if (o.lat !== "") expect(gazetteer.find(o.place!), o.place).toBeDefined();
    }
  });
});

describe("routes", () => {
  const byId = new Map(data.routes.features.map((f) => [f.properties.route_id, f]));

  it("has main, mexicali and salvador, in the direction of travel, inside the region", () => {
    expect([...byId.keys()]).toEqual(["main", "mexicali", "salvador"]);
    const ends = (id: string) => {
      const c = byId.get(id)!.geometry.coordinates;
      return [
        gazetteer.nearest(c[0]![0]!, c[0]![1]!)!.place.placeId,
        gazetteer.nearest(c.at(-1)![0]!, c.at(-1)![1]!)!.place.placeId,
      ];
    };
    expect(ends("main")).toEqual(["HN-SPS", "MX-TIJ"]);
    expect(ends("mexicali")).toEqual(["HN-SPS", "MX-MXL"]);
    expect(ends("salvador")).toEqual(["SV-SSA", "MX-TIJ"]);
    for (const f of data.routes.features) {
      for (const [lon, lat] of f.geometry.coordinates) expect(inRegion(lon!, lat!)).toBe(true);
    }
  });

  it("branch and approach repeat the main route's vertices where they share road, and say where", () => {
    const main = byId.get("main")!;
    const mexicali = byId.get("mexicali")!;
    const salvador = byId.get("salvador")!;
    const mc = main.geometry.coordinates;
    expect(mc.slice(0, mexicali.geometry.coordinates.length)).toEqual(
      mexicali.geometry.coordinates,
    );
    expect(mexicali.properties.parent_route_id).toBe("main");
    expect(mexicali.properties.parent_km).toBeCloseTo(
      mexicali.properties["length_km"] as number,
      1,
    );
    const sc = salvador.geometry.coordinates;
    const joinKm = salvador.properties["joins_at_km"] as number;
    expect(salvador.properties["joins_route_id"]).toBe("main");
    // The tail after the join is the main route's tail, vertex for vertex.
    const esc = gazetteer.findById("GT-ESC")!;
    const joinIndex = mc.findIndex(([lon, lat]) => lon === esc.lon && lat === esc.lat);
    expect(joinIndex).toBeGreaterThan(0);
    expect(sc.slice(sc.length - (mc.length - joinIndex))).toEqual(mc.slice(joinIndex));
    let km = 0;
    for (let i = 1; i <= joinIndex; i++)
      km += haversineKm(mc[i - 1]![0]!, mc[i - 1]![1]!, mc[i]![0]!, mc[i]![1]!);
    expect(joinKm).toBeCloseTo(km, 0);
  });
});
