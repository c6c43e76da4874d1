/**
 * The terms of every article's title and sentences, computed when the article is indexed (what /search
 * ranks sentences by): they follow the index as files come, change and go, and a snapshot keeps them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { parseArticle } from '../../src/corpus/parse.ts';
import { updateIndex, type Index } from '../../src/index/build.ts';
import { loadIndex } from '../../src/index/load.ts';
import { passageCount, passageStart } from '../../src/index/passageTerms.ts';
import { recordOf } from '../../src/index/records.ts';
import { corpusFolder, indexOf } from '../helpers.ts';

const article = (title: string, body: string) => `${title}\n\nMarch 3, 2022\n\n${body}\n`;

/** The terms of each passage of a file's article: the title first, then each sentence. */
function passages(index: Index, file: string): string[][] {
  const id = index.documentIds.get(file)!;
  const block = index.passageTerms.of(id)!;
  const terms = index.passageTerms;
  return Array.from({ length: passageCount(block) }, (_, p) =>
    Array.from(block.subarray(passageStart(block, p), passageStart(block, p + 1)), (t) => terms.termOf(t)),
  );
}

describe('passage terms', () => {
  it('are the index terms of the title and of each sentence, in order, repeats kept', () => {
    const index = indexOf({
      'a.txt': article('Robotics Lab Opens', 'The lab opened in Leeds. Robots and robots came to the lab.'),
    });
    expect(passages(index, 'a.txt')).toEqual([
      ['robot', 'lab', 'open'],
      ['lab', 'open', 'leed'],
      ['robot', 'robot', 'came', 'lab'],
    ]);
  });

  it('follow a file that changes, and leave with a file that goes', () => {
    const index = indexOf({
      'a.txt': article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'),
      'b.txt': article('Library Unveiled', 'The new library was unveiled in York.'),
    });
    const changed = parseArticle(
      'a.txt',
      article('Robotics Lab Opens', 'The robotics lab opened in Bristol.'),
    );
    updateIndex(index, { added: [recordOf(changed, '')], removed: ['b.txt'], skipped: [] });
    expect(passages(index, 'a.txt')[1]).toEqual(['robot', 'lab', 'open', 'bristol']);
    // The article is still found by "robotics"; its sentence no longer says Leeds.
    expect(search(index, 'robotics Leeds').answers.map((a) => a.quote)).not.toContain(
      'The robotics lab opened in Leeds.',
    );
    expect(search(index, 'robotics Bristol').answers[0]?.highlights).toEqual(['robotics', 'Bristol']);
    expect(index.passageTerms.size.documents).toBe(1);
  });

  it('are kept by the snapshot: a warm start has the same passages, and answers the same', async () => {
    const { corpus, cache } = corpusFolder(
      {
        'a.txt': article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'),
        'b.txt': article(
          'Library Unveiled',
          'The new library was unveiled in York. Its robotics wing opens later.',
        ),
      },
      'accord-passages-',
    );
    const cold = (await loadIndex(corpus, { cacheDir: cache, warn: () => {} })).index;
    const warm = await loadIndex(corpus, { cacheDir: cache, warn: () => {} });
    expect(warm.stats.fromCache).toBe(true);
    for (const file of ['a.txt', 'b.txt']) expect(passages(warm.index, file)).toEqual(passages(cold, file));
    expect(search(warm.index, 'robotics wing', { limit: 5 })).toEqual(
      search(cold, 'robotics wing', { limit: 5 }),
    );

    // A snapshot whose passages do not agree with its articles is not used: the index is rebuilt.
    const path = join(
      cache,
      readdirSync(cache).find((f) => f.endsWith('.msgpack'))!,
    );
    const packr = new Packr({ moreTypes: true, useRecords: false });
    const snapshot = packr.unpack(readFileSync(path)) as { passageTerms: { passages: Uint32Array } };
    snapshot.passageTerms.passages[0] = 7;
    writeFileSync(path, packr.pack(snapshot));
    const warnings: string[] = [];
    const rebuilt = await loadIndex(corpus, { cacheDir: cache, warn: (line) => warnings.push(line) });
    expect(rebuilt.stats.fromCache).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(/is not used and will be rebuilt: its parts do not agree/),
    ]);
    expect(search(rebuilt.index, 'robotics wing')).toEqual(search(cold, 'robotics wing'));
  });
});
