import { describe, expect, it } from "vitest";
import { type Character, characterSchema, connectorPolicySchema } from "../../src/character/index.js";
import { assignBotTokens } from "../../src/connectors/index.js";

function character(
  name: string,
  extra: Partial<Record<"secrets" | "settings" | "clients" | "connectors", unknown>> = {},
) {
  return characterSchema.parse({ name, source: { file: `${name}.json`, dialect: "troupe" }, ...extra }) as Character;
}

const VARIABLES = ["DISCORD_BOT_TOKEN", "DISCORD_API_TOKEN"];

function owners(assignments: ReturnType<typeof assignBotTokens>) {
  return assignments.map(({ character, token }) => `${character.name}:${token.value}:${token.source}`);
}

describe("assignBotTokens", () => {
  it("gives each character its own token, so several bots of one platform run in one process", () => {
    const juno = character("Juno", { secrets: { DISCORD_BOT_TOKEN: "juno-token" } });
    const theo = character("Theo", { settings: { DISCORD_API_TOKEN: "theo-token" } });
    expect(owners(assignBotTokens([juno, theo], "discord", VARIABLES, {}))).toEqual([
      "Juno:juno-token:secrets",
      "Theo:theo-token:settings",
    ]);
  });

  it("gives the environment's token to one character only: the first that lists the platform in clients", () => {
    const juno = character("Juno");
    const theo = character("Theo", { clients: ["discord"] });
    const env = { DISCORD_API_TOKEN: "shared" };
    expect(owners(assignBotTokens([juno, theo], "discord", VARIABLES, env))).toEqual(["Theo:shared:environment"]);
    expect(owners(assignBotTokens([juno, character("Wren")], "discord", VARIABLES, env))).toEqual([
      "Juno:shared:environment",
    ]);
  });

  it("never runs two bots on one token, and leaves out a character that turned the platform off", () => {
    const juno = character("Juno", { secrets: { DISCORD_BOT_TOKEN: "same" } });
    const theo = character("Theo", { secrets: { DISCORD_BOT_TOKEN: "same" } });
    const off = character("Wren", { connectors: { discord: connectorPolicySchema.parse({ enabled: false }) } });
    const env = { DISCORD_BOT_TOKEN: "same" };
    expect(owners(assignBotTokens([juno, theo, off], "discord", VARIABLES, env))).toEqual(["Juno:same:secrets"]);
    expect(assignBotTokens([off], "discord", VARIABLES, env)).toEqual([]);
  });

  it("runs no bot when no token is set anywhere", () => {
    expect(assignBotTokens([character("Juno")], "discord", VARIABLES, { DISCORD_BOT_TOKEN: "" })).toEqual([]);
  });
});
