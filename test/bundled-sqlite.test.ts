import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO, runNode } from "./helpers/run-cli.js";

const PACKAGE = pathToFileURL(resolve(REPO, "dist/index.js")).href;

// The bundled package (`npm test` bundles it first) opening a store, and which CommonJS files Node loaded for it.
const APP = (dataDir: string) => `
import { createRequire } from "node:module";
import { openTroupeStore } from ${JSON.stringify(PACKAGE)};
const db = openTroupeStore({ dataDir: ${JSON.stringify(dataDir)} });
const journal = db.pragma("journal_mode", { simple: true });
db.close();
const loaded = Object.keys(createRequire(import.meta.url).cache).map((file) => file.replace(/\\\\/g, "/"));
console.log(JSON.stringify({
  journal,
  addon: loaded.some((file) => file.endsWith("/better-sqlite3/build/Release/better_sqlite3.node")),
  sqliteJavaScript: loaded.filter((file) => file.includes("/better-sqlite3/lib/")),
  bindings: loaded.filter((file) => file.includes("/node_modules/bindings/")),
}));
`;

describe("the package's SQLite driver", () => {
  it("runs better-sqlite3's JavaScript from the bundle and loads only its compiled addon from the package", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "troupe-bundled-sqlite-"));
    try {
      const result = await runNode(REPO, ["--input-type=module", "-e", APP(dataDir)]);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toEqual({ journal: "wal", addon: true, sqliteJavaScript: [], bindings: [] });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
