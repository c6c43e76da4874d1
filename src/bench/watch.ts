/**
 * Corpus changes under a running index, for the benchmark: a bot's index of a folder, watched as the bot
 * watches it, takes a burst of changed files (1, then 400 written over 0.4 s). For each burst: the time
 * from the first write until the index holds every new version (settle), and the longest the main thread
 * was held meanwhile (stall: the lateness of a 5 ms timer), until the snapshot is written too.
 *
 * Child-process entry: `node --import tsx src/bench/watch.ts CORPUS CACHE [BURSTS]` prints JSON; the
 * figures are wall times, so other work on the machine inflates them (the bench prints its load average).
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadIndex } from '../index/load.ts';
import { snapshotPath } from '../index/cache.ts';
import { hashBytes } from '../index/records.ts';
import { watchCorpus } from '../index/watch.ts';
import { UserError } from '../program/errors.ts';
import { runProgram } from '../program/run.ts';

export interface BurstFigure {
  /** Files changed. */
  changes: number;
  /** Over how long they were written. */
  writtenMs: number;
  /** From the first write until the index serves every new version. */
  settleMs: number;
  /** The longest the event loop was held while the burst settled. */
  stallMs: number;
  /** CPU time the process spent (all its threads) from the first write until settled: less moved by load. */
  cpuMs: number;
  /** The longest the event loop was held from then until the snapshot was written (null: none seen). */
  snapshotStallMs: number | null;
  /** From settling until the snapshot file was replaced. */
  snapshotAfterMs: number | null;
}

export interface WatchMeasurement {
  articles: number;
  bursts: BurstFigure[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lateness of a 5 ms timer: how long the event loop was held. */
class StallProbe {
  private last = performance.now();
  private worst = 0;
  private readonly timer = setInterval(() => {
    const now = performance.now();
    this.worst = Math.max(this.worst, now - this.last - 5);
    this.last = now;
  }, 5);

  /** The longest stall since the previous call. */
  take(): number {
    const now = performance.now();
    const worst = Math.max(this.worst, now - this.last - 5);
    this.worst = 0;
    return Math.round(Math.max(0, worst));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Writes files on another thread, spread evenly over `spreadMs`: as an editor or a sync tool writes them,
 * whatever this thread is doing.
 */
function writeSpread(writes: { path: string; bytes: Buffer }[], spreadMs: number): Promise<number> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const { writeFileSync } = require('node:fs');
    const { writes, spreadMs } = workerData;
    const started = performance.now();
    const at = performance.timeOrigin + started;
    let i = 0;
    const step = () => {
      while (i < writes.length && performance.now() >= started + (i * spreadMs) / writes.length) {
        writeFileSync(writes[i].path, writes[i].bytes);
        i++;
      }
      if (i < writes.length) setTimeout(step, 1);
      else parentPort.postMessage(at);
    };
    step();`;
  const worker = new Worker(code, { eval: true, workerData: { writes, spreadMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (at: number) => {
      void worker.terminate();
      resolve(at - performance.timeOrigin);
    });
    worker.once('error', reject);
  });
}

/** A new version of an article: one more paragraph at the end of its body (before a "Related News" list). */
function changed(text: string, n: number): string {
  const end = text.indexOf('\n\nRelated News');
  const at = end >= 0 ? end : text.trimEnd().length;
  const paragraph = `The partners said on Tuesday that review number ${n} of the programme would follow.`;
  return `${text.slice(0, at)}\n\n${paragraph}${text.slice(at)}`;
}

export async function measureWatch(options: {
  corpus: string;
  cacheDir: string;
  bursts: number[];
  /** Over how long a burst is written. Default 1 ms per file, at most 400 ms. */
  spreadMs?: (changes: number) => number;
}): Promise<WatchMeasurement> {
  const { corpus, cacheDir } = options;
  const { index } = await loadIndex(corpus, { cacheDir, warn: () => {}, progress: () => {} });
  const snapshot = snapshotPath(cacheDir, corpus);
  const written = () => {
    try {
      return statSync(snapshot).mtimeMs;
    } catch {
      return 0;
    }
  };
  const watcher = watchCorpus(corpus, index, { cacheDir, warn: () => {} });
  const files = [...index.records.keys()];
  const probe = new StallProbe();
  const bursts: BurstFigure[] = [];
  let next = 0;
  try {
    await sleep(500);
    for (const changes of options.bursts) {
      const chosen = files.slice(next, (next += changes));
      const spread = options.spreadMs?.(changes) ?? Math.min(400, changes);
      const targets = new Map<string, string>();
      const before = written();
      const writes = chosen.map((file, i) => {
        const path = join(corpus, file);
        const bytes = Buffer.from(changed(readFileSync(path, 'utf8'), next + i));
        targets.set(file, hashBytes(bytes));
        return { path, bytes };
      });
      probe.take();
      const cpuBefore = process.cpuUsage();
      // The time of the first write, on this thread's clock.
      const started = await writeSpread(writes, spread);
      const writtenMs = Math.round(performance.now() - started);
      const settled = () => [...targets].every(([file, hash]) => index.records.get(file)?.hash === hash);
      while (!settled() && performance.now() - started < 120_000) await sleep(2);
      const settleMs = Math.round(performance.now() - started);
      const stallMs = probe.take();
      const cpu = process.cpuUsage(cpuBefore);
      const since = performance.now();
      while (written() === before && performance.now() - since < 30_000) await sleep(10);
      const seen = written() !== before;
      bursts.push({
        changes,
        writtenMs,
        settleMs,
        stallMs,
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        snapshotStallMs: seen ? probe.take() : null,
        snapshotAfterMs: seen ? Math.round(performance.now() - since) : null,
      });
      await sleep(300);
    }
  } finally {
    probe.stop();
    watcher.close();
  }
  return { articles: index.articles.length, bursts };
}

/** Runs measureWatch in a fresh process (as measure.ts is run), its progress on standard error. */
export async function measureWatchIn(corpus: string, cacheDir: string): Promise<WatchMeasurement> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), corpus, cacheDir];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the watcher measurement of ${corpus} stopped with code ${code}`);
  return JSON.parse(stdout) as WatchMeasurement;
}

/** One line per burst, for the bench's report. */
export function watchLines(m: WatchMeasurement): string[] {
  return m.bursts.map(
    (b) =>
      `  corpus changes at ${m.articles} articles: ${b.changes} file(s) written over ${b.writtenMs} ms settle in ${b.settleMs} ms (${b.cpuMs} ms CPU), longest main-thread stall ${b.stallMs} ms` +
      (b.snapshotStallMs === null
        ? '; snapshot not written within 30 s'
        : `; snapshot written ${b.snapshotAfterMs} ms later, stall meanwhile ${b.snapshotStallMs} ms`),
  );
}

async function main(): Promise<number> {
  const [corpus, cache, bursts] = process.argv.slice(2);
  if (!corpus || !cache) throw new UserError('usage: watch.ts CORPUS CACHE [1,400]');
  const measurement = await measureWatch({
    corpus,
    cacheDir: cache,
    bursts: (bursts ?? '1,400').split(',').map(Number),
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  runProgram('watch', main);
}
