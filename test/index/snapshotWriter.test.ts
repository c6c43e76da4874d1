/**
 * The snapshot written in pieces (index/snapshotWriter.ts) is the snapshot: the same bytes as
 * encodeSnapshot's, and a warm load from it answers as the index that wrote it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/generate/corpus.ts';
import { search } from '../../src/answers/search.ts';
import { whoSigned } from '../../src/answers/index.ts';
import { encodeSnapshot, snapshotPath } from '../../src/index/cache.ts';
import { loadIndex } from '../../src/index/load.ts';
import { packParts, writeSnapshotInPieces } from '../../src/index/snapshotWriter.ts';
import { snapshotOf } from '../../src/index/cache.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

test('packs the same bytes as encodeSnapshot, and loads back to the same answers', async () => {
  const root = mkdtempSync(join(tmpdir(), 'accord-snapshot-pieces-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  const generated = generateCorpus({ articles: 120, seed: 4 });
  for (const file of generated.files) writeFileSync(join(corpus, file.file), file.text);
  const { index } = await loadIndex(corpus, { cacheDir: null, warn: () => {} });

  // A slice of 0 ms yields after every part: the most pieces there can be.
  const pieces = Buffer.concat(await packParts(snapshotOf(index), 0));
  expect(pieces.equals(encodeSnapshot(index))).toBe(true);

  const cache = join(root, 'cache');
  await writeSnapshotInPieces(snapshotPath(cache, corpus), index, 0);
  expect(readFileSync(snapshotPath(cache, corpus)).equals(encodeSnapshot(index))).toBe(true);
  const warm = await loadIndex(corpus, { cacheDir: cache, warn: () => {} });
  expect(warm.stats).toMatchObject({ fromCache: true, parsed: 0 });
  const question = generated.questions.find((q) => q.kind === 'who-signed')!;
  expect(whoSigned(warm.index, question.query)).toEqual(whoSigned(index, question.query));
  expect(search(warm.index, 'university agreement')).toEqual(search(index, 'university agreement'));
});
