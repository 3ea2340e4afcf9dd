// @observablehq/inputs ships no type declarations; the notebooks use it from JavaScript cells.
declare module "@observablehq/inputs";
