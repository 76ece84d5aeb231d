import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

const INDEX_FILES = ["index.js", "index.mjs", "index.ts", "index.mts"];
/** An npm package name, optionally scoped: nothing that could climb out of `node_modules`. */
const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

/** True for a plugin written as a path (`./`, `../`, `/`) rather than a package name. */
export function isPluginPath(spec: string): boolean {
  return spec.startsWith("./") || spec.startsWith("../") || isAbsolute(spec);
}

/**
 * The file to import for a plugin spec: a path is resolved against
 * `baseDir` (the character file's folder); a package name is looked up in
 * `node_modules` folders from `cwd` (the project) upwards, never beside the
 * character file, which may have come with a `node_modules` of its own.
 * Returns an error sentence instead when nothing is found.
 */
export function resolvePlugin(
  spec: string,
  baseDir: string,
  cwd = process.cwd(),
): { file: string } | { error: string } {
  if (isPluginPath(spec)) {
    const target = resolve(baseDir, spec);
    if (!existsSync(target)) return { error: `no file or folder at ${target}` };
    const file = statSync(target).isDirectory() ? entryOf(target) : target;
    return file ? { file } : { error: `${target} has no package.json entry or index.js/index.ts` };
  }
  if (!PACKAGE_NAME.test(spec)) return { error: "expected a path (./, ../) or an npm package name" };
  const packageDir = findPackage(spec, cwd);
  if (packageDir) {
    const file = entryOf(packageDir);
    return file ? { file } : { error: `package ${spec} (${packageDir}) has no entry point` };
  }
  return { error: `package not found in node_modules; install it with: npx troupe plugins add ${spec}` };
}

function findPackage(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A package folder's ESM entry: `exports["."]` (import or default), `main`, or an index file. */
function entryOf(dir: string): string | undefined {
  const manifest = join(dir, "package.json");
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: unknown; main?: unknown };
    const entry = exportEntry(pkg.exports) ?? (typeof pkg.main === "string" ? pkg.main : undefined);
    if (entry && existsSync(join(dir, entry))) return join(dir, entry);
  }
  const index = INDEX_FILES.map((name) => join(dir, name)).find((file) => existsSync(file));
  return index;
}

function exportEntry(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (typeof exports !== "object" || exports === null) return undefined;
  const record = exports as Record<string, unknown>;
  const root = "." in record ? record["."] : record;
  if (typeof root === "string") return root;
  if (typeof root !== "object" || root === null) return undefined;
  const conditions = root as Record<string, unknown>;
  return exportEntry(conditions.import) ?? exportEntry(conditions.node) ?? exportEntry(conditions.default);
}
