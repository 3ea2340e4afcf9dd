/** Moved to src/geo/corridor.ts (places along routes are geometry); this re-export keeps in-flight branches building. */
export * from "../geo/corridor.ts";
