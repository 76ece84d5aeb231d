/**
 * How a conversation turn is stored as a long-term memory: the speaker's name
 * and what they said, so recall can match on who said it as well as what.
 */
export function turnMemoryText(speaker: string, text: string): string {
  return `${speaker}: ${text}`;
}
