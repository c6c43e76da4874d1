/**
 * One shard's process, spawned by ShardingManager (start.ts with SHARDS above 1). discord.js gives the
 * client its shard id and count through the environment; the shard opens its own index.
 */
import { commands } from '../../commands/index.ts';
import { ConfigError, loadEnv, readConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { forceExitLater, runBot } from './start.ts';

async function runShard(): Promise<number> {
  loadEnv();
  try {
    const config = readConfig(process.env);
    const logger = createLogger({ level: config.logLevel, base: { shard: process.env.SHARDS ?? null } });
    return await runBot(config, logger, commands);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

runShard().then(
  (code) => {
    process.exitCode = code;
    // The IPC channel to the manager would keep this process alive.
    if (process.connected) process.disconnect();
    forceExitLater(code);
  },
  (error: unknown) => {
    console.error(`accord shard: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
