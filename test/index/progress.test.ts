/**
 * What an admin sees while a large corpus is indexed: progress lines for reading the files and then for
 * indexing their articles (the longer stage on a big archive), each stage ending with its total; a load
 * that is over before the delay prints nothing.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadIndex, progressLine, type LoadProgress } from '../../src/index/load.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-progress-'));
  dirs.push(dir);
  cpSync('corpus', dir, { recursive: true });
  return dir;
}

test('reports reading, then indexing up to the last article, once the delay has passed', async () => {
  const reports: LoadProgress[] = [];
  const { index } = await loadIndex(corpusCopy(), {
    cacheDir: null,
    threads: 1,
    warn: () => {},
    progressAfter: 0,
    progress: (p) => reports.push(p),
  });
  const stages = reports.map((r) => r.stage);
  expect(stages).toContain('read');
  expect(stages.lastIndexOf('read')).toBeLessThan(stages.indexOf('index'));
  const last = reports.at(-1)!;
  expect(last).toMatchObject({ stage: 'index', done: index.articles.length, total: index.articles.length });
  expect(progressLine(last)).toMatch(
    new RegExp(
      `^Indexing the corpus: ${index.articles.length} of ${index.articles.length} articles indexed \\(100%, \\d+ s\\)$`,
    ),
  );
});

test('prints nothing for a load that ends before the delay', async () => {
  const reports: LoadProgress[] = [];
  await loadIndex(corpusCopy(), {
    cacheDir: null,
    threads: 1,
    warn: () => {},
    progressAfter: 60_000,
    progress: (p) => reports.push(p),
  });
  expect(reports).toEqual([]);
});
