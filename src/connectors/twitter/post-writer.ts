import type { Logger } from "pino";
import type { ConnectedAgent } from "../connector.js";
import type { DailyBudget } from "./daily-budget.js";
import { fitPost } from "./fit-post.js";
import type { PostingGate } from "./posting-gate.js";
import { stripLeadingMentions } from "./strip-leading-mentions.js";
import type { TwitterSettings } from "./twitter-settings.js";
import type { TwitterState } from "./twitter-state.js";
import { MAX_POST_WEIGHT } from "./weighted-length.js";
import type { XApi } from "./x-api.js";
import { XApiError } from "./x-api-error.js";

/** Drafts asked of the model for one post before giving up on writing something new. */
const ATTEMPTS = 3;

/** What a `PostWriter` works with. */
export interface PostWriterOptions {
  agent: ConnectedAgent;
  api: XApi;
  budget: DailyBudget;
  state: TwitterState;
  settings: TwitterSettings;
  gate: PostingGate;
  stopPosting: (error: XApiError) => void;
  logger: Logger;
}

/**
 * Writes and publishes the posts a character makes on its own: the agent's
 * model drafts one about a random topic of the character, fitted to 280
 * weighted characters; a text posted before is never posted again (X
 * rejects duplicates). With `TWITTER_DRY_RUN` the post is logged, not sent.
 */
export class PostWriter {
  constructor(private readonly options: PostWriterOptions) {}

  /** Writes and posts one post; resolves to its id (undefined in a dry run or when nothing was posted). */
  async post(): Promise<string | undefined> {
    const { agent, api, budget, state, settings, gate, logger } = this.options;
    if (!agent.writePost) {
      logger.warn(`twitter: ${agent.name} cannot write posts with its model; scheduled posts are off`);
      return undefined;
    }
    if (gate.stoppedReason) return undefined;
    if (!settings.dryRun && budget.postsLeft() < 1) {
      logger.warn("twitter: scheduled post skipped; today's post budget is spent");
      return undefined;
    }
    const topics = agent.character.topics;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const topic = topics.length > 0 ? topics[Math.floor(Math.random() * topics.length)] : undefined;
      const draft = await agent.writePost({ platform: "twitter", topic, maxLength: MAX_POST_WEIGHT });
      const text = fitPost(stripLeadingMentions(draft));
      if (!text || text === "…" || state.hasPosted(text)) continue;
      if (settings.dryRun) {
        logger.info({ topic, text }, "dry run: would post");
        return undefined;
      }
      try {
        const id = await api.post(text);
        state.recordPost(text, id);
        logger.info({ tweet: id, topic }, "twitter: posted");
        return id;
      } catch (error) {
        if (!(error instanceof XApiError)) throw error;
        if (error.reason === "duplicate") {
          // Posted before this store knew it (another data folder, or a crash before recording): remember and write another.
          state.recordPost(text, undefined);
          continue;
        }
        if (error.reason === "forbidden") this.options.stopPosting(error);
        else logger.error({ code: error.code }, `twitter: scheduled post not sent: ${error.message}`);
        return undefined;
      }
    }
    logger.warn(`twitter: ${agent.name} wrote nothing new in ${ATTEMPTS} drafts; no post this time`);
    return undefined;
  }
}
