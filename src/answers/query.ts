/**
 * What a person types, made fit to search: Discord mentions, custom emoji and Markdown are dropped,
 * white space is folded, and an over-long query is cut at a word.
 */
import { normalizeWhitespace } from '../text/normalize.ts';
import { removeInvisible } from '../text/safe.ts';
import { termsOf } from '../text/terms.ts';

/** Queries longer than this are cut: no question about an article needs more. */
export const MAX_QUERY_LENGTH = 300;

export type QueryCheck = { ok: true; query: string } | { ok: false; reason: string };

/** Cleans a query, or says why it cannot be asked. */
export function checkQuery(raw: string): QueryCheck {
  const query = cleanQuery(raw);
  if (query === '') return { ok: false, reason: 'The query is empty: type a few words to look for.' };
  if (termsOf(query).length === 0) {
    return { ok: false, reason: `"${query}" has no words to look for: try names, places or what happened.` };
  }
  return { ok: true, query };
}

export function cleanQuery(raw: string): string {
  // Invisible characters go first: `@<U+200B>everyone` must meet the mention patterns as `@everyone`.
  let query = removeInvisible(raw)
    .replace(/<a?:(\w+):\d+>/g, ' $1 ') // custom emoji
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ') // user, role and channel mentions
    .replace(/@(?:everyone|here)\b/g, ' ')
    .replace(/```|`|\*\*|__|~~|\|\||^>+\s?|[*_]/gm, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
  query = normalizeWhitespace(query);
  if (query.length > MAX_QUERY_LENGTH) {
    const cut = query.slice(0, MAX_QUERY_LENGTH);
    query = cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUERY_LENGTH / 2)).trim();
  }
  return query;
}
