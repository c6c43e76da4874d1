/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set or ACCORD_MODE=http (HTTP interactions), otherwise
 * the local console over the corpus.
 */
import { runConsole } from './cli/console.ts';
import { loadEnv, readStartConfig } from './bot/config.ts';
import { loadIndex } from './index/load.ts';
import { verifyRecords } from './index/verify.ts';
import { watchCorpus } from './index/watch.ts';
import { runProgram } from './program/run.ts';

async function main(): Promise<number> {
  loadEnv();
  const { bot, corpusDir, cacheDir } = readStartConfig();
  if (bot) {
    const { startBot } = await import('./bot/start.ts');
    const { commands } = await import('../commands/index.ts');
    return startBot(commands);
  }
  const { index, stats } = await loadIndex(corpusDir, { cacheDir });
  const watcher = watchCorpus(corpusDir, index, { cacheDir });
  // Files the cache trusted by their stamps are hashed in the background; a changed one is read again.
  const verifier = stats.fromCache
    ? verifyRecords(index, corpusDir, { reread: (files) => void watcher.reread(files) })
    : null;
  await runConsole(index);
  verifier?.stop();
  watcher.close();
  return 0;
}

runProgram('accord', main);
