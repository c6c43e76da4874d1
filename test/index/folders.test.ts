/** Corpus folders as people give them: empty, the root of the disk, articles linked from elsewhere. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search.ts';
import { loadIndex } from '../../src/index/load.ts';

const run = promisify(execFile);

/** A new folder under the system's temporary one, removed after the test. */
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const ARTICLE =
  'Harbour Clinic Opens Tide Ward\n\nApril 9, 2022\n\nThe Harbour Clinic opened its new tide ward on Monday.\n';

async function load(dir: string): Promise<{ articles: number; warnings: string[] }> {
  const warnings: string[] = [];
  const { index } = await loadIndex(dir, { cacheDir: null, threads: 1, warn: (line) => warnings.push(line) });
  return { articles: index.articles.length, warnings };
}

describe('corpus folders', () => {
  it('says that an empty folder holds no articles', async () => {
    const dir = tempDir('accord-empty-');
    writeFileSync(join(dir, 'notes.pdf'), 'not an article');
    const { articles, warnings } = await load(dir);
    expect(articles).toBe(0);
    expect(warnings.join('\n')).toMatch(/holds no articles/);
  });

  it('says that the root of the disk holds no articles', async () => {
    const { articles, warnings } = await load('/');
    expect(articles).toBe(0);
    expect(warnings.join('\n')).toMatch(/\/ holds no articles/);
  });

  it('says nothing of the kind when there are articles', async () => {
    const dir = tempDir('accord-one-');
    writeFileSync(join(dir, 'tide.txt'), ARTICLE);
    const { articles, warnings } = await load(dir);
    expect(articles).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('reads an article through a symbolic link, and reports a link that leads nowhere', async () => {
    const elsewhere = tempDir('accord-elsewhere-');
    writeFileSync(join(elsewhere, 'tide.txt'), ARTICLE);
    const dir = tempDir('accord-linked-');
    symlinkSync(join(elsewhere, 'tide.txt'), join(dir, 'linked.txt'));
    symlinkSync(join(elsewhere, 'gone.txt'), join(dir, 'dangling.txt'));
    mkdirSync(join(dir, 'sub'));
    const warnings: string[] = [];
    const { index } = await loadIndex(dir, { cacheDir: null, threads: 1, warn: (l) => warnings.push(l) });
    expect(index.articles.map((a) => a.id)).toEqual(['linked']);
    expect(search(index, 'tide ward').answers[0]?.article.id).toBe('linked');
    expect(warnings.join('\n')).toMatch(/dangling\.txt/);
  });
});

describe('npm run gen-corpus', () => {
  it('prints its usage for --help and exits 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/gen-corpus.ts',
      '--help',
    ]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/usage: npm run gen-corpus -- --articles N --out DIR/);
    expect(stdout).toMatch(/--seed/);
  });
});
