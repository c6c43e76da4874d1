/**
 * An article record: everything indexing learns from one file, computed from that file alone, so that a
 * cache can keep it and a changed file is re-read without touching the others.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleError, decodeArticle, MAX_ARTICLE_BYTES, parseArticle } from '../corpus/parse.ts';
import type { Article, SkippedFile } from '../corpus/types.ts';
import { extractFacts } from '../facts/extract.ts';
import type { Facts } from '../facts/types.ts';
import { AliasTable, findAliases, type Alias } from './aliases.ts';

export interface ArticleRecord {
  file: string;
  /** SHA-1 of the file's bytes. */
  hash: string;
  article: Article;
  /** The acronyms the article defines. */
  aliases: Alias[];
  /** The article's facts; `article` fields are 0 here and renumbered when the index is assembled. */
  facts: Facts;
}

/** A file as read from disk: its bytes' hash, and the bytes when they were read. */
export interface FileState {
  file: string;
  hash: string;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Builds the record of a parsed article. */
export function recordOf(article: Article, hash: string): ArticleRecord {
  const aliases = findAliases(`${article.title}\n${article.text}`);
  const facts = extractFacts([article], new AliasTable(aliases));
  return { file: article.file, hash, article, aliases, facts };
}

/** Reads, parses and extracts one file; a file that is not an article gives the reason it was skipped. */
export function readRecord(dir: string, file: string): ArticleRecord | SkippedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, file));
  } catch (error) {
    return { file, reason: `it could not be read (${(error as Error).message})` };
  }
  return recordOfBytes(file, bytes);
}

export function recordOfBytes(file: string, bytes: Uint8Array): ArticleRecord | SkippedFile {
  try {
    if (bytes.length > MAX_ARTICLE_BYTES) decodeArticle(bytes);
    return recordOf(parseArticle(file, decodeArticle(bytes)), hashBytes(bytes));
  } catch (error) {
    if (error instanceof ArticleError) return { file, reason: error.message };
    return { file, reason: `it could not be parsed (${(error as Error).message})` };
  }
}

export function isSkipped(value: ArticleRecord | SkippedFile): value is SkippedFile {
  return 'reason' in value;
}
