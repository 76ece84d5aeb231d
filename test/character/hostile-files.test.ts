import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCharacterFile } from "../../src/character/index.js";
import { validateFiles } from "../../src/cli/commands/validate.js";
import { writeTempFiles } from "./temp-files.js";

describe("character files built to crash or stall the loader", () => {
  it("reports a file nested 100,000 levels deep as one problem, and goes on to the next file", async () => {
    const dir = await writeTempFiles({ "b-next.json": { name: "Next", bio: 7 } });
    const deep = join(dir, "a-deep.json");
    writeFileSync(deep, `{"name": "Deep", "bio": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    const check = await checkCharacterFile(deep, { env: {} });
    expect(check.problems).toEqual([`${deep}: expected JSON nested at most 64 levels deep, got deeper`]);
    const result = await validateFiles([dir]);
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain(`${join(dir, "b-next.json")}: bio: expected string or array of strings, got number`);
    expect(result.lines.at(-1)).toBe("2 files checked, 2 invalid");
  });

  it("does not read a character file larger than the limit", async () => {
    const dir = await writeTempFiles({});
    const big = join(dir, "big.json");
    writeFileSync(big, JSON.stringify({ name: "Big", bio: ["x".repeat(5 * 1024 * 1024)] }));
    const check = await checkCharacterFile(big, { env: {} });
    expect(check.problems).toEqual([`${big}: expected a character file of at most 4 MB, got 5 MB`]);
  });

  it("keeps nesting at the limit that real files use", async () => {
    const dir = await writeTempFiles({});
    const file = join(dir, "ok.json");
    const nested = `${"[".repeat(40)}"deep"${"]".repeat(40)}`;
    writeFileSync(file, `{"name": "Ok", "settings": {"deep": ${nested}}}`);
    expect((await checkCharacterFile(file, { env: {} })).problems).toEqual([]);
  });
});
