/**
 * The evidence worker's bookkeeping of the corrected forecast (a full `computeForecastView`, 500
 * runs for every group, seconds of CPU): only the latest forecast asked for a corrections set is
 * computed (the panel shows one day; a request queued behind a newer one for the same corrections
 * is stale and dropped, so evidence requests do not wait behind it), and the views computed are
 * kept in a small least-recently-used cache instead of one per day for the whole session.
 */

/** Views kept (each a forecast of every group over the horizon): about two weeks of days shown. */
export const FORECAST_CACHE_SIZE = 16;

/** A map that keeps at most `capacity` entries, forgetting the least recently used first. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
    if (!(capacity >= 1)) throw new RangeError(`an LRU holds at least 1 entry, not ${capacity}`);
  }
  get size(): number {
    return this.entries.size;
  }
  /** The value of `key`, now the most recently used; undefined when not held. */
  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting makes `key` the newest.
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The latest request number per key (the corrections set, as JSON): `arrived` is called when a
 * request arrives (before it is queued), `isStale` when its turn comes.
 */
export class LatestRequest {
  private readonly latest = new Map<string, number>();
  arrived(key: string, req: number): void {
    this.latest.set(key, req);
  }
  /** A newer request with the same key arrived after `req`: its answer is no longer wanted. */
  isStale(key: string, req: number): boolean {
    const newest = this.latest.get(key);
    return newest !== undefined && newest !== req;
  }
}
