/**
 * The bot of src/bot, run in this process with the real discord.js client, logged in to the fake Discord
 * of test/discord. Logs are captured as parsed JSON lines.
 */
import { commands as allCommands } from '../../commands/index.ts';
import type { Index } from '../../src/index/build.ts';
import { openIndex } from '../../src/index/open.ts';
import { createBot, type Bot } from '../../src/bot/bot.ts';
import type { BotCommand } from '../../src/bot/command.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { FakeDiscord } from '../discord/server.ts';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

export interface Harness {
  discord: FakeDiscord;
  bot: Bot;
  index: Index;
  logs: LogLine[];
  close(): Promise<void>;
}

let sharedIndex: Index | null = null;

/** The five seed articles of corpus/, indexed once per test file. */
export function seedIndex(): Index {
  sharedIndex ??= openIndex('corpus', { warn: () => undefined });
  return sharedIndex;
}

export interface HarnessOptions {
  cooldownSeconds?: number;
  searchPagesSeconds?: number;
  commands?: readonly BotCommand[];
  /** The index to answer from; default the seed articles. */
  index?: Index;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const discord = await FakeDiscord.start();
  const logs: LogLine[] = [];
  const index = options.index ?? seedIndex();
  const bot = createBot({
    index,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogLine) }),
    cooldownSeconds: options.cooldownSeconds ?? 0,
    searchPagesSeconds: options.searchPagesSeconds ?? 300,
    commands: options.commands ?? allCommands,
    restApi: discord.restApi,
    waitGuildTimeout: 2000,
  });
  await bot.login(discord.token);
  return {
    discord,
    bot,
    index,
    logs,
    async close() {
      await bot.stop();
      await discord.close();
    },
  };
}

/** The log line of an interaction, once it is written. */
export function interactionLog(h: Harness, id: string): Promise<LogLine> {
  return h.discord.waitFor(
    () => h.logs.find((l) => l.msg === 'interaction' && l.interaction === id),
    `the log line of interaction ${id}`,
  );
}
