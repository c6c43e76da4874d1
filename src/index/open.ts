/**
 * Opens the index of a corpus folder in one synchronous call, without the cache or worker threads: for
 * tools and tests. The bot, the console and the command line use loadIndex (load.ts).
 */
import { skippedWarning } from '../corpus/load.ts';
import { indexRecords, type Index } from './build.ts';
import { listFolder } from './folder.ts';
import { isSkipped, readRecord, type ArticleRecord } from './records.ts';

export { CorpusFolderError } from './folder.ts';

export interface OpenOptions {
  /** Receives one line per skipped file. Default: console.warn. */
  warn?: (line: string) => void;
}

export function openIndex(dir: string, options: OpenOptions = {}): Index {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const read = listFolder(dir).map((file) => readRecord(dir, file));
  const skipped = read.filter(isSkipped);
  for (const s of skipped) warn(skippedWarning(s));
  return indexRecords(
    read.filter((r): r is ArticleRecord => !isSkipped(r)),
    skipped,
  );
}
