/**
 * The evidence worker's corrected-forecast bookkeeping (viewer/evidence/forecastQueue.ts): only
 * the latest request per corrections set is computed, and the cache forgets the least recently
 * used view beyond its bound.
 */
import { describe, expect, it } from "vitest";
import { FORECAST_CACHE_SIZE, LatestRequest, Lru } from "../../viewer/evidence/forecastQueue.ts";

describe("Lru", () => {
  it("keeps at most its capacity, forgetting the least recently used", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now newer than b
    lru.set("c", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    lru.set("a", 10); // replacing does not grow it
    expect(lru.size).toBe(2);
    expect(lru.get("a")).toBe(10);
  });

  it("bounds the worker's forecasts to a small number", () => {
    const lru = new Lru<string>(FORECAST_CACHE_SIZE);
    for (let day = 1; day <= 60; day++) lru.set(`2018-11-${day}`, `view ${day}`);
    expect(lru.size).toBe(FORECAST_CACHE_SIZE);
    expect(lru.get("2018-11-60")).toBe("view 60");
    expect(lru.get(`2018-11-${60 - FORECAST_CACHE_SIZE}`)).toBeUndefined();
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});

describe("LatestRequest", () => {
  it("drops a queued request once a newer one for the same corrections arrived", () => {
    const latest = new LatestRequest();
    const none = "[]";
    const fix = '[{"kind":"reject","sightingId":"S050"}]';
    latest.arrived(none, 1);
    latest.arrived(none, 2);
    latest.arrived(fix, 3);
    // Request 1's turn: 2 arrived after it with the same corrections.
    expect(latest.isStale(none, 1)).toBe(true);
    expect(latest.isStale(none, 2)).toBe(false);
    // Another corrections set is not a newer request of this one.
    expect(latest.isStale(fix, 3)).toBe(false);
    expect(latest.isStale("unknown", 9)).toBe(false);
  });
});
