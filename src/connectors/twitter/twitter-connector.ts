import type { Logger } from "pino";
import type { OutboundMessage } from "../../plugins/index.js";
import { applyMigrations } from "../../store/index.js";
import { CONNECTOR_API_VERSION, type ConnectedAgent, type ConnectorHost } from "../connector.js";
import { ConnectorTokenRejectedError } from "../connector-token-rejected-error.js";
import type { PlatformConnector } from "../platform-connector-factory.js";
import { createTwitterClient } from "./create-twitter-client.js";
import { DailyBudget, describeSpend } from "./daily-budget.js";
import { MentionResponder } from "./mention-responder.js";
import { PostWriter } from "./post-writer.js";
import type { PostingGate } from "./posting-gate.js";
import { RateLimits } from "./rate-limits.js";
import { repeat } from "./repeat.js";
import { TWITTER_MIGRATIONS } from "./twitter-migrations.js";
import type { TwitterSettings } from "./twitter-settings.js";
import { TwitterState } from "./twitter-state.js";
import { type XAccount, XApi } from "./x-api.js";
import { XApiError } from "./x-api-error.js";

/** Options of `TwitterConnector`. */
export interface TwitterConnectorOptions {
  /** The character whose agent speaks on this account (matched by name, ignoring case). */
  agent: string;
  settings: TwitterSettings;
  /**
   * Lower-case usernames of bots, shared by the troupe's Twitter connectors: each adds its own account and
   * its `TWITTER_BOT_ACCOUNTS` at start. Default: a set of its own.
   */
  knownBots?: Set<string>;
  /** Default: the troupe's logger. */
  logger?: Logger;
}

/** What a started connector holds. */
interface Running {
  agent: ConnectedAgent;
  account: XAccount;
  api: XApi;
  budget: DailyBudget;
  state: TwitterState;
  logger: Logger;
  mentions: MentionResponder;
  posts: PostWriter;
  gate: PostingGate;
}

/**
 * One character on X through the official API v2 (`twitter-api-v2`): polls
 * its mentions and answers each once in a threaded reply, posts on its own
 * on a schedule when asked to, and keeps within the daily budget and the rate
 * limits. State (the mention cursor, claimed mentions, the day's spend) is
 * in SQLite, so a restart or crash never answers a mention twice.
 *
 * @example
 * const settings = readTwitterSettings(character, process.env);
 * if (settings) await troupe.connect(new TwitterConnector({ agent: character.name, settings }));
 */
export class TwitterConnector implements PlatformConnector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "twitter";
  private readonly options: TwitterConnectorOptions;
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private running: Running | undefined;

  constructor(options: TwitterConnectorOptions) {
    this.options = options;
  }

  /** Finds the account (`GET /2/users/me`), logs today's spend, then starts polling (and posting, if enabled). */
  async start(host: ConnectorHost): Promise<void> {
    const { settings } = this.options;
    const wanted = this.options.agent.toLowerCase();
    const agent = host.agents.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (!agent) throw new Error(`The Twitter connector is for ${this.options.agent}, but no agent has that name.`);
    const logger = this.options.logger ?? host.logger.child({ connector: "twitter", agent: agent.name });
    // Without SQLite there is no "answered once": refuse rather than risk double replies.
    if (!host.store) throw new Error("The Twitter connector needs the troupe's store (start it with Troupe.connect).");
    applyMigrations(host.store, TWITTER_MIGRATIONS);
    const state = new TwitterState(host.store, agent.name);
    const budget = new DailyBudget(state, { reads: settings.maxReadsPerDay, posts: settings.maxPostsPerDay });
    const rateLimits = new RateLimits();
    const client = createTwitterClient({ credentials: settings.credentials, apiBase: settings.apiBase, rateLimits });
    const api = new XApi({ client, rateLimits, budget, logger, signal: this.abort.signal });
    const account = await api.me().catch((error: unknown) => {
      if (error instanceof XApiError && error.reason === "auth") {
        throw new ConnectorTokenRejectedError({
          platform: "X",
          agent: agent.name,
          tokenSource: settings.credentialSource,
          hint: `it answered ${error.status}; copy the keys and tokens again from the app's "Keys and tokens" page in the X developer portal`,
          cause: error,
        });
      }
      throw error;
    });
    const knownBots = this.options.knownBots ?? new Set<string>();
    for (const bot of [account.username.toLowerCase(), ...settings.botAccounts]) knownBots.add(bot);
    const gate: PostingGate = {};
    const stopPosting = (error: XApiError) => this.stopPosting(error);
    const shared = { agent, api, budget, state, settings, gate, stopPosting, logger };
    const mentions = new MentionResponder({ ...shared, account, knownBots });
    const posts = new PostWriter(shared);
    this.running = { agent, account, api, budget, state, logger, mentions, posts, gate };
    logger.info(`twitter @${account.username} for ${agent.name}: ${describeSpend(budget.today(), budget.limits)}`);
    const signal = this.abort.signal;
    const onError = (error: unknown) => {
      logger.error({ code: (error as { code?: unknown }).code }, `twitter: ${(error as Error).message}`);
      logger.debug({ err: error }, "twitter task failed");
    };
    const pollMs = settings.pollIntervalSeconds * 1000;
    this.loops.push(repeat({ signal, periodMs: () => pollMs, task: () => mentions.poll(), onError, firstDelayMs: 0 }));
    if (settings.enablePost) {
      const { min, max } = settings.postIntervalMinutes;
      const periodMs = () => (min + Math.random() * (max - min)) * 60_000;
      this.loops.push(repeat({ signal, periodMs, task: () => posts.post(), onError }));
    }
  }

  /** Stops polling and posting; waits for a reply being posted to finish or abort. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled(this.loops.splice(0));
  }

  /** Posts a message an agent starts on its own as a reply in the conversation it names. */
  async deliver(message: OutboundMessage): Promise<boolean> {
    const running = this.running;
    if (!running || message.platform !== this.platform) return false;
    if (message.agent.toLowerCase() !== running.agent.name.toLowerCase()) return false;
    const authorId = message.userId?.replace(/^twitter:/, "");
    const replyTo = running.state.latestMentionIn(message.room.id, authorId) ?? message.room.id;
    return running.mentions.send(message.text, replyTo);
  }

  /** `@username` of the account, once started. */
  /** It carries one agent's messages. */
  serves(agent: string): boolean {
    return agent.toLowerCase() === this.options.agent.toLowerCase();
  }

  connectedAs(): string | undefined {
    return this.running ? `@${this.running.account.username}` : undefined;
  }

  /** What the bot answers and how often it looks, with today's spend: for the start-up line. */
  describeAnswers(): string {
    const { settings } = this.options;
    const posting = settings.enablePost
      ? `, posts every ${settings.postIntervalMinutes.min}-${settings.postIntervalMinutes.max} min`
      : "";
    const dry = settings.dryRun ? " (dry run: logs instead of sending)" : "";
    const spend = this.running ? `; ${describeSpend(this.running.budget.today(), this.running.budget.limits)}` : "";
    return `mentions, polled every ${settings.pollIntervalSeconds} s${posting}${dry}${spend}`;
  }

  /** Today's calls and estimated cost, and whether posting stopped: for `/health`. */
  health(): Record<string, unknown> {
    const running = this.running;
    if (!running) return { connected: false };
    const spend = running.budget.today();
    return {
      connected: true,
      account: `@${running.account.username}`,
      agent: running.agent.name,
      today: { ...spend, costUsd: Number(spend.costUsd.toFixed(4)), limits: running.budget.limits },
      postingStopped: running.gate.stoppedReason ?? null,
    };
  }

  /** Polls the mentions once now (the loop does this every `TWITTER_POLL_INTERVAL` seconds). */
  async pollMentions(): Promise<void> {
    await this.started().mentions.poll();
  }

  /** Writes and posts one post now (the schedule does this when `TWITTER_ENABLE_POST` is on). */
  async postNow(): Promise<string | undefined> {
    return this.started().posts.post();
  }

  private started(): Running {
    if (!this.running) throw new Error("The Twitter connector has not started.");
    return this.running;
  }

  private stopPosting(error: XApiError): void {
    const running = this.started();
    if (running.gate.stoppedReason) return;
    running.gate.stoppedReason = error.message;
    running.logger.error(
      `twitter: stopped posting for ${running.agent.name} until restart: ${error.message}. Check the account and app in the X developer portal.`,
    );
  }
}
