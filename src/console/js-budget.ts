import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** How much JavaScript the console may ship, gzipped; see `jsBudget`. */
export interface JsBudgetOptions {
  maxGzipBytes: number;
}

/** The gzipped size of each JavaScript chunk in a bundle, and their total. */
export function gzipSizes(chunks: Record<string, string | Uint8Array>): {
  total: number;
  files: Record<string, number>;
} {
  const files: Record<string, number> = {};
  for (const [name, code] of Object.entries(chunks)) {
    if (name.endsWith(".js")) files[name] = gzipSync(code, { level: 9 }).length;
  }
  return { total: Object.values(files).reduce((sum, size) => sum + size, 0), files };
}

/**
 * A Vite plugin that fails the build when the JavaScript it wrote, gzipped, is larger than `maxGzipBytes`
 * (the console must stay small enough to load at once on a slow link), naming each file's share.
 */
export function jsBudget(options: JsBudgetOptions): Plugin {
  return {
    name: "troupe-js-budget",
    apply: "build",
    generateBundle(_output, bundle) {
      const chunks: Record<string, string | Uint8Array> = {};
      for (const [name, item] of Object.entries(bundle)) chunks[name] = item.type === "chunk" ? item.code : item.source;
      const { total, files } = gzipSizes(chunks);
      if (total > options.maxGzipBytes) {
        const shares = Object.entries(files).map(([name, size]) => `${name} ${size} B`);
        this.error(
          `The console's JavaScript is ${total} B gzipped, over its budget of ${options.maxGzipBytes} B (${shares.join(", ")}).`,
        );
      }
    },
  };
}
