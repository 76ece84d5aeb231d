import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // First-party plugins import the package by name, as third-party ones do; tests run them against the sources.
  resolve: {
    alias: [
      { find: /^troupe$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      { find: /^troupe\/testing$/, replacement: fileURLToPath(new URL("./src/testing/index.ts", import.meta.url)) },
      { find: /^troupe\/text$/, replacement: fileURLToPath(new URL("./src/text/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "plugins/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Native modules (better-sqlite3, hnswlib-node) are happiest in forked workers.
    pool: "forks",
  },
});
