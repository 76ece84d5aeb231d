import { type Character, type ConnectorPolicy, DEFAULT_MAX_BOT_EXCHANGES } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";
import { escapeRegExp } from "../text/index.js";
import { BotExchanges } from "./bot-exchanges.js";

export type Decision = { respond: true } | { respond: false; reason: string };

const DEFAULT_POLICY: ConnectorPolicy = { enabled: true, respondTo: "mentions", admins: [] };

/**
 * Step 2 of the pipeline: should the agent answer this message? Always in a
 * direct conversation; in a group only when addressed (mentioned, replied to,
 * or named), unless the platform policy says `respondTo: "all"` (or `"never"`).
 * Never outside the policy's allowlists. Other bots only when the policy has
 * `allowBots`, and then at most `maxBotExchanges` (default 3) bot messages in
 * a row per room, counted in `exchanges`, before it waits for a human.
 *
 * A refusal carries the reason, for the debug log that explains a silent bot.
 */
export function decideToRespond(
  message: InboundMessage,
  character: Character,
  exchanges: BotExchanges = new BotExchanges(),
): Decision {
  const policy = character.connectors[message.platform] ?? DEFAULT_POLICY;
  const room = `${message.platform}:${message.room.id}`;
  if (message.user.isBot) {
    if (!policy.allowBots) {
      return { respond: false, reason: `the sender is a bot (connectors.${message.platform}.allowBots is off)` };
    }
    const limit = policy.maxBotExchanges ?? DEFAULT_MAX_BOT_EXCHANGES;
    if (exchanges.count(room) >= limit) {
      return {
        respond: false,
        reason: `already answered ${limit} bot messages in a row in this room; waiting for a human`,
      };
    }
  } else {
    exchanges.humanSpoke(room);
  }
  const decision = decideByAddress(message, character, policy);
  if (decision.respond && message.user.isBot) exchanges.answeredBot(room);
  return decision;
}

function decideByAddress(message: InboundMessage, character: Character, policy: ConnectorPolicy): Decision {
  if (policy.allowUsers && !isListed(policy.allowUsers, message.user.id, message.platform)) {
    return { respond: false, reason: "the sender is not on the allowlist" };
  }
  if (policy.allowRooms && !isListed(policy.allowRooms, message.room.id, message.platform)) {
    return { respond: false, reason: "the room is not on the allowlist" };
  }
  if (message.room.kind === "direct") return { respond: true };
  if (policy.respondTo === "never") {
    return { respond: false, reason: `connectors.${message.platform}.respondTo is "never" in group rooms` };
  }
  if (policy.respondTo === "all") return { respond: true };
  if (message.mentionsAgent || message.repliesToAgent || mentionsByName(message.text, character.name)) {
    return { respond: true };
  }
  return { respond: false, reason: "not addressed in a group room (no mention, no reply to it, not named)" };
}

/** An allowlist entry may name an id with or without its platform: `123` and `telegram:123` are the same user. */
function isListed(list: string[], id: string, platform: string): boolean {
  const bare = id.startsWith(`${platform}:`) ? id.slice(platform.length + 1) : id;
  // An entry also covers what lies inside it: chat `-100123` covers its forum topic `-100123:7`.
  return list.some((entry) => {
    const listed = entry.startsWith(`${platform}:`) ? entry.slice(platform.length + 1) : entry;
    return bare === listed || bare.startsWith(`${listed}:`);
  });
}

function mentionsByName(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\p{L}])@?${escapeRegExp(name)}([^\\p{L}]|$)`, "iu").test(text);
}
