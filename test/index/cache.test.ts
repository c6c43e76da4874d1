import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pack, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { buildSalt, indexLibraries, libraryVersion } from '../../src/index/cache.ts';
import { loadIndex, syncIndex } from '../../src/index/load.ts';
import { RACY_MS } from '../../src/index/records.ts';
import { corpusFolder } from '../helpers.ts';

const article = (title: string, body: string) => `${title}\n\nMarch 3, 2022\n\n${body}\n`;

function folder(): { corpus: string; cache: string } {
  return corpusFolder(
    {
      'a.txt': article('Robotics Lab Opens', 'The robotics lab opened in Leeds.'),
      'b.txt': article('Library Unveiled', 'The new library was unveiled in York.'),
    },
    'accord-cache-',
  );
}

const quiet = { warn: () => {} };
/** Waits until files written now are past the racy window (records.ts RACY_MS). */
const aged = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));

describe('the index cache', () => {
  it('loads an unchanged corpus from the cache, with the same answers', async () => {
    const { corpus, cache } = folder();
    const cold = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(cold.stats).toMatchObject({ files: 2, parsed: 2, fromCache: false });
    const warm = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(warm.stats).toMatchObject({ files: 2, parsed: 0, reused: 2, fromCache: true });
    expect(search(warm.index, 'robotics lab Leeds')).toEqual(search(cold.index, 'robotics lab Leeds'));
  });

  it('re-reads a changed file alone, and forgets a removed one', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    writeFileSync(
      join(corpus, 'a.txt'),
      article('Robotics Lab Opens', 'The robotics lab opened in Bristol.'),
    );
    utimesSync(join(corpus, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(corpus, 'b.txt'));
    writeFileSync(join(corpus, 'c.txt'), article('Clinic Launched', 'A clinic was launched in Hull.'));
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(stats).toMatchObject({ files: 2, parsed: 2, reused: 0, removed: 1, fromCache: true });
    expect(search(index, 'Bristol').answers[0]?.article.id).toBe('a');
    expect(search(index, 'Leeds').answers).toEqual([]);
    expect(search(index, 'library York').answers).toEqual([]);
    expect(search(index, 'clinic Hull').answers[0]?.article.id).toBe('c');
    expect(index.articles.map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('does not re-read a file whose time changed but whose bytes did not', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    utimesSync(join(corpus, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const { stats } = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(stats).toMatchObject({ parsed: 0, reused: 2 });
  });

  it('notices a file rewritten with its old size and modification time restored (cp -p, touch -r)', async () => {
    const { corpus, cache } = folder();
    const file = join(corpus, 'a.txt');
    // Files older than the racy window, so that their stamps are trusted rather than their bytes compared.
    await aged();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const reference = join(cache, '..', 'a.reference');
    expect(spawnSync('cp', ['-p', file, reference]).status).toBe(0);
    writeFileSync(file, article('Robotics Lab Opens', 'The robotics lab opened in Derby.'));
    expect(spawnSync('touch', ['-r', reference, file]).status).toBe(0);
    expect(statSync(file).size).toBe(statSync(reference).size);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(statSync(reference, { bigint: true }).mtimeNs);
    // Started later: the rewrite is past the racy window too, so only the stamp itself can tell.
    await aged();
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(stats).toMatchObject({ fromCache: true, parsed: 1, reused: 1 });
    expect(search(index, 'robotics Derby').answers[0]?.article.id).toBe('a');
    expect(search(index, 'Leeds').answers).toEqual([]);
  });

  it('warns about a broken file and serves the others', async () => {
    const { corpus, cache } = folder();
    writeFileSync(join(corpus, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const warnings: string[] = [];
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(warnings).toEqual(['Skipped broken.txt: the file is binary, not text.']);
    expect(stats.skipped).toBe(1);
    expect(search(index, 'library York').answers).toHaveLength(1);
  });

  it('ignores a corrupt cache and rebuilds it', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    for (const file of readdirSync(cache)) writeFileSync(join(cache, file), '{"salt": 42, "records": [');
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(stats.fromCache).toBe(false);
    expect(search(index, 'robotics').answers).toHaveLength(1);
    expect((await loadIndex(corpus, { cacheDir: cache, ...quiet })).stats.fromCache).toBe(true);
  });

  it('loads the search engine and the autocomplete lists as they were saved, after files changed', async () => {
    const { corpus, cache } = folder();
    writeFileSync(join(corpus, 'c.txt'), article('Clinic Launched', 'A clinic was launched in Hull.'));
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    // A changed file leaves MiniSearch and comes back under a new id: ids and MiniSearch's own differ.
    writeFileSync(join(corpus, 'a.txt'), article('Robotics Lab Opens', 'The robotics lab opened in Bath.'));
    utimesSync(join(corpus, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const saved = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const warm = await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(warm.stats).toMatchObject({ fromCache: true, parsed: 0 });
    // The same postings, before any query (a query drops those of discarded documents that it meets);
    // a radix tree's order of terms follows the order they came in.
    const byTerm = (json: ReturnType<typeof warm.index.search.toJSON>) => ({
      ...json,
      index: [...json.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    });
    expect(byTerm(warm.index.search.toJSON())).toEqual(byTerm(saved.index.search.toJSON()));
    for (const query of ['robotics lab', 'clinc hul', 'librar', 'Bath']) {
      const options = { fuzzy: 0.2, prefix: true };
      expect(warm.index.search.search(query, options)).toEqual(saved.index.search.search(query, options));
    }
    expect(warm.index.search.search('Leeds')).toEqual([]);
    const offered = ({ suggestions: s }: typeof warm.index) => [s.signings, s.events, s.titles, s.vocabulary];
    expect(offered(warm.index)).toEqual(offered(saved.index));
    expect(warm.index.suggestions.vocabulary).toContain('bath');
    // A title that changes after a warm start leaves autocomplete, and the new one comes in.
    writeFileSync(join(corpus, 'b.txt'), article('Library Closed', 'The old library was closed in York.'));
    utimesSync(join(corpus, 'b.txt'), new Date(), new Date(Date.now() + 5000));
    await syncIndex(warm.index, corpus, ['a.txt', 'b.txt', 'c.txt'], { threads: 1, keepBroken: false });
    const titles = warm.index.suggestions.titles.map((c) => c.text);
    expect(titles).toEqual(['Clinic Launched', 'Library Closed', 'Robotics Lab Opens']);
  });

  it('reads a large corpus on worker threads with the same result as on one thread', async () => {
    const { corpus } = folder();
    for (let i = 0; i < 450; i++) {
      writeFileSync(
        join(corpus, `n${String(i).padStart(3, '0')}.txt`),
        article(`Lab ${i} Opens`, `Lab number ${i} opened in town ${i % 7}.`),
      );
    }
    const one = await loadIndex(corpus, { cacheDir: null, threads: 1, ...quiet });
    const two = await loadIndex(corpus, { cacheDir: null, threads: 2, ...quiet });
    expect(two.index.articles.map((a) => a.id)).toEqual(one.index.articles.map((a) => a.id));
    expect(two.index.articles.length).toBe(452);
    expect(search(two.index, 'lab 123 opened')).toEqual(search(one.index, 'lab 123 opened'));
  });
});

describe('a cache that cannot stop a start', () => {
  const snapshotFile = (cache: string) =>
    join(
      cache,
      readdirSync(cache).find((f) => f.endsWith('.msgpack'))!,
    );

  it('rebuilds, with one warning, from a snapshot of the right version but the wrong shape', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const path = snapshotFile(cache);
    const snapshot = unpack(readFileSync(path)) as { records: { article: { text: unknown } }[] };
    snapshot.records[0]!.article.text = null;
    writeFileSync(path, pack(snapshot));
    const warnings: string[] = [];
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(stats.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/index cache .* is not used and will be rebuilt: .*shape/);
    expect(search(index, 'robotics lab Leeds').answers[0]?.article.id).toBe('a');
    expect((await loadIndex(corpus, { cacheDir: cache, ...quiet })).stats.fromCache).toBe(true);
  });

  it('rebuilds, with one warning, from a snapshot whose search index does not agree with itself', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const path = snapshotFile(cache);
    const snapshot = unpack(readFileSync(path)) as { search: { counts: Uint32Array } };
    snapshot.search.counts = snapshot.search.counts.map((count) => count + 1);
    writeFileSync(path, pack(snapshot));
    const warnings: string[] = [];
    const { index, stats } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(stats.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/index cache .* is not used and will be rebuilt/);
    expect(search(index, 'library York').answers[0]?.article.id).toBe('b');
  });

  it('rebuilds from a snapshot that does not decode', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    writeFileSync(snapshotFile(cache), Buffer.from([0xc1, 0xff, 0x00]));
    const warnings: string[] = [];
    const { stats } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(stats.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('is salted with the versions of the libraries that shape the index, not only its source', () => {
    expect(indexLibraries()).toEqual(expect.arrayContaining(['minisearch', 'stemmer', 'msgpackr']));
    const installed = JSON.parse(readFileSync('node_modules/minisearch/package.json', 'utf8')) as {
      version: string;
    };
    expect(libraryVersion('minisearch')).toBe(installed.version);
    const upgraded = (name: string) => (name === 'minisearch' ? '99.0.0' : libraryVersion(name));
    expect(buildSalt(upgraded)).not.toBe(buildSalt());
    expect(buildSalt(libraryVersion)).toBe(buildSalt());
  });

  it('removes the temporary files that stopped writers left, not those of running ones', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const path = snapshotFile(cache);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${path}.${dead}.tmp`, 'half a snapshot');
    writeFileSync(`${path}.1.tmp`, 'being written by process 1');
    writeFileSync(join(corpus, 'c.txt'), article('Clinic Launched', 'A clinic was launched in Hull.'));
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([`${basename(path)}.1.tmp`]);
  });

  it('leaves no temporary file behind when a write fails', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const path = snapshotFile(cache);
    rmSync(path);
    mkdirSync(join(path, 'in-the-way'), { recursive: true });
    const warnings: string[] = [];
    const { index } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(warnings.some((w) => w.startsWith('The index cache could not be written'))).toBe(true);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(search(index, 'library York').answers).toHaveLength(1);
  });

  it('starts, and can be stopped, with a cache folder that cannot be made (under /proc)', () => {
    const { corpus } = folder();
    const script = `
      import { loadIndex } from './src/index/load.ts';
      const { index } = await loadIndex(${JSON.stringify(corpus)}, {
        cacheDir: '/proc/accord-cache-test/cache', warn: (l) => console.log(l) });
      console.log('articles', index.articles.length);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(child.signal).toBeNull();
    expect(child.stdout).toMatch(/The index cache could not be written/);
    expect(child.stdout).toMatch(/articles 2/);
  });
});

describe('a snapshot of another version', () => {
  it('is rebuilt without a warning, and the previous format of the same folder removed', async () => {
    const { corpus, cache } = folder();
    await loadIndex(corpus, { cacheDir: cache, ...quiet });
    const path = join(cache, readdirSync(cache)[0]!);
    const snapshot = unpack(readFileSync(path)) as { salt: string };
    snapshot.salt = 'made by another version';
    writeFileSync(path, pack(snapshot));
    const old = path.replace(/\.msgpack$/, '.json');
    writeFileSync(old, '{"salt": "older"}');
    const warnings: string[] = [];
    const { stats } = await loadIndex(corpus, { cacheDir: cache, warn: (l) => warnings.push(l) });
    expect(stats.fromCache).toBe(false);
    expect(warnings).toEqual([]);
    expect(readdirSync(cache)).toEqual([basename(path)]);
  });
});
