import type { Character } from "../../character/index.js";
import { fillNames } from "../../text/index.js";

/**
 * The answer to `/start` and `/help`, from the character: `/start` is its
 * greeting (or an introduction from its bio); `/help` says who it is, what
 * it likes to talk about and how to reach it in a group.
 */
export function commandReply(
  command: "start" | "help",
  character: Character,
  options: { botUsername: string; userName: string },
): string {
  const about = character.bio[0] ?? "";
  if (command === "start") {
    if (character.greeting) return fillNames(character.greeting, options.userName, character.name);
    return `Hi ${options.userName}, I'm ${character.name}. ${about}`.trim();
  }
  const topics = character.topics.slice(0, 3);
  return [
    `I'm ${character.name}.${about ? ` ${about}` : ""}`,
    topics.length > 0 ? `I like to talk about ${topics.join(", ")}.` : "",
    `Write to me here, or mention @${options.botUsername} (or reply to me) in a group.`,
  ]
    .filter(Boolean)
    .join("\n");
}
