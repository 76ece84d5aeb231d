import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { jsBudget } from "./js-budget.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the web console (src/console/ui) into dist/console: `index.html` served at `/`, hashed assets under
 * `/console/assets/`. JSX goes through Vite's own oxc transform with Preact's automatic runtime, so no
 * framework preset is needed. The build fails when its JavaScript passes the budget (200 KB gzipped).
 */
export default defineConfig({
  root: here("./ui"),
  base: "/console/",
  publicDir: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: here("../../dist/console"),
    emptyOutDir: true,
    target: "es2022",
    // The polyfill is an inline script; without it the page runs under a strict Content-Security-Policy.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  plugins: [jsBudget({ maxGzipBytes: 200 * 1024 })],
});
