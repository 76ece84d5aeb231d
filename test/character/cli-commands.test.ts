import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterExistsError, loadCharacter } from "../../src/character/index.js";
import { starterCharacter, writeStarterCharacter } from "../../src/cli/commands/new-character.js";
import { validateFiles } from "../../src/cli/commands/validate.js";
import { writeTempFiles } from "./temp-files.js";

const fixtures = "test/fixtures/characters";

describe("validateFiles", () => {
  it("passes valid files with their warnings and a summary, exit code 0", async () => {
    const result = await validateFiles([`${fixtures}/sbf.character.json`, `${fixtures}/ilse-morrow.card.png`]);
    expect(result.exitCode).toBe(0);
    expect(result.lines).toEqual([
      `warning: ${fixtures}/sbf.character.json: plugins[0]: @elizaos/plugin-solana: elizaOS plugin, not a Troupe plugin; skipped`,
      `warning: ${fixtures}/sbf.character.json: modelProvider: anthropic: provider not supported by Troupe; using the default provider`,
      "2 files checked, 0 invalid",
    ]);
  });

  it("prints every problem first, then warnings, then the summary, exit code 1", async () => {
    const result = await validateFiles([
      `${fixtures}/no-name.json`,
      `${fixtures}/missing-plugin.json`,
      `${fixtures}/shaw.json`,
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.lines[0]).toBe(`${fixtures}/no-name.json: name: expected a non-empty string, got nothing`);
    expect(result.lines[1]).toMatch(
      /^test\/fixtures\/characters\/missing-plugin\.json: plugins\[0\]: expected an existing plugin path/,
    );
    expect(result.lines.slice(2, -1).every((line) => line.startsWith("warning: "))).toBe(true);
    expect(result.lines.at(-1)).toBe("3 files checked, 2 invalid");
  });

  it("checks every character in a folder and reports a missing path as invalid", async () => {
    const dir = await writeTempFiles({ "a.json": { name: "A" }, "b.json": "{ nope" });
    const result = await validateFiles([dir, join(dir, "missing.json")]);
    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([
      `${join(dir, "b.json")}: line 1, column 3: expected valid JSON, got unexpected "n"`,
      `${join(dir, "missing.json")}: expected a character file or folder, got nothing there`,
      "3 files checked, 2 invalid",
    ]);
  });
});

describe("starter character", () => {
  it("is commented JSONC that loads as a Troupe character without warnings", async () => {
    const text = starterCharacter('Sage "the Owl"');
    expect(text).toMatch(/^\s*\/\/ /m);
    for (const field of [
      "bio",
      "lore",
      "topics",
      "adjectives",
      "style",
      "messageExamples",
      "knowledge",
      "capabilities",
      "memory",
      "model",
    ]) {
      expect(text).toMatch(new RegExp(`// .*\\n\\s*"${field}":`));
    }
    const dir = await writeTempFiles({ "sage.json": text });
    const { character, warnings } = await loadCharacter(join(dir, "sage.json"), { env: {} });
    expect(warnings).toEqual([]);
    expect(character.name).toBe('Sage "the Owl"');
    expect(character.source.dialect).toBe("troupe");
    expect(character.messageExamples).toHaveLength(2);
    expect(character.messageExamples[0]?.[1]?.user).toBe('Sage "the Owl"');
    expect(character.capabilities[0]?.name).toBe("explain");
    // No provider of its own: the environment's model applies to it as to every other character.
    expect(character.model.provider).toBeUndefined();
  });

  it("passes the project's own lint where `troupe new` puts it", async () => {
    const file = await writeStarterCharacter(`Lint Check ${process.pid}`, "characters");
    try {
      const biome = spawnSync(
        process.execPath,
        [join("node_modules", "@biomejs", "biome", "bin", "biome"), "check", file],
        {
          encoding: "utf8",
        },
      );
      expect(biome.stderr + biome.stdout).not.toMatch(/error/i);
      expect(biome.status).toBe(0);
    } finally {
      await rm(file, { force: true });
    }
  });

  it("is written to <dir>/<kebab-name>.json and never overwrites", async () => {
    const dir = await writeTempFiles({});
    const file = await writeStarterCharacter("Sage Owl", join(dir, "characters"));
    expect(file).toBe(join(dir, "characters", "sage-owl.json"));
    expect(await readFile(file, "utf8")).toBe(starterCharacter("Sage Owl"));
    await expect(writeStarterCharacter("sage owl", join(dir, "characters"))).rejects.toBeInstanceOf(
      CharacterExistsError,
    );
    expect(await readFile(file, "utf8")).toBe(starterCharacter("Sage Owl"));
  });
});
