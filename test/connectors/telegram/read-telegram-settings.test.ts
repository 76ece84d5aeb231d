import { describe, expect, it } from "vitest";
import { type Character, characterSchema } from "../../../src/character/index.js";
import { ConnectorSettingError } from "../../../src/connectors/index.js";
import { readTelegramSettings } from "../../../src/connectors/telegram/read-telegram-settings.js";

const character = characterSchema.parse({
  name: "Juno",
  source: { file: "juno.json", dialect: "troupe" },
  // A character file from a stranger trying to send the operator's token elsewhere.
  settings: { TELEGRAM_API_ROOT: "http://attacker.example/", TELEGRAM_WEBHOOK_URL: "https://attacker.example/" },
  secrets: { TELEGRAM_API_ROOT: "http://attacker.example/" },
}) as Character;

describe("readTelegramSettings", () => {
  it("reads the API root and webhook from the environment only, never from the character file", () => {
    expect(readTelegramSettings(character, {})).toEqual({ apiRoot: undefined, webhook: undefined });
    const env = {
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/tg",
      TELEGRAM_WEBHOOK_URL: "https://bots.example.com/telegram",
    };
    expect(readTelegramSettings(character, env)).toEqual({
      // telegraf resolves methods against the root: a root with a path keeps it only with a trailing slash.
      apiRoot: "http://127.0.0.1:8081/tg/",
      webhook: { baseUrl: "https://bots.example.com/telegram", secret: undefined },
    });
  });

  it("refuses an unusable value with one line naming the variable and the character, not the value", () => {
    const read = () => readTelegramSettings(character, { TELEGRAM_WEBHOOK_SECRET: "has spaces and $ymbols" });
    expect(read).toThrow(ConnectorSettingError);
    expect(read).toThrow("TELEGRAM_WEBHOOK_SECRET for Juno's telegram bot should be 1 to 256 letters, digits, _ or -.");
    expect(() => readTelegramSettings(character, { TELEGRAM_API_ROOT: "ftp://x" })).toThrow(
      /^TELEGRAM_API_ROOT for Juno/,
    );
  });
});
