/**
 * `npm start` with DISCORD_TOKEN set (src/main.ts has loaded .env): reads the configuration, opens the corpus index (and keeps it in line
 * with the corpus folder while it runs), logs in and serves
 * until SIGINT or SIGTERM, then closes the connection and stops. With SHARDS above 1, a ShardingManager
 * runs one process per shard (src/shard.ts), each with its own index.
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { loadIndex } from '../index/load.ts';
import { CorpusFolderError } from '../index/folder.ts';
import { UserError } from '../program/errors.ts';
import { watchCorpus, type CorpusWatcher } from '../index/watch.ts';
import { verifyRecords, type Verifier } from '../index/verify.ts';
import type { Index } from '../index/build.ts';
import { createBot } from './bot.ts';
import type { BotCommand } from './command.ts';
import { readConfig, type BotConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';

/**
 * Exit codes: 0 stopped on a signal, 1 could not log in or run; a configuration or corpus problem is
 * thrown as a UserError (exit 2).
 */
export async function startBot(commands: readonly BotCommand[]): Promise<number> {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const code = config.shards > 1 ? await runShards(config, logger) : await runBot(config, logger, commands);
  forceExitLater(code);
  return code;
}

/** Runs one bot (all shards in this process, or the shard ShardingManager gave it) until a signal. */
export async function runBot(
  config: BotConfig,
  logger: Logger,
  commands: readonly BotCommand[],
): Promise<number> {
  const stopped = untilStopped();
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  let index, stats;
  try {
    ({ index, stats } = await loadIndex(config.corpusDir, {
      cacheDir: config.cacheDir,
      warn: (line) => logger.warn('corpus file skipped', { line }),
      progress: (p) => logger.info('indexing the corpus', { read: p.done, files: p.total }),
    }));
  } catch (error) {
    if (error instanceof CorpusFolderError) throw new UserError(`CORPUS_DIR: ${error.message}`);
    throw error;
  }
  logger.info('index opened', {
    corpus: config.corpusDir,
    articles: index.articles.length,
    signings: index.facts.signings.length,
    events: index.facts.events.length,
  });
  const watcher = watchCorpus(config.corpusDir, index, {
    cacheDir: config.cacheDir,
    warn: (line) => logger.warn('corpus', { line }),
    onUpdate: (change) => {
      logger.info('index updated', {
        added: change.added,
        removed: change.removed,
        articles: index.articles.length,
      });
    },
  });
  const verifier = stats.fromCache ? verifyCachedFiles(config.corpusDir, index, watcher, logger) : null;
  const closeCorpus = () => {
    verifier?.stop();
    watcher.close();
  };
  if (config.mode === 'http') {
    const { serveHttp } = await import('./http/run.ts');
    const code = await serveHttp(config, logger, index, commands, stopped);
    closeCorpus();
    return code;
  }
  const bot = createBot({
    commands,
    index,
    logger,
    cooldownSeconds: config.cooldownSeconds,
    searchPagesSeconds: config.searchPagesSeconds,
    restApi: config.apiBase,
  });
  try {
    const signal = await Promise.race([bot.login(config.token).then(() => null), stopped]);
    if (signal) return await shutDown(signal);
  } catch (error) {
    logger.error(`login failed: ${loginProblem(error, config)}`, { error });
    closeCorpus();
    await bot.stop().catch(() => undefined);
    return 1;
  }
  return shutDown(await stopped);

  async function shutDown(signal: string): Promise<number> {
    logger.info('shutting down', { signal });
    closeCorpus();
    await bot.stop();
    logger.info('stopped');
    return 0;
  }
}

/**
 * After a start from the cache, the files the cache trusted by their stamps are hashed in the background;
 * one whose bytes are not its record's is read again through the watcher.
 */
function verifyCachedFiles(dir: string, index: Index, watcher: CorpusWatcher, logger: Logger): Verifier {
  const verifier = verifyRecords(index, dir, {
    reread: (files) => {
      logger.warn('corpus files changed behind the cache: reading them again', { files });
      void watcher.reread(files);
    },
  });
  void verifier.done.then((result) => logger.info('cached corpus files checked', { ...result }));
  return verifier;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** What a person should check after a failed login: the network when Discord was not reached, else the token. */
export function loginProblem(error: unknown, config: Pick<BotConfig, 'apiBase'>): string {
  const where = config.apiBase ? `DISCORD_API_BASE (${config.apiBase})` : 'the network';
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code))
      return `could not reach Discord (${code}): check ${where}; the token was not tried.`;
    // The REST client's own timeout aborts the request.
    if (e.name === 'AbortError' || e.name === 'ConnectTimeoutError')
      return `Discord did not answer in time: check ${where}; the token was not tried.`;
  }
  return 'check DISCORD_TOKEN (and DISCORD_API_BASE if set)';
}

/** ShardingManager: one process per shard, respawned if it dies, all stopped on a signal. */
async function runShards(config: BotConfig, logger: Logger): Promise<number> {
  const stopped = untilStopped();
  const manager = new ShardingManager(fileURLToPath(new URL('../shard.ts', import.meta.url)), {
    totalShards: config.shards,
    token: config.token,
    respawn: true,
    execArgv: tsxExecArgv(),
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info('shard created', { shard: shard.id });
    shard.on('spawn', (child) =>
      logger.info('shard spawned', { shard: shard.id, pid: 'pid' in child ? child.pid : null }),
    );
    shard.on('death', () => logger.warn('shard process ended', { shard: shard.id }));
    shard.on('error', (error) => logger.error('shard error', { shard: shard.id, error }));
  });
  try {
    const spawning = manager.spawn({
      amount: config.shards,
      delay: config.shardSpawnDelayMs,
      timeout: 60_000,
    });
    const signal = await Promise.race([spawning.then(() => null), stopped]);
    if (signal === null) logger.info('all shards ready', { shards: config.shards });
    return await stopShards(manager, logger, signal ?? (await stopped));
  } catch (error) {
    logger.error('shards failed to start', { error });
    await stopShards(manager, logger, 'error');
    return 1;
  }
}

async function stopShards(manager: ShardingManager, logger: Logger, signal: string): Promise<number> {
  logger.info('shutting down', { signal, shards: manager.shards.size });
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      shard.kill();
      if (child && child.exitCode === null && child.signalCode === null) {
        await Promise.race([
          once(child, 'exit'),
          new Promise((resolve) => setTimeout(resolve, 5000).unref()),
        ]);
      }
    }),
  );
  logger.info('stopped');
  return 0;
}

/** Resolves with the signal (or 'disconnect' when a shard loses its manager) that asks the bot to stop. */
export function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => () => resolve(reason);
    process.once('SIGINT', stop('SIGINT'));
    process.once('SIGTERM', stop('SIGTERM'));
    if (process.send) process.once('disconnect', stop('disconnect'));
  });
}

/** Node options that make a child process run TypeScript as this one does (tsx). */
function tsxExecArgv(): string[] {
  return process.execArgv.some((arg) => arg.includes('tsx')) ? [...process.execArgv] : ['--import', 'tsx'];
}

/** Lets the process end by itself; exits anyway if some handle keeps it alive a few seconds on. */
export function forceExitLater(code: number): void {
  setTimeout(() => process.exit(code), 3000).unref();
}
