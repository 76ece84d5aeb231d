import { describe, expect, it } from "vitest";
import { connectPlatforms } from "../../src/cli/connect-platforms.js";
import {
  CONNECTOR_API_VERSION,
  ConnectorTokenRejectedError,
  describeTokenSource,
  type PlatformConnector,
  type PlatformConnectorFactory,
  type PlatformConnectorOptions,
} from "../../src/connectors/index.js";
import { createLogger, Troupe } from "../../src/index.js";
import { useTempDir } from "../helpers/temp-dir.js";

/**
 * A platform whose "server" is a list of valid tokens: start() accepts those
 * and refuses the rest the way a platform connector must.
 */
function platform(validTokens: string[], failure?: (token: string) => Error): PlatformConnectorFactory {
  return {
    platform: "chatnet",
    tokenVariables: ["CHATNET_TOKEN", "CHATNET_API_TOKEN"],
    create({ character, token }: PlatformConnectorOptions): PlatformConnector {
      let connectedAs: string | undefined;
      return {
        apiVersion: CONNECTOR_API_VERSION,
        platform: "chatnet",
        async start() {
          if (failure) throw failure(token.value);
          if (!validTokens.includes(token.value)) {
            throw new ConnectorTokenRejectedError({
              platform: "chatnet",
              agent: character.name,
              tokenSource: describeTokenSource(token, character.name),
              hint: "make a new one",
            });
          }
          connectedAs = `@${character.name.toLowerCase()}_bot`;
        },
        async stop() {},
        async deliver() {
          return false;
        },
        connectedAs: () => connectedAs,
        describeAnswers: () => "DMs, and group messages that mention it",
      };
    },
  };
}

const FILES = ["characters/host.json", "characters/researcher.json"];

describe("connectPlatforms", () => {
  const tempDir = useTempDir();
  const start = () => Troupe.start(FILES, { dataDir: tempDir(), logger: createLogger({ level: "silent" }) });

  it("says a platform is off, naming the variable, when no character has a token", async () => {
    const troupe = await start();
    expect(await connectPlatforms(troupe, {}, [platform([])])).toEqual([
      { text: "connector chatnet: off (CHATNET_TOKEN is not set)" },
    ]);
    expect(troupe.connected).toHaveLength(0);
    await troupe.stop();
  });

  it("starts one bot per character with a token, and a rejected token stops only that bot, naming it", async () => {
    const troupe = await start();
    const juno = troupe.agent("Juno")?.character;
    if (juno) juno.secrets.CHATNET_TOKEN = "juno-good";
    const env = { CHATNET_API_TOKEN: "theo-revoked" };
    const lines = await connectPlatforms(troupe, env, [platform(["juno-good"])]);
    expect(lines).toEqual([
      { text: "chatnet @juno_bot for Juno: DMs, and group messages that mention it" },
      {
        text: "connector chatnet for Theo: chatnet rejected the bot token of Theo, from CHATNET_API_TOKEN (environment): make a new one.",
        failed: true,
      },
    ]);
    expect(troupe.connected.map((connector) => connector.connectedAs())).toEqual(["@juno_bot"]);
    await troupe.stop();
  });

  it("never prints a token a library put in its error message", async () => {
    const troupe = await start();
    const leak = (token: string) => new Error(`request to http://127.0.0.1:9/bot${token}/getMe failed`);
    const [line] = await connectPlatforms(troupe, { CHATNET_TOKEN: "123:very-secret" }, [platform([], leak)]);
    expect(line?.failed).toBe(true);
    expect(line?.text).toBe(
      "connector chatnet for Juno: could not start, with CHATNET_TOKEN (environment): request to http://127.0.0.1:9/bot***/getMe failed",
    );
    await troupe.stop();
  });
});
