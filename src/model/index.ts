// Barrel of the domain model (types and the enumerations users validate against).
export type { Km, People, Days, IsoDate, IsoDateTime, Iso3, LonLat } from "./units.ts";
export type { SourceType, EstimateMethod, Confidence, SourceRef } from "./source.ts";
export { SOURCE_TYPES, ESTIMATE_METHODS } from "./source.ts";
export type { Place, PlaceKind } from "./place.ts";
export { PLACE_KINDS } from "./place.ts";
export type { RouteFeature, RouteCollection, RouteProperties } from "./route.ts";
export type { CountRecord, Direction } from "./count.ts";
export { DIRECTIONS } from "./count.ts";
export type { Sighting } from "./sighting.ts";
export type { StockFigure, StockCategory, StockBasis } from "./stock.ts";
export { STOCK_CATEGORIES } from "./stock.ts";
export type { TrackPoint, SplitRow, SplitCategory } from "./track.ts";
export { SPLIT_CATEGORIES } from "./track.ts";
export type { Dataset } from "./dataset.ts";
export type { AggregateFigure } from "./aggregate.ts";
export type { SeedFigure, SeedQualifier } from "./seed.ts";
export { SEED_QUALIFIERS } from "./seed.ts";
export { DEFAULT_TIME_ZONE } from "./dataset.ts";
