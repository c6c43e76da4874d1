/**
 * Loads the articles of a corpus folder. A file that cannot be read or parsed is skipped with a reason;
 * the rest still load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleError, decodeArticle, MAX_ARTICLE_BYTES, parseArticle } from './parse.ts';
import { forTerminal } from '../text/safe.ts';
import type { Article, Corpus, SkippedFile } from './types.ts';

/** Things that belong to files (records, skipped files...) in the order of their names, as the folder is listed. */
export function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Only these files are articles; README.md is the folder's own documentation. */
function isArticleFile(name: string): boolean {
  return /\.(?:txt|md)$/i.test(name) && !/^readme\.md$/i.test(name) && !name.startsWith('.');
}

/** Whether a folder's entry (as listed, or as lstat sees it) is an article file: a file or a link, named as one. */
export function isArticleEntry(name: string, entry: { isFile(): boolean; isSymbolicLink(): boolean }): boolean {
  return (entry.isFile() || entry.isSymbolicLink()) && isArticleFile(name);
}

/**
 * Lists the article files of a folder, sorted by name. Throws when the folder cannot be read. A symbolic
 * link is listed like a file: it is read through, and one that leads nowhere is skipped with its reason.
 */
export function listArticleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => isArticleEntry(entry.name, entry))
    .map((entry) => entry.name)
    .sort();
}

/** Reads one file's bytes, or the reason it cannot be an article (missing, unreadable, too large). */
export function readArticleBytes(dir: string, file: string): Uint8Array | SkippedFile {
  try {
    const path = join(dir, file);
    if (statSync(path).size > MAX_ARTICLE_BYTES) {
      return { file, reason: `the file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB; an article is a few kilobytes` };
    }
    return readFileSync(path);
  } catch (error) {
    return { file, reason: `it could not be read (${(error as Error).message})` };
  }
}

/** Decodes and parses a file's bytes; returns the article or the reason it was skipped. */
export function articleOfBytes(file: string, bytes: Uint8Array): Article | SkippedFile {
  try {
    return parseArticle(file, decodeArticle(bytes));
  } catch (error) {
    if (error instanceof ArticleError) return { file, reason: error.message };
    return { file, reason: `it could not be parsed (${(error as Error).message})` };
  }
}

/** Reads and parses one file; returns the article or the reason it was skipped. */
export function loadArticle(dir: string, file: string): Article | SkippedFile {
  const bytes = readArticleBytes(dir, file);
  return bytes instanceof Uint8Array ? articleOfBytes(file, bytes) : bytes;
}

/** Loads every article of `dir`. */
export function loadCorpus(dir: string): Corpus {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of listArticleFiles(dir)) {
    const loaded = loadArticle(dir, file);
    if ('reason' in loaded) skipped.push(loaded);
    else articles.push(loaded);
  }
  return { articles, skipped };
}

/** The one-line warning for a skipped file. */
export function skippedWarning(skipped: SkippedFile): string {
  return `Skipped ${forTerminal(skipped.file)}: ${forTerminal(skipped.reason)}.`;
}
