import type { ReplyContext } from "./reply-context.js";

/** A remembered line as the prompt writes it: who said it, what they said, and whether that was the user. */
export interface SpeakerLine {
  speaker: string;
  said: string;
  byUser: boolean;
}

/**
 * Reads a "Things you remember" line, `Alice: I adopted a cat`; undefined
 * for a line in another shape. The user is whoever the prompt says the
 * current speaker is (the name they told, or their display name).
 */
export function readSpeakerLine(ctx: ReplyContext, line: string): SpeakerLine | undefined {
  const match = /^([^:]{1,40}):\s+(.+)$/.exec(line);
  if (!match) return undefined;
  const speaker = (match[1] as string).trim();
  const user = [ctx.name, ctx.conversation.facts.get("name"), ctx.conversation.speaker.get("display name")];
  const byUser = user.some((name) => name?.toLowerCase() === speaker.toLowerCase());
  return { speaker, said: (match[2] as string).trim(), byUser };
}
