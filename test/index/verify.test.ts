import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { snapshotPath } from '../../src/index/cache.ts';
import { loadIndex, writeSnapshot } from '../../src/index/load.ts';
import { RACY_MS, stampOf } from '../../src/index/records.ts';
import { verifyRecords } from '../../src/index/verify.ts';
import { watchCorpus } from '../../src/index/watch.ts';

const article = (title: string, body: string) => `${title}\n\nMarch 3, 2022\n\n${body}\n`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
const quiet = { warn: () => {} };

/** 41 articles; a.txt says Leeds. */
function corpus() {
  const root = mkdtempSync(join(tmpdir(), 'accord-verify-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'corpus');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'));
  for (let i = 0; i < 40; i++) {
    writeFileSync(join(dir, `n${i}.txt`), article(`Clinic ${i} Launched`, `Clinic ${i} opened in Hull.`));
  }
  return { corpus: dir, cache: join(root, 'cache') };
}

/**
 * A cache that trusts a file which no longer says what the cache holds: a.txt is changed after the index
 * was built, and the snapshot written with a.txt's new stamp but its old record, as a cache whose stamp
 * missed the change would be (a clock set back, a backup restored with its times). Then the files age
 * past the racy window (records.ts RACY_MS), so that a start trusts their stamps.
 */
async function fooledCache() {
  const { corpus: dir, cache } = corpus();
  const { index } = await loadIndex(dir, { cacheDir: cache, ...quiet });
  writeFileSync(join(dir, 'a.txt'), article('Robotics Lab Opens', 'The robotics lab opened in Derby.'));
  index.records.get('a.txt')!.stamp = stampOf(join(dir, 'a.txt'), Date.now() + RACY_MS);
  writeSnapshot(snapshotPath(cache, dir), index, (line) => {
    throw new Error(line);
  });
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  return { corpus: dir, cache };
}

describe('checking the files a warm start trusted', () => {
  it('finds a file changed behind the cache and serves its new text, read as the watcher reads', async () => {
    const { corpus, cache } = await fooledCache();
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    // The cache was trusted: nothing read, the old text answered.
    expect(stats).toMatchObject({ fromCache: true, parsed: 0, reused: 41 });
    expect(search(index, 'robotics Leeds').answers[0]?.article.id).toBe('a');
    const watcher = watchCorpus(corpus, index, { cacheDir: cache, debounceMs: 10_000, ...quiet });
    cleanups.push(() => watcher.close());
    const reread: string[][] = [];
    let refreshed: Promise<unknown> = Promise.resolve();
    const result = await verifyRecords(index, corpus, {
      sliceMs: 0,
      reread: (files) => {
        reread.push(files);
        refreshed = watcher.reread(files);
      },
    }).done;
    expect(result).toMatchObject({ checked: 41, stale: ['a.txt'] });
    expect(reread).toEqual([['a.txt']]);
    await refreshed;
    expect(search(index, 'robotics Derby').answers[0]?.article.id).toBe('a');
    expect(search(index, 'Leeds').answers).toEqual([]);
    // The snapshot written after the refresh holds the new text: the next start answers it at once.
    watcher.flush();
    const next = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(next.stats).toMatchObject({ fromCache: true, parsed: 0 });
    expect(search(next.index, 'robotics Derby').answers[0]?.article.id).toBe('a');
  });

  it('checks a few files at a time, letting other work run in between', async () => {
    const { corpus: dir, cache } = corpus();
    const { index } = await loadIndex(dir, { cacheDir: cache, ...quiet });
    let finished = false;
    let turns = 0;
    const other = () => {
      if (finished) return;
      turns++;
      setImmediate(other);
    };
    setImmediate(other);
    const result = await verifyRecords(index, dir, { sliceMs: 0, reread: () => {} }).done;
    finished = true;
    // sliceMs 0: one file per turn of the event loop, and the other work ran between every two.
    expect(result).toMatchObject({ checked: 41, stale: [] });
    expect(turns).toBeGreaterThanOrEqual(40);
  });

  it('stops when asked, with what it checked so far', async () => {
    const { corpus: dir, cache } = corpus();
    const { index } = await loadIndex(dir, { cacheDir: cache, ...quiet });
    const verifier = verifyRecords(index, dir, { sliceMs: 0, reread: () => {} });
    verifier.stop();
    expect((await verifier.done).checked).toBeLessThan(41);
  });
});
