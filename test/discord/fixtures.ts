/**
 * Discord payloads for the fake Discord, typed with the discord-api-types that discord.js uses, so that
 * they cannot drift from what the real Discord sends.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type ApplicationFlags,
  type GuildMemberFlags,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIThreadChannel,
  type GatewayMessageCreateDispatchData,
  type APIMessageTopLevelComponent,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake (timestamp, then a counter). */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | increment);
}

/** A guild id that Discord places on `shard` of `count` ((id >> 22) % count). */
export function guildIdOnShard(shard: number, count: number, n = 0): string {
  const base = 1_700_000_000_000n - DISCORD_EPOCH;
  const ms = base - (base % BigInt(count)) + BigInt(shard) + BigInt(count * n * 1000);
  return String(ms << 22n);
}

export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export function user(id: string, username = `user${id.slice(-4)}`, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

function member(asker: APIUser): APIInteractionGuildMember {
  return {
    user: asker,
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    permissions: '2248473465835073',
  };
}

export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  asker: APIUser;
}

function common(base: InteractionBase) {
  return {
    id: base.id,
    application_id: base.applicationId,
    token: base.token,
    version: 1 as const,
    guild_id: base.guildId,
    guild: { id: base.guildId, features: [], locale: Locale.EnglishUS },
    channel_id: base.channelId,
    channel: { id: base.channelId, type: ChannelType.GuildText as const },
    member: member(base.asker),
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 10_485_760,
  };
}

export type OptionValues = Record<string, string | boolean>;

function options(values: OptionValues, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) =>
    typeof value === 'boolean'
      ? { name, type: ApplicationCommandOptionType.Boolean, value }
      : {
          name,
          type: ApplicationCommandOptionType.String,
          value,
          ...(name === focused ? { focused: true } : {}),
        },
  );
}

export function chatInput(
  base: InteractionBase,
  name: string,
  values: OptionValues,
): APIChatInputApplicationCommandInteraction {
  return {
    ...common(base),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(name),
      name,
      type: ApplicationCommandType.ChatInput,
      options: options(values),
    },
  } satisfies APIChatInputApplicationCommandInteraction;
}

export function autocomplete(
  base: InteractionBase,
  name: string,
  values: OptionValues,
  focused: string,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...common(base),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: commandId(name),
      name,
      type: ApplicationCommandType.ChatInput,
      options: options(values, focused),
    },
  } satisfies APIApplicationCommandAutocompleteInteraction;
}

export function button(
  base: InteractionBase,
  customId: string,
  message: APIMessage,
): APIMessageComponentButtonInteraction {
  return {
    ...common(base),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } satisfies APIMessageComponentButtonInteraction;
}

/** A message context menu command (right-click a message > Apps > `name`) run on `target`. */
export function messageMenu(
  base: InteractionBase,
  name: string,
  target: APIMessage,
): APIMessageApplicationCommandInteraction {
  return {
    ...common(base),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(name),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } satisfies APIMessageApplicationCommandInteraction;
}

/** A message a person wrote in a channel. */
export function userMessage(id: string, channelId: string, author: APIUser, content: string): APIMessage {
  return {
    id,
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  } satisfies APIMessage;
}

/** A thread under the guild's text channel. */
export function thread(id: string, guildId: string, parentId: string, ownerId: string): APIThreadChannel {
  return {
    id,
    type: ChannelType.PublicThread,
    guild_id: guildId,
    name: 'a thread',
    parent_id: parentId,
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 1,
    member_count: 2,
    total_message_sent: 1,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: '2024-01-01T00:00:00.000Z',
      locked: false,
    },
  } satisfies APIThreadChannel;
}

/**
 * A message a person (or a bot) writes, as MESSAGE_CREATE carries it. Without the Message Content intent
 * Discord gives a bot the text only of messages that mention it and of its DMs: `content` is what the bot
 * may read, the caller decides.
 */
export function messageCreate(options: {
  id: string;
  channelId: string;
  guildId: string | null;
  author: APIUser;
  content: string;
  mentions: APIUser[];
  channelType: ChannelType.GuildText | ChannelType.PublicThread | ChannelType.DM;
}): GatewayMessageCreateDispatchData {
  const { id, channelId, guildId, author, content, mentions } = options;
  return {
    id,
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions,
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    components: [],
    // Discord says what kind of channel a message is in: discord.js makes an uncached DM channel from it.
    channel_type: options.channelType,
    ...(guildId
      ? {
          guild_id: guildId,
          member: {
            roles: [],
            joined_at: '2024-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0 as GuildMemberFlags,
          },
        }
      : {}),
  } satisfies GatewayMessageCreateDispatchData;
}

export interface MessageState {
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  flags: number;
}

export function message(
  id: string,
  channelId: string,
  author: APIUser,
  applicationId: string,
  state: MessageState,
): APIMessage {
  return {
    id,
    channel_id: channelId,
    author,
    content: state.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: state.embeds,
    pinned: false,
    type: MessageType.ChatInputCommand,
    flags: state.flags,
    components: state.components,
    application_id: applicationId,
    webhook_id: applicationId,
  } satisfies APIMessage;
}

export function ready(
  bot: APIUser,
  applicationId: string,
  sessionId: string,
  resumeUrl: string,
  guildIds: string[],
  shard: [number, number],
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...bot, verified: true, mfa_enabled: false },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  } satisfies GatewayReadyDispatchData;
}

export function guildCreate(
  id: string,
  ownerId: string,
  channelId: string,
  threads: APIThreadChannel[] = [],
): GatewayGuildCreateDispatchData {
  return {
    id,
    name: `Guild ${id.slice(-4)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [
      {
        id: channelId,
        type: ChannelType.GuildText,
        guild_id: id,
        name: 'general',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } satisfies GatewayGuildCreateDispatchData;
}

/** Stable command ids, as Discord would give after registration. */
const commandIds = new Map<string, string>();
export function commandId(name: string): string {
  let id = commandIds.get(name);
  if (!id) {
    id = snowflake();
    commandIds.set(name, id);
  }
  return id;
}
