/** Bounded work per query: hostile queries cost milliseconds, and repeating a word changes nothing. */
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

/** Milliseconds of this thread's CPU `run` takes: unlike wall time, other jobs on the machine do not count. */
function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

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

  it('spends milliseconds, not seconds, on each hostile query (200 generated articles)', () => {
    const generated = generateCorpus({ articles: 200, seed: 5 });
    const index = buildIndex({
      articles: generated.files.map((f) => parseArticle(f.file, f.text)),
      skipped: [],
    });
    const worst: [string, number][] = [];
    for (const { name, query } of hostileQueries()) {
      const checked = checkQuery(query);
      let slowest = 0;
      for (const command of COMMANDS) {
        if (checked.ok) answer(index, command, checked.query); // warm
        autocomplete(index, command, query);
        if (checked.ok)
          slowest = Math.max(
            slowest,
            cpuMs(() => answer(index, command, checked.query)),
          );
        slowest = Math.max(
          slowest,
          cpuMs(() => autocomplete(index, command, query)),
        );
      }
      worst.push([name, slowest]);
    }
    // Before the bounds a letter repeated took 40-100 ms of CPU here (2.5 s at 1,000 articles, a minute
    // at 10,000: each repeat was looked up again); now it takes under a millisecond.
    for (const [name, ms] of worst) {
      expect(ms, name).toBeLessThan(/repeated/.test(name) && !/word/.test(name) ? 10 : 100);
    }
  });
});
