import type { Character, ConnectorPolicy } from "../character/index.js";
import type { InboundMessage } from "../connectors/index.js";

export type Decision = { respond: true } | { respond: false; reason: string };

const DEFAULT_POLICY: ConnectorPolicy = { enabled: true, respondTo: "mentions", admins: [] };

/**
 * Step 2 of the pipeline: should the agent answer this message? Always in a
 * direct conversation; in a group only when addressed (mentioned, replied to,
 * or named), unless the platform policy says `respondTo: "all"`. Never to
 * bots, and never outside the policy's allowlists.
 */
export function decideToRespond(message: InboundMessage, character: Character): Decision {
  const policy = character.connectors[message.platform] ?? DEFAULT_POLICY;
  if (message.user.isBot) return { respond: false, reason: "the sender is a bot" };
  if (policy.allowUsers && !policy.allowUsers.includes(message.user.id)) {
    return { respond: false, reason: "the sender is not on the allowlist" };
  }
  if (policy.allowRooms && !policy.allowRooms.includes(message.room.id)) {
    return { respond: false, reason: "the room is not on the allowlist" };
  }
  if (message.room.kind === "direct" || policy.respondTo === "all") return { respond: true };
  if (message.mentionsAgent || message.repliesToAgent || mentionsByName(message.text, character.name)) {
    return { respond: true };
  }
  return { respond: false, reason: "not addressed in a group room" };
}

function mentionsByName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])@?${escaped}([^\\p{L}]|$)`, "iu").test(text);
}
