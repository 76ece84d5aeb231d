import { z } from "zod";
import type { Character } from "../../character/index.js";
import { ConnectorSettingError } from "../connector-setting-error.js";

/** Where a character's Telegram bot talks to the Bot API, and how it receives updates. */
export interface TelegramSettings {
  apiRoot?: string;
  webhook?: { baseUrl: string; secret?: string };
}

const httpUrl = z.url({ protocol: /^https?$/ });
// Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and - in a webhook secret.
const secretSchema = z.string().regex(/^[\w-]{1,256}$/);

/**
 * Reads `TELEGRAM_API_ROOT`, `TELEGRAM_WEBHOOK_URL` and
 * `TELEGRAM_WEBHOOK_SECRET` from the environment only: a character file may
 * come from a stranger, and a URL in it would carry the operator's token to
 * a server of its choosing. A value that is not usable throws
 * `ConnectorSettingError` naming the variable and the character.
 */
export function readTelegramSettings(character: Character, env: Record<string, string | undefined>): TelegramSettings {
  const read = (variable: string, schema: z.ZodType<string>, expected: string) => {
    const value = env[variable]?.trim();
    if (!value) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new ConnectorSettingError({ platform: "telegram", agent: character.name, variable, expected });
    return parsed.data;
  };
  const apiRoot = read("TELEGRAM_API_ROOT", httpUrl, "an http(s) URL such as http://127.0.0.1:8081/");
  const baseUrl = read("TELEGRAM_WEBHOOK_URL", httpUrl, "the public https URL Telegram posts updates to");
  const secret = read("TELEGRAM_WEBHOOK_SECRET", secretSchema, "1 to 256 letters, digits, _ or -");
  return {
    // telegraf resolves methods against the root, so a root with a path needs its trailing slash.
    apiRoot: apiRoot && !apiRoot.endsWith("/") ? `${apiRoot}/` : apiRoot,
    webhook: baseUrl ? { baseUrl, secret } : undefined,
  };
}
