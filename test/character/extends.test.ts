import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCharacterFile, loadCharacter } from "../../src/character/index.js";
import { writeTempFiles } from "./temp-files.js";

describe("extends", () => {
  it("merges base files first and lets the child override, keeping base paths right", async () => {
    const dir = await writeTempFiles({
      "base/plugins/greet/index.js": "export default {};",
      "base/base.json": {
        name: "Base",
        system: "Be brief.",
        bio: ["from base"],
        plugins: ["./plugins/greet"],
        knowledge: [{ path: "notes.md" }],
        settings: { voice: { model: "a" }, region: "eu" },
      },
      "kids/child.json": {
        extends: ["../base/base.json"],
        name: "Child",
        bio: ["from child"],
        settings: { region: "us" },
      },
    });
    // base/ is the project here: the base's plugin lives in its plugins/ folder.
    const { character } = await loadCharacter(join(dir, "kids/child.json"), { cwd: join(dir, "base") });
    expect(character.name).toBe("Child");
    expect(character.system).toBe("Be brief.");
    expect(character.bio).toEqual(["from base", "from child"]);
    expect(character.settings).toEqual({ voice: { model: "a" }, region: "us" });
    expect(character.plugins).toEqual(["../base/plugins/greet"]);
    expect(character.knowledge).toEqual([{ kind: "path", path: "../base/notes.md" }]);
  });

  it("takes the name from the base when the child has none, and normalises the base's examples with it", async () => {
    const dir = await writeTempFiles({
      "base.json": {
        name: "Sage",
        messageExamples: [
          [
            { user: "{{user1}}", content: { text: "hi" } },
            { user: "Sage", content: { text: "hello" } },
          ],
        ],
      },
      "child.json": { extends: ["./base.json"], lore: ["old"] },
    });
    const { character } = await loadCharacter(join(dir, "child.json"));
    expect(character.name).toBe("Sage");
    expect(character.messageExamples[0]?.[1]?.user).toBe("Sage");
  });

  it("reports a missing base, a cycle, and problems inside a base under the base's own name", async () => {
    const dir = await writeTempFiles({
      "a.json": { name: "A", extends: ["./b.json", "./missing.json"] },
      "b.json": { extends: ["./a.json"], bio: [1] },
    });
    const check = await checkCharacterFile(join(dir, "a.json"));
    expect(check.problems).toEqual([
      `${join(dir, "b.json")}: extends[0]: expected a file that does not extend itself, got "./a.json" (a cycle)`,
      `${join(dir, "b.json")}: bio[0]: expected string, got number`,
      `${join(dir, "a.json")}: extends[1]: expected an existing character file, got "./missing.json" (not found)`,
    ]);
  });
});
