/** Test helpers: indexes built from the project corpus or from articles written in the test. */
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
