/**
 * One benchmark measurement, run in a fresh process so that start-up time and memory are what a user
 * gets: load the index of a corpus (cold or warm), then time every command over a questions file, and
 * the plain MiniSearch search of the same query text beside them.
 */
import { readFileSync } from 'node:fs';
import { autocomplete } from '../answers/autocomplete.ts';
import { answer } from '../answers/index.ts';
import { checkQuery } from '../answers/query.ts';
import type { CommandName, Result } from '../answers/types.ts';
import { gradeQuestion, tally, type Question, type Tally } from '../eval/grade.ts';
import type { LoadSplit } from '../index/cache.ts';
import { loadIndex, progressLine } from '../index/load.ts';
import { UserError } from '../program/errors.ts';
import { runProgram } from '../program/run.ts';
import { heapByComponent, type HeapPart } from './heap.ts';
import { measureHostile, type HostileFigure } from './hostile.ts';

export type { Question };

export interface Latency {
  count: number;
  p50: number;
  p99: number;
}

export interface Measurement {
  articles: number;
  /** Time to load the index: cold (parse everything) or warm (from the cache). */
  loadMs: number;
  fromCache: boolean;
  /** A warm start's steps: reading the snapshot, decoding, validating it, loading MiniSearch, the rest. */
  split: LoadSplit | null;
  /**
   * Memory as the bot holds it: read after Accord has answered every question (commands, autocomplete,
   * the hostile set) and before the plain-MiniSearch reference queries run. Resident memory, the most it
   * reached by then, the V8 heap in use, and memory outside the heap (external, of which array buffers).
   */
  rssMiB: number;
  peakRssMiB: number;
  /** Resident memory per article, after the questions. */
  rssKiBPerArticle: number;
  heapMiB: number;
  /** The heap V8 has taken from the system (heap used is part of it). */
  heapTotalMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
  /** With ACCORD_BENCH_HEAP=1 (and --expose-gc): the live heap of each part of the index (heap.ts). */
  heapParts?: HeapPart[];
  latency: Record<CommandName | 'autocomplete', Latency>;
  /** Plain MiniSearch `search(query)` over the same index, same queries: the engine underneath. */
  engine: Record<CommandName, Latency>;
  /** Right and total per command against the questions' gold answers, when asked for. */
  accuracy?: Record<CommandName, Tally>;
  /** The hostile query set (hostile.ts): its slowest command, measured after the questions. */
  hostile: HostileFigure;
}

/** Milliseconds at the given quantile of sorted samples. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round((sorted[at] ?? 0) * 1000) / 1000;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

function mib(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function measure(options: {
  corpus: string;
  questions: Question[];
  cacheDir: string | null;
  grade: boolean;
}): Promise<Measurement> {
  const { index, stats } = await loadIndex(options.corpus, {
    cacheDir: options.cacheDir,
    warn: () => {},
    progress: (p) => process.stderr.write(`  ${progressLine(p)}\n`),
  });
  const loadMs = stats.milliseconds;
  const questions = options.questions.flatMap((q) => {
    const checked = checkQuery(q.query);
    return checked.ok ? [{ ...q, query: checked.query }] : [];
  });

  // Warm the JIT on a few questions before timing.
  for (const q of questions.slice(0, 200)) {
    answer(index, q.kind, q.query);
    autocomplete(index, q.kind, q.query.slice(0, 5));
  }

  const samples = { 'who-signed': [], when: [], search: [], autocomplete: [] } as Record<
    CommandName | 'autocomplete',
    number[]
  >;
  const engine = { 'who-signed': [], when: [], search: [] } as Record<CommandName, number[]>;
  const grades = [];
  // The generated gold names the commands; a question in words (ask) is not among them.
  const asked = questions.filter((q): q is Question & { kind: CommandName } => q.kind !== 'ask');
  for (const q of asked) {
    let result: Result | undefined;
    samples[q.kind].push(time(() => (result = answer(index, q.kind, q.query))));
    if (options.grade && result) grades.push(gradeQuestion(q, result));
    const typed = q.query.slice(0, Math.max(3, Math.ceil(q.query.length / 2)));
    samples.autocomplete.push(time(() => autocomplete(index, q.kind, typed)));
  }
  const hostile = measureHostile(index);
  // Memory as the bot holds it, before the reference queries below allocate their own.
  const memory = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  for (const q of asked) engine[q.kind].push(time(() => index.search.search(q.query)));
  const articles = index.articles.length;
  // Last: it takes the index apart.
  const heapParts = process.env.ACCORD_BENCH_HEAP === '1' ? heapByComponent(index) : null;
  return {
    hostile,
    articles,
    loadMs,
    fromCache: stats.fromCache,
    split: stats.split,
    rssMiB: Math.round(memory.rss / 1024 / 1024),
    peakRssMiB: mib(peakRss),
    rssKiBPerArticle: Math.round(memory.rss / 1024 / Math.max(1, articles)),
    heapMiB: mib(memory.heapUsed),
    heapTotalMiB: mib(memory.heapTotal),
    externalMiB: mib(memory.external),
    arrayBuffersMiB: mib(memory.arrayBuffers),
    ...(heapParts ? { heapParts } : {}),
    latency: {
      'who-signed': latency(samples['who-signed']),
      when: latency(samples.when),
      search: latency(samples.search),
      autocomplete: latency(samples.autocomplete),
    },
    engine: {
      'who-signed': latency(engine['who-signed']),
      when: latency(engine.when),
      search: latency(engine.search),
    },
    ...(options.grade ? { accuracy: tally(grades) } : {}),
  };
}

/** Child-process entry: `node --import tsx src/bench/measure.ts CORPUS QUESTIONS CACHE|- [--grade]`. */
async function main(): Promise<number> {
  const [corpus, questionsFile, cache, flag] = process.argv.slice(2);
  if (!corpus || !questionsFile || !cache)
    throw new UserError('usage: measure.ts CORPUS QUESTIONS CACHE|- [--grade]');
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as Question[];
  const measurement = await measure({
    corpus,
    questions,
    cacheDir: cache === '-' ? null : cache,
    grade: flag === '--grade',
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  runProgram('measure', main);
}
