import type { DaySpend, TwitterState } from "./twitter-state.js";
import { X_API_PRICES } from "./x-api-prices.js";

/**
 * A character's daily allowance of X API calls, counted in SQLite so a
 * restart does not reset it. Reads are posts returned (X bills per post
 * read); posts are posts created. The cost also counts the one profile read
 * at each start. The day is the UTC date.
 */
export class DailyBudget {
  constructor(
    private readonly state: TwitterState,
    readonly limits: { reads: number; posts: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Today's calls and their estimated cost. */
  today(): DaySpend {
    return this.state.spend(utcDay(this.now()));
  }

  /** Reads left today. */
  readsLeft(): number {
    return Math.max(0, this.limits.reads - this.today().reads);
  }

  /** Posts left today. */
  postsLeft(): number {
    return Math.max(0, this.limits.posts - this.today().posts);
  }

  /** Counts posts returned by a read. */
  recordPostReads(count: number): void {
    if (count > 0) this.state.addSpend(utcDay(this.now()), { reads: count, costUsd: count * X_API_PRICES.postRead });
  }

  /** Counts the cost of a user returned by a read (the bot's own profile, once per start); the read budget counts posts. */
  recordUserRead(): void {
    this.state.addSpend(utcDay(this.now()), { costUsd: X_API_PRICES.userRead });
  }

  /** Counts one post created. */
  recordPost(): void {
    this.state.addSpend(utcDay(this.now()), { posts: 1, costUsd: X_API_PRICES.postCreate });
  }
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** One line for logs and `/health`: `today 12/100 reads, 3/25 posts, about $0.11`. */
export function describeSpend(spend: DaySpend, limits: { reads: number; posts: number }): string {
  return `today ${spend.reads}/${limits.reads} reads, ${spend.posts}/${limits.posts} posts, about $${spend.costUsd.toFixed(2)}`;
}
