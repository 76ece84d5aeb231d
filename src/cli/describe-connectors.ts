/** The platforms Troupe knows of, and the variable that holds each one's token. */
const PLATFORMS = [
  { name: "discord", variable: "DISCORD_BOT_TOKEN" },
  { name: "telegram", variable: "TELEGRAM_BOT_TOKEN" },
  { name: "twitter", variable: "TWITTER_API_KEY" },
] as const;

/** One line per known platform that has no connector in `built` (those print their own lines), saying it is off and why. */
export function describeConnectors(env: Record<string, string | undefined>, built: readonly string[] = []): string[] {
  return PLATFORMS.filter(({ name }) => !built.includes(name)).map(({ name, variable }) =>
    env[variable]
      ? `connector ${name}: off (${variable} is set, but this version of Troupe has no ${name} connector yet)`
      : `connector ${name}: off (${variable} is not set)`,
  );
}
