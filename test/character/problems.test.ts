import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterFileError, checkCharacterFile, loadCharacter } from "../../src/character/index.js";
import { TroupeError } from "../../src/errors/index.js";
import { writeTempFiles } from "./temp-files.js";

const fixtures = "test/fixtures/characters";

describe("problems in character files", () => {
  it("reports malformed JSONC with the line and column in the original text", async () => {
    const check = await checkCharacterFile(`${fixtures}/malformed.json`);
    expect(check.problems).toEqual([
      `${fixtures}/malformed.json: line 5, column 37: expected valid JSON, got unexpected "}"`,
    ]);
    expect(check.character).toBeUndefined();
  });

  it("reports every wrong type of a file with its JSON path, not just the first", async () => {
    const file = `${fixtures}/wrong-types.json`;
    const error = await loadCharacter(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CharacterFileError);
    const fileError = error as CharacterFileError;
    expect(fileError.code).toBe("CHARACTER_INVALID");
    expect(fileError.category).toBe("USER");
    expect(TroupeError.isInstance(fileError)).toBe(true);
    expect(fileError.file).toBe(file);
    expect(fileError.problems).toEqual([
      `${file}: bio[1]: expected string, got number`,
      `${file}: style.chat[0]: expected string, got boolean`,
      `${file}: messageExamples[2][0].content.text: expected string, got number`,
      `${file}: messageExamples[2][1].content: expected object, got string`,
      `${file}: knowledge[1]: expected string or object with "path" or "directory", got number`,
      `${file}: knowledge[2].path: expected a non-empty string, got number`,
      `${file}: capabilities[0].name: expected string, got nothing`,
      `${file}: memory.recallK: expected a number of at most 100, got 500`,
      `${file}: model.provider: expected one of "offline", "openai", "openai-compatible", got "anthropic"`,
      `${file}: model.temperature: expected number, got "warm"`,
    ]);
    expect(fileError.message).toBe(fileError.problems.join("\n"));
  });

  it("reports a missing name", async () => {
    const check = await checkCharacterFile(`${fixtures}/no-name.json`);
    expect(check.problems).toEqual([`${fixtures}/no-name.json: name: expected a non-empty string, got nothing`]);
  });

  it("reports a missing plugin path as an error and an elizaOS plugin as a warning", async () => {
    const file = `${fixtures}/missing-plugin.json`;
    const check = await checkCharacterFile(file);
    expect(check.problems).toEqual([
      `${file}: plugins[0]: expected an existing plugin path, got "./plugins/does-not-exist" (not found)`,
    ]);
    expect(check.warnings).toEqual([
      `${file}: plugins[1]: @elizaos/plugin-node: elizaOS plugin, not a Troupe plugin; skipped`,
    ]);
  });

  it("gives one clear problem for a missing file, a binary file, a PNG without a card and a JSON array", async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]);
    const dir = await writeTempFiles({
      "plain.png": png,
      "blob.json": Buffer.from([1, 0, 2, 3]),
      "list.json": "[1, 2]",
    });
    const problemsOf = async (name: string) => (await checkCharacterFile(join(dir, name))).problems;
    expect(await problemsOf("nope.json")).toEqual([
      `${join(dir, "nope.json")}: expected a readable character file, got no such file`,
    ]);
    expect(await problemsOf("blob.json")).toEqual([
      `${join(dir, "blob.json")}: expected a JSON or PNG character file, got binary data`,
    ]);
    expect(await problemsOf("plain.png")).toEqual([
      `${join(dir, "plain.png")}: expected a PNG with a character card (tEXt chunk "chara"), got a PNG without one`,
    ]);
    expect(await problemsOf("list.json")).toEqual([
      `${join(dir, "list.json")}: expected a JSON object describing a character, got array`,
    ]);
  });

  it("positions errors right after comments, at the end of the file and in unclosed comments", async () => {
    const dir = await writeTempFiles({
      "eof.json": '{\n  "name": "A", // trailing comment\n  "bio": ["x"',
      "comma.json": '{\n  "name": "A",\n}\n',
      "comment.json": '{ "name": "A" /* never closed\n}',
      "url.json": '{ "name": "A", "system": "see http://example.com/*not a comment*/" }',
    });
    expect((await checkCharacterFile(join(dir, "eof.json"))).problems).toEqual([
      `${join(dir, "eof.json")}: line 3, column 14: expected valid JSON, got unexpected end of file`,
    ]);
    expect((await checkCharacterFile(join(dir, "comma.json"))).problems).toEqual([
      `${join(dir, "comma.json")}: line 3, column 1: expected valid JSON, got unexpected "}"`,
    ]);
    expect((await checkCharacterFile(join(dir, "comment.json"))).problems).toEqual([
      `${join(dir, "comment.json")}: line 1, column 15: expected a comment closed by "*/", got end of file`,
    ]);
    expect((await loadCharacter(join(dir, "url.json"))).character.system).toBe(
      "see http://example.com/*not a comment*/",
    );
  });

  it("reports problems in a Tavern card under data", async () => {
    const dir = await writeTempFiles({
      "card.json": { spec: "chara_card_v2", spec_version: "2.0", data: { name: "", description: 5, mood: "x" } },
    });
    const file = join(dir, "card.json");
    const check = await checkCharacterFile(file);
    expect(check.problems).toEqual([
      `${file}: data.description: expected string, got number`,
      `${file}: data.name: expected a non-empty string, got an empty string`,
    ]);
    expect(check.warnings).toEqual([`${file}: data.mood: unknown key, kept`]);
  });
});
