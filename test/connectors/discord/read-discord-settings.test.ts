import { describe, expect, it } from "vitest";
import {
  DiscordSettingError,
  discordConnectorFactory,
  readDiscordSettings,
} from "../../../src/connectors/discord/index.js";
import { createLogger } from "../../../src/index.js";
import { character } from "./discord-harness.js";

describe("Discord settings from the environment", () => {
  it("reads the API base, shards and shard count", () => {
    expect(
      readDiscordSettings({
        DISCORD_API_URL: "http://127.0.0.1:8082/api/",
        DISCORD_SHARDS: "0, 2",
        DISCORD_SHARD_COUNT: "4",
      }),
    ).toEqual({ apiUrl: "http://127.0.0.1:8082/api", shards: [0, 2], shardCount: 4 });
    expect(readDiscordSettings({ DISCORD_SHARDS: "auto", DISCORD_API_URL: " " })).toEqual({ shards: "auto" });
  });

  it.each([
    [{ DISCORD_API_URL: "127.0.0.1:8082" }, "DISCORD_API_URL"],
    [{ DISCORD_API_URL: "http://127.0.0.1:8082/api/v10" }, "DISCORD_API_URL"],
    [{ DISCORD_SHARD_COUNT: "two" }, "DISCORD_SHARD_COUNT"],
    [{ DISCORD_SHARDS: "0,1" }, "DISCORD_SHARDS"],
    [{ DISCORD_SHARDS: "0,3", DISCORD_SHARD_COUNT: "2" }, "DISCORD_SHARDS"],
  ])("refuses %j with one line naming %s", (env, variable) => {
    expect(() => readDiscordSettings(env)).toThrow(DiscordSettingError);
    expect(() => readDiscordSettings(env)).toThrow(new RegExp(`^${variable} is not usable: expected`));
  });

  it("takes DISCORD_APPLICATION_ID from where the token came from, and refuses one that is not an id", async () => {
    const juno = await character("host", (loaded) => {
      loaded.secrets.DISCORD_APPLICATION_ID = "not-an-id";
    });
    const logger = createLogger({ level: "silent" });
    const own = { value: "t", variable: "DISCORD_BOT_TOKEN", source: "secrets" as const };
    expect(() => discordConnectorFactory.create({ character: juno, token: own, env: {}, logger })).toThrow(
      /^DISCORD_APPLICATION_ID is not usable/,
    );
    // An environment token does not take an application id from another place than the character and environment.
    const fromEnv = { value: "t", variable: "DISCORD_API_TOKEN", source: "environment" as const };
    const plain = await character("host");
    expect(() =>
      discordConnectorFactory.create({
        character: plain,
        token: fromEnv,
        env: { DISCORD_APPLICATION_ID: "123456789012345678" },
        logger,
      }),
    ).not.toThrow();
  });
});
