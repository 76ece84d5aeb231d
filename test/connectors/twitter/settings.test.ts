import { describe, expect, it } from "vitest";
import { characterSchema } from "../../../src/character/index.js";
import { readTwitterSettings } from "../../../src/connectors/twitter/index.js";
import { OAUTH1_ENV, useTwitterHarness } from "./twitter-harness.js";

function wren(secrets: Record<string, string> = {}, settings: Record<string, unknown> = {}) {
  return characterSchema.parse({ name: "Wren", source: { file: "wren.json", dialect: "troupe" }, secrets, settings });
}

describe("Twitter settings", () => {
  const { fakeX, startBot } = useTwitterHarness();

  it("is off without credentials, and reads the budget defaults otherwise", () => {
    expect(readTwitterSettings(wren(), {})).toBeUndefined();
    const settings = readTwitterSettings(wren(), OAUTH1_ENV);
    expect(settings).toMatchObject({
      credentials: { kind: "oauth1", appKey: "consumer-key", accessSecret: "access-secret" },
      pollIntervalSeconds: 120,
      maxReadsPerDay: 100,
      maxPostsPerDay: 25,
      dryRun: false,
      enablePost: false,
      postIntervalMinutes: { min: 90, max: 180 },
    });
  });

  it("takes an OAuth 2.0 user token, and a character's own keys before the environment's", () => {
    expect(readTwitterSettings(wren(), { TWITTER_OAUTH2_TOKEN: "user-token" })?.credentials).toEqual({
      kind: "oauth2",
      token: "user-token",
    });
    const own = { ...OAUTH1_ENV, TWITTER_ACCESS_TOKEN: "wren-token", TWITTER_POLL_INTERVAL: "30" };
    const settings = readTwitterSettings(wren(own), { ...OAUTH1_ENV, TWITTER_POLL_INTERVAL: "5" });
    expect(settings?.credentials).toMatchObject({ accessToken: "wren-token" });
    expect(settings?.pollIntervalSeconds).toBe(30);
    expect(settings?.credentialSource).toContain("Wren's secrets");
  });

  it("names the missing OAuth 1.0a variables and the character, never a value", () => {
    const partial = { TWITTER_API_KEY: "consumer-key", TWITTER_ACCESS_TOKEN: "access-token" };
    expect(() => readTwitterSettings(wren(), partial)).toThrow(
      "TWITTER_API_SECRET_KEY, TWITTER_ACCESS_TOKEN_SECRET are not set; OAuth 1.0a needs all four of TWITTER_API_KEY, TWITTER_API_SECRET_KEY, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET (X account of Wren).",
    );
    expect(() => readTwitterSettings(wren(), partial)).not.toThrow(/consumer-key|access-token/);
  });

  it("names a malformed variable and what it expects", () => {
    expect(() => readTwitterSettings(wren(), { ...OAUTH1_ENV, TWITTER_POLL_INTERVAL: "soon" })).toThrow(
      "TWITTER_POLL_INTERVAL must be a whole number of seconds, at least 1 (X account of Wren).",
    );
    expect(() => readTwitterSettings(wren(), { ...OAUTH1_ENV, TWITTER_API_BASE: "ftp://x" })).toThrow(
      /TWITTER_API_BASE must be an http\(s\) URL/,
    );
    expect(() =>
      readTwitterSettings(wren(), { ...OAUTH1_ENV, POST_INTERVAL_MIN: "60", POST_INTERVAL_MAX: "30" }),
    ).toThrow(/POST_INTERVAL_MAX must not be below POST_INTERVAL_MIN/);
  });

  it("refuses to start on rejected credentials with one line naming the character and variables, not the values", async () => {
    const fake = await fakeX();
    fake.rejectAuth = true;
    const start = startBot(fake);
    await expect(start).rejects.toThrow(
      "X rejected the bot token of Wren, from TWITTER_API_KEY, TWITTER_API_SECRET_KEY, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET (environment)",
    );
    await expect(start).rejects.not.toThrow(/consumer-key|consumer-secret|access-token|access-secret/);
  });

  it("signs with the OAuth 2.0 user token as a bearer token", async () => {
    const fake = await fakeX();
    fake.mention({ text: "ping" });
    const env = {
      TWITTER_API_KEY: "",
      TWITTER_API_SECRET_KEY: "",
      TWITTER_ACCESS_TOKEN: "",
      TWITTER_ACCESS_TOKEN_SECRET: "",
      TWITTER_OAUTH2_TOKEN: "user-token",
    };
    const { connector } = await startBot(fake, { env });
    await connector.pollMentions();
    expect(fake.posts).toHaveLength(1);
    expect(new Set(fake.requests.map((request) => request.authorization))).toEqual(new Set(["Bearer user-token"]));
  });
});
