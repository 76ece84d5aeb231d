import type { Logger } from "pino";
import type { TweetV2, UserV2 } from "twitter-api-v2";
import type { ConnectedAgent } from "../connector.js";
import type { DailyBudget } from "./daily-budget.js";
import { mentionMessage } from "./mention-message.js";
import { postThread } from "./post-thread.js";
import type { PostingGate } from "./posting-gate.js";
import { splitIntoThread } from "./split-into-thread.js";
import { stripLeadingMentions } from "./strip-leading-mentions.js";
import type { TwitterSettings } from "./twitter-settings.js";
import type { TwitterState } from "./twitter-state.js";
import type { XAccount, XApi } from "./x-api.js";
import { XApiError } from "./x-api-error.js";

/** What a `MentionResponder` works with. */
export interface MentionResponderOptions {
  agent: ConnectedAgent;
  account: XAccount;
  api: XApi;
  budget: DailyBudget;
  state: TwitterState;
  settings: TwitterSettings;
  /** Lower-case usernames of known bots (X has no bot flag). */
  knownBots: ReadonlySet<string>;
  gate: PostingGate;
  /** Called when X refuses a post with 403: posting stops for the character. */
  stopPosting: (error: XApiError) => void;
  logger: Logger;
}

/**
 * Reads a character's new mentions and answers each at most once. Every
 * mention is claimed in SQLite before its reply is posted, and the cursor
 * (`since_id`) moves after each, so two polls, a restart or a crash between
 * posting and saving never lead to a second reply.
 */
export class MentionResponder {
  private budgetNoted = "";
  /** The poll in progress: polls run one at a time, so none reads a cursor another is moving. */
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly options: MentionResponderOptions) {}

  /** One poll, after any poll in progress: reads the mentions since the cursor (within the read budget) and answers them, oldest first. */
  poll(): Promise<void> {
    const run = this.current.then(() => this.pollOnce());
    this.current = run.catch(() => undefined);
    return run;
  }

  private async pollOnce(): Promise<void> {
    const { api, account, state, budget, logger } = this.options;
    const page = await api.mentions(account.id, state.sinceId(account.id));
    if (!page) {
      const day = budget.today().day;
      if (this.budgetNoted !== day)
        logger.warn(`twitter: today's read budget is spent; mentions wait until tomorrow (UTC)`);
      this.budgetNoted = day;
      return;
    }
    for (const tweet of [...page.tweets].reverse()) {
      await this.answer(tweet, tweet.author_id ? page.authors.get(tweet.author_id) : undefined);
      state.advanceSinceId(account.id, tweet.id);
    }
    if (page.newestId) state.advanceSinceId(account.id, page.newestId);
  }

  /** Posts `text` as a reply (threaded when long) to `replyTo`; false when it could not be sent. */
  async send(text: string, replyTo: string): Promise<boolean> {
    const parts = splitIntoThread(stripLeadingMentions(text).trim());
    return (await this.post(parts, replyTo)) !== undefined;
  }

  private async answer(tweet: TweetV2, author: UserV2 | undefined): Promise<void> {
    const { account, state, agent, logger } = this.options;
    // Its own posts show up when it names itself; they are never answered (nor claimed).
    if (tweet.author_id === account.id) return;
    const authorId = tweet.author_id ?? "unknown";
    const isBot = author ? this.options.knownBots.has(author.username.toLowerCase()) : false;
    const conversationId = tweet.conversation_id ?? tweet.id;
    const skip = this.skipReason(authorId, conversationId, isBot);
    if (!state.claimMention({ tweetId: tweet.id, conversationId, authorId, authorIsBot: isBot })) return;
    if (skip) {
      logger.info({ tweet: tweet.id, author: author?.username }, `twitter: not answering: ${skip}`);
      state.finishMention(tweet.id, { status: "ignored" });
      return;
    }
    const reply = await agent.handle(mentionMessage(tweet, author, account, isBot));
    const text = reply ? stripLeadingMentions(reply.text).trim() : "";
    if (!text) {
      state.finishMention(tweet.id, { status: "ignored" });
      return;
    }
    const replyIds = await this.post(splitIntoThread(text), tweet.id);
    state.finishMention(tweet.id, replyIds ? { status: "answered", replyIds } : { status: "failed" });
  }

  /** Why a mention is not answered at all, checked before it is claimed (so it does not count against itself). */
  private skipReason(authorId: string, conversationId: string, isBot: boolean): string | undefined {
    const { state, settings } = this.options;
    const last = state.lastReplyTo(authorId);
    if (last !== undefined && Date.now() - last < settings.userCooldownSeconds * 1000) {
      return `answered this account less than ${settings.userCooldownSeconds} s ago`;
    }
    if (isBot && state.botRepliesIn(conversationId) >= settings.maxBotReplies) {
      return `already answered bots ${settings.maxBotReplies} times in this conversation`;
    }
    return undefined;
  }

  /** Posts a thread within the gate and the post budget; the ids, or undefined when nothing (or not all) was sent. */
  private async post(parts: string[], replyTo: string): Promise<string[] | undefined> {
    const { api, budget, settings, gate, logger } = this.options;
    if (gate.stoppedReason) {
      logger.warn({ replyTo }, `twitter: reply not sent; posting is stopped (${gate.stoppedReason})`);
      return undefined;
    }
    if (!settings.dryRun && budget.postsLeft() < parts.length) {
      logger.warn({ replyTo, parts: parts.length }, "twitter: reply not sent; today's post budget is spent");
      return undefined;
    }
    try {
      const ids = await postThread({ api, parts, replyTo, dryRun: settings.dryRun, logger });
      for (const [index, id] of ids.entries()) this.options.state.recordPost(parts[index] as string, id);
      return ids;
    } catch (error) {
      if (!(error instanceof XApiError)) throw error;
      if (error.reason === "forbidden") this.options.stopPosting(error);
      else logger.error({ code: error.code, replyTo }, `twitter: reply not sent: ${error.message}`);
      return undefined;
    }
  }
}
