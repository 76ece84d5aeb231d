import { z } from "zod";
import { DiscordSettingError } from "./discord-setting-error.js";

/** Discord options from the environment besides the token. */
export interface DiscordSettings {
  /** discord.js's `rest.api`: the REST base without a version (`http://127.0.0.1:8082/api`); the gateway URL then comes from `GET /gateway/bot`. */
  apiUrl?: string;
  /** Which shards this process runs: `auto` (as many as Discord recommends) or a list of shard ids. */
  shards?: "auto" | number[];
  /** How many shards the bot has in all (needed with a list of `shards`). */
  shardCount?: number;
}

const SHARD_IDS = /^\d+(\s*,\s*\d+)*$/;

const apiUrlSchema = z
  .url({ protocol: /^https?$/ })
  .transform((url) => url.replace(/\/+$/, ""))
  .refine((url) => !/\/v\d+$/.test(url));

/**
 * Reads `DISCORD_API_URL`, `DISCORD_SHARDS` and `DISCORD_SHARD_COUNT`.
 * Throws `DiscordSettingError` naming the variable when one is set to
 * something unusable. Blank values count as unset.
 */
export function readDiscordSettings(env: Record<string, string | undefined>): DiscordSettings {
  const settings: DiscordSettings = {};
  const apiUrl = env.DISCORD_API_URL?.trim();
  if (apiUrl) {
    const parsed = apiUrlSchema.safeParse(apiUrl);
    if (!parsed.success) {
      throw new DiscordSettingError({
        variable: "DISCORD_API_URL",
        expected: "an http(s) URL of the REST base without a version, e.g. http://127.0.0.1:8082/api",
      });
    }
    settings.apiUrl = parsed.data;
  }
  const count = env.DISCORD_SHARD_COUNT?.trim();
  if (count) {
    const parsed = z.coerce.number().int().positive().safeParse(count);
    if (!parsed.success)
      throw new DiscordSettingError({
        variable: "DISCORD_SHARD_COUNT",
        expected: "a whole number of shards, 1 or more",
      });
    settings.shardCount = parsed.data;
  }
  const shards = env.DISCORD_SHARDS?.trim();
  if (shards === "auto") settings.shards = "auto";
  else if (shards) {
    const ids = SHARD_IDS.test(shards) ? shards.split(",").map((id) => Number(id.trim())) : [];
    const total = settings.shardCount;
    if (ids.length === 0 || total === undefined || ids.some((id) => id >= total)) {
      throw new DiscordSettingError({
        variable: "DISCORD_SHARDS",
        expected: `"auto", or shard ids below DISCORD_SHARD_COUNT such as "0,1" (DISCORD_SHARD_COUNT is ${total ?? "not set"})`,
      });
    }
    settings.shards = ids;
  }
  return settings;
}
