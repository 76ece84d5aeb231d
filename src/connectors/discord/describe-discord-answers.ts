/**
 * The start-up line's account of what a Discord bot answers, e.g.
 * "DMs, and server messages that mention it, reply to it or name Juno;
 * MessageContent intent: missing, so in servers it sees only messages that
 * mention it". "It never answers" should be answered before anyone asks.
 */
export function describeDiscordAnswers(options: {
  characterName: string;
  respondTo: "mentions" | "all" | "never";
  contentVisible: boolean;
}): string {
  const groups = {
    mentions: `DMs, and server messages that mention it, reply to it or name ${options.characterName}`,
    all: "DMs, and every server message it can read",
    never: "DMs only",
  }[options.respondTo];
  const intent = options.contentVisible
    ? "MessageContent intent: on"
    : "MessageContent intent: missing, so in servers it sees only messages that mention it";
  return `${groups}; ${intent}; slash commands /ask and /forget-me`;
}
