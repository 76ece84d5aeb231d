/** The platform connectors and the variable that turns each on. */
const CONNECTORS = [
  { name: "discord", variable: "DISCORD_BOT_TOKEN" },
  { name: "telegram", variable: "TELEGRAM_BOT_TOKEN" },
  { name: "twitter", variable: "TWITTER_API_KEY" },
] as const;

/** One line per platform connector that is off, saying why. */
export function describeConnectors(env: Record<string, string | undefined>): string[] {
  return CONNECTORS.map(({ name, variable }) =>
    env[variable]
      ? `connector ${name}: off (${variable} is set, but this version of Troupe has no ${name} connector yet)`
      : `connector ${name}: off (${variable} is not set)`,
  );
}
