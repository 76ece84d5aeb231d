import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let found: string | null | undefined;

/**
 * Where better-sqlite3's compiled addon is, for its `nativeBinding` option:
 * `build/Release/better_sqlite3.node` in its package, where both its prebuilt
 * download and a build from source put it (`build/Debug` for a debug build).
 * Without the option better-sqlite3 asks the `bindings` package, which walks a
 * stack trace to find the package and tries two other build folders with a
 * failing `require` each first: 5 ms of CPU and 13 ms of a start
 * (docs/benchmarks.md, ninth session). Undefined when neither file is there:
 * better-sqlite3 then searches with `bindings`, which finds the addon when
 * run from the sources but not from the bundle, where it looks beside the
 * bundle (docs/decisions/2026-12-06-sqlite-driver-in-the-bundle.md).
 */
export function sqliteAddonPath(): string | undefined {
  if (found === undefined) {
    const packageJson = createRequire(import.meta.url).resolve("better-sqlite3/package.json");
    const build = join(dirname(packageJson), "build");
    found =
      ["Release", "Debug"].map((kind) => join(build, kind, "better_sqlite3.node")).find((file) => existsSync(file)) ??
      null;
  }
  return found ?? undefined;
}
