import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SkippedFile } from '../../src/corpus/types.ts';
import { loadRecord, type StoredRecord } from '../../src/index/cache.ts';
import { isSkipped, RACY_MS, readRecord } from '../../src/index/records.ts';
import {
  defaultBundle,
  startWorker,
  withoutTsx,
  workerBundle,
  type BundleOptions,
} from '../../src/index/workers.ts';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function temporary(parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'accord-workers-'));
  folders.push(dir);
  return dir;
}

/**
 * A corpus of three articles of this test's own words and one file that is not an article, read once
 * past the racy window (records.ts RACY_MS), so every thread gives its files the same stamps.
 */
async function makeCorpus(): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-workers-'));
  writeFileSync(
    join(dir, 'a.txt'),
    'Harbour Institute Signs Agreement\n\nMay 4, 2023\n\nThe agreement was signed by Ada Moss, dean of the Harbour Institute, and Tom Reed, mayor of Eastvale.\n',
  );
  writeFileSync(
    join(dir, 'b.md'),
    '# Clinic Opens in Westford\n\nJune 9, 2021\n\nThe clinic was opened on Monday by the hospital board.\n',
  );
  writeFileSync(
    join(dir, 'c.txt'),
    'Library Unveiled\n\nMarch 3, 2022\n\nThe new library was unveiled in York.\n',
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  return { dir, files: ['a.txt', 'b.md', 'c.txt', 'empty.txt'] };
}

/** The records a cold-indexing worker posts, as load.ts takes them. */
function recordsFrom(worker: Worker): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { records?: (StoredRecord | SkippedFile)[] }) => {
      if (!message.records) return;
      resolve(message.records.map((r) => (isSkipped(r) ? r : loadRecord(r))));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The first message of a worker started on a file. */
function firstMessage(file: string): Promise<unknown> {
  const worker = new Worker(file);
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('starting a worker', () => {
  let corpus: { dir: string; files: string[] };
  beforeAll(async () => {
    corpus = await makeCorpus();
  });
  afterAll(() => rmSync(corpus.dir, { recursive: true, force: true }));

  it('starts on a bundle, before and once it is built, and reads the records the main thread reads', async () => {
    const { dir, files } = corpus;
    const onMain = files.map((file) => readRecord(dir, file));
    // A fresh cache folder beside the project's, where the worker's packages resolve.
    const options = { ...defaultBundle(), cacheDir: join(defaultBundle().cacheDir, `test-${process.pid}`) };
    folders.push(options.cacheDir);
    const whileBuilding = await recordsFrom(startWorker({ dir, files }, options));
    const bundle = await workerBundle(options);
    expect(bundle).not.toBeNull();
    expect(readdirSync(options.cacheDir)).toEqual([bundle!.slice(options.cacheDir.length + 1)]);
    const onBundle = await recordsFrom(startWorker({ dir, files }, options));
    expect(onMain.filter((r) => !isSkipped(r))).toHaveLength(3);
    expect(whileBuilding).toEqual(onMain);
    expect(onBundle).toEqual(onMain);
  });

  it.each([[[] as string[]], [['--expose-gc']]])(
    'starts from a process run through tsx (with node options %j) and reads the same records',
    (options) => {
      const { dir, files } = corpus;
      const src = (file: string) => JSON.stringify(new URL(`../../src/index/${file}`, import.meta.url).href);
      const script = join(temporary(), 'start.mjs');
      writeFileSync(
        script,
        `import { startWorker } from ${src('workers.ts')};
        import { loadRecord } from ${src('cache.ts')};
        import { isSkipped } from ${src('records.ts')};
        const worker = startWorker({ dir: ${JSON.stringify(dir)}, files: ${JSON.stringify(files)} });
        worker.on('message', (message) => {
          if (!message.records) return;
          console.log(JSON.stringify(message.records.map((r) => (isSkipped(r) ? r : loadRecord(r)))));
          void worker.terminate();
        });`,
      );
      const child = spawnSync(process.execPath, [...options, '--import', 'tsx', script], {
        encoding: 'utf8',
        timeout: 30_000,
        killSignal: 'SIGKILL',
      });
      expect(child.stderr).toBe('');
      const onMain = files.map((file) => readRecord(dir, file));
      expect(JSON.parse(child.stdout)).toEqual(JSON.parse(JSON.stringify(onMain)));
    },
  );

  it('falls back to tsx where no bundle can be written, and still reads the records', async () => {
    const { dir, files } = corpus;
    const blocked = join(temporary(), 'a-file');
    writeFileSync(blocked, '');
    const options = { ...defaultBundle(), cacheDir: join(blocked, 'cache') };
    expect(await workerBundle(options)).toBeNull();
    const records = await recordsFrom(startWorker({ dir, files }, options));
    expect(records).toEqual(files.map((file) => readRecord(dir, file)));
  });
});

describe('the worker bundle', () => {
  /** A worker module that posts the word its imported module exports. */
  function project(): BundleOptions {
    const root = temporary();
    const sources = join(root, 'src');
    mkdirSync(sources);
    writeFileSync(
      join(sources, 'entry.ts'),
      "import { parentPort } from 'node:worker_threads';\nimport { word } from './word.ts';\nparentPort?.postMessage(word);\n",
    );
    writeFileSync(join(sources, 'word.ts'), "export const word: string = 'one';\n");
    return { entry: join(sources, 'entry.ts'), sources, cacheDir: join(root, 'cache') };
  }
  const setWord = (options: BundleOptions, word: string) =>
    writeFileSync(join(options.sources, 'word.ts'), `export const word: string = '${word}';\n`);

  it('is built again when a source changes, and reused while none does', async () => {
    const options = project();
    const first = await workerBundle(options);
    expect(await firstMessage(first!)).toBe('one');
    expect(await workerBundle(options)).toBe(first);
    setWord(options, 'two');
    const second = await workerBundle(options);
    expect(second).not.toBe(first);
    expect(await firstMessage(second!)).toBe('two');
    expect(readFileSync(first!, 'utf8')).toContain('one');
  });

  it('keeps the three most recently used bundles', async () => {
    const options = project();
    const made: string[] = [];
    for (const word of ['one', 'two', 'three', 'four', 'five']) {
      setWord(options, word);
      made.push((await workerBundle(options))!);
    }
    const kept = readdirSync(options.cacheDir).map((name) => join(options.cacheDir, name));
    expect(kept.sort()).toEqual(made.slice(2).sort());
  });
});

describe("a worker's Node options", () => {
  it('leave out what preloads tsx and keep the rest', () => {
    const asTsxRunsUs = [
      '--require',
      '/srv/accord/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///srv/accord/node_modules/tsx/dist/loader.mjs',
    ];
    expect(withoutTsx(asTsxRunsUs)).toEqual([]);
    expect(withoutTsx(['--enable-source-maps', '--import', 'tsx', '--expose-gc'])).toEqual([
      '--enable-source-maps',
      '--expose-gc',
    ]);
    expect(withoutTsx(['--import=tsx', '--require', './setup.cjs', '--import', './tsxish.mjs'])).toEqual([
      '--require',
      './setup.cjs',
      '--import',
      './tsxish.mjs',
    ]);
  });
});
