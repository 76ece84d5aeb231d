/**
 * `npm run bundle`'s package build: the four entry points as ES modules with
 * code splitting into dist/, every dependency inlined but the native ones.
 * The esbuild API rather than its command line, for the one plugin below.
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * zod's error messages in English only. zod exports its 40-odd translations
 * as one namespace (`z.locales`), so a bundle that exports `z`, as Troupe's
 * does for plugins, compiles all of them, 300 KB, on every start: a fifth of
 * what importing Troupe compiles (docs/benchmarks.md, ninth session). zod
 * itself only ever uses English unless `z.config` is given another; an app
 * that wants one takes it from the zod package
 * (`z.config((await import("zod/locales")).de())`).
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](core|classic|mini)$/.test(args.resolveDir)
        ? { path: "zod-locales-english", namespace: "zod-english-only", pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: args.pluginData.resolveDir,
      loader: "js",
    }));
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts", "src/testing/index.ts", "src/text/index.ts", "src/cli/bin.ts"],
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outbase: "src",
  outdir: "dist",
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  external: ["better-sqlite3", "hnswlib-node", "tsx", "pino-pretty"],
  // Bundled CommonJS dependencies call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire as __troupeRequire } from 'node:module'; const require = __troupeRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly],
});
