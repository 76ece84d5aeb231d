import {
  type Client,
  DiscordAPIError,
  Events,
  type GatewayMessageCreateDispatchData,
  IntentsBitField,
  type Interaction,
  type Message,
  REST,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { READY, type Readiness } from "../../health/index.js";
import type { InboundMessage } from "../../messages/index.js";
import type { OutboundMessage } from "../../plugins/index.js";
import { CONNECTOR_API_VERSION, type ConnectedAgent, type ConnectorHost, type ConnectorReply } from "../connector.js";
import { ConnectorTokenRejectedError } from "../connector-token-rejected-error.js";
import type { PlatformConnector } from "../platform-connector-factory.js";
import { type ConnectorToken, describeTokenSource } from "../read-connector-token.js";
import { describeDiscordAnswers } from "./describe-discord-answers.js";
import { openGatewaySessions } from "./discord-migrations.js";
import { DiscordReplyDraft } from "./discord-reply-draft.js";
import type { GatewaySessions } from "./gateway-sessions.js";
import { keepTyping } from "./keep-typing.js";
import { gatewayIntents, type LogInOptions, type LogInResult, logIn } from "./log-in.js";
import type { DiscordSettings } from "./read-discord-settings.js";
import { type ResumedSession, resumeLeftSessions } from "./resume-left-sessions.js";
import { sendChunks } from "./send-chunks.js";
import { answerSlashCommand, slashCommands } from "./slash-commands.js";
import { toInboundMessage } from "./to-inbound-message.js";

export interface DiscordConnectorOptions extends DiscordSettings {
  /** The name of the character the bot speaks as; its agent must be in the troupe the connector is started with. */
  agent: string;
  token: ConnectorToken;
  /** The application the slash commands are registered for. Default: the bot's own, from READY. */
  applicationId?: string;
  /** With the character's `connectors.discord.streamReplies`: least time between two edits of a draft reply, in ms. Default 1000. */
  draftIntervalMs?: number;
  /** Ask Discord for the MessageContent intent (default true). Refused, the bot carries on with mentions and DMs, and says so. */
  messageContent?: boolean;
  logger?: Logger;
}

/**
 * One character's Discord bot, on discord.js: guild channels, threads (each
 * its own room, replies stay in it) and DMs; answers as a reply to the user's
 * message, split at 2,000 characters, with a typing indicator while the
 * agent works and no `@everyone`/`@here`/role pings. Rate limits are waited
 * out by discord.js's REST queue; other failed sends are retried with
 * backoff; a channel that refuses the bot (403) is logged and skipped. A
 * dropped gateway resumes, and a message Discord delivers twice is answered
 * once (the agent keeps message ids). `/ask` and `/forget-me` are registered
 * for the bot's application.
 *
 * @example
 * await troupe.connect(new DiscordConnector({ agent: "Juno", token: { value, variable: "DISCORD_BOT_TOKEN", source: "environment" } }));
 */
export class DiscordConnector implements PlatformConnector {
  readonly apiVersion = CONNECTOR_API_VERSION;
  readonly platform = "discord";
  private client: Client<true> | undefined;
  private agent: ConnectedAgent | undefined;
  private logger: Logger | undefined;
  private contentVisible = false;
  private stopped = false;
  /** Gateway shards whose connection dropped and has not come back (`readiness`). */
  private readonly shardsDown = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  private sessions: GatewaySessions | undefined;

  constructor(private readonly options: DiscordConnectorOptions) {}

  async start(host: ConnectorHost): Promise<void> {
    const { token } = this.options;
    const wanted = this.options.agent.toLowerCase();
    const agent = host.agents.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (!agent) throw new Error(`The Discord bot of ${this.options.agent} found no agent of that name in the troupe.`);
    const logger = this.options.logger ?? host.logger.child({ connector: "discord", agent: agent.name });
    const wantsContent = this.options.messageContent ?? true;
    const settings = {
      token: token.value,
      apiUrl: this.options.apiUrl,
      shards: this.options.shards,
      shardCount: this.options.shardCount,
    };
    const sessions = host.store ? openGatewaySessions(host.store, agent.name) : undefined;
    this.sessions = sessions;
    // Before this start's session begins: the session a killed process left open, with what Discord kept for it.
    const left = sessions ? await this.resumeLeft(sessions, wantsContent, logger) : undefined;
    const follow = (client: Client) => sessions?.follow(client);
    const result = await this.logInFor(
      agent.name,
      { ...settings, messageContent: wantsContent, beforeLogin: follow },
      logger,
    ).catch(async (error: unknown) => {
      await left?.close();
      throw error;
    });
    if (result.outcome !== "ready") {
      await left?.close();
      throw new ConnectorTokenRejectedError({
        platform: "Discord",
        agent: agent.name,
        tokenSource: describeTokenSource(token, agent.name),
        hint: "copy a fresh token from Bot → Reset Token in the Discord developer portal",
        cause: result.cause,
      });
    }
    const client = result.client;
    this.contentVisible = wantsContent && result.outcome === "ready" && client.options.intents.has("MessageContent");
    this.client = client;
    this.agent = agent;
    this.logger = logger;
    client.on(Events.MessageCreate, (message) => this.track(this.answer(message), message.channelId));
    client.on(Events.InteractionCreate, (interaction) => this.track(this.command(interaction), interaction.channelId));
    client.on(Events.ShardError, (error, shard) => logger.warn({ shard, err: error }, "Discord gateway error"));
    client.on(Events.ShardReconnecting, (shard) => {
      this.shardsDown.add(shard);
      logger.info({ shard }, "Discord gateway dropped; reconnecting");
    });
    client.on(Events.ShardDisconnect, (_event, shard) => this.shardsDown.add(shard));
    client.on(Events.ShardResume, (shard, replayed) => {
      this.shardsDown.delete(shard);
      logger.info({ shard, replayed }, "Discord gateway resumed");
    });
    client.on(Events.ShardReady, (shard) => this.shardsDown.delete(shard));
    await this.registerCommands(client, agent, logger);
    // The new session carries messages from now on: the old one may end. Those both carried are handled once.
    if (left) {
      void left
        .close()
        .then((missed) => this.answerMissed(client, missed, logger))
        // Never unhandled: Node would end the process for a session that failed to close.
        .catch((error: unknown) => logger.warn({ err: error }, "could not collect the messages Discord kept"));
    }
  }

  /** Logs in, and again without the MessageContent intent when the developer portal has not enabled it. */
  private async logInFor(agent: string, options: LogInOptions, logger: Logger): Promise<LogInResult> {
    const result = await logIn(options);
    if (result.outcome !== "intents-disallowed") return result;
    logger.warn(
      `Discord refused the MessageContent intent for ${agent}'s bot: in servers it now sees only messages that mention it. ` +
        "Turn on Message Content Intent under Bot → Privileged Gateway Intents in the Discord developer portal to let it read the rest.",
    );
    return logIn({ ...options, messageContent: false });
  }

  /** The session the last process left open, resumed; none when it stopped cleanly. */
  private async resumeLeft(
    sessions: GatewaySessions,
    messageContent: boolean,
    logger: Logger,
  ): Promise<ResumedSession | undefined> {
    const saved = sessions.saved();
    if (saved.length === 0) return undefined;
    const token = this.options.token.value;
    try {
      return await resumeLeftSessions({
        token,
        intents: new IntentsBitField(gatewayIntents(messageContent)).bitfield,
        rest: new REST(this.options.apiUrl ? { api: this.options.apiUrl } : {}).setToken(token),
        sessions: saved,
      });
    } catch (error) {
      logger.warn(
        { err: error },
        "could not resume the Discord session the last run left; messages sent meanwhile are not answered",
      );
      return undefined;
    }
  }

  /**
   * Hands the kept messages to the agent in the order Discord sent them, each read again through REST as
   * discord.js needs it; those the agent already handled before the crash are known by their ids.
   */
  private async answerMissed(client: Client<true>, missed: GatewayMessageCreateDispatchData[], logger: Logger) {
    const others = missed.filter((data) => data.author.id !== client.user.id);
    if (others.length === 0) return;
    logger.info({ messages: others.length }, `Discord kept ${others.length} messages from while the bot was away`);
    for (const data of others) {
      if (this.stopped) return;
      try {
        const channel = await client.channels.fetch(data.channel_id);
        if (!channel?.isTextBased()) continue;
        const message = await channel.messages.fetch(data.id);
        this.track(this.answer(message), data.channel_id);
      } catch (error) {
        this.reportFailure(error, data.channel_id);
      }
    }
  }

  /** Ready while every gateway shard is connected; a dropped one is not ready until discord.js has resumed it. */
  readiness(): Readiness {
    if (!this.client || this.stopped) return { ready: false, reason: "not connected to Discord" };
    if (this.shardsDown.size === 0) return READY;
    return {
      ready: false,
      reason: `Discord gateway dropped (shards ${[...this.shardsDown].join(", ")}); reconnecting`,
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Replies in hand finish first: the client must still be up to send them.
    await Promise.allSettled([...this.inFlight]);
    await this.client?.destroy();
    this.client = undefined;
    // Destroying the client closed its sessions: the next start has nothing to resume.
    this.sessions?.forget();
  }

  async deliver(message: OutboundMessage): Promise<boolean> {
    const { client, agent, logger } = this;
    if (message.platform !== this.platform || !client || !agent || !logger || this.stopped) return false;
    if (message.agent.toLowerCase() !== agent.name.toLowerCase()) return false;
    try {
      const channel = await client.channels.fetch(message.room.id);
      if (!channel?.isSendable()) return false;
      // An answer sent after a restart replies to its message with the nonce of the first try: if Discord took
      // that one just before the crash, it does not post the answer twice.
      await sendChunks(channel, message.text, { replyTo: message.replyTo, nonce: message.replyTo, logger });
      return true;
    } catch (error) {
      this.reportFailure(error, message.room.id);
      return false;
    }
  }

  /** It carries one agent's messages. */
  serves(agent: string): boolean {
    return agent.toLowerCase() === this.options.agent.toLowerCase();
  }

  connectedAs(): string | undefined {
    return this.client ? `@${this.client.user.username}` : undefined;
  }

  /** What the bot answers, for the start-up line. */
  describeAnswers(): string {
    const policy = this.agent?.character.connectors.discord;
    return describeDiscordAnswers({
      characterName: this.agent?.name ?? this.options.agent,
      respondTo: policy?.respondTo ?? "mentions",
      contentVisible: this.contentVisible,
    });
  }

  private async answer(message: Message): Promise<void> {
    const { client, agent, logger } = this;
    if (!client || !agent || !logger || this.stopped) return;
    const me = client.user.id;
    if (message.author.id === me) return this.ignore(message, "it is the bot's own message");
    if (!this.contentVisible && message.inGuild() && message.content === "" && !message.mentions.users.has(me)) {
      return this.ignore(message, "its text is hidden: no MessageContent intent, and it does not mention the bot");
    }
    if (!message.channel.isSendable()) return this.ignore(message, "the bot cannot send in this channel");
    const channel = message.channel;
    const inbound = toInboundMessage(message, me);
    const expected = this.expectsAnswer(agent, inbound);
    const stopTyping = expected ? keepTyping(channel, logger) : undefined;
    const draft =
      expected && agent.character.connectors.discord?.streamReplies
        ? new DiscordReplyDraft({
            channel,
            replyTo: message.id,
            intervalMs: this.options.draftIntervalMs ?? 1_000,
            logger,
          })
        : undefined;
    let reply: ConnectorReply | undefined;
    try {
      reply = await agent.handle(inbound, { onToken: draft?.add, confirmsDelivery: true });
    } finally {
      stopTyping?.();
      if (!reply?.text) draft?.cancel();
    }
    if (!reply?.text) return;
    if (draft) await draft.finish(reply.text);
    // The nonce is the user's message id: a resend after a lost response cannot post the reply twice.
    else await sendChunks(channel, reply.text, { replyTo: message.id, nonce: message.id, logger });
    reply.delivered?.();
  }

  private async command(interaction: Interaction): Promise<void> {
    const { agent, logger } = this;
    if (!agent || !logger || this.stopped || !interaction.isChatInputCommand()) return;
    await answerSlashCommand(interaction, agent, logger);
  }

  /**
   * Typing only where an answer is likely (a DM, a mention, a reply to the
   * bot, its name, or a character that answers everything), so the bot does
   * not "type" at every message in a busy channel. The agent decides.
   */
  private expectsAnswer(agent: ConnectedAgent, message: InboundMessage): boolean {
    const respondTo = agent.character.connectors.discord?.respondTo;
    if (respondTo === "never" && message.room.kind === "group") return false;
    return (
      message.room.kind === "direct" ||
      message.mentionsAgent === true ||
      message.repliesToAgent === true ||
      respondTo === "all" ||
      message.text.toLowerCase().includes(agent.name.toLowerCase())
    );
  }

  private ignore(message: Message, reason: string): void {
    this.logger?.debug({ channel: message.channelId, message: message.id, reason }, "not answering");
  }

  private track(work: Promise<void>, channelId: string | null): void {
    const tracked = work
      .catch((error: unknown) => this.reportFailure(error, channelId))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** A refusal in one channel (kicked, no permission) is a warning; the bot carries on everywhere else. */
  private reportFailure(error: unknown, channelId: string | null): void {
    if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) {
      this.logger?.warn(
        { channel: channelId, status: error.status, code: error.code },
        `Discord refused to let ${this.agent?.name}'s bot post in channel ${channelId} (${error.status} ${error.message}); skipped, carrying on`,
      );
      return;
    }
    this.logger?.error({ channel: channelId, err: error }, "could not answer on Discord");
  }

  private async registerCommands(client: Client<true>, agent: ConnectedAgent, logger: Logger): Promise<void> {
    const applicationId = this.options.applicationId ?? client.application.id;
    try {
      await client.rest.put(Routes.applicationCommands(applicationId), { body: slashCommands(agent.name) });
      logger.debug({ applicationId }, "registered /ask and /forget-me");
    } catch (error) {
      // The bot answers messages without them; say why the commands are missing.
      logger.warn({ applicationId, err: error }, "could not register the slash commands /ask and /forget-me");
    }
  }
}
