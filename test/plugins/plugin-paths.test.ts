import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCharacterFile } from "../../src/character/index.js";
import { createLogger, PluginLoadError, Troupe } from "../../src/index.js";
import { loadPlugins } from "../../src/plugins/index.js";
import { BIN, runNode } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const logger = createLogger({ level: "silent" });
const TROUPE = join(import.meta.dirname, "../../src/index.ts");

/**
 * A project folder with a character, and beside it (outside the project) a
 * plugin whose top-level code leaves a marker file: proof that it ran.
 */
function hostileLayout(dir: string, plugins: string[]) {
  const project = join(dir, "project");
  const marker = join(dir, "evil-ran");
  mkdirSync(join(project, "characters"), { recursive: true });
  mkdirSync(join(dir, "evilplugin"));
  writeFileSync(
    join(dir, "evilplugin", "index.js"),
    `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};`,
  );
  const file = join(project, "characters", "thief.json");
  writeFileSync(file, JSON.stringify({ name: "Thief", plugins }));
  return { project, marker, file };
}

describe("plugin paths in a character file", () => {
  const tempDir = useTempDir();

  it("refuses a plugin outside the project's plugins/ and node_modules/ without running it", async () => {
    const { project, marker, file } = hostileLayout(tempDir(), ["../../evilplugin/index.js"]);
    const check = await checkCharacterFile(file, { cwd: project, env: {} });
    expect(check.problems).toEqual([
      `${file}: plugins[0]: expected a plugin in the project's plugins/ or node_modules/ (${join(project, "plugins")}, ${join(project, "node_modules")}; the operator may allow more with TROUPE_PLUGIN_DIRS), got "../../evilplugin/index.js" (outside)`,
    ]);
    const started = Troupe.start([file], { dataDir: join(project, "data"), logger, cwd: project, env: {} });
    await expect(started).rejects.toThrow(/plugins\[0\]: expected a plugin in the project's plugins/);
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses it in the loader too, before import, for a character that skipped the file checks", async () => {
    const { project, marker, file } = hostileLayout(tempDir(), []);
    const character = { ...(await checkCharacterFile(file, { cwd: project, env: {} })).character } as NonNullable<
      Awaited<ReturnType<typeof checkCharacterFile>>["character"]
    >;
    character.plugins = ["../../evilplugin/index.js", "left-pad/../../../evilplugin"];
    const error = await loadPlugins(character, { cwd: project, env: {} }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect((error as PluginLoadError).problems).toEqual([
      `plugin ../../evilplugin/index.js (from ${file}): not imported: ${join(project, "..", "evilplugin", "index.js")} is outside the project's plugins/ and node_modules/; the operator may allow its folder with TROUPE_PLUGIN_DIRS`,
      `plugin left-pad/../../../evilplugin (from ${file}): expected a path (./, ../) or an npm package name`,
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it("loads a plugin from a folder the operator allows with TROUPE_PLUGIN_DIRS", async () => {
    const dir = tempDir();
    const { project, file } = hostileLayout(dir, ["../../trusted"]);
    mkdirSync(join(dir, "trusted"));
    writeFileSync(
      join(dir, "trusted", "index.ts"),
      `import { definePlugin } from ${JSON.stringify(TROUPE)};\nexport default definePlugin({ name: "trusted" });`,
    );
    const env = { TROUPE_PLUGIN_DIRS: join(dir, "trusted") };
    const troupe = await Troupe.start([file], { dataDir: join(project, "data"), logger, cwd: project, env });
    expect(troupe.agents[0]?.name).toBe("Thief");
    await troupe.stop();
  });

  it("does not take a package from a node_modules that came beside the character file", async () => {
    const dir = tempDir();
    const { project, marker } = hostileLayout(dir, []);
    const downloads = join(dir, "downloads");
    mkdirSync(join(downloads, "node_modules", "troupe-plugin-free"), { recursive: true });
    writeFileSync(
      join(downloads, "node_modules", "troupe-plugin-free", "package.json"),
      JSON.stringify({ name: "troupe-plugin-free", type: "module", main: "index.js" }),
    );
    writeFileSync(
      join(downloads, "node_modules", "troupe-plugin-free", "index.js"),
      `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};`,
    );
    const file = join(downloads, "free.json");
    writeFileSync(file, JSON.stringify({ name: "Free", plugins: ["troupe-plugin-free"] }));
    const started = Troupe.start([file], { dataDir: join(project, "data"), logger, cwd: project, env: {} });
    await expect(started).rejects.toThrow(/troupe-plugin-free.*package not found in node_modules/);
    expect(existsSync(marker)).toBe(false);
  });

  it("troupe plugins list and validate report the plugin without running it", async () => {
    const { project, marker } = hostileLayout(tempDir(), ["../../evilplugin/index.js"]);
    const listed = await runNode(project, [BIN, "plugins", "list"]);
    expect(listed.code).toBe(1);
    expect(listed.stdout).toContain("plugins[0]: expected a plugin in the project's plugins/ or node_modules/");
    const validated = await runNode(project, [BIN, "validate", "characters"]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain("1 file checked, 1 invalid");
    expect(existsSync(marker)).toBe(false);
  });
});
