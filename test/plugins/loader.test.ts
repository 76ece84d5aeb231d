import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger, PluginConflictError, PluginLoadError, Troupe } from "../../src/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

const TROUPE = join(import.meta.dirname, "../../src/index.ts");
const logger = createLogger({ level: "silent" });

/** Writes a plugin module; `body` is the object passed to definePlugin (or exported as is with `raw`). */
function writePlugin(dir: string, file: string, body: string, raw = false): void {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  const source = raw
    ? `export default ${body};`
    : `import { definePlugin, z } from ${JSON.stringify(TROUPE)};\nexport default definePlugin(${body});`;
  writeFileSync(join(dir, file), source);
}

function writeCharacter(dir: string, plugins: string[]): string {
  const file = join(dir, "characters", "nova.json");
  mkdirSync(join(dir, "characters"), { recursive: true });
  writeFileSync(file, JSON.stringify({ name: "Nova", bio: ["Nova tests plugins."], plugins }));
  return file;
}

const ECHO = `{ name: "echo", actions: [{ name: "echo", description: "Repeats a phrase back.", examples: ["echo hello"],
  parameters: z.object({ phrase: z.string() }), handler: (_ctx, { phrase }) => "echo: " + phrase }] }`;

async function startError(dir: string, file: string): Promise<Error> {
  const error = await Troupe.start([file], { dataDir: join(dir, "data"), logger, cwd: dir }).then(
    () => new Error("expected start to fail"),
    (failure: Error) => failure,
  );
  return error;
}

describe("plugin loader", () => {
  const tempDir = useTempDir();

  it("loads a plugin folder relative to the character file and runs its action from a chat message", async () => {
    const dir = tempDir();
    writePlugin(dir, "plugins/echo/index.ts", ECHO);
    const file = writeCharacter(dir, ["../plugins/echo"]);
    const troupe = await Troupe.start([file], { dataDir: join(dir, "data"), logger, cwd: dir });
    try {
      const reply = await troupe.send("Nova", {
        platform: "test",
        room: { id: "r", kind: "direct" },
        user: { id: "u", name: "Ada" },
        text: "echo good morning",
      });
      expect(reply?.actions[0]).toMatchObject({ name: "echo", ok: true, result: "echo: good morning" });
    } finally {
      await troupe.stop();
    }
  });

  it("resolves a package name from node_modules, through its package.json exports", async () => {
    const dir = tempDir();
    // Installed packages run outside vite, as plain JavaScript importing the built package (npm run bundle).
    mkdirSync(join(dir, "node_modules/troupe-plugin-echo/dist"), { recursive: true });
    symlinkSync(join(import.meta.dirname, "../.."), join(dir, "node_modules/troupe"), "dir");
    writeFileSync(
      join(dir, "node_modules/troupe-plugin-echo/dist/main.js"),
      `import { definePlugin, z } from "troupe";\nexport default definePlugin(${ECHO});`,
    );
    writeFileSync(
      join(dir, "node_modules/troupe-plugin-echo/package.json"),
      JSON.stringify({ name: "troupe-plugin-echo", type: "module", exports: { ".": { import: "./dist/main.js" } } }),
    );
    const file = writeCharacter(dir, ["troupe-plugin-echo"]);
    const troupe = await Troupe.start([file], { dataDir: join(dir, "data"), logger, cwd: dir });
    expect(troupe.agents[0]?.name).toBe("Nova");
    await troupe.stop();
  });

  it("names the plugin, the character file and the JSON path of each shape problem", async () => {
    const dir = tempDir();
    writePlugin(
      dir,
      "plugins/bad/index.ts",
      `{ name: "bad", actions: [
        { name: "fine", description: "Fine.", parameters: z.object({}), handler: () => "ok" },
        { name: "broken", description: "Broken.", parameters: { type: "object" }, handler: () => "ok" },
        { name: "no handler", description: "", parameters: z.string() } ] }`,
    );
    const file = writeCharacter(dir, ["../plugins/bad"]);
    const error = await startError(dir, file);
    expect(error).toBeInstanceOf(PluginLoadError);
    const problems = (error as PluginLoadError).problems;
    expect(problems).toContain(`plugin ../plugins/bad (from ${file}): actions[1].parameters: expected a zod schema`);
    expect(problems.join("\n")).toContain("actions[2].name: expected a name of letters, digits, _ and -");
    expect(problems.join("\n")).toContain("actions[2].parameters: expected a zod object schema");
    expect(problems.join("\n")).toContain("actions[2].handler: expected a function");
  });

  it("refuses a plugin without apiVersion, an elizaOS plugin and a missing package, with a hint each", async () => {
    const dir = tempDir();
    writePlugin(dir, "plugins/plain/index.js", `{ name: "plain", actions: [] }`, true);
    writePlugin(
      dir,
      "plugins/eliza/index.js",
      `{ name: "eliza", actions: [{ name: "X", similes: ["Y"], handler: async (runtime, message) => true }] }`,
      true,
    );
    const file = writeCharacter(dir, ["../plugins/plain", "../plugins/eliza", "troupe-plugin-nowhere"]);
    const message = (await startError(dir, file)).message;
    expect(message).toContain("plugin ../plugins/plain (from");
    expect(message).toContain('apiVersion: expected apiVersion 1; create the plugin with definePlugin from "troupe"');
    expect(message).toContain("not a Troupe plugin: it looks like an elizaOS plugin");
    expect(message).toContain("plugin troupe-plugin-nowhere (from");
    expect(message).toContain("install it with: npx troupe plugins add troupe-plugin-nowhere");
  });

  it("refuses two plugins that define the same action, naming both", async () => {
    const dir = tempDir();
    writePlugin(dir, "plugins/one/index.ts", ECHO);
    writePlugin(dir, "plugins/two/index.ts", ECHO.replace('name: "echo", actions', 'name: "echo-two", actions'));
    const file = writeCharacter(dir, ["../plugins/one", "../plugins/two"]);
    const error = await startError(dir, file);
    expect(error).toBeInstanceOf(PluginConflictError);
    expect(error.message).toBe(
      `${file}: plugins ../plugins/one and ../plugins/two both define the action "echo"; remove one of them from "plugins".`,
    );
  });

  it("skips elizaOS plugin names in a character with a warning, not a crash", async () => {
    const dir = tempDir();
    const file = writeCharacter(dir, ["@elizaos/plugin-bootstrap"]);
    const troupe = await Troupe.start([file], { dataDir: join(dir, "data"), logger, cwd: dir });
    expect(troupe.agents[0]?.character.plugins).toEqual([]);
    await troupe.stop();
  });
});
