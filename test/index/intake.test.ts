/**
 * A burst of corpus changes taken in as one change: files found quiet one by one (QuietTimes), joining
 * the change under way (Intake) whatever happens to them meanwhile: changed again, deleted, added.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { Intake } from '../../src/index/changes.ts';
import { loadIndex, planSync } from '../../src/index/load.ts';
import { Readers } from '../../src/index/readers.ts';
import { turn } from '../../src/index/steps.ts';
import { QuietTimes } from '../../src/index/watch.ts';

const article = (title: string, body: string) => `${title}\n\nMarch 3, 2022\n\n${body}\n`;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('quiet times of changing files', () => {
  it('takes each file once it has been quiet, while others go on changing', () => {
    const quiet = new QuietTimes(100);
    quiet.note('a.txt', 0);
    quiet.note('b.txt', 50);
    expect(quiet.take(99).names).toEqual([]);
    quiet.note('c.txt', 120);
    const first = quiet.take(120);
    expect(first.names).toEqual(['a.txt']);
    // b.txt is next, 30 ms on.
    expect(first.next).toBe(30);
    expect(quiet.take(150).names).toEqual(['b.txt']);
    expect(quiet.take(219).names).toEqual([]);
    expect(quiet.take(220)).toEqual({ names: ['c.txt'], whole: false, next: null });
  });

  it('waits for a file written in several steps, up to four quiet times', () => {
    const quiet = new QuietTimes(100);
    for (let at = 0; at < 400; at += 50) {
      quiet.note('slow.txt', at);
      expect(quiet.take(at).names).toEqual([]);
    }
    quiet.note('slow.txt', 400);
    expect(quiet.take(400).names).toEqual(['slow.txt']);
  });

  it('says when the folder as a whole must be read, and looks again no sooner than a quarter of the quiet time', () => {
    const quiet = new QuietTimes(100);
    quiet.note(null, 0);
    quiet.note('a.txt', 99);
    const taken = quiet.take(100);
    expect(taken).toEqual({ names: [], whole: true, next: 99 });
    quiet.note('b.txt', 100);
    expect(quiet.take(198).next).toBe(25);
  });
});

async function corpusOf(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'accord-intake-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(corpus, file), text);
  const { index } = await loadIndex(corpus, { cacheDir: null, warn: () => {}, progress: () => {} });
  return { corpus, index };
}

const lab = (n: number, word: string) =>
  article(`Laboratory ${n} Opens`, `The university opened laboratory number ${n} for ${word} research.`);

describe('a change joined by later plans', () => {
  it('ends with every file as the folder last had it: changed twice, deleted, added', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 12; n++) files[`lab${n}.txt`] = lab(n, 'glacier');
    const { corpus, index } = await corpusOf(files);
    const write = (file: string, text: string) => writeFileSync(join(corpus, file), text);

    // The first plan: ten files changed. The main thread reads them, one a turn.
    for (let n = 0; n < 10; n++) write(`lab${n}.txt`, lab(n, 'volcano'));
    const names = Array.from({ length: 10 }, (_, n) => `lab${n}.txt`);
    const intake = new Intake(index, corpus, { keepBroken: true, readers: new Readers(corpus, { most: 0 }) });
    intake.add(planSync(index, corpus, names, { complete: false }));
    const running = intake.run();
    await turn();
    await turn();

    // Meanwhile: one file changes again, one read already is deleted, one not yet read is deleted, one is new.
    write('lab9.txt', lab(9, 'tundra'));
    unlinkSync(join(corpus, 'lab0.txt'));
    unlinkSync(join(corpus, 'lab8.txt'));
    write('new.txt', lab(99, 'volcano'));
    const later = ['lab9.txt', 'lab0.txt', 'lab8.txt', 'new.txt'];
    expect(intake.add(planSync(index, corpus, later, { complete: false }))).toBe(true);
    const result = await running;

    const served = (word: string) =>
      search(index, word, { limit: 100 })
        .answers.map((a) => a.article.id)
        .sort();
    expect(served('volcano')).toEqual(['lab1', 'lab2', 'lab3', 'lab4', 'lab5', 'lab6', 'lab7', 'new']);
    expect(served('tundra')).toEqual(['lab9']);
    expect(served('glacier')).toEqual(['lab10', 'lab11']);
    expect([...index.records.keys()].sort()).toEqual(
      ['lab1', 'lab10', 'lab11', 'lab2', 'lab3', 'lab4', 'lab5', 'lab6', 'lab7', 'lab9', 'new'].map(
        (f) => `${f}.txt`,
      ),
    );
    expect(result.removed.sort()).toEqual(['lab0.txt', 'lab8.txt']);
    expect(result.changed).toBe(true);
    // Once it has finished, a change cannot join it.
    expect(intake.add(planSync(index, corpus, ['lab1.txt'], { complete: false }))).toBe(false);
  });

  it('takes a file changed again while a worker reads it in its last version, and leaves out one deleted meanwhile', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 40; n++) files[`lab${n}.txt`] = lab(n, 'glacier');
    const { corpus, index } = await corpusOf(files);
    const readers = new Readers(corpus, { most: 1, filesPerWorker: 1 });
    cleanups.push(() => readers.stop());
    const names = Object.keys(files);
    // A worker started first, so that it reads the files (this thread reads only until one has).
    readers.want(names.length);
    for (let i = 0; i < 600 && !readers.ready(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readers.ready()).toBe(true);
    for (const [n, file] of names.entries()) writeFileSync(join(corpus, file), lab(n, 'volcano'));
    const intake = new Intake(index, corpus, { keepBroken: true, readers });
    intake.add(planSync(index, corpus, names, { complete: false }));
    const running = intake.run();
    // Once a worker has read a file, before its answer is taken, the file changes again (every third
    // file: it is deleted). The thread is held meanwhile, so the worker's answer waits.
    const again = new Set<string>();
    const deleted = new Set<string>();
    const hold = (ms: number) => {
      for (const until = performance.now() + ms; performance.now() < until;);
    };
    for (let i = 0; i < 2000 && again.size + deleted.size < names.length; i++) {
      const reading = names.filter((f) => !again.has(f) && !deleted.has(f) && readers.reading(f));
      if (reading.length > 0) hold(150);
      for (const file of reading) {
        const n = names.indexOf(file);
        if (n % 3 === 0) {
          deleted.add(file);
          unlinkSync(join(corpus, file));
        } else {
          again.add(file);
          writeFileSync(join(corpus, file), lab(n, 'tundra'));
        }
      }
      if (reading.length > 0) intake.add(planSync(index, corpus, reading, { complete: false }));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await running;
    const served = (word: string) =>
      search(index, word, { limit: 100 }).answers.map((a) => `${a.article.id}.txt`);
    expect(again.size).toBeGreaterThan(0);
    expect(deleted.size).toBeGreaterThan(0);
    expect(served('tundra').sort()).toEqual([...again].sort());
    expect(served('volcano').length + again.size + deleted.size).toBe(names.length);
    for (const file of deleted) expect(index.records.has(file)).toBe(false);
  }, 60_000);
});
