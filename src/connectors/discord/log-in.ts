import { Client, type ClientOptions, Events, GatewayIntentBits, MessageManager, Options, Partials } from "discord.js";
import { ALLOWED_MENTIONS } from "./send-chunks.js";

/** Gateway close codes that end a login for good. */
const AUTHENTICATION_FAILED = 4004;
const DISALLOWED_INTENTS = 4014;

export interface LogInOptions {
  token: string;
  /** Ask for the privileged MessageContent intent. */
  messageContent: boolean;
  apiUrl?: string;
  shards?: "auto" | number[];
  shardCount?: number;
  /** Called with the client before it connects (to follow its gateway sessions from READY on). */
  beforeLogin?: (client: Client) => void;
}

/** What the bot asks the gateway for: guild messages, DMs, and their text when `messageContent`. */
export function gatewayIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/** How a login ended: a ready client, or why Discord refused it. */
export type LogInResult =
  | { outcome: "ready"; client: Client<true> }
  | { outcome: "token-rejected"; cause: unknown }
  | { outcome: "intents-disallowed"; cause: unknown };

/**
 * Logs a discord.js client in and waits until it is ready (its guilds have
 * arrived). Guild messages, DMs (whose channels are not cached, hence
 * `Partials.Channel`) and, when asked, message content. A rejected token
 * (401 on `GET /gateway/bot`, or gateway close 4004) and a MessageContent
 * intent the developer portal has not enabled (close 4014) come back as
 * outcomes; anything else is thrown.
 */
export async function logIn(options: LogInOptions): Promise<LogInResult> {
  const clientOptions: ClientOptions = {
    intents: gatewayIntents(options.messageContent),
    partials: [Partials.Channel],
    // The connector answers the message it is handed and never reads a channel's cached messages. The limit is
    // keyed by the class's own name: the bundle renames it (`_MessageManager`), so the literal key, and with it
    // discord.js's default of 200 per channel, matched nothing and every message of every channel stayed cached.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, [MessageManager.name]: 0 }),
    allowedMentions: ALLOWED_MENTIONS,
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  };
  if (options.shards) clientOptions.shards = options.shards;
  if (options.shardCount) clientOptions.shardCount = options.shardCount;
  const client = new Client(clientOptions);
  let closeCode: number | undefined;
  client.on(Events.ShardDisconnect, (event) => {
    closeCode = event.code;
  });
  // Without a listener, a shard error would be thrown as an unhandled 'error' event.
  client.on(Events.ShardError, () => {});
  options.beforeLogin?.(client);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(options.token);
    return { outcome: "ready", client: await ready };
  } catch (error) {
    await client.destroy();
    if ((error as { code?: unknown }).code === "TokenInvalid" || closeCode === AUTHENTICATION_FAILED) {
      return { outcome: "token-rejected", cause: error };
    }
    if (closeCode === DISALLOWED_INTENTS) return { outcome: "intents-disallowed", cause: error };
    throw error;
  }
}
