/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set or ACCORD_MODE=http (HTTP interactions), otherwise
 * the local console over the corpus.
 */
import 'dotenv/config';
import { runConsole } from './cli/console.ts';
import { loadIndex } from './index/load.ts';
import { CorpusFolderError } from './index/folder.ts';
import { watchCorpus } from './index/watch.ts';

async function main(): Promise<number> {
  const corpusDir = process.env.CORPUS_DIR?.trim() || 'corpus';
  const http = process.env.ACCORD_MODE?.trim().toLowerCase() === 'http';
  if (process.env.DISCORD_TOKEN?.trim() || http) {
    const { startBot } = await import('./bot/start.ts');
    const { commands } = await import('../commands/index.ts');
    return startBot(commands);
  }
  try {
    const { index } = await loadIndex(corpusDir);
    const watcher = watchCorpus(corpusDir, index);
    await runConsole(index);
    watcher.close();
    return 0;
  } catch (error) {
    if (error instanceof CorpusFolderError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`accord: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
