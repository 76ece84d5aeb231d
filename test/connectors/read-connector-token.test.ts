import { describe, expect, it } from "vitest";
import { describeTokenSource, readConnectorToken } from "../../src/connectors/read-connector-token.js";

const noCharacterValues = { secrets: {}, settings: {} };

describe("readConnectorToken", () => {
  it("prefers the character's secrets, then its settings, then the environment", () => {
    const env = { TELEGRAM_BOT_TOKEN: "from-env" };
    const settings = { TELEGRAM_BOT_TOKEN: "from-settings" };
    expect(
      readConnectorToken({ secrets: { TELEGRAM_BOT_TOKEN: "from-secrets" }, settings }, ["TELEGRAM_BOT_TOKEN"], env),
    ).toEqual({ value: "from-secrets", variable: "TELEGRAM_BOT_TOKEN", source: "secrets" });
    expect(readConnectorToken({ secrets: {}, settings }, ["TELEGRAM_BOT_TOKEN"], env)).toEqual({
      value: "from-settings",
      variable: "TELEGRAM_BOT_TOKEN",
      source: "settings",
    });
    expect(readConnectorToken(noCharacterValues, ["TELEGRAM_BOT_TOKEN"], env)).toEqual({
      value: "from-env",
      variable: "TELEGRAM_BOT_TOKEN",
      source: "environment",
    });
  });

  it("accepts elizaOS's names too, and says which one it read", () => {
    const token = readConnectorToken(noCharacterValues, ["DISCORD_BOT_TOKEN", "DISCORD_API_TOKEN"], {
      DISCORD_API_TOKEN: "eliza-style",
    });
    expect(token).toEqual({ value: "eliza-style", variable: "DISCORD_API_TOKEN", source: "environment" });
  });

  it("treats blank and non-string values as unset, and trims what it reads", () => {
    const character = { secrets: { TELEGRAM_BOT_TOKEN: "   " }, settings: { TELEGRAM_BOT_TOKEN: 12 } };
    expect(readConnectorToken(character, ["TELEGRAM_BOT_TOKEN"], { TELEGRAM_BOT_TOKEN: "" })).toBeUndefined();
    expect(readConnectorToken(character, ["TELEGRAM_BOT_TOKEN"], { TELEGRAM_BOT_TOKEN: " 1:abc\n" })?.value).toBe(
      "1:abc",
    );
  });

  it("describes where a token came from without its value", () => {
    const token = readConnectorToken(
      { secrets: { TELEGRAM_BOT_TOKEN: "123:secret" }, settings: {} },
      ["TELEGRAM_BOT_TOKEN"],
      {},
    );
    const where = describeTokenSource(token as NonNullable<typeof token>, "Juno");
    expect(where).toBe("TELEGRAM_BOT_TOKEN (Juno's secrets)");
    expect(where).not.toContain("123");
  });
});
