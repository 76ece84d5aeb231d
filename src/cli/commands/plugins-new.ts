import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../cli-error.js";

/** The files of a new plugin, by file name. `name` is kebab-case; `action` its snake_case first action. */
export function pluginTemplate(name: string): Record<string, string> {
  const action = `${name.replace(/-/g, "_")}_echo`;
  return {
    "package.json": `${JSON.stringify(
      {
        name: `troupe-plugin-${name}`,
        version: "0.1.0",
        description: `A Troupe plugin: ${name}`,
        type: "module",
        main: "index.ts",
        keywords: ["troupe-plugin"],
      },
      null,
      2,
    )}\n`,
    "index.ts": `import { definePlugin, z } from "troupe";

/** The ${name} plugin. Each action is a tool the model can call; the examples teach the offline model when. */
export default definePlugin({
  name: "${name}",
  description: "Says back what it is asked to say.",
  actions: [
    {
      name: "${action}",
      description: "Repeats a phrase back to the user, loudly.",
      examples: ["echo hello world", "repeat after me: good morning", "say back what I said"],
      parameters: z.object({ phrase: z.string().describe("what to say back") }),
      handler: (ctx, { phrase }) => {
        const said = phrase.trim() || ctx.message.text;
        return \`\${said.toUpperCase()}!\`;
      },
    },
  ],
  providers: [{ name: "${name}-hint", get: () => "you can echo phrases back with the ${action} action" }],
});
`,
    "index.test.ts": `import { createTestAgent } from "troupe/testing";
import { expect, it } from "vitest";
import plugin from "./index.js";

it("echoes a phrase from a chat message", async () => {
  const agent = await createTestAgent({ plugins: [plugin] });
  try {
    const reply = await agent.send("echo hello world");
    expect(reply.actions.map((run) => run.name)).toEqual(["${action}"]);
    expect(reply.text).toContain("HELLO WORLD!");
  } finally {
    await agent.stop();
  }
});
`,
    "README.md": `# ${name}

A Troupe plugin. Add its folder to a character's \`plugins\` (\`"../plugins/${name}"\` from a character in \`characters/\`: the path is relative to the character file)
and ask the agent to "echo hello world". Run its test with \`npx vitest run plugins/${name}\`.
`,
  };
}

/**
 * `troupe plugins new <name>`: writes a plugin folder with one action, a
 * provider, a README and a test that runs with vitest. Refuses to overwrite.
 */
export async function writeNewPlugin(name: string, dir: string): Promise<string> {
  const kebab = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^[a-z]/.test(kebab)) throw new CliError("BAD_PLUGIN_NAME", `Plugin names start with a letter; got "${name}".`);
  const folder = join(dir, kebab);
  try {
    await mkdir(folder, { recursive: false });
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST")
      throw new CliError("PLUGIN_EXISTS", `${folder} already exists.`);
    if ((error as { code?: string }).code !== "ENOENT") throw error;
    await mkdir(folder, { recursive: true });
  }
  for (const [file, text] of Object.entries(pluginTemplate(kebab))) await writeFile(join(folder, file), text);
  return folder;
}
