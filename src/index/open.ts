/** Opens the index of a corpus folder: loads the articles, reports the skipped files, builds the index. */
import { statSync } from 'node:fs';
import { loadCorpus, skippedWarning } from '../corpus/load.ts';
import { buildIndex, type Index } from './build.ts';

/** Thrown when the corpus folder itself cannot be used; the message is for the person who named it. */
export class CorpusFolderError extends Error {}

export interface OpenOptions {
  /** Receives one line per skipped file. Default: console.warn. */
  warn?: (line: string) => void;
}

export function openIndex(dir: string, options: OpenOptions = {}): Index {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    throw new CorpusFolderError(`The corpus folder ${dir} does not exist.`);
  }
  if (!isFolder)
    throw new CorpusFolderError(
      `${dir} is not a folder: point the corpus at a folder of .txt or .md articles.`,
    );
  let corpus;
  try {
    corpus = loadCorpus(dir);
  } catch (error) {
    throw new CorpusFolderError(`The corpus folder ${dir} cannot be read: ${(error as Error).message}`);
  }
  for (const skipped of corpus.skipped) warn(skippedWarning(skipped));
  return buildIndex(corpus);
}
