import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCharacter } from "../../src/character/index.js";
import { writeTempFiles } from "./temp-files.js";

/** `${NAME}` as written in a character file. */
const ref = (name: string) => `\${${name}}`;

describe("elizaOS and Troupe fields", () => {
  it("resolves allowed environment variable references in secrets from the given env, warning by name for unset ones", async () => {
    const dir = await writeTempFiles({
      "agent.json": {
        name: "Keys",
        settings: {
          secrets: { OPENAI_API_KEY: ref("OPENAI_API_KEY"), MISSING: `x-${ref("NOT_SET")}-y` },
          region: "eu",
        },
        secrets: { DISCORD_TOKEN: ref("DISCORD_TOKEN"), PORT: 8080 },
      },
    });
    const file = join(dir, "agent.json");
    const env = {
      OPENAI_API_KEY: "sk-secret-value",
      DISCORD_TOKEN: "discord-secret",
      TROUPE_ALLOW_ENV: "OPENAI_API_KEY,DISCORD_*,NOT_SET",
    };
    const { character, warnings } = await loadCharacter(file, { env });
    expect(character.secrets).toEqual({
      OPENAI_API_KEY: "sk-secret-value",
      MISSING: "x--y",
      DISCORD_TOKEN: "discord-secret",
      PORT: "8080",
    });
    expect(character.settings).toEqual({ region: "eu" });
    expect(warnings).toEqual([`${file}: settings.secrets.MISSING: environment variable NOT_SET is not set; using ""`]);
    expect(warnings.join("\n")).not.toContain("secret-value");
  });

  it("maps modelProvider, settings.model and modelConfig onto model; Troupe's model wins", async () => {
    const dir = await writeTempFiles({
      "a.json": {
        name: "A",
        modelProvider: "openai",
        settings: {
          model: "gpt-4o-mini",
          embeddingModel: "text-embedding-3-small",
          modelConfig: { temperature: 0.3, maxOutputTokens: 500 },
        },
      },
      "b.json": {
        name: "B",
        settings: { modelConfig: { max_response_length: 200 } },
        model: { temperature: 1.1, apiKey: ref("KEY") },
      },
    });
    const a = await loadCharacter(join(dir, "a.json"));
    expect(a.character.model).toEqual({
      provider: "openai",
      model: "gpt-4o-mini",
      embeddingModel: "text-embedding-3-small",
      temperature: 0.3,
      maxTokens: 500,
    });
    const b = await loadCharacter(join(dir, "b.json"), { env: { KEY: "k", TROUPE_ALLOW_ENV: "KEY" } });
    expect(b.character.model).toEqual({ maxTokens: 200, temperature: 1.1, apiKey: "k" });
    expect(b.character.source.dialect).toBe("troupe");
  });

  it("keeps unknown top-level keys in extra with a warning each, and known unused elizaOS keys quietly", async () => {
    const dir = await writeTempFiles({
      "x.json": { name: "X", mood: "sunny", favourites: [1, 2], people: ["@a"], twitterProfile: { id: "1" } },
    });
    const file = join(dir, "x.json");
    const { character, warnings } = await loadCharacter(file);
    expect(character.extra).toEqual({ mood: "sunny", favourites: [1, 2], people: ["@a"], twitterProfile: { id: "1" } });
    expect(warnings).toEqual([`${file}: mood: unknown key, kept`, `${file}: favourites: unknown key, kept`]);
  });

  it("reads knowledge paths and directories, Troupe capabilities, connectors and memory", async () => {
    const dir = await writeTempFiles({
      "plugins/time/index.js": "export default {};",
      "t.json": {
        name: "Tess",
        bio: "One line bio.",
        knowledge: ["a fact", { path: "notes/a.md", shared: true }, { directory: "./docs" }],
        plugins: ["./plugins/time", "troupe-plugin-weather"],
        clients: ["Discord", "farcaster"],
        capabilities: ["research", { name: "translate", description: "Translates text" }],
        connectors: { discord: { respondTo: "all" } },
        memory: { recallK: 3 },
      },
    });
    const file = join(dir, "t.json");
    // The temporary folder is the project: its plugins/ is where plugin paths may lead.
    const { character, warnings } = await loadCharacter(file, { cwd: dir });
    expect(character.bio).toEqual(["One line bio."]);
    expect(character.knowledge).toEqual([
      { kind: "text", text: "a fact" },
      { kind: "path", path: "notes/a.md", shared: true },
      { kind: "directory", directory: "./docs" },
    ]);
    expect(character.plugins).toEqual(["./plugins/time", "troupe-plugin-weather"]);
    expect(character.clients).toEqual(["discord", "farcaster"]);
    expect(character.capabilities).toEqual([
      { name: "research", description: "" },
      { name: "translate", description: "Translates text" },
    ]);
    expect(character.connectors.discord).toEqual({ enabled: true, respondTo: "all", admins: [] });
    expect(character.memory).toEqual({ shortTermTurns: 20, recallK: 3, tokenBudget: 4000 });
    expect(warnings).toEqual([
      `${file}: clients[1]: farcaster: Troupe has no such connector (it has discord, telegram, twitter, terminal, direct)`,
    ]);
  });

  it("normalises {{user2}}, {{agentName}} and content.actions in example turns", async () => {
    const dir = await writeTempFiles({
      "e.json": {
        name: "Echo ",
        messageExamples: [
          [
            { name: "{{user2}}", content: { text: "ping {{agentName}}" } },
            { name: "{{agentName}}", content: { text: "pong {{name1}}", actions: ["REPLY", "WAVE"] } },
            { name: "echo", content: { actions: ["IGNORE"] } },
          ],
        ],
      },
    });
    const { character } = await loadCharacter(join(dir, "e.json"));
    expect(character.name).toBe("Echo");
    expect(character.messageExamples).toEqual([
      [
        { user: "{{user}}", text: "ping Echo" },
        { user: "Echo", text: "pong {{user}}", action: "REPLY" },
        { user: "Echo", text: "", action: "IGNORE" },
      ],
    ]);
  });
});
