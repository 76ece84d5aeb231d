import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the built web console (`dist/console` of the troupe package), found by walking up from this
 * module to the package's root: the same whether it runs bundled from `dist/` or from `src/` under tsx and
 * the tests. Undefined when the package has no such folder (the console was never built).
 */
export function findConsoleAssets(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isTroupeRoot(dir)) {
      const assets = join(dir, "dist", "console");
      return existsSync(join(assets, "index.html")) ? assets : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function isTroupeRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown }).name === "troupe";
  } catch {
    return false;
  }
}
