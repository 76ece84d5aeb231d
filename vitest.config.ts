import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "plugins/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Native modules (better-sqlite3, hnswlib-node) are happiest in forked workers.
    pool: "forks",
  },
});
