/**
 * The names shown to users for a dataset, in their own module so the situation update's word
 * table (src/report/words.ts) can give them in Spanish without loading the embedded data.
 */

/** The embedded dataset's name. */
export const EMBEDDED_2018_NAME = "Caravans Oct–Dec 2018 (embedded)";

/**
 * What the command line puts before a user's file names in the dataset's name ("Files: a.csv,
 * r.geojson"; `assembleDataset`'s `namePrefix`); the Spanish word table says "Archivos: ".
 */
export const FILES_NAME_PREFIX = "Files: ";
