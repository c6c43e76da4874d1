/**
 * Autocomplete's lists follow the index as files come, change and go: after each change they are what
 * deriving them from the whole corpus gives (fromScratch: every record's texts counted and ranked),
 * order included.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { parseArticle } from '../../src/corpus/parse.ts';
import { emptyIndex, updateIndex, type Index } from '../../src/index/build.ts';
import { recordOf } from '../../src/index/records.ts';
import { rankOrder, textsOf, type Counted, type Kind } from '../../src/index/suggestions.ts';
import { foldForMatch } from '../../src/text/normalize.ts';

const article = (file: string, title: string, body: string): Article =>
  parseArticle(file, `${title}\n\nMarch 3, 2022\n\n${body}\n`) as Article;

function fromScratch(index: Index) {
  const counts = { signings: new Map<string, number>(), events: new Map(), titles: new Map() };
  for (const record of index.records.values()) {
    const texts = textsOf(record);
    for (const kind of Object.keys(counts) as Kind[])
      for (const text of texts[kind]) counts[kind].set(text, (counts[kind].get(text) ?? 0) + 1);
  }
  const rank = (kind: Kind) =>
    [...counts[kind]]
      .map(([text, count]): Counted => ({ candidate: { text, folded: foldForMatch(text) }, count }))
      .sort(rankOrder)
      .map((counted) => counted.candidate);
  return {
    signings: rank('signings'),
    events: rank('events'),
    titles: rank('titles'),
    vocabulary: [...index.documentFrequency.keys()].sort(),
  };
}

function current(index: Index) {
  const { signings, events, titles, vocabulary } = index.suggestions;
  return { signings: [...signings], events: [...events], titles: [...titles], vocabulary: [...vocabulary] };
}

describe('the suggestions of a changing index', () => {
  it('are those derived from scratch after files are added, changed and removed', () => {
    const index = emptyIndex();
    const texts = (n: number) =>
      article(
        `f${n}.txt`,
        `Agreement ${n % 3} Signed`,
        `The University of Leeds and Helix Labs ${n % 2 ? 'Ltd' : 'Group'} signed a memorandum of understanding on ${n + 1} May 2021. ` +
          `The memorandum was signed by Anna Berg, dean, and Tom Ruiz ${n}, director. ` +
          `The new campus opened on 2 June 2022 in Quarry${n} town after the Quarry${n} festival began.`,
      );
    const records = Array.from({ length: 90 }, (_, n) => recordOf(texts(n), String(n)));
    updateIndex(index, { added: records.slice(0, 80), removed: [], skipped: [] });
    expect(current(index)).toEqual(fromScratch(index));
    expect(index.suggestions.signings.length).toBeGreaterThan(3);
    expect(index.suggestions.events.length).toBeGreaterThan(1);

    // One at a time (texts moved in place), then many (sorted anew).
    for (const n of [80, 81, 82]) {
      updateIndex(index, { added: [records[n]!], removed: [], skipped: [] });
      expect(current(index)).toEqual(fromScratch(index));
    }
    const changed = recordOf(
      article('f5.txt', 'Clinic Opened', 'A clinic opened on 4 April 2020 in Hull, officials said.'),
      'x',
    );
    updateIndex(index, { added: [changed], removed: ['f7.txt'], skipped: [] });
    expect(current(index)).toEqual(fromScratch(index));
    updateIndex(index, {
      added: records.slice(83),
      removed: records.slice(10, 60).map((r) => r.file),
      skipped: [],
    });
    expect(current(index)).toEqual(fromScratch(index));
    updateIndex(index, { added: [], removed: [...index.records.keys()], skipped: [] });
    expect(current(index)).toEqual({ signings: [], events: [], titles: [], vocabulary: [] });
  });
});
