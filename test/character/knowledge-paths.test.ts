import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterFileError, checkCharacterFile, loadCharacter } from "../../src/character/index.js";
import { writeTempFiles } from "./temp-files.js";

const character = (knowledge: unknown[]) => ({ name: "Thief", knowledge });

describe("knowledge paths in a character file", () => {
  it("refuses a path that climbs out of the character's folder, naming it", async () => {
    const dir = await writeTempFiles({ "thief.json": character([{ path: "../../../../etc/passwd" }]) });
    const check = await checkCharacterFile(join(dir, "thief.json"), { env: {} });
    expect(check.character).toBeUndefined();
    expect(check.problems).toEqual([
      `${join(dir, "thief.json")}: knowledge[0].path: expected a path inside the character's folder ${dir} (allow other folders with TROUPE_KNOWLEDGE_DIRS), got "../../../../etc/passwd" (outside)`,
    ]);
  });

  it("refuses absolute folders such as /etc and /, and an absolute file", async () => {
    const dir = await writeTempFiles({
      "thief.json": character([{ directory: "/etc" }, { directory: "/" }, { path: "/etc/hostname" }]),
    });
    const check = await checkCharacterFile(join(dir, "thief.json"), { env: {} });
    expect(check.problems.map((problem) => problem.split(": ")[1])).toEqual([
      "knowledge[0].directory",
      "knowledge[1].directory",
      "knowledge[2].path",
    ]);
  });

  it("refuses a symbolic link inside the folder that leads out of it", async () => {
    const dir = await writeTempFiles({ "thief.json": character([{ path: "notes.md" }, { directory: "docs" }]) });
    symlinkSync("/etc/passwd", join(dir, "notes.md"));
    symlinkSync("/etc", join(dir, "docs"));
    const check = await checkCharacterFile(join(dir, "thief.json"), { env: {} });
    expect(check.problems).toHaveLength(2);
    expect(check.problems[0]).toContain("knowledge[0].path: expected a path inside the character's folder");
    expect(check.problems[1]).toContain("knowledge[1].directory: expected a path inside");
  });

  it("accepts files and folders under the character's folder", async () => {
    const dir = await writeTempFiles({
      "vega.json": character([{ path: "knowledge/log.md" }, { directory: "./knowledge" }]),
      "knowledge/log.md": "The Meridian's top speed is 0.2c.",
    });
    const { character: vega } = await loadCharacter(join(dir, "vega.json"), { env: {} });
    expect(vega.knowledge).toEqual([
      { kind: "path", path: "knowledge/log.md" },
      { kind: "directory", directory: "./knowledge" },
    ]);
  });

  it("accepts a folder outside once the operator allows it with TROUPE_KNOWLEDGE_DIRS", async () => {
    const shared = await writeTempFiles({ "facts.md": "Shared facts." });
    const dir = await writeTempFiles({ "vega.json": character([{ directory: shared }]) });
    const file = join(dir, "vega.json");
    await expect(loadCharacter(file, { env: {} })).rejects.toThrow(CharacterFileError);
    const { character: vega } = await loadCharacter(file, { env: { TROUPE_KNOWLEDGE_DIRS: shared } });
    expect(vega.knowledge).toEqual([{ kind: "directory", directory: shared }]);
  });
});
