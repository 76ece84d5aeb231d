import type { ToolCall } from "@langchain/core/messages";

/** How long a confirmation question stays open. */
const CONFIRMATION_TTL_MS = 5 * 60_000;
const YES = /^(?:y|yes|yep|yeah|sure|ok|okay|confirm|confirmed|do it|go ahead|please do)\b/i;
const NO = /^(?:n|no|nope|nah|cancel|stop|don't|do not|never mind|nevermind)\b/i;

/** How a user answered a confirmation question. */
export type ConfirmationAnswer = "yes" | "no" | undefined;

/** Reads "yes", "sure", "go ahead" or "no", "cancel" at the start of a message; anything else is not an answer. */
export function readConfirmation(text: string): ConfirmationAnswer {
  const trimmed = text.trim();
  if (YES.test(trimmed)) return "yes";
  if (NO.test(trimmed)) return "no";
  return undefined;
}

/** Tool calls waiting for their user to say yes, one per user and room, for five minutes. */
export class PendingConfirmations {
  private readonly pending = new Map<string, { call: ToolCall; expires: number }>();

  /** Remembers `call` until the same user in the same room answers. */
  ask(key: string, call: ToolCall, now = Date.now()): void {
    this.pending.set(key, { call, expires: now + CONFIRMATION_TTL_MS });
  }

  /** The call waiting for this user and room, removed; undefined when none or expired. */
  take(key: string, now = Date.now()): ToolCall | undefined {
    const entry = this.pending.get(key);
    this.pending.delete(key);
    return entry && entry.expires > now ? entry.call : undefined;
  }

  /** True when a call waits for this user and room. */
  has(key: string, now = Date.now()): boolean {
    const entry = this.pending.get(key);
    return entry !== undefined && entry.expires > now;
  }
}
