import { createHash } from "node:crypto";
import type { Store } from "../../store/index.js";

/** A mention as the connector claims it, before anything is posted. */
export interface MentionClaim {
  tweetId: string;
  conversationId: string;
  authorId: string;
  authorIsBot: boolean;
}

/** Calls made on one day and their estimated cost. */
export interface DaySpend {
  day: string;
  reads: number;
  posts: number;
  costUsd: number;
}

/** How a claimed mention ended: answered (with the ids of the reply posts), ignored, or failed to post. */
export type MentionOutcome = { status: "answered"; replyIds: string[] } | { status: "ignored" | "failed" };

/**
 * The Twitter connector's durable state for one character, in SQLite: the
 * mention cursor, claimed mentions, its own posts and the daily spend.
 * Synchronous, like better-sqlite3: each write is durable when it returns.
 */
export class TwitterState {
  constructor(
    private readonly db: Store,
    private readonly agent: string,
  ) {}

  /** The newest mention id already read for this account, if any. */
  sinceId(accountId: string): string | undefined {
    const row = this.db
      .prepare("SELECT since_id FROM twitter_cursors WHERE agent = ? AND account_id = ?")
      .get(this.agent, accountId) as { since_id: string } | undefined;
    return row?.since_id;
  }

  /** Moves the cursor forward to `id`; never back (ids are 64-bit, compared as BigInt). */
  advanceSinceId(accountId: string, id: string): void {
    const current = this.sinceId(accountId);
    if (current !== undefined && BigInt(current) >= BigInt(id)) return;
    this.db
      .prepare(
        `INSERT INTO twitter_cursors (agent, account_id, since_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (agent, account_id) DO UPDATE SET since_id = excluded.since_id, updated_at = excluded.updated_at`,
      )
      .run(this.agent, accountId, id, Date.now());
  }

  /**
   * Records a mention before it is answered. Returns false when it was
   * claimed before (read twice, or read again after a crash): it must not be
   * answered again.
   */
  claimMention(claim: MentionClaim, at = Date.now()): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO twitter_mentions (agent, tweet_id, conversation_id, author_id, author_is_bot, status, claimed_at)
         VALUES (?, ?, ?, ?, ?, 'claimed', ?)`,
      )
      .run(this.agent, claim.tweetId, claim.conversationId, claim.authorId, claim.authorIsBot ? 1 : 0, at);
    return result.changes === 1;
  }

  /** Records how a claimed mention ended. */
  finishMention(tweetId: string, outcome: MentionOutcome): void {
    const replyIds = outcome.status === "answered" ? JSON.stringify(outcome.replyIds) : null;
    this.db
      .prepare("UPDATE twitter_mentions SET status = ?, reply_ids = ? WHERE agent = ? AND tweet_id = ?")
      .run(outcome.status, replyIds, this.agent, tweetId);
  }

  /** When the connector last answered (or set out to answer) this account, in ms since the epoch. */
  lastReplyTo(authorId: string): number | undefined {
    const row = this.db
      .prepare(
        `SELECT MAX(claimed_at) AS at FROM twitter_mentions
         WHERE agent = ? AND author_id = ? AND status IN ('claimed', 'answered')`,
      )
      .get(this.agent, authorId) as { at: number | null };
    return row.at ?? undefined;
  }

  /** How many times the connector answered a known bot in this conversation. */
  botRepliesIn(conversationId: string): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM twitter_mentions
         WHERE agent = ? AND conversation_id = ? AND author_is_bot = 1 AND status IN ('claimed', 'answered')`,
      )
      .get(this.agent, conversationId) as { n: number };
    return row.n;
  }

  /** The newest mention claimed in a conversation (from `authorId`, when given): where a later message there replies. */
  latestMentionIn(conversationId: string, authorId?: string): string | undefined {
    const rows = this.db
      .prepare(
        `SELECT tweet_id FROM twitter_mentions WHERE agent = ? AND conversation_id = ? AND (? IS NULL OR author_id = ?)`,
      )
      .pluck()
      .all(this.agent, conversationId, authorId ?? null, authorId ?? null) as string[];
    return rows.reduce<string | undefined>(
      (newest, id) => (!newest || BigInt(id) > BigInt(newest) ? id : newest),
      undefined,
    );
  }

  /** True when the connector already posted this text (X rejects a duplicate). */
  hasPosted(text: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM twitter_posts WHERE agent = ? AND text_key = ?").get(this.agent, textKey(text)) !==
      undefined
    );
  }

  /** Remembers a text the account posted (a reply part or a post of its own). */
  recordPost(text: string, tweetId: string | undefined): void {
    this.db
      .prepare("INSERT OR IGNORE INTO twitter_posts (agent, text_key, tweet_id, created_at) VALUES (?, ?, ?, ?)")
      .run(this.agent, textKey(text), tweetId ?? null, Date.now());
  }

  /** The calls counted on `day` (`YYYY-MM-DD`, UTC). */
  spend(day: string): DaySpend {
    const row = this.db
      .prepare("SELECT reads, posts, cost_usd FROM twitter_spend WHERE agent = ? AND day = ?")
      .get(this.agent, day) as { reads: number; posts: number; cost_usd: number } | undefined;
    return { day, reads: row?.reads ?? 0, posts: row?.posts ?? 0, costUsd: row?.cost_usd ?? 0 };
  }

  /** Adds calls to `day`'s count. */
  addSpend(day: string, added: { reads?: number; posts?: number; costUsd: number }): void {
    this.db
      .prepare(
        `INSERT INTO twitter_spend (agent, day, reads, posts, cost_usd) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (agent, day) DO UPDATE SET reads = reads + excluded.reads, posts = posts + excluded.posts,
           cost_usd = cost_usd + excluded.cost_usd`,
      )
      .run(this.agent, day, added.reads ?? 0, added.posts ?? 0, added.costUsd);
  }
}

/** Posts that differ only in case or spacing count as the same text. */
function textKey(text: string): string {
  return createHash("sha256").update(text.trim().replace(/\s+/g, " ").toLowerCase()).digest("hex");
}
