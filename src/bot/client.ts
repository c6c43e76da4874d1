/** The discord.js client, built in one place so that tests can point its REST calls at a local Discord. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';

export interface ClientFactoryOptions {
  /** REST base without the version, e.g. http://127.0.0.1:1234/api. Default: Discord's. */
  restApi?: string | null;
  /** Shard ids this client runs, or 'auto'; under ShardingManager the client reads them from the environment. */
  shards?: number | number[] | 'auto';
  shardCount?: number;
  /** Milliseconds to wait for the guilds announced in READY (discord.js default 15 s). */
  waitGuildTimeout?: number;
}

export function createClient(options: ClientFactoryOptions = {}): Client {
  return new Client({
    // No privileged intent: Guilds tells which servers the bot is in; GuildMessages and DirectMessages
    // bring messages, whose text Discord gives without Message Content only when they mention the bot or
    // are sent to it in a DM, which are the only ones it reads.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A DM channel is not cached before its first message: without it discord.js drops that message.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(options.restApi ? { api: options.restApi } : {}),
      // Interaction callbacks and their webhooks, all this bot sends, are not bound by Discord's global rate
      // limit; @discordjs/rest would still queue them at 50 a second, late for the 3 s deadline in a burst.
      // A real global 429 is still obeyed (the REST client reads it from the response).
      globalRequestsPerSecond: 1000,
    },
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
    ...(options.waitGuildTimeout !== undefined ? { waitGuildTimeout: options.waitGuildTimeout } : {}),
  });
}
