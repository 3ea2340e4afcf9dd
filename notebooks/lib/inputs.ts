// Observable Inputs from node_modules, with its stylesheet, so notebooks never reach for the
// Notebook Kit built-in `Inputs` (which loads both from a CDN).
import "@observablehq/inputs/dist/index.css";
export * from "@observablehq/inputs";
