import type { PlatformConnectorFactory } from "../platform-connector-factory.js";
import { TwitterConfigError } from "./twitter-config-error.js";
import { readTwitterSettings } from "./twitter-settings.js";

/**
 * How `troupe start` runs X bots: a character whose access token (OAuth
 * 1.0a, with the other three keys beside it) or OAuth 2.0 user token is in
 * its secrets, its settings or the environment gets a `TwitterConnector`.
 * The access token identifies the account, so two characters may share one
 * app's API key but never an account. The bots one factory starts know each
 * other as bots (X has no bot flag), so they answer each other only within
 * `TWITTER_MAX_BOT_REPLIES`.
 */
export function createTwitterConnectorFactory(): PlatformConnectorFactory {
  const knownBots = new Set<string>();
  return {
    platform: "twitter",
    tokenVariables: ["TWITTER_ACCESS_TOKEN", "TWITTER_OAUTH2_TOKEN"],
    create({ character, token, env, logger }) {
      const settings = readTwitterSettings(character, env, token.source);
      if (!settings) {
        throw new TwitterConfigError({ character: character.name, variable: token.variable, problem: "is empty" });
      }
      // twitter-api-v2 and twitter-text only when a character has X credentials.
      return import("./twitter-connector.js").then(
        ({ TwitterConnector }) => new TwitterConnector({ agent: character.name, settings, knownBots, logger }),
      );
    },
  };
}
