/**
 * One shard's process, spawned by ShardingManager (bot/start.ts with SHARDS above 1). discord.js gives the
 * client its shard id and count through the environment; the shard opens its own index.
 */
import { commands } from '../commands/index.ts';
import { runProgram } from './program/run.ts';
import { loadEnv, readConfig } from './bot/config.ts';
import { createLogger } from './bot/logger.ts';
import { forceExitLater, runBot } from './bot/start.ts';

async function runShard(): Promise<number> {
  loadEnv();
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel, base: { shard: config.shardId } });
  return runBot(config, logger, commands);
}

runProgram('accord shard', runShard, (code) => {
  // The IPC channel to the manager would keep this process alive.
  if (process.connected) process.disconnect();
  forceExitLater(code);
});
