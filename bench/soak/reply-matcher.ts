import type { LatencyBook } from "./latency-book.js";

/**
 * Pairs a platform's replies with the messages that asked for them, per
 * chat and in order (each room is answered in order): what is still
 * waiting at the end was sent and never answered.
 */
export class ReplyMatcher {
  private readonly waiting = new Map<string, number[]>();
  replies = 0;
  /** Proactive messages (reminders) seen. */
  proactive = 0;

  constructor(private readonly book: LatencyBook) {}

  /** A user's message went to `chat` now. */
  sent(chat: string): void {
    const times = this.waiting.get(chat) ?? [];
    times.push(Date.now());
    this.waiting.set(chat, times);
  }

  /** The bot said `text` in `chat`: a reminder, or the answer to the oldest message waiting there. */
  answered(chat: string, text: string): void {
    if (text.startsWith("⏰")) {
      this.proactive++;
      return;
    }
    const sentAt = this.waiting.get(chat)?.shift();
    if (sentAt === undefined) return; // the second part of a long reply
    this.replies++;
    this.book.record(Date.now() - sentAt);
  }

  /** Messages still waiting for an answer. */
  get unanswered(): number {
    let count = 0;
    for (const times of this.waiting.values()) count += times.length;
    return count;
  }
}
