import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConsoleAssets } from "../../src/server/console-assets.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("finding the built web console", () => {
  const tempDir = useTempDir();

  /** A troupe package at `<root>/node_modules/troupe` with its code in dist/cli, the console built or not. */
  function installedTroupe(built: boolean): { root: string; code: string } {
    const root = tempDir();
    const pkg = join(root, "node_modules", "troupe");
    mkdirSync(join(pkg, "dist", "cli"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "my-bot" }));
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "troupe" }));
    if (built) {
      mkdirSync(join(pkg, "dist", "console"));
      writeFileSync(join(pkg, "dist", "console", "index.html"), "<!doctype html>");
    }
    return { root: pkg, code: join(pkg, "dist", "cli") };
  }

  it("walks up from the running code to the troupe package, past other packages, to its dist/console", () => {
    const { root, code } = installedTroupe(true);
    expect(findConsoleAssets(code)).toBe(join(root, "dist", "console"));
  });

  it("finds nothing when the troupe package's console was never built", () => {
    expect(findConsoleAssets(installedTroupe(false).code)).toBeUndefined();
  });

  it("finds this repository's build from its sources, as tsx and the tests run them", () => {
    expect(findConsoleAssets()).toMatch(/dist[\\/]console$/);
  });
});
