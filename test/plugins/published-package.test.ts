import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO, runNode } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

describe("a plugin published as a package", () => {
  const tempDir = useTempDir();

  it("is packed, installed with troupe plugins add, listed in a character and runs from a chat message", async () => {
    const packDir = tempDir();
    const tarball = execFileSync(
      "npm",
      ["pack", join(import.meta.dirname, "fixtures/troupe-plugin-dice"), "--pack-destination", packDir, "--silent"],
      { encoding: "utf8" },
    ).trim();

    const project = tempDir();
    // The project has Troupe installed: here a link to this checkout (built by npm run bundle), as npm makes for file: specs.
    const manifest = { name: "my-bots", version: "1.0.0", private: true, dependencies: { troupe: `file:${REPO}` } };
    writeFileSync(join(project, "package.json"), JSON.stringify(manifest));
    mkdirSync(join(project, "characters"));
    writeFileSync(
      join(project, "characters/dicey.json"),
      '{\n  "name": "Dicey",\n  "bio": ["Dicey plays board games."],\n  "plugins": []\n}\n',
    );

    const env = {
      npm_config_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      // Installing the linked checkout must not run its prepare script (a rebuild of dist under other tests).
      npm_config_ignore_scripts: "true",
    };
    const added = await runNode(project, [BIN, "plugins", "add", join(packDir, tarball), "--character", "Dicey"], {
      env,
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added troupe-plugin-dice to");
    expect(JSON.parse(readFileSync(join(project, "characters/dicey.json"), "utf8")).plugins).toEqual([
      "troupe-plugin-dice",
    ]);

    const listed = await runNode(project, [BIN, "plugins", "list"]);
    expect(listed.stdout).toContain("Dicey (characters/dicey.json): 1 plugin(s)");
    expect(listed.stdout).toContain("dice (troupe-plugin-dice): actions roll_dice");

    const chat = await runNode(project, [BIN, "chat", "Dicey", "--user", "Ada", "--data-dir", join(project, "data")], {
      input: "roll a d20\n",
    });
    expect(chat.stdout.trim()).toMatch(/^Dicey: .*The d20 shows 20\.$/);
  });
});
