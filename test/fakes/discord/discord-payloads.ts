/**
 * The JSON objects the fake Discord hands out (users, channels, guilds,
 * messages), shaped like API v10's so discord.js builds real structures
 * from them.
 */

/** A user or bot account as the fake knows it. */
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

/** A text channel, thread or DM. `type` 0: guild text, 11: public thread, 1: DM. */
export interface FakeChannel {
  id: string;
  type: 0 | 1 | 11;
  name?: string;
  guildId?: string;
  /** Threads: the channel they hang off. */
  parentId?: string;
  /** DMs: the two ends of the conversation. */
  recipients?: [FakeUser, FakeUser];
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

/** A message as the fake stores it. `botNonce` keeps `enforce_nonce` sends idempotent. */
export interface FakeMessage {
  id: string;
  channel: FakeChannel;
  author: FakeUser;
  content: string;
  mentions: FakeUser[];
  mentionRoles: string[];
  mentionEveryone: boolean;
  referenced?: FakeMessage;
  nonce?: string;
  timestamp: string;
}

export function userJson(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.username,
    discriminator: "0",
    avatar: null,
    bot: user.bot ?? false,
  };
}

export function channelJson(channel: FakeChannel) {
  if (channel.type === 1) {
    return { id: channel.id, type: 1, last_message_id: null, recipients: (channel.recipients ?? []).map(userJson) };
  }
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    guild_id: channel.guildId,
    parent_id: channel.parentId ?? null,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    ...(channel.type === 11
      ? { owner_id: "1", thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false } }
      : {}),
  };
}

/** GUILD_CREATE's payload: the guild with its channels and threads, so discord.js caches them. */
export function guildCreateJson(guild: FakeGuild, bot: FakeUser) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: "1",
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: "@everyone",
        permissions: "68608",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date().toISOString(),
    members: [
      { user: userJson(bot), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    ],
    channels: guild.channels.filter((channel) => channel.type !== 11).map(channelJson),
    threads: guild.channels.filter((channel) => channel.type === 11).map(channelJson),
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message object; `hideContent` blanks what the MessageContent intent guards. */
export function messageJson(message: FakeMessage, hideContent = false): Record<string, unknown> {
  const { channel } = message;
  return {
    id: message.id,
    channel_id: channel.id,
    ...(channel.guildId ? { guild_id: channel.guildId } : {}),
    ...(channel.type === 1 ? { channel_type: 1 } : { channel_type: channel.type }),
    author: userJson(message.author),
    content: hideContent ? "" : message.content,
    timestamp: message.timestamp,
    edited_timestamp: null,
    tts: false,
    mention_everyone: message.mentionEveryone,
    mentions: message.mentions.map(userJson),
    mention_roles: message.mentionRoles,
    attachments: [],
    embeds: [],
    pinned: false,
    type: message.referenced ? 19 : 0,
    flags: 0,
    ...(message.nonce ? { nonce: message.nonce } : {}),
    ...(message.referenced
      ? {
          message_reference: {
            type: 0,
            message_id: message.referenced.id,
            channel_id: channel.id,
            guild_id: channel.guildId,
          },
          referenced_message: messageJson(message.referenced, hideContent),
        }
      : {}),
  };
}
