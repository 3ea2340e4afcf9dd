// Shared test helpers for the importer tests: a small gazetteer of corridor places.
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import type { Place } from "../../src/model/place.ts";

export const TEST_PLACES: Place[] = [
  {
    placeId: "GT-TEC",
    name: "Tecún Umán",
    aliases: ["Ciudad Tecún Umán", "Ayutla"],
    country: "GTM",
    lat: 14.6773,
    lon: -92.1404,
    kind: "border_crossing",
  },
  {
    placeId: "MX-TAP",
    name: "Tapachula",
    aliases: [],
    country: "MEX",
    lat: 14.9075,
    lon: -92.2635,
    kind: "city",
  },
  {
    placeId: "HN-SPS",
    name: "San Pedro Sula",
    aliases: ["SPS"],
    country: "HND",
    lat: 15.5042,
    lon: -88.025,
    kind: "city",
  },
  {
    placeId: "MX-HUI",
    name: "Huixtla",
    aliases: [],
    country: "MEX",
    lat: 15.1386,
    lon: -92.4653,
    kind: "city",
  },
];

export const testGazetteer = () => createGazetteer(TEST_PLACES);

/** Splits text into chunks of `size` characters (or bytes), to test streaming. */
export function chunks<T extends string | Uint8Array>(input: T, size: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.slice(i, i + size) as T);
  return out;
}

/**
 * A picture's bytes, for a binary file saved under a table's name: the PNG signature and the
 * start of its IHDR chunk, then `tail` bytes of (deterministic) noise.
 */
export function pngBytes(tail: number): Uint8Array {
  const head = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ];
  return Uint8Array.from([...head, ...Array.from({ length: tail }, (_, i) => (i * 37) % 256)]);
}
