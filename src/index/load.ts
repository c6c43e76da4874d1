/**
 * Loads the index of a corpus folder the fast way: from the cache when the files are unchanged,
 * re-reading only the files that changed, and reading a large corpus on all cores.
 */
import { availableParallelism } from 'node:os';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byFile, isArticleEntry, skippedWarning } from '../corpus/load.ts';
import { MAX_ARTICLE_BYTES } from '../corpus/parse.ts';
import type { SkippedFile } from '../corpus/types.ts';
import { emptyIndex, updateIndex, type Index, type IndexChange } from './build.ts';
import {
  loadRecord,
  loadSnapshot,
  saveSnapshot,
  snapshotPath,
  type LoadSplit,
  type StoredRecord,
} from './cache.ts';
import { listFolder } from './folder.ts';
import { collectLoadGarbage } from './memory.ts';
import { hashBytes, isSkipped, readRecord, stampOf, type ArticleRecord } from './records.ts';
import { startWorker } from './workers.ts';

export interface LoadOptions {
  /** Where snapshots are kept; null for no cache. Default: DEFAULT_CACHE_DIR (the configuration's). */
  cacheDir?: string | null;
  /** Threads for reading files; default: the machine's cores. 1 reads on the main thread. */
  threads?: number;
  /** Receives one line per skipped file, and one when the cache cannot be used. Default: console.warn. */
  warn?: (line: string) => void;
  /**
   * Receives the progress of reading files and then of indexing their articles, every second or so (and
   * at the end of each stage) once a load has lasted `progressAfter` ms. Default: a line on standard error.
   */
  progress?: (progress: LoadProgress) => void;
  /** How long a load runs before it reports progress, in ms. Default: 2000. */
  progressAfter?: number;
}

export interface LoadProgress {
  /** Reading files, or adding their articles to the index. */
  stage: 'read' | 'index';
  /** Files read (or articles indexed) so far, of `total`. */
  done: number;
  total: number;
  milliseconds: number;
}

/** The line a progress report prints. */
export function progressLine(p: LoadProgress): string {
  const percent = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const what = p.stage === 'read' ? 'files read' : 'articles indexed';
  return `Indexing the corpus: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} ${what} (${percent}%, ${Math.round(p.milliseconds / 1000)} s)`;
}

export interface LoadStats {
  files: number;
  /** Files read and parsed in this load. */
  parsed: number;
  /** Files whose records came from the cache. */
  reused: number;
  /** Records dropped because their file is gone or changed. */
  removed: number;
  skipped: number;
  fromCache: boolean;
  milliseconds: number;
  /** Where a load from the cache spent its time (read, decode, validate, load, derive), in milliseconds. */
  split: LoadSplit | null;
}

/** Below this many files to read, threads cost more than they save. */
const PARALLEL_FROM = 200;

/** The cache folder when ACCORD_CACHE_DIR is not set (bot/config.ts reads it). */
export const DEFAULT_CACHE_DIR = '.accord-cache';

export async function loadIndex(
  dir: string,
  options: LoadOptions = {},
): Promise<{ index: Index; stats: LoadStats }> {
  const started = performance.now();
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const files = listFolder(dir);
  const path = cacheDir ? snapshotPath(cacheDir, dir) : null;
  const loaded = path ? loadSnapshot(path) : null;
  if (loaded && !loaded.index && loaded.reason)
    warn(`The index cache ${path} is not used and will be rebuilt: ${loaded.reason}.`);
  const cached = loaded?.index ?? null;
  const index = cached ?? emptyIndex();
  const progress = options.progress ?? ((p: LoadProgress) => process.stderr.write(`${progressLine(p)}\n`));
  const sync = await syncIndex(index, dir, files, {
    threads: options.threads,
    keepBroken: false,
    progress: reportAfter('read', options.progressAfter ?? 2000, 1000, started, progress),
    indexing: reportAfter('index', options.progressAfter ?? 2000, 1000, started, progress),
  });
  for (const s of index.skipped) warn(skippedWarning(s));
  if (index.articles.length === 0) warn(noArticlesWarning(dir, files.length));
  if (path && (!cached || sync.changed)) writeSnapshot(path, index, warn);
  collectLoadGarbage();
  const stats: LoadStats = {
    files: files.length,
    parsed: sync.parsed,
    reused: index.records.size - sync.added.length,
    removed: sync.removed.length,
    skipped: index.skipped.length,
    fromCache: cached !== null,
    milliseconds: Math.round(performance.now() - started),
    split: cached ? loaded!.split : null,
  };
  return { index, stats };
}

/** What an index of no articles says about its folder: nothing answers until articles are added. */
export function noArticlesWarning(dir: string, files: number): string {
  const what = files === 0 ? 'no .txt or .md files' : `${files} files, none of them a readable article`;
  return `The corpus folder ${dir} holds no articles (${what}): every question will go unanswered until articles are added.`;
}

export interface SyncResult {
  /** Files read and parsed. */
  parsed: number;
  added: string[];
  removed: string[];
  /** Files that could not be read; with keepBroken, those whose previous version still serves. */
  broken: SkippedFile[];
  /** Whether the index (or a record's stamp) changed. */
  changed: boolean;
}

/**
 * Brings an index in line with the files of its folder: a file whose stamp (records.ts stampOf) is that of its
 * record is unchanged; another is read, and re-parsed only when its bytes differ; a file that is gone
 * leaves. Reading happens first, off the index; the index itself changes in one synchronous step.
 * With `keepBroken`, a file that was an article and no longer parses keeps its previous version.
 */
export async function syncIndex(
  index: Index,
  dir: string,
  files: string[],
  options: {
    threads?: number;
    keepBroken: boolean;
    /** Files read so far, of those to read. */
    progress?: (done: number, total: number) => void;
    /** Articles added to the index so far, of those to add. */
    indexing?: (done: number, total: number) => void;
  },
): Promise<SyncResult> {
  const plan = planSync(index, dir, files, { complete: true });
  const read = await readRecords(
    dir,
    plan.toRead,
    options.threads ?? availableParallelism(),
    options.progress,
  );
  const { result, change } = changeOf(index, plan, read, options.keepBroken);
  if (change.added.length > 0 || change.removed.length > 0) updateIndex(index, change, options.indexing);
  else index.skipped = change.skipped;
  return result;
}

/** What bringing an index in line with some of its folder's files takes: the files to read, those gone. */
export interface SyncPlan {
  /** Files new or changed: to be read. */
  toRead: string[];
  /** Files of the index that are gone. */
  removed: string[];
  /** Files known to be gone or no longer article files (their skipped entries leave too). */
  gone: Set<string>;
  /** The files looked at are all the folder's: any other is gone. */
  complete: boolean;
  /** The files looked at that are there. */
  present: Set<string>;
  /** A record's stamp changed while its bytes did not. */
  restamped: boolean;
}

/**
 * Looks at `files` of the folder (all of them with `complete`; else those a change was seen on, some
 * perhaps gone): which are new or changed, which left.
 */
export function planSync(
  index: Index,
  dir: string,
  files: Iterable<string>,
  options: { complete: boolean },
): SyncPlan {
  const present = new Set<string>();
  const gone = new Set<string>();
  const toRead: string[] = [];
  let restamped = false;
  for (const file of files) {
    if (!options.complete && !isPresent(dir, file)) {
      gone.add(file);
      continue;
    }
    present.add(file);
    const record = index.records.get(file);
    if (!record) {
      toRead.push(file);
      continue;
    }
    const stamp = stampOf(join(dir, file));
    if (stamp !== '' && stamp === record.stamp) continue;
    if (hashFile(dir, file) === record.hash) {
      // A file first stamped once it is past the racy window is no change worth a snapshot write.
      restamped ||= record.stamp !== '' && stamp !== record.stamp;
      record.stamp = stamp;
    } else toRead.push(file);
  }
  const removed = options.complete
    ? [...index.records.keys()].filter((file) => !present.has(file))
    : [...gone].filter((file) => index.records.has(file));
  return { toRead, removed, gone, complete: options.complete, present, restamped };
}

/** Whether an article file of this name is in the folder (as listFolder would list it). */
function isPresent(dir: string, file: string): boolean {
  try {
    return isArticleEntry(file, lstatSync(join(dir, file)));
  } catch {
    return false;
  }
}

/**
 * The change to an index that a plan and the records read for it make, and what it says. A changed file
 * that no longer parses keeps its previous version with `keepBroken`, or leaves the index.
 */
export function changeOf(
  index: Index,
  plan: SyncPlan,
  read: (ArticleRecord | SkippedFile)[],
  keepBroken: boolean,
): { result: SyncResult; change: IndexChange } {
  const added = read.filter((r): r is ArticleRecord => !isSkipped(r));
  const broken = read.filter(isSkipped);
  const removed = [...plan.removed];
  const reread = new Set(plan.toRead);
  const stillSkipped = index.skipped.filter(
    (s) => !reread.has(s.file) && (plan.complete ? plan.present.has(s.file) : !plan.gone.has(s.file)),
  );
  const kept = broken.filter((s) => keepBroken && index.records.has(s.file));
  if (!keepBroken) for (const s of broken) if (index.records.has(s.file)) removed.push(s.file);
  const skipped = [...stillSkipped, ...broken.filter((s) => !kept.includes(s))].sort(byFile);
  const sameSkipped =
    skipped.length === index.skipped.length &&
    skipped.every((s, i) => s.file === index.skipped[i]!.file && s.reason === index.skipped[i]!.reason);
  const changed = added.length > 0 || removed.length > 0 || plan.restamped || !sameSkipped;
  return {
    result: { parsed: plan.toRead.length, added: added.map((r) => r.file), removed, broken, changed },
    change: { added, removed, skipped },
  };
}

/** What is said of a snapshot that could not be written (never fatal: the index keeps serving). */
export function unwritableCache(path: string, error: Error): string {
  return `The index cache could not be written to ${path}: ${error.message}`;
}

/** Writes the snapshot; a cache that cannot be written is reported, never fatal. */
export function writeSnapshot(path: string, index: Index, warn: (line: string) => void): void {
  try {
    saveSnapshot(path, index);
  } catch (error) {
    warn(unwritableCache(path, error as Error));
  }
}

/** The SHA-1 of a file, or a marker that changes with its size and time when it is too large to read. */
export function hashFile(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    const stat = statSync(path);
    if (stat.size > MAX_ARTICLE_BYTES) return `large:${stat.size}:${stat.mtimeMs}`;
    return hashBytes(readFileSync(path));
  } catch {
    return 'unreadable';
  }
}

/** Reads files into records, on worker threads when there are many. */
export async function readRecords(
  dir: string,
  files: string[],
  threads: number,
  progress?: (done: number, total: number) => void,
): Promise<(ArticleRecord | SkippedFile)[]> {
  const workers = Math.min(threads, Math.ceil(files.length / PARALLEL_FROM));
  if (workers <= 1) {
    return files.map((file, i) => {
      const record = readRecord(dir, file);
      progress?.(i + 1, files.length);
      return record;
    });
  }
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const done = shares.map(() => 0);
  const results = await Promise.all(
    shares.map((share, w) =>
      readOnWorker(dir, share, (n) => {
        done[w] = n;
        progress?.(
          done.reduce((a, b) => a + b, 0),
          files.length,
        );
      }),
    ),
  );
  return results.flat().sort(byFile);
}

/** A progress callback that reports after `delay` ms, then at most every `every` ms, and once at the end. */
function reportAfter(
  stage: LoadProgress['stage'],
  delay: number,
  every: number,
  started: number,
  report: (p: LoadProgress) => void,
): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (now - started < delay || (now - last < every && done < total)) return;
    last = now;
    report({ stage, done, total, milliseconds: now - started });
  };
}

/** Messages of an indexing worker: how many files it has read, then its records. */
export type WorkerMessage = { done: number } | { records: (StoredRecord | SkippedFile)[] };

function readOnWorker(
  dir: string,
  files: string[],
  progress: (done: number) => void,
): Promise<(ArticleRecord | SkippedFile)[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ dir, files });
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) {
        progress(message.done);
        return;
      }
      resolve(message.records.map((r) => (isSkipped(r) ? r : loadRecord(r))));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`an indexing worker stopped with code ${code}`));
    });
  });
}
