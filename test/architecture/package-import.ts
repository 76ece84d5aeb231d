import { build, type Metafile } from "esbuild";

const OUT = "out";

export interface LoadedAtImport {
  /** Bundled files, as esbuild names its inputs: `src/...`, `node_modules/<package>/...`. */
  inputs: string[];
  /** What is left to Node: built-ins and what the bundle leaves out (`hnswlib-node`, `bindings`). */
  externals: string[];
}

/**
 * What importing `entry` evaluates, as `npm run bundle` lays the package out
 * (ES modules, code splitting): the entry's chunk and every chunk it imports
 * statically. Code reached only through `import()` sits in chunks of its own
 * and loads when first called, so it is not counted.
 */
export async function loadedAtImport(entry = "src/index.ts"): Promise<LoadedAtImport> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: OUT,
    write: false,
    metafile: true,
    logLevel: "silent",
    // As scripts/bundle.mjs: better-sqlite3's JavaScript is bundled, its addon found by path.
    external: ["bindings", "hnswlib-node"],
  });
  return staticClosure(metafile, `${OUT}/${entry.replace(/^src\//, "").replace(/\.ts$/, ".js")}`);
}

function staticClosure(metafile: Metafile, entryOutput: string): LoadedAtImport {
  const chunks = new Set<string>();
  const externals = new Set<string>();
  const pending = [entryOutput];
  for (let chunk = pending.pop(); chunk !== undefined; chunk = pending.pop()) {
    if (chunks.has(chunk)) continue;
    chunks.add(chunk);
    for (const imported of metafile.outputs[chunk]?.imports ?? []) {
      if (imported.kind !== "import-statement") continue;
      if (imported.external) externals.add(imported.path);
      else pending.push(imported.path);
    }
  }
  const inputs = new Set<string>();
  for (const chunk of chunks) for (const input of Object.keys(metafile.outputs[chunk]?.inputs ?? {})) inputs.add(input);
  return { inputs: [...inputs], externals: [...externals] };
}
