/**
 * The name shown to users for the embedded dataset, in its own module so the situation update's
 * word table (src/report/words.ts) can give it in Spanish without loading the embedded data.
 */
export const EMBEDDED_2018_NAME = "Caravans Oct–Dec 2018 (embedded)";
