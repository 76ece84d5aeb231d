import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO, runNode } from "../helpers/run-cli.js";
import { useTempDir } from "../helpers/temp-dir.js";

const NPM_OFFLINE = {
  npm_config_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  // Installing the linked checkout must not run its prepare script (a rebuild of dist under other tests).
  npm_config_ignore_scripts: "true",
};

describe("troupe plugins add with a plugin that does not load", () => {
  const tempDir = useTempDir();

  it("changes nothing: the character file, package.json and its lockfile stay as they were", async () => {
    const project = tempDir();
    const manifest = { name: "my-bots", version: "1.0.0", private: true, dependencies: { troupe: `file:${REPO}` } };
    writeFileSync(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    mkdirSync(join(project, "characters"));
    const character = '{\n  // Juno hosts.\n  "name": "Juno",\n  "bio": ["Juno hosts."],\n  "plugins": []\n}\n';
    writeFileSync(join(project, "characters/host.json"), character);

    // A folder outside the project that imports "troupe", which it cannot find from where it lives.
    const plugin = tempDir();
    writeFileSync(
      join(plugin, "package.json"),
      JSON.stringify({ name: "troupe-plugin-broken", version: "1.0.0", type: "module", main: "index.js" }),
    );
    writeFileSync(
      join(plugin, "index.js"),
      'import { definePlugin } from "troupe";\nexport default definePlugin({ name: "broken" });\n',
    );

    const added = await runNode(project, [BIN, "plugins", "add", plugin, "--character", "Juno"], { env: NPM_OFFLINE });
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/plugin troupe-plugin-broken .*could not be imported/);
    expect(readFileSync(join(project, "characters/host.json"), "utf8")).toBe(character);
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(existsSync(join(project, "package-lock.json"))).toBe(false);
    expect(existsSync(join(project, "node_modules/troupe-plugin-broken"))).toBe(false);
  }, 120_000);
});
