/**
 * `npm run bundle`'s package build: the four entry points as ES modules with
 * code splitting into dist/, every dependency inlined but hnswlib-node's and
 * better-sqlite3's compiled addons.
 * The esbuild API rather than its command line, for the one plugin below.
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * zod's error messages in English only. zod exports its 63 translations
 * as one namespace (`z.locales`), so a bundle that exports `z`, as Troupe's
 * does for plugins, compiles all of them, 301 KB, on every start: a sixth of
 * what importing Troupe compiled (docs/benchmarks.md, ninth session). zod
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
  // better-sqlite3's JavaScript is bundled: Node would load it as 13 CommonJS files, one lookup and compile each
  // (about 40 M instructions, 3.6% of a start; docs/benchmarks.md, ninth session). Its compiled addon stays in its
  // package and every connection is given its path (src/store/open-sqlite.ts), so `bindings`, which better-sqlite3
  // would ask otherwise, is never called.
  external: ["bindings", "hnswlib-node", "tsx", "pino-pretty"],
  // Bundled CommonJS dependencies call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire as __troupeRequire } from 'node:module'; const require = __troupeRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly],
});
