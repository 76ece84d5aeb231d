import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { ApiRequestError, ApiResponseError, type TweetV2, type TwitterApi, type UserV2 } from "twitter-api-v2";
import type { DailyBudget } from "./daily-budget.js";
import type { RateLimits } from "./rate-limits.js";
import { XApiError, type XApiFailure } from "./x-api-error.js";

const ME = "GET /2/users/me";
const MENTIONS = "GET /2/users/:id/mentions";
const TWEETS = "POST /2/tweets";
/** X takes 5 to 100 results per mentions page. */
const MIN_PAGE = 5;
const MAX_PAGE = 100;
/** A 429 without rate-limit headers: wait this long before the one retry. */
const UNKNOWN_RESET_MS = 60_000;

/** The account the connector runs as. */
export interface XAccount {
  id: string;
  username: string;
  name: string;
}

/** One page of new mentions, newest first as X returns them, with their authors. */
export interface MentionPage {
  tweets: TweetV2[];
  authors: Map<string, UserV2>;
  newestId?: string;
}

/**
 * The X API v2 calls the connector makes, each within the daily budget and
 * the rate limits: it waits for an endpoint's reset instead of calling into
 * a 429, waits out a 429 and retries once, and turns every failure into an
 * `XApiError` with a reason. Extra actions (search, likes) belong here too.
 */
export class XApi {
  constructor(
    private readonly options: {
      client: TwitterApi;
      rateLimits: RateLimits;
      budget: DailyBudget;
      logger: Logger;
      signal: AbortSignal;
    },
  ) {}

  /** The account the credentials belong to (`GET /2/users/me`). */
  async me(): Promise<XAccount> {
    const { data } = await this.call(ME, () => this.options.client.v2.me());
    this.options.budget.recordUserRead();
    return { id: data.id, username: data.username, name: data.name };
  }

  /**
   * Mentions newer than `sinceId`, at most as many as the read budget has
   * left; undefined when fewer than X's smallest page are left today.
   */
  async mentions(accountId: string, sinceId: string | undefined): Promise<MentionPage | undefined> {
    const left = this.options.budget.readsLeft();
    if (left < MIN_PAGE) return undefined;
    const page = await this.call(MENTIONS, () =>
      this.options.client.v2.userMentionTimeline(accountId, {
        ...(sinceId ? { since_id: sinceId } : {}),
        max_results: Math.min(MAX_PAGE, left),
        expansions: ["author_id"],
        "tweet.fields": ["created_at", "conversation_id", "entities", "in_reply_to_user_id", "referenced_tweets"],
        "user.fields": ["username", "name"],
      }),
    );
    this.options.budget.recordPostReads(page.tweets.length);
    const authors = new Map((page.includes.users ?? []).map((user) => [user.id, user] as const));
    return { tweets: page.tweets, authors, newestId: page.meta.newest_id };
  }

  /** Posts `text`, as a reply to `replyTo` when given; resolves to the new post's id. */
  async post(text: string, replyTo?: string): Promise<string> {
    if (this.options.budget.postsLeft() < 1) {
      throw new XApiError({ endpoint: TWEETS, reason: "budget", detail: "today's post budget is spent" });
    }
    const payload = replyTo ? { text, reply: { in_reply_to_tweet_id: replyTo } } : { text };
    const { data } = await this.call(TWEETS, () => this.options.client.v2.tweet(payload));
    this.options.budget.recordPost();
    return data.id;
  }

  private async call<T>(endpoint: string, run: () => Promise<T>): Promise<T> {
    const { rateLimits, signal, logger } = this.options;
    for (let attempt = 0; ; attempt++) {
      const delay = rateLimits.delayFor(endpoint);
      if (delay > 0) logger.info({ endpoint, waitMs: delay }, "X rate limit reached; waiting for the reset");
      await rateLimits.ready(endpoint, signal);
      try {
        return await run();
      } catch (error) {
        if (error instanceof ApiResponseError && error.rateLimitError && attempt === 0) {
          const reset = error.rateLimit?.reset;
          const waitMs = reset ? Math.max(0, reset * 1000 - Date.now()) : UNKNOWN_RESET_MS;
          logger.warn({ endpoint, waitMs }, "X answered 429; waiting for the reset, then retrying once");
          await sleep(waitMs, undefined, { signal });
          continue;
        }
        throw toXApiError(endpoint, error);
      }
    }
  }
}

function toXApiError(endpoint: string, error: unknown): XApiError {
  if (error instanceof ApiResponseError) {
    const data = error.data as { detail?: string; title?: string; errors?: { message?: string }[] };
    const detail = data.detail ?? data.errors?.[0]?.message ?? data.title ?? error.message;
    return new XApiError({ endpoint, status: error.code, reason: reasonOf(error, detail), detail, cause: error });
  }
  if (error instanceof ApiRequestError) {
    return new XApiError({ endpoint, reason: "network", detail: error.requestError.message, cause: error });
  }
  if (error instanceof XApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new XApiError({ endpoint, reason: "network", detail, cause: error });
}

function reasonOf(error: ApiResponseError, detail: string): XApiFailure {
  if (error.isAuthError) return "auth";
  if (error.rateLimitError) return "rate-limited";
  if (error.code === 403) return /duplicate/i.test(detail) || error.hasErrorCode(187) ? "duplicate" : "forbidden";
  return error.code >= 500 ? "server" : "invalid";
}
