import { z } from "zod";
import type { Character } from "../../character/index.js";
import { TwitterConfigError } from "./twitter-config-error.js";

/** How the connector signs its calls: OAuth 1.0a user context (four keys) or an OAuth 2.0 user access token. */
export type TwitterCredentials =
  | { kind: "oauth1"; appKey: string; appSecret: string; accessToken: string; accessSecret: string }
  | { kind: "oauth2"; token: string };

/** Everything the Twitter connector of one character runs on. Variable names follow elizaOS where it has one. */
export interface TwitterSettings {
  credentials: TwitterCredentials;
  /** Where the credentials came from, for error lines: `TWITTER_OAUTH2_TOKEN (environment)`, never a value. */
  credentialSource: string;
  /** `TWITTER_API_BASE`: replaces `https://api.x.com`, e.g. a proxy or a test server. */
  apiBase?: string;
  /** `TWITTER_POLL_INTERVAL`, seconds between two mention polls. Default 120. */
  pollIntervalSeconds: number;
  /** `TWITTER_ENABLE_POST`: post on its own between `POST_INTERVAL_MIN` and `POST_INTERVAL_MAX` minutes. */
  enablePost: boolean;
  postIntervalMinutes: { min: number; max: number };
  /** `TWITTER_DRY_RUN`: log every post and reply instead of sending it. */
  dryRun: boolean;
  /** `TWITTER_MAX_READS_PER_DAY` and `TWITTER_MAX_POSTS_PER_DAY`: the daily budget, never exceeded. */
  maxReadsPerDay: number;
  maxPostsPerDay: number;
  /** `TWITTER_USER_COOLDOWN`, seconds: one reply per account at most this often. Default 300. */
  userCooldownSeconds: number;
  /** `TWITTER_MAX_BOT_REPLIES`: replies to a known bot per conversation. Default 3. */
  maxBotReplies: number;
  /** `TWITTER_BOT_ACCOUNTS`: usernames of other bots (comma-separated), besides the troupe's own. */
  botAccounts: string[];
}

/** Defaults of the budget: about $0.90 a day, $27 in a 30-day month, at $0.005 a post read and $0.015 a post. */
export const DEFAULT_MAX_READS_PER_DAY = 100;
export const DEFAULT_MAX_POSTS_PER_DAY = 25;

const OAUTH1_VARIABLES = [
  "TWITTER_API_KEY",
  "TWITTER_API_SECRET_KEY",
  "TWITTER_ACCESS_TOKEN",
  "TWITTER_ACCESS_TOKEN_SECRET",
] as const;

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => ["true", "1", "yes"].includes(value));
const count = (minimum: number) => z.coerce.number().int().min(minimum);

/** Each variable's check, and the line that says what was expected. */
const CHECKS = {
  TWITTER_API_BASE: [z.url({ protocol: /^https?$/ }), "must be an http(s) URL such as http://127.0.0.1:8083"],
  TWITTER_POLL_INTERVAL: [count(1), "must be a whole number of seconds, at least 1"],
  TWITTER_ENABLE_POST: [flag, "must be true or false"],
  POST_INTERVAL_MIN: [count(1), "must be a whole number of minutes, at least 1"],
  POST_INTERVAL_MAX: [count(1), "must be a whole number of minutes, at least 1"],
  TWITTER_DRY_RUN: [flag, "must be true or false"],
  TWITTER_MAX_READS_PER_DAY: [count(0), "must be a whole number, 0 or more"],
  TWITTER_MAX_POSTS_PER_DAY: [count(0), "must be a whole number, 0 or more"],
  TWITTER_USER_COOLDOWN: [count(0), "must be a whole number of seconds, 0 or more"],
  TWITTER_MAX_BOT_REPLIES: [count(0), "must be a whole number, 0 or more"],
} as const satisfies Record<string, readonly [z.ZodType, string]>;

type Checked = { [K in keyof typeof CHECKS]: z.output<(typeof CHECKS)[K][0]> | undefined };

/** Where a character's values are read from, in this order. */
type Place = "secrets" | "settings" | "environment";
const PLACES: readonly Place[] = ["secrets", "settings", "environment"];
const CREDENTIAL_VARIABLES = [...OAUTH1_VARIABLES, "TWITTER_OAUTH2_TOKEN"];

/**
 * Reads the Twitter settings of one character: each variable from the
 * character's `secrets`, then its `settings`, then `env`. The credentials
 * all come from one place (`credentialsFrom`, else the first that has any),
 * so a character's own access token is never paired with another's secret.
 * Returns undefined when there are no credentials (the connector is off);
 * throws `TwitterConfigError` naming the character and variable when they are
 * incomplete or a value is malformed. Values never appear in errors.
 */
export function readTwitterSettings(
  character: Character,
  env: Record<string, string | undefined>,
  credentialsFrom?: Place,
): TwitterSettings | undefined {
  const readIn = (place: Place, name: string): string | undefined => {
    const values: Record<string, unknown> =
      place === "secrets" ? character.secrets : place === "settings" ? character.settings : env;
    const value = values[name];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const read = (name: string) => PLACES.map((place) => readIn(place, name)).find((value) => value !== undefined);
  const place =
    credentialsFrom ?? PLACES.find((candidate) => CREDENTIAL_VARIABLES.some((name) => readIn(candidate, name)));
  const credentials = place ? readCredentials(character.name, (name) => readIn(place, name)) : undefined;
  if (!credentials) return undefined;
  const checked = {} as Record<string, unknown>;
  for (const [name, [schema, expected]] of Object.entries(CHECKS)) {
    const value = read(name);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TwitterConfigError({ character: character.name, variable: name, problem: expected });
    checked[name] = parsed.data;
  }
  const values = checked as Checked;
  const min = values.POST_INTERVAL_MIN ?? 90;
  const max = values.POST_INTERVAL_MAX ?? Math.max(180, min);
  if (max < min) {
    throw new TwitterConfigError({
      character: character.name,
      variable: "POST_INTERVAL_MAX",
      problem: "must not be below POST_INTERVAL_MIN",
    });
  }
  return {
    credentials: credentials.value,
    credentialSource: `${credentials.variable} (${place === "environment" ? "environment" : `${character.name}'s ${place}`})`,
    apiBase: values.TWITTER_API_BASE?.replace(/\/+$/, ""),
    pollIntervalSeconds: values.TWITTER_POLL_INTERVAL ?? 120,
    enablePost: values.TWITTER_ENABLE_POST ?? false,
    postIntervalMinutes: { min, max },
    dryRun: values.TWITTER_DRY_RUN ?? false,
    maxReadsPerDay: values.TWITTER_MAX_READS_PER_DAY ?? DEFAULT_MAX_READS_PER_DAY,
    maxPostsPerDay: values.TWITTER_MAX_POSTS_PER_DAY ?? DEFAULT_MAX_POSTS_PER_DAY,
    userCooldownSeconds: values.TWITTER_USER_COOLDOWN ?? 300,
    maxBotReplies: values.TWITTER_MAX_BOT_REPLIES ?? 3,
    botAccounts: (read("TWITTER_BOT_ACCOUNTS") ?? "")
      .split(",")
      .map((name) => name.trim().replace(/^@/, "").toLowerCase())
      .filter(Boolean),
  };
}

function readCredentials(
  character: string,
  read: (name: string) => string | undefined,
): { value: TwitterCredentials; variable: string } | undefined {
  const oauth1 = OAUTH1_VARIABLES.map(read);
  const present = oauth1.filter((value) => value !== undefined).length;
  if (present === OAUTH1_VARIABLES.length) {
    const [appKey, appSecret, accessToken, accessSecret] = oauth1 as [string, string, string, string];
    return {
      value: { kind: "oauth1", appKey, appSecret, accessToken, accessSecret },
      variable: OAUTH1_VARIABLES.join(", "),
    };
  }
  const token = read("TWITTER_OAUTH2_TOKEN");
  if (present === 0) return token ? { value: { kind: "oauth2", token }, variable: "TWITTER_OAUTH2_TOKEN" } : undefined;
  const missing = OAUTH1_VARIABLES.filter((_, index) => oauth1[index] === undefined);
  throw new TwitterConfigError({
    character,
    variable: missing.join(", "),
    problem: `${missing.length === 1 ? "is" : "are"} not set; OAuth 1.0a needs all four of ${OAUTH1_VARIABLES.join(", ")}`,
  });
}
