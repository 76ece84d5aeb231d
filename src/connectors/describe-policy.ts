import { type ConnectorPolicy, DEFAULT_MAX_BOT_EXCHANGES } from "../character/index.js";

/**
 * What a bot with this policy answers, for its start-up line:
 * "DMs, and group messages that mention it or reply to it". Unset policy: the defaults.
 */
export function describePolicy(policy: ConnectorPolicy | undefined): string {
  const groups =
    policy?.respondTo === "all"
      ? "DMs, and every group message"
      : policy?.respondTo === "never"
        ? "DMs only"
        : "DMs, and group messages that mention it, reply to it or name it";
  const limits = [
    policy?.allowUsers ? `only from ${policy.allowUsers.length} allowed user(s)` : undefined,
    policy?.allowRooms ? `only in ${policy.allowRooms.length} allowed room(s)` : undefined,
    policy?.allowBots
      ? `other bots too, at most ${policy.maxBotExchanges ?? DEFAULT_MAX_BOT_EXCHANGES} in a row per room`
      : undefined,
  ].filter(Boolean);
  return limits.length > 0 ? `${groups}; ${limits.join("; ")}` : groups;
}
