/**
 * Bounded work per query: repeating a word changes nothing, and a query reads at most MAX_QUERY_WORDS
 * words. What hostile queries cost is measured by `npm run bench` (its hostile set, beside the normal
 * p99), not asserted here: a timed unit test fails on a busy machine.
 */
import { describe, expect, it } from 'vitest';
import { autocomplete } from '../../src/answers/autocomplete.ts';
import { boundedQuery, MAX_QUERY_WORDS } from '../../src/text/bounds.ts';
import { answer, COMMANDS } from '../../src/answers/index.ts';
import { checkQuery } from '../../src/answers/query.ts';
import { hostileQueries } from '../../src/bench/hostile.ts';
import { parseArticle } from '../../src/corpus/parse.ts';
import { generateCorpus } from '../../scripts/generate/corpus.ts';
import { buildIndex } from '../../src/index/build.ts';
import { termsOf } from '../../src/text/terms.ts';
import { seeds } from '../helpers.ts';

describe('bounded queries', () => {
  it('reads each word once, and at most MAX_QUERY_WORDS distinct words', () => {
    expect(boundedQuery('Qingpu agreement')).toBe('Qingpu agreement');
    expect(boundedQuery('e e e e e')).toBe('e');
    expect(boundedQuery('Qingpu signed Qingpu the agreement of Qingpu')).toBe(
      'Qingpu signed the agreement of',
    );
    const many = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(termsOf(boundedQuery(many))).toHaveLength(MAX_QUERY_WORDS);
  });

  it('answers a word repeated as it answers the word once', () => {
    const index = seeds();
    for (const command of COMMANDS) {
      const once = answer(index, command, 'Qingpu agreement');
      const repeated = answer(index, command, 'Qingpu agreement Qingpu agreement Qingpu');
      expect(repeated.answers).toEqual(once.answers);
    }
  });

  it('reads every query of the bench hostile set as at most MAX_QUERY_WORDS words, and answers it', () => {
    const generated = generateCorpus({ articles: 50, seed: 5 });
    const index = buildIndex({
      articles: generated.files.map((f) => parseArticle(f.file, f.text)),
      skipped: [],
    });
    for (const { name, query } of hostileQueries()) {
      const checked = checkQuery(query);
      if (!checked.ok) continue;
      expect(new Set(termsOf(boundedQuery(checked.query))).size, name).toBeLessThanOrEqual(MAX_QUERY_WORDS);
      for (const command of COMMANDS) {
        expect(answer(index, command, checked.query).command, name).toBe(command);
        expect(Array.isArray(autocomplete(index, command, query)), name).toBe(true);
      }
    }
  });
});
