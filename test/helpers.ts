/** Test helpers: indexes built from the project corpus or from articles written in the test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { parseArticle } from '../src/corpus/parse.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { buildIndex, type Index } from '../src/index/build.ts';

let seedIndex: Index | undefined;

/** The index of ./corpus (the five seed articles), built once per test file. */
export function seeds(): Index {
  seedIndex ??= buildIndex(loadCorpus('corpus'));
  return seedIndex;
}

/** An index of the given articles, `{ 'file.txt': 'text' }`. */
export function indexOf(files: Record<string, string>): Index {
  const articles = Object.entries(files).map(([file, text]) => parseArticle(file, text));
  return buildIndex({ articles, skipped: [] });
}

/** Whitespace folded, no-break spaces included: how quotes are compared with gold evidence. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A corpus folder holding these files (`{ 'file.txt': 'text' }`), and where its cache goes beside it, under
 * the system's temporary folder; removed when the test ends.
 */
export function corpusFolder(
  files: Record<string, string>,
  prefix = 'accord-corpus-',
): { corpus: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(corpus, file), text);
  return { corpus, cache: join(root, 'cache') };
}
