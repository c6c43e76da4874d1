/** One bot: a client, the commands, the central interaction handler, and the logs of its connection. */
import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { Index } from '../index/build.ts';
import { createClient, type ClientFactoryOptions } from './client.ts';
import type { BotCommand } from './command.ts';
import { createInteractionHandler } from './interactions.ts';
import { createMentionHandler } from './mentions.ts';
import type { Logger } from './logger.ts';
import { Pagination } from './render/pagination.ts';

export interface BotOptions extends ClientFactoryOptions {
  index: Index;
  logger: Logger;
  cooldownSeconds: number;
  searchPagesSeconds: number;
  /** The commands it answers (commands/index.ts, handed over by the entry point). */
  commands: readonly BotCommand[];
}

export interface Bot {
  client: Client;
  pages: Pagination;
  /** Logs in and resolves once the client is ready. */
  login(token: string): Promise<void>;
  /** Closes the gateway connections; open search pages stop. */
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const { logger } = options;
  const client = createClient(options);
  const pages = new Pagination({ idleMs: options.searchPagesSeconds * 1000, logger });
  const context = { index: options.index, logger, pages };
  const handle = createInteractionHandler({
    commands: options.commands,
    context,
    cooldownSeconds: options.cooldownSeconds,
  });
  const onMessage = createMentionHandler({ client, context, cooldownSeconds: options.cooldownSeconds });

  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => logger.error('interaction handler crashed', { error }));
  });
  client.on(Events.MessageCreate, (message) => {
    onMessage(message).catch((error: unknown) => logger.error('message handler crashed', { error }));
  });
  client.on(Events.Error, (error) => logger.error('client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('client warning', { message }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn('shard disconnected', { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info('shard reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('shard resumed', { shard, replayed }));
  client.on(Events.ShardError, (error, shard) => logger.error('shard error', { shard, error }));
  client.on(Events.ShardReady, (shard) => logger.info('shard ready', { shard }));

  return {
    client,
    pages,
    async login(token: string) {
      const abort = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: abort.signal });
      // Aborted when the login fails: that rejection is expected, not an unhandled one.
      ready.catch(() => undefined);
      try {
        await client.login(token);
        await ready;
      } catch (error) {
        abort.abort();
        throw error;
      }
      logger.info('ready', {
        user: client.user?.tag,
        application: client.application?.id,
        guilds: client.guilds.cache.size,
        shards: client.ws.shards.size,
        articles: options.index.articles.length,
      });
    },
    async stop() {
      pages.stopAll();
      await client.destroy();
    },
  };
}
