// Lint rules for the whole repository. The library in src/ must stay DOM-free and Node-free so
// that the CLI, the viewer (and its Web Worker) and the notebooks can all run it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "notebooks/.observablehq/",
      "src/embedded/generated/",
      "tests/fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "window", message: "src/ is DOM-free: pass what you need in." },
        { name: "document", message: "src/ is DOM-free: pass what you need in." },
        { name: "navigator", message: "src/ is DOM-free: pass what you need in." },
        { name: "localStorage", message: "src/ is DOM-free." },
        { name: "process", message: "src/ is Node-free: the CLI passes options in." },
        { name: "Buffer", message: "src/ is Node-free: use Uint8Array." },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os"], message: "src/ is Node-free; use cli/." },
            { group: ["d3-selection", "**/viewer/**"], message: "src/ does not draw." },
          ],
        },
      ],
    },
  },
);
