import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { readCountScope } from "../../src/estimate/partWords.ts";
import { prepareSightings } from "../../src/estimate/prepare.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset } from "./corridor.ts";

const day = (d: number): string => `2018-10-${String(d).padStart(2, "0")}`;

describe("counts of one place or one point (readCountScope)", () => {
  it("reads shelter occupancy and people held at one place as `place`, es/en", () => {
    expect(readCountScope("headcount", "Ocupación del albergue esta noche")).toBe("place");
    expect(readCountScope(undefined, "OCUPACION DEL ALBERGUE")).toBe("place");
    expect(readCountScope(undefined, "2,900 sheltered at 15:00 Mon 5 Nov; more arriving")).toBe(
      "place",
    );
    expect(readCountScope(undefined, "shelter count (shelter:Estadio Palillo)")).toBe("place");
    expect(readCountScope(undefined, "'Poco menos de 1.200' in Puebla shelters Sun 4 Nov")).toBe(
      "place",
    );
    expect(readCountScope(undefined, "En espera de trámite migratorio en el puente")).toBe("place");
    expect(readCountScope(undefined, "2,200 remain on the border bridge")).toBe("place");
    expect(readCountScope(undefined, undefined, "albergados")).toBe("place");
  });

  it("reads the day's registrations or passers at a checkpoint as `passage`", () => {
    expect(readCountScope("registration", "Personas registradas hoy en el punto de control")).toBe(
      "passage",
    );
    expect(readCountScope(undefined, "people registered today at the checkpoint")).toBe("passage");
    expect(readCountScope(undefined, "1,200 passed through the checkpoint at Huixtla")).toBe(
      "passage",
    );
    expect(readCountScope(undefined, "pasaron por el retén de Huehuetán")).toBe("passage");
    // A registration at a named checkpoint counts that day's passers, whatever the wording.
    expect(readCountScope("registration", "INM, puesto de control Huixtla")).toBe("passage");
  });

  it("leaves figures of the whole group alone", () => {
    // 2018: the whole caravan at the checkpoint after breaking the cordon.
    expect(
      readCountScope(undefined, "'entre 5.000 y 6.000 migrantes' at the migration checkpoint"),
    ).toBeUndefined();
    expect(readCountScope("media_report", "Caravan of ~4,000 arrived Pijijiapan")).toBeUndefined();
    expect(readCountScope("registration", "UNHCR registration of the caravan")).toBeUndefined();
    expect(readCountScope(undefined, undefined)).toBeUndefined();
    expect(readCountScope(undefined, "Rest day in Huixtla", "grueso")).toBeUndefined();
  });

  it("prepareSightings makes such a figure (or a range's low end) a lower bound", () => {
    const base = { observedAt: "2018-10-22T20:00", lat: 15, lon: -92, sourceType: "ngo" as const };
    const { prepared } = prepareSightings(
      [
        { ...base, sizeBest: 1500, notes: "Ocupación del albergue esta noche" },
        { ...base, sizeMin: 800, sizeMax: 900, notes: "shelter occupancy" },
        { ...base, sizeBest: 1500, notes: "Nota de EFE" },
      ],
      "America/Mexico_City",
      undefined,
    );
    expect(prepared[0].countScope).toBe("place");
    expect(prepared[0].logValue).toBeUndefined();
    expect(prepared[0].logHigh).toBeUndefined();
    expect(prepared[0].logLow).toBeCloseTo(Math.log(1500), 9);
    expect(prepared[1].logLow).toBeCloseTo(Math.log(800), 9);
    expect(prepared[1].logHigh).toBeUndefined();
    expect(prepared[2].countScope).toBeUndefined();
    expect(prepared[2].logValue).toBeCloseTo(Math.log(1500), 9);
  });
});

describe("a group counted at checkpoints and shelters is not shrunk to the counts", () => {
  /**
   * A group of 3,000 walking 35 km a day for 12 days: DTM estimates it every third day
   * (3,000); each evening the authorities register the day's passers at a checkpoint (300–600)
   * and a shelter of capacity 1,200 reports its occupancy.
   */
  function counted(withWords: boolean): Sighting[] {
    const out: Sighting[] = [];
    for (let d = 0; d < 12; d++) {
      const km = 35 * d;
      if (d % 3 === 0) {
        out.push({
          id: `un${d}`,
          observedAt: `${day(13 + d)}T12:00`,
          ...at(km),
          caravanLabel: "A",
          sizeBest: 3000,
          sourceType: "dtm",
          estimateMethod: "key_informant",
        });
      }
      out.push({
        id: `cp${d}`,
        observedAt: `${day(13 + d)}T20:00`,
        ...at(km),
        caravanLabel: "A",
        sizeBest: 300 + 30 * (d % 11),
        sourceType: "government",
        estimateMethod: "registration",
        notes: withWords ? "Personas registradas hoy en el punto de control" : undefined,
      });
      out.push({
        id: `sh${d}`,
        observedAt: `${day(13 + d)}T21:00`,
        ...at(km),
        caravanLabel: "A",
        sizeBest: 1200,
        sourceType: "ngo",
        estimateMethod: "headcount",
        notes: withWords ? "Shelter occupancy tonight" : undefined,
      });
    }
    return out;
  }

  const medianSize = (sightings: Sighting[]): { median: number; covered: number } => {
    const tracks = estimateTracks(dataset(sightings)).tracks;
    const sizes = tracks.map((t) => t.size).sort((a, b) => a - b);
    const covered = tracks.filter((t) => t.sizeLow <= 3000 && 3000 <= t.sizeHigh).length;
    return { median: sizes[sizes.length >> 1], covered: covered / tracks.length };
  };

  it("says in report.associations which figures were read as lower bounds, and as what", () => {
    const { report } = estimateTracks(dataset(counted(true)));
    const of = (id: string) => report.associations.find((a) => a.sightingId === id);
    expect(of("sh0")).toMatchObject({ countScope: "place", sizeAtLeast: 1200 });
    expect(of("cp3")).toMatchObject({ countScope: "passage", sizeAtLeast: 390 });
    expect(of("un0")?.countScope).toBeUndefined();
    expect(of("un0")?.sizeAtLeast).toBeUndefined();
    // Without the words nothing is marked.
    const plain = estimateTracks(dataset(counted(false))).report.associations;
    expect(plain.some((a) => a.countScope !== undefined)).toBe(false);
  });

  it("reads the counts as lower bounds: the estimate stays near the whole group's 3,000", () => {
    const read = medianSize(counted(true));
    expect(read.median).toBeGreaterThan(2400);
    expect(read.median).toBeLessThan(3800);
    expect(read.covered).toBeGreaterThanOrEqual(0.9);
    // The same figures without the words are figures of the whole group, and pull it down.
    const unread = medianSize(counted(false));
    expect(unread.median).toBeLessThan(0.85 * read.median);
  });
});
