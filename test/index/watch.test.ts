import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { loadIndex } from '../../src/index/load.ts';
import { RACY_MS } from '../../src/index/records.ts';
import { watchCorpus, type CorpusWatcher } from '../../src/index/watch.ts';

const article = (title: string, body: string) => `${title}\n\nMarch 3, 2022\n\n${body}\n`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function setup() {
  const root = mkdtempSync(join(tmpdir(), 'accord-watch-'));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'a.txt'), article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'));
  const { index } = await loadIndex(corpus, { cacheDir: join(root, 'cache'), warn: () => {} });
  const warnings: string[] = [];
  const watcher: CorpusWatcher = watchCorpus(corpus, index, {
    cacheDir: join(root, 'cache'),
    debounceMs: 20,
    warn: (line) => warnings.push(line),
  });
  cleanups.push(() => {
    watcher.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { corpus, index, watcher, warnings };
}

/** Waits until files written now are past the racy window (records.ts RACY_MS). */
const aged = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));

/** Polls until `check` holds, at most 5 s; the loop always ends. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('watching the corpus folder', () => {
  it('picks up a file dropped into the folder by itself', async () => {
    const { corpus, index } = await setup();
    writeFileSync(
      join(corpus, 'b.txt'),
      article('Library Unveiled', 'The new library was unveiled in York.'),
    );
    expect(await eventually(() => search(index, 'library York').answers.length === 1)).toBe(true);
  });

  it('swaps in a changed file and drops a removed one', async () => {
    const { corpus, index, watcher } = await setup();
    writeFileSync(
      join(corpus, 'a.txt'),
      article('Robotics Lab Opens', 'The robotics lab opened in Bristol.'),
    );
    writeFileSync(join(corpus, 'c.txt'), article('Clinic Launched', 'A clinic was launched in Hull.'));
    await watcher.refresh();
    expect(search(index, 'robotics Bristol').answers[0]?.article.id).toBe('a');
    expect(search(index, 'Leeds').answers).toEqual([]);
    rmSync(join(corpus, 'c.txt'));
    await watcher.refresh();
    expect(search(index, 'clinic Hull').answers).toEqual([]);
    expect(index.articles.map((a) => a.id)).toEqual(['a']);
  });

  it('notices a file rewritten with its old size and modification time restored (cp -p, touch -r)', async () => {
    const { corpus, index, watcher } = await setup();
    const file = join(corpus, 'a.txt');
    // Past the racy window (records.ts RACY_MS): the refresh stamps the file, and its stamp is trusted.
    await aged();
    await watcher.refresh();
    expect(index.records.get('a.txt')?.stamp).not.toBe('');
    const reference = join(corpus, '..', 'a.reference');
    expect(spawnSync('cp', ['-p', file, reference]).status).toBe(0);
    writeFileSync(file, article('Robotics Lab Opens', 'The robotics lab opened in Derby.'));
    expect(spawnSync('touch', ['-r', reference, file]).status).toBe(0);
    expect(statSync(file).size).toBe(statSync(reference).size);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(statSync(reference, { bigint: true }).mtimeNs);
    await aged();
    await watcher.refresh();
    expect(search(index, 'robotics Derby').answers[0]?.article.id).toBe('a');
    expect(search(index, 'Leeds').answers).toEqual([]);
  });

  it('keeps the previous version of a file that breaks, and reports it', async () => {
    const { corpus, index, watcher, warnings } = await setup();
    writeFileSync(join(corpus, 'a.txt'), Buffer.from([0x00, 0x01, 0x02]));
    await watcher.refresh();
    expect(search(index, 'robotics Leeds').answers[0]?.article.id).toBe('a');
    expect(warnings).toEqual([
      'Could not index a.txt: the file is binary, not text; its previous version still serves.',
    ]);
  });

  it('reports a broken new file and goes on serving', async () => {
    const { corpus, index, watcher, warnings } = await setup();
    writeFileSync(join(corpus, 'empty.txt'), '');
    await watcher.refresh();
    expect(warnings).toEqual(['Could not index empty.txt: the file is empty.']);
    expect(index.skipped.map((s) => s.file)).toEqual(['empty.txt']);
    expect(search(index, 'robotics').answers).toHaveLength(1);
  });
});

describe('the snapshot under the watcher', () => {
  it('is written once after a burst of changes, when the folder is quiet, not on every refresh', async () => {
    const root = mkdtempSync(join(tmpdir(), 'accord-watch-snapshot-'));
    const corpus = join(root, 'corpus');
    const cache = join(root, 'cache');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.txt'), article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'));
    const { index } = await loadIndex(corpus, { cacheDir: cache, warn: () => {} });
    const watcher = watchCorpus(corpus, index, { cacheDir: cache, debounceMs: 10_000, snapshotDelayMs: 300 });
    cleanups.push(() => {
      watcher.close();
      rmSync(root, { recursive: true, force: true });
    });
    const [file] = readdirSync(cache);
    const written = () => statSync(join(cache, file!)).mtimeMs;
    const before = written();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const name of ['b', 'c', 'd']) {
      writeFileSync(
        join(corpus, `${name}.txt`),
        article(`Clinic ${name} Launched`, `A clinic ${name} opened in Hull.`),
      );
      await watcher.refresh();
    }
    expect(index.articles).toHaveLength(4);
    // The index serves the changes at once; the snapshot, one write, comes when the folder is quiet.
    expect(written()).toBe(before);
    expect(await eventually(() => written() !== before)).toBe(true);
    const cached = await loadIndex(corpus, { cacheDir: cache, warn: () => {} });
    expect(cached.stats).toMatchObject({ fromCache: true, parsed: 0, files: 4 });
  });
});
