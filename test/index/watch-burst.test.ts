/**
 * A burst of changed files under a serving index: while the watcher takes them in, other questions are
 * still answered promptly, and every answer comes from a whole index (each file old or new, never half).
 *
 * Responsiveness is measured against the burst itself, in the same run, so that a busy machine slows
 * both sides alike: the longest a question waited is compared with the time the burst took to settle.
 * Taking the burst in one synchronous step (read, parse, re-index, relink) makes a question wait
 * nearly the whole settle time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/generate/corpus.ts';
import { search } from '../../src/answers/search.ts';
import type { Index } from '../../src/index/build.ts';
import { loadIndex } from '../../src/index/load.ts';
import { hashBytes } from '../../src/index/records.ts';
import { watchCorpus } from '../../src/index/watch.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** The text with one more paragraph at the end of its body (before a "Related News" list). */
function withParagraph(text: string, paragraph: string): string {
  const end = text.indexOf('\n\nRelated News');
  const at = end >= 0 ? end : text.trimEnd().length;
  return `${text.slice(0, at)}\n\n${paragraph}${text.slice(at)}`;
}

const ARTICLES = 300;
const CHANGES = 200;

/** Every fact points at the article whose record holds it, and the lists agree: a whole index. */
function whole(index: Index): boolean {
  const { articles, records, documents } = index;
  if (articles.length !== records.size || documents.size !== records.size) return false;
  const counts = new Array<number>(articles.length).fill(0);
  for (const signing of index.facts.signings) {
    if (signing.article >= articles.length) return false;
    counts[signing.article]!++;
  }
  return articles.every((article, i) => records.get(article.file)?.facts.signings.length === counts[i]);
}

test('questions are answered promptly, from a whole index, while a burst of changed files is taken in', async () => {
  const root = mkdtempSync(join(tmpdir(), 'accord-burst-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  const generated = generateCorpus({ articles: ARTICLES, seed: 11 });
  for (const file of generated.files) writeFileSync(join(corpus, file.file), file.text);
  const { index } = await loadIndex(corpus, { cacheDir: null, warn: () => {}, progress: () => {} });
  expect(index.articles).toHaveLength(ARTICLES);
  const watcher = watchCorpus(corpus, index, { cacheDir: null, debounceMs: 20, warn: () => {} });
  cleanups.push(() => watcher.close());

  // Each changed file gains a paragraph with a word of its own, which search then finds.
  const targets = new Map<string, string>();
  const marker = (i: number) =>
    `zorvex${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
  const changes = generated.files.slice(0, CHANGES).map((file, i) => {
    const bytes = Buffer.from(withParagraph(file.text, `The review of ${marker(i)} follows in spring.`));
    targets.set(file.file, hashBytes(bytes));
    return { path: join(corpus, file.file), bytes };
  });
  const settled = () => [...targets].every(([file, hash]) => index.records.get(file)?.hash === hash);

  // A question every 10 ms: how late each is answered, and whether the index it read was whole.
  let worstWait = 0;
  let asked = 0;
  let broken = 0;
  let stop = false;
  let due = 0;
  const ask = () => {
    if (stop) return;
    search(index, 'university agreement signed');
    if (!whole(index)) broken++;
    asked++;
    const now = performance.now();
    worstWait = Math.max(worstWait, now - due);
    due = now + 10;
    setTimeout(ask, 10);
  };
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  due = started + 10;
  setTimeout(ask, 10);
  for (const { path, bytes } of changes) writeFileSync(path, bytes);
  for (let i = 0; i < 3000 && !settled(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const settleMs = performance.now() - started;
  // The question due when the burst settled waits too, if it has not been answered.
  worstWait = Math.max(worstWait, performance.now() - due);
  stop = true;

  if (process.env.BURST_FIGURES) console.log({ worstWait, settleMs, asked });
  expect(settled()).toBe(true);
  expect(search(index, marker(7)).answers[0]?.article.id).toBe(
    generated.files[7]!.file.replace(/\.\w+$/, ''),
  );
  expect(broken).toBe(0);
  // Questions went on being answered, none waiting more than a fraction of the burst's settle time.
  expect({ worstWait: Math.round(worstWait), settleMs: Math.round(settleMs) }).toSatisfy(
    ({ worstWait: wait, settleMs: settle }: { worstWait: number; settleMs: number }) => wait * 4 < settle,
  );
  expect(asked).toBeGreaterThan(5);
}, 120_000);
