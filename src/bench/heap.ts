/**
 * Where the live heap of an index is: with ACCORD_BENCH_HEAP=1 the bench runs its child with --expose-gc
 * and, once everything else is measured, drops the index's parts one after the other, collecting garbage
 * before and after each: the heap freed is what that part held (and nothing else still pointed at).
 * The order matters where parts share objects: a part is charged with what the parts before it left.
 * It destroys the index, so it comes last.
 */
import type { Index } from '../index/build.ts';

export interface HeapPart {
  part: string;
  /** The V8 heap it held. */
  MiB: number;
  /** The memory outside the heap it held (array buffers' contents). */
  externalMiB: number;
}

type Mutable = { -readonly [K in keyof Index]: Index[K] };

/** The parts, in the order they are dropped, each a function that lets go of it. */
const PARTS: [string, (index: Mutable) => void][] = [
  ['passage terms', (index) => (index.passageTerms = null as never)],
  ['fact search', (index) => (index.factSearch = null as never)],
  ['suggestions', (index) => (index.suggestions = null as never)],
  ['common terms', (index) => (index.commonTerms = [])],
  ['MiniSearch', (index) => (index.search = null as never)],
  ['documentFrequency', (index) => index.documentFrequency.clear()],
  ['surface', (index) => index.surface.clear()],
  [
    'aliases (table and records)',
    (index) => {
      index.aliases = null as never;
      for (const record of index.records.values()) record.aliases = [];
    },
  ],
  [
    'records: factWords',
    (index) => {
      for (const record of index.records.values()) delete record.factWords;
    },
  ],
  ['index.facts', (index) => (index.facts = { signings: [], events: [] })],
  [
    'records: facts',
    (index) => {
      for (const record of index.records.values()) record.facts = { signings: [], events: [] };
    },
  ],
  [
    'articles: sentences',
    (index) => {
      for (const article of index.articles) article.sentences = [];
    },
  ],
  [
    'articles: paragraphs',
    (index) => {
      for (const article of index.articles) article.paragraphs = [];
    },
  ],
  [
    'articles: text',
    (index) => {
      for (const article of index.articles) article.text = '';
    },
  ],
  [
    'records: file, hash, stamp',
    (index) => {
      for (const record of index.records.values()) {
        record.hash = '';
        record.stamp = '';
      }
    },
  ],
  [
    'articles: title, date lines, byline, source',
    (index) => {
      for (const article of index.articles) {
        article.title = '';
        article.dateLine = null;
        article.dateline = null;
        article.byline = null;
        article.source = null;
      }
    },
  ],
  [
    'articles, records, maps (the rest)',
    (index) => {
      index.articles = [];
      index.records.clear();
      index.documents.clear();
      index.documentIds.clear();
    },
  ],
];

/** The live heap held by each part of the index, in MiB; null when gc() is not exposed. */
export function heapByComponent(index: Index): HeapPart[] | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const used = () => {
    gc();
    gc();
    const { heapUsed, external } = process.memoryUsage();
    return { heapUsed, external };
  };
  const part = (name: string, before: ReturnType<typeof used>, after: ReturnType<typeof used>) => ({
    part: name,
    MiB: round((before.heapUsed - after.heapUsed) / 2 ** 20),
    externalMiB: round((before.external - after.external) / 2 ** 20),
  });
  const parts: HeapPart[] = [];
  const start = used();
  let before = start;
  for (const [name, drop] of PARTS) {
    drop(index as Mutable);
    const after = used();
    parts.push(part(name, before, after));
    before = after;
  }
  parts.push(part('total of the parts', start, before));
  parts.push(part('left (code, libraries, bench)', before, { heapUsed: 0, external: 0 }));
  return parts;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
