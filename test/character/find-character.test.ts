import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterNotFoundError, findCharacter, listCharacterFiles } from "../../src/character/index.js";
import { writeTempFiles } from "./temp-files.js";

const fixtures = "test/fixtures/characters";

async function charactersDir(): Promise<string> {
  const dir = await writeTempFiles({ "notes.txt": "not a character", "nested/inner.json": { name: "Inner" } });
  for (const name of ["sbf.character.json", "shaw.json", "ilse-morrow.card.png"]) {
    await copyFile(join(fixtures, name), join(dir, name));
  }
  return dir;
}

describe("listCharacterFiles", () => {
  it("expands folders to their json and png files, sorted and not recursive, and keeps files", async () => {
    const dir = await charactersDir();
    const files = await listCharacterFiles([dir, `${fixtures}/no-name.json`]);
    expect(files).toEqual([
      join(dir, "ilse-morrow.card.png"),
      join(dir, "sbf.character.json"),
      join(dir, "shaw.json"),
      `${fixtures}/no-name.json`,
    ]);
  });

  it("names a path that does not exist", async () => {
    await expect(listCharacterFiles(["characters/nope"])).rejects.toThrow("No such file or folder: characters/nope");
  });
});

describe("findCharacter", () => {
  it("returns an existing file path as given", async () => {
    expect(await findCharacter(`${fixtures}/shaw.json`, "elsewhere")).toBe(`${fixtures}/shaw.json`);
  });

  it("finds a character by name, case-insensitively, including names inside PNG cards", async () => {
    const dir = await charactersDir();
    expect(await findCharacter("ilse morrow", dir)).toBe(join(dir, "ilse-morrow.card.png"));
    expect(await findCharacter("SHAW", dir)).toBe(join(dir, "shaw.json"));
  });

  it("finds a character by file name without extension", async () => {
    const dir = await charactersDir();
    expect(await findCharacter("sbf.character", dir)).toBe(join(dir, "sbf.character.json"));
    expect(await findCharacter("ilse-morrow", dir)).toBe(join(dir, "ilse-morrow.card.png"));
  });

  it("lists the available characters when nothing matches", async () => {
    const dir = await charactersDir();
    const error = await findCharacter("Sage", dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CharacterNotFoundError);
    expect((error as CharacterNotFoundError).message).toBe(
      `No character 'Sage' in ${dir}. Characters there: Ilse Morrow, SBF, Shaw.`,
    );
    expect((error as CharacterNotFoundError).available).toEqual(["Ilse Morrow", "SBF", "Shaw"]);
  });
});
