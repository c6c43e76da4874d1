/**
 * who-signed and when follow the index as it changes in place: a file added, changed or removed through
 * updateIndex (the watcher, an incremental load) is reflected at once, article numbers included, and so
 * is an acronym that another article defines or stops defining.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { when, whoSigned } from '../../src/answers/index.ts';
import { updateIndex, type Index } from '../../src/index/build.ts';
import { loadIndex } from '../../src/index/load.ts';
import { openIndex } from '../../src/index/open.ts';
import { isSkipped, readRecord, type ArticleRecord } from '../../src/index/records.ts';
import { watchCorpus } from '../../src/index/watch.ts';

const root = join(import.meta.dirname, '..', '..');
const own = join(root, 'test', 'articles');
const seeds = join(root, 'corpus');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A temporary corpus folder holding copies of the given files. */
function folder(from: string, files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-facts-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of files) copyFileSync(join(from, file), join(dir, file));
  return dir;
}

function record(dir: string, file: string): ArticleRecord {
  const read = readRecord(dir, file);
  if (isSkipped(read)) throw new Error(read.reason);
  return read;
}

const signers = (index: Index, query: string) =>
  whoSigned(index, query).answers.map((a) => [a.article.id, a.signers.map((s) => s.name)]);
const events = (index: Index, query: string) => when(index, query).answers.map((a) => a.article.id);

describe('who-signed and when under updateIndex', () => {
  it('finds the signing of a file added, and no longer finds that of a file removed', () => {
    const dir = folder(own, ['imperial-chelwest-partnership.txt', 'melbourne-peking-exchange.txt']);
    const index = openIndex(dir, { warn: () => {} });
    expect(signers(index, 'Nordwind Robotics')).toEqual([]);
    expect(signers(index, 'Melbourne Peking')[0]).toEqual([
      'melbourne-peking-exchange',
      ['Duncan Maskell', 'Gong Qihuang'],
    ]);

    // Added before the others in file order: every later article's number shifts.
    copyFileSync(join(own, 'nordwind-st-marys-contract.txt'), join(dir, 'nordwind-st-marys-contract.txt'));
    copyFileSync(join(own, 'charite-fraunhofer-lab.md'), join(dir, 'charite-fraunhofer-lab.md'));
    updateIndex(index, {
      added: [record(dir, 'nordwind-st-marys-contract.txt'), record(dir, 'charite-fraunhofer-lab.md')],
      removed: [],
      skipped: [],
    });
    expect(signers(index, 'Nordwind Robotics')).toEqual([
      ['nordwind-st-marys-contract', ['Klaus Weber', "Sarah O'Connell"]],
    ]);
    expect(events(index, 'Nordwind Robotics contract')[0]).toBe('nordwind-st-marys-contract');
    expect(signers(index, 'Charite')[0]).toEqual(['charite-fraunhofer-lab', ['Heyo Kroemer', 'Hans Müller']]);
    expect(signers(index, 'Melbourne Peking')[0]?.[0]).toBe('melbourne-peking-exchange');
    expect(signers(index, 'Imperial College')[0]?.[0]).toBe('imperial-chelwest-partnership');

    updateIndex(index, {
      added: [],
      removed: ['charite-fraunhofer-lab.md', 'imperial-chelwest-partnership.txt'],
      skipped: [],
    });
    expect(signers(index, 'Charite')).toEqual([]);
    expect(signers(index, 'Imperial College')).toEqual([]);
    expect(events(index, 'Imperial College')).toEqual([]);
    expect(signers(index, 'Nordwind Robotics')[0]?.[0]).toBe('nordwind-st-marys-contract');
    expect(signers(index, 'Melbourne Peking')[0]?.[0]).toBe('melbourne-peking-exchange');
  });

  it('gives the same answers as an index built from scratch, after changes', () => {
    const all = [
      'hum-taihe-residents.txt',
      'monash-tongji-mou.txt',
      'sydney-rpa-mou.md',
      'zju-karolinska-phd.txt',
    ];
    const dir = folder(own, all);
    const index = openIndex(folder(own, ['hum-taihe-residents.txt', 'ucla-cedars-inked.txt']), {
      warn: () => {},
    });
    expect(signers(index, 'UCLA Cedars')).not.toEqual([]);
    updateIndex(index, {
      added: all.map((file) => record(dir, file)),
      removed: ['ucla-cedars-inked.txt'],
      skipped: [],
    });
    const fresh = openIndex(dir, { warn: () => {} });
    for (const query of [
      'HUM',
      'Monash Tongji',
      'Sydney',
      'Karolinska PhD',
      'UCLA Cedars',
      'Taihe Hosptial',
    ]) {
      expect(whoSigned(index, query)).toEqual(whoSigned(fresh, query));
      expect(when(index, query)).toEqual(when(fresh, query));
    }
  });

  it('follows an acronym that another article defines, and stops when that article leaves', () => {
    const files = ['000_3f2f19fad73511cf.txt', '002_584a512e3e3709f5.txt', '003_9727e1ebcea9b752.txt'];
    const dir = folder(seeds, [...files, '004_8c6205f0469ee44b.txt']);
    const index = openIndex(dir, { warn: () => {} });
    // Article 000 names USST by its acronym alone; 001 spells it out: "University of ... (USST)". Until
    // then no signing of the university with Gongli is known (003's is with another partner): no answer.
    const query = 'University of Shanghai for Science and Technology Gongli';
    expect(whoSigned(index, query).answers).toEqual([]);

    copyFileSync(join(seeds, '001_e118733d86336669.txt'), join(dir, '001_e118733d86336669.txt'));
    updateIndex(index, { added: [record(dir, '001_e118733d86336669.txt')], removed: [], skipped: [] });
    expect(whoSigned(index, query).answers[0]?.article.id).toBe('000_3f2f19fad73511cf');
    expect(whoSigned(index, query)).toEqual(whoSigned(openIndex(dir, { warn: () => {} }), query));

    updateIndex(index, { added: [], removed: ['001_e118733d86336669.txt'], skipped: [] });
    expect(whoSigned(index, query).answers).toEqual([]);
  });
});

describe('who-signed under the corpus watcher and the cache', () => {
  it('answers from a file dropped into a watched folder, and forgets a file deleted', async () => {
    const base = mkdtempSync(join(tmpdir(), 'accord-facts-watch-'));
    cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    const dir = join(base, 'corpus');
    mkdirSync(dir);
    copyFileSync(join(own, 'melbourne-peking-exchange.txt'), join(dir, 'melbourne-peking-exchange.txt'));
    const { index } = await loadIndex(dir, { cacheDir: join(base, 'cache'), warn: () => {} });
    const watcher = watchCorpus(dir, index, {
      cacheDir: join(base, 'cache'),
      debounceMs: 10_000,
      warn: () => {},
    });
    cleanups.push(() => watcher.close());
    expect(signers(index, 'Nordwind Robotics')).toEqual([]);

    copyFileSync(join(own, 'nordwind-st-marys-contract.txt'), join(dir, 'nordwind-st-marys-contract.txt'));
    await watcher.refresh();
    expect(signers(index, 'Nordwind Robotics')[0]?.[0]).toBe('nordwind-st-marys-contract');

    // The snapshot the watcher writes (once the folder is quiet, or now) gives the same answers.
    watcher.flush();
    const cached = await loadIndex(dir, { cacheDir: join(base, 'cache'), warn: () => {} });
    expect(cached.stats.fromCache).toBe(true);
    expect(cached.stats.parsed).toBe(0);
    expect(whoSigned(cached.index, 'Nordwind Robotics')).toEqual(whoSigned(index, 'Nordwind Robotics'));
    expect(when(cached.index, 'Melbourne Peking')).toEqual(when(index, 'Melbourne Peking'));

    unlinkSync(join(dir, 'melbourne-peking-exchange.txt'));
    await watcher.refresh();
    expect(signers(index, 'Melbourne Peking')).toEqual([]);
    expect(signers(index, 'Nordwind Robotics')[0]?.[0]).toBe('nordwind-st-marys-contract');
  });
});
