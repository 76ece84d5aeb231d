import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import { gzipSizes, jsBudget } from "../../src/console/js-budget.js";
import { useTempDir } from "../helpers/temp-dir.js";

const BUILT = resolve(import.meta.dirname, "../../dist/console/assets");

describe("the console's JavaScript budget", () => {
  const tempDir = useTempDir();

  it("fails a build whose JavaScript is larger, gzipped, than the budget, naming the files", async () => {
    const dir = tempDir();
    // Random digits do not compress: about 4 KB gzipped, over a 1 KB budget.
    const digits = Array.from({ length: 10_000 }, () => Math.floor(Math.random() * 10)).join("");
    writeFileSync(join(dir, "main.js"), `document.title = "${digits}";`);
    const building = build({
      root: dir,
      logLevel: "silent",
      configFile: false,
      build: { outDir: join(dir, "out"), write: false, rollupOptions: { input: join(dir, "main.js") } },
      plugins: [jsBudget({ maxGzipBytes: 1024 })],
    });
    await expect(building).rejects.toThrow(
      /The console's JavaScript is \d+ B gzipped, over its budget of 1024 B \(.*\.js/,
    );
  });

  it("holds for the console as built: under 200 KB of JavaScript gzipped", () => {
    const files = readdirSync(BUILT).filter((name) => name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    const { total } = gzipSizes(Object.fromEntries(files.map((name) => [name, readFileSync(join(BUILT, name))])));
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(200 * 1024);
  });
});
