/**
 * The benchmark: `npm run bench [-- --json] [-- --sizes 5,1000,10000]`.
 *
 * For each corpus size (5 = the project's corpus with its seed questions; larger ones generated with
 * seed 1), in fresh processes: cold indexing (no cache), warm start (from the cache the cold run left),
 * resident memory, and p50/p99 latency of each command and of autocomplete, beside a plain MiniSearch
 * search of the same query text; and accuracy on the gold questions of the largest corpus.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measurement, Question } from '../src/bench/measure.ts';
import { measureWatchIn, watchLines, type WatchMeasurement } from '../src/bench/watch.ts';
import { generateCorpus, questionsJson } from './generate/corpus.ts';

interface Options {
  json: boolean;
  sizes: number[];
  /** At most this many questions are timed per size. */
  maxQuestions: number;
  /** Articles of the corpus whose files change under the watcher (src/bench/watch.ts); 0: none. */
  watch: number;
}

const USAGE = 'usage: npm run bench -- [--json] [--sizes 5,1000,10000] [--questions N] [--watch 1500|0]';

function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = { json: false, sizes: [5, 1000, 10000], maxQuestions: 4000, watch: 1500 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') options.json = true;
    else if (arg === '--sizes')
      options.sizes = (argv[++i] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (arg === '--questions') options.maxQuestions = Number(argv[++i]);
    else if (arg === '--watch') options.watch = Number(argv[++i]);
    else throw new Error(`unknown option ${arg}; ${USAGE}`);
  }
  return options;
}

interface SizeReport {
  articles: number;
  questions: number;
  coldIndexMs: number;
  warmStartMs: number;
  /** The warm bot's resident memory after answering (see Measurement.rssMiB). */
  rssMiB: number;
  /** The most the warm bot's resident memory reached by then. */
  peakRssMiB: number;
  /** The resident memory of the process that indexed the corpus (no cache) after answering. */
  coldRssMiB: number;
  cold: Measurement;
  warm: Measurement;
}

/** Writes a corpus of `size` articles (or points at ./corpus for 5) and its questions file. */
function prepare(
  root: string,
  size: number,
  maxQuestions: number,
): { corpus: string; questions: string; count: number } {
  const dir = join(root, String(size));
  mkdirSync(dir, { recursive: true });
  let questions: Question[];
  let corpus: string;
  if (size === 5) {
    corpus = 'corpus';
    questions = JSON.parse(readFileSync('test/eval/seed-questions.json', 'utf8')) as Question[];
  } else {
    corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const generated = generateCorpus({ articles: size, seed: 1 });
    for (const file of generated.files) writeFileSync(join(corpus, file.file), file.text);
    questions = generated.questions;
    writeFileSync(join(dir, 'gold.json'), questionsJson(generated.questions));
  }
  const timed = questions.slice(0, maxQuestions);
  const path = join(dir, 'questions.json');
  writeFileSync(path, JSON.stringify(timed));
  return { corpus, questions: path, count: timed.length };
}

async function measureIn(
  corpus: string,
  questions: string,
  cache: string,
  grade = false,
): Promise<Measurement> {
  // With ACCORD_BENCH_HEAP=1 the child can collect garbage, to weigh the index's parts (heap.ts).
  const heap = process.env.ACCORD_BENCH_HEAP === '1';
  const args = [
    ...(heap ? ['--expose-gc'] : []),
    '--import',
    'tsx',
    'src/bench/measure.ts',
    corpus,
    questions,
    cache,
    ...(grade ? ['--grade'] : []),
  ];
  // The child's standard error (its progress while indexing) is shown as it comes.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`a measurement of ${corpus} stopped with code ${code}`);
  return JSON.parse(stdout) as Measurement;
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 8)).join('  ');
}

function table(reports: SizeReport[]): string {
  const widths = [8, 10, 10, 7, 8, 8, 9, 8, 9, 14, 14, 14, 14, 14, 16];
  const lines = [
    row(
      [
        'articles',
        'cold ms',
        'warm ms',
        'RSS MiB',
        'peak',
        'cold RSS',
        'heap MiB',
        'ext.',
        'KiB/art.',
        'who-signed',
        'when',
        'search',
        'autocomplete',
        'engine search',
        'hostile worst',
      ],
      widths,
    ),
    row(
      [
        '',
        '',
        '',
        'warm',
        'warm',
        '',
        'warm',
        'warm',
        'warm',
        'p50/p99 ms',
        'p50/p99 ms',
        'p50/p99 ms',
        'p50/p99 ms',
        'p50/p99 ms',
        'wall/CPU ms',
      ],
      widths,
    ),
  ];
  for (const r of reports) {
    const l = r.warm.latency;
    const e = r.warm.engine.search;
    lines.push(
      row(
        [
          r.articles,
          r.coldIndexMs,
          r.warmStartMs,
          r.rssMiB,
          r.peakRssMiB,
          r.coldRssMiB,
          r.warm.heapMiB,
          r.warm.externalMiB,
          Math.round((r.rssMiB * 1024) / Math.max(1, r.articles)),
          `${l['who-signed'].p50}/${l['who-signed'].p99}`,
          `${l.when.p50}/${l.when.p99}`,
          `${l.search.p50}/${l.search.p99}`,
          `${l.autocomplete.p50}/${l.autocomplete.p99}`,
          `${e.p50}/${e.p99}`,
          `${r.warm.hostile.worstMs}/${r.warm.hostile.worstCpuMs}`,
        ],
        widths,
      ),
    );
  }
  return lines.join('\n');
}

function percent(right: number, total: number): string {
  return total === 0 ? 'n/a' : `${((100 * right) / total).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const log = (line: string) => {
    if (!options.json) process.stderr.write(`${line}\n`);
  };
  const reports: SizeReport[] = [];
  let watch: WatchMeasurement | null = null;
  try {
    for (const size of options.sizes) {
      log(`${size} articles: generating...`);
      const { corpus, questions, count } = prepare(root, size, options.maxQuestions);
      const cache = join(root, String(size), 'cache');
      log(`${size} articles: cold index (progress below when it takes a while)...`);
      const cold = await measureIn(corpus, questions, cache);
      log(`${size} articles: warm start...`);
      const warm = await measureIn(corpus, questions, cache, true);
      reports.push({
        articles: warm.articles,
        questions: count,
        coldIndexMs: cold.loadMs,
        warmStartMs: warm.loadMs,
        rssMiB: warm.rssMiB,
        peakRssMiB: warm.peakRssMiB,
        coldRssMiB: cold.rssMiB,
        cold,
        warm,
      });
    }
    if (options.watch > 0) {
      log(`${options.watch} articles: corpus changes under the watcher...`);
      const { corpus } = prepare(join(root, 'watch'), options.watch, 0);
      watch = await measureWatchIn(corpus, join(root, 'watch', 'cache'));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // Other jobs on the machine slow every figure: the load average says how busy it was.
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ load, reports, watch }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${table(reports)}\n`);
  process.stdout.write(`load average at the end (1, 5, 15 min): ${load.join(', ')}\n`);
  for (const r of reports) {
    const ratio = (c: 'who-signed' | 'when' | 'search') =>
      (r.warm.latency[c].p50 / Math.max(r.warm.engine[c].p50, 0.001)).toFixed(1);
    process.stdout.write(
      `${r.articles} articles, ${r.questions} questions: pipeline / plain MiniSearch (p50): who-signed ${ratio('who-signed')}x, when ${ratio('when')}x, search ${ratio('search')}x\n`,
    );
    const worstP99 = Math.max(...Object.values(r.warm.latency).map((l) => l.p99));
    process.stdout.write(
      `  hostile queries: worst ${r.warm.hostile.worstMs} ms (${r.warm.hostile.worst}; ${r.warm.hostile.worstCpuMs} ms CPU) beside the normal p99 of ${worstP99} ms\n`,
    );
    const split = r.warm.split;
    if (split)
      process.stdout.write(
        `  warm start ${r.warmStartMs} ms: read ${split.read}, decode ${split.decode}, validate ${split.validate}, load ${split.load}, derive ${split.derive} ms; peak RSS cold ${r.cold.peakRssMiB} MiB, warm ${r.warm.peakRssMiB} MiB\n`,
      );
    process.stdout.write(
      `  memory of the warm bot after answering: RSS ${r.rssMiB} MiB (peak ${r.peakRssMiB}), heap used ${r.warm.heapMiB} MiB of ${r.warm.heapTotalMiB}, external ${r.warm.externalMiB} MiB (array buffers ${r.warm.arrayBuffersMiB})\n`,
    );
    if (r.warm.heapParts)
      process.stdout.write(
        `  live heap by part (MiB, heap+external): ${r.warm.heapParts.map((p) => `${p.part} ${p.MiB}+${p.externalMiB}`).join(', ')}\n`,
      );
    const accuracy = r.warm.accuracy;
    if (accuracy) {
      const parts = Object.entries(accuracy).map(([c, t]) => `${c} ${t.right}/${t.total}`);
      const right = Object.values(accuracy).reduce((n, t) => n + t.right, 0);
      const total = Object.values(accuracy).reduce((n, t) => n + t.total, 0);
      process.stdout.write(
        `  accuracy on the gold answers: ${parts.join(', ')} (${percent(right, total)})\n`,
      );
    }
  }
  if (watch) process.stdout.write(`${watchLines(watch).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
