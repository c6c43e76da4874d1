/**
 * "Find the source": the passages of the corpus that support what a message says. A passage supports it
 * when it holds most of the message's words (their terms), not when it shares one: a message the corpus
 * does not back gets no passage.
 */
import type { Index } from '../index/build.ts';
import { termsOf } from '../text/terms.ts';
import { cleanQuery } from './query.ts';
import { search } from './search.ts';
import type { SearchResult } from './types.ts';

/** Share of the message's words a passage (with its context) must hold to support it. */
export const MIN_SUPPORT = 0.6;
/** Supporting passages given at most. */
const LIMIT = 3;

export function findSource(index: Index, message: string): SearchResult {
  const query = cleanQuery(message);
  const asked = termsOf(query);
  if (asked.length === 0) return { command: 'search', query, answers: [], suggestions: [] };
  const found = search(index, query, { limit: LIMIT * 3 });
  const answers = found.answers
    .filter((answer) => {
      const held = new Set(termsOf(`${answer.context} ${answer.article.title}`));
      return asked.filter((t) => held.has(t)).length / asked.length >= MIN_SUPPORT;
    })
    .slice(0, LIMIT);
  return { command: 'search', query, answers, suggestions: [] };
}
