/**
 * An article record: everything indexing learns from one file, computed from that file alone, so that a
 * cache can keep it and a changed file is re-read without touching the others.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { articleOfBytes, readArticleBytes } from '../corpus/load.ts';
import type { Article, SkippedFile } from '../corpus/types.ts';
import { extractFacts } from '../facts/extract.ts';
import { articleFactWords } from '../facts/factWords.ts';
import type { ArticleFactWords, Facts } from '../facts/types.ts';
import { AliasTable, findAliases, type Alias } from '../facts/aliases.ts';
import { wordsOf } from '../text/terms.ts';

export interface ArticleRecord {
  file: string;
  /** SHA-1 of the file's bytes. */
  hash: string;
  /** The file's state when it was read (stampOf): unchanged, the file is not read again; '' compares bytes. */
  stamp: string;
  article: Article;
  /** The acronyms the article defines. */
  aliases: Alias[];
  /**
   * The article's facts. The index's fact list holds these same objects: their `article` is the article's
   * number, set each time the index is assembled (0 before).
   */
  facts: Facts;
  /** The number of words of the article's body. */
  words: number;
  /**
   * What its facts are found by (facts/factWords.ts, index/factSearch.ts), in the order of `facts`: computed with the record (on
   * the indexing threads) and dropped once the fact search has read it.
   */
  factWords?: ArticleFactWords;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Builds the record of a parsed article. */
export function recordOf(article: Article, hash: string, stamp = ''): ArticleRecord {
  const aliases = findAliases(`${article.title}\n${article.text}`);
  const facts = extractFacts([article], new AliasTable(aliases));
  const factWords = articleFactWords(article, facts);
  const words = wordsOf(article.text).length;
  return { file: article.file, hash, stamp, words, article, aliases, facts, factWords };
}

/**
 * Files whose status changed less than this long before they are stamped get no stamp: a filesystem keeps
 * times to a clock tick, so a second write within the same tick could leave every field of the stamp as
 * it was. Such a file is compared by its bytes until it is older. A filesystem that keeps whole seconds
 * (its times have no fraction: FAT, ext3, some network shares) needs RACY_MS; one that keeps fractions
 * (ext4, XFS, btrfs, APFS, NTFS) ticks every few milliseconds at most, and FINE_RACY_MS covers it.
 */
export const RACY_MS = 2000;
export const FINE_RACY_MS = 100;

/**
 * A file's state as one comparable string: size, modification time, status-change time and inode. The
 * status-change time is set by the system on every write (and rename, and change of times) and cannot be
 * set back by a user, so a file rewritten with its old size and a restored modification time (cp -p,
 * touch -r, a tool restoring times) gets a new stamp. '' when the file cannot be read, or changed within
 * the racy window of `now`: a file without a stamp is compared by its bytes (a '' stamp never matches).
 */
export function stampOf(path: string, now = Date.now()): string {
  try {
    const stat = statSync(path, { bigint: true });
    const window = stat.ctimeNs % 1_000_000_000n === 0n ? RACY_MS : FINE_RACY_MS;
    if (now - Number(stat.ctimeNs / 1_000_000n) < window) return '';
    return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
  } catch {
    return '';
  }
}

/** Reads, parses and extracts one file; a file that is not an article gives the reason it was skipped. */
export function readRecord(dir: string, file: string): ArticleRecord | SkippedFile {
  const stamp = stampOf(join(dir, file));
  const bytes = readArticleBytes(dir, file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const article = articleOfBytes(file, bytes);
  return 'reason' in article ? article : recordOf(article, hashBytes(bytes), stamp);
}

export function isSkipped<T extends object>(value: T | SkippedFile): value is SkippedFile {
  return 'reason' in value;
}
