/**
 * Worker threads that read and extract changed files for a serving index (changes.ts), kept while
 * changes come: a burst of changes is often seen as several refreshes one after the other, and starting
 * a worker costs far more than the few files it reads for one of them. Started when many files are about
 * to be read; ended when they have had nothing to read for a while, so an idle bot holds none.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SkippedFile } from '../corpus/types.ts';
import { loadRecord } from './cache.ts';
import type { WorkerMessage } from './load.ts';
import { isSkipped, type ArticleRecord } from './records.ts';
import { startWorker } from './workers.ts';

export type Read = ArticleRecord | SkippedFile;

export interface ReadersOptions {
  /**
   * Workers at most. Default: the cores but one (at least one), so that answering keeps a core: at 1,500
   * articles two workers beside the main thread on two cores settled 400 changes no sooner than one did
   * (2.5-2.6 s against 1.4-2.4 s, 2.5 s of CPU against 2.1) and held the thread longer (134-246 ms against
   * 48-171 ms).
   */
  most?: number;
  /** Files to read per worker started: fewer are read on the main thread alone. Default 100. */
  filesPerWorker?: number;
  /** How long workers are kept with nothing to read. Default 2,000 ms. */
  idleMs?: number;
}

/** Files a worker is given at a time. */
const CHUNK = 8;

interface Reader {
  worker: Worker;
  started: boolean;
  /** The files it was given and has not answered. */
  asked: string[];
}

/**
 * The workers of one corpus folder. `want` starts those a number of files calls for; `serve` hands them a
 * queue of files, which they take CHUNK at a time, their records going to `take`; a worker that fails
 * gives its files back to the queue.
 */
export class Readers {
  private readonly readers: Reader[] = [];
  private queue: string[] = [];
  private take: ((records: Read[]) => void) | null = null;
  private wake: (() => void) | null = null;
  private idle: NodeJS.Timeout | undefined;
  /** A worker failed before it started: none is started again (the main thread reads). */
  private broken = false;
  private readonly most: number;
  private readonly filesPerWorker: number;
  private readonly idleMs: number;

  constructor(
    private readonly dir: string,
    options: ReadersOptions = {},
  ) {
    this.most = options.most ?? Math.max(1, availableParallelism() - 1);
    this.filesPerWorker = options.filesPerWorker ?? 100;
    this.idleMs = options.idleMs ?? 2000;
  }

  /** Starts workers for about this many files to read (one per filesPerWorker, up to `most`). */
  want(files: number): void {
    clearTimeout(this.idle);
    if (this.broken) return;
    const count = Math.min(this.most, Math.floor(files / this.filesPerWorker));
    while (this.readers.length < count) this.start();
  }

  /**
   * Workers read from `queue` (which the caller may also take from) and hand their records to `take`.
   * Called again when files were added to the queue, it sets idle workers reading them (and wakes `next`).
   */
  serve(queue: string[], take: (records: Read[]) => void): void {
    clearTimeout(this.idle);
    this.queue = queue;
    this.take = take;
    for (const reader of this.readers) if (reader.started) this.give(reader);
    this.wake?.();
  }

  /** Whether a worker is reading files. */
  busy(): boolean {
    return this.readers.some((r) => r.asked.length > 0);
  }

  /** Whether a worker is reading this file now. */
  reading(file: string): boolean {
    return this.readers.some((r) => r.asked.includes(file));
  }

  /** Whether a worker has started and can read. */
  ready(): boolean {
    return this.readers.some((r) => r.started);
  }

  /** Resolves when a worker has sent records back, has started, or has failed. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  /** The queue served is done with: workers stay for idleMs in case more files come, then end. */
  release(): void {
    this.queue = [];
    this.take = null;
    clearTimeout(this.idle);
    if (this.readers.length === 0) return;
    this.idle = setTimeout(() => this.stop(), this.idleMs);
    this.idle.unref();
  }

  /** Ends every worker now. */
  stop(): void {
    clearTimeout(this.idle);
    for (const reader of this.readers.splice(0)) void reader.worker.terminate();
  }

  private start(): void {
    const worker = startWorker({ dir: this.dir });
    worker.unref();
    const reader: Reader = { worker, started: false, asked: [] };
    worker.on('message', (message: WorkerMessage) => {
      if ('records' in message) {
        reader.asked = [];
        this.take?.(message.records.map((r) => (isSkipped(r) ? r : loadRecord(r))));
      } else reader.started = true;
      this.give(reader);
      this.wake?.();
    });
    const fail = () => {
      const at = this.readers.indexOf(reader);
      if (at < 0) return; // ended by stop()
      this.readers.splice(at, 1);
      if (!reader.started) this.broken = true;
      this.queue.push(...reader.asked);
      reader.asked = [];
      this.wake?.();
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    this.readers.push(reader);
  }

  private give(reader: Reader): void {
    if (!this.take || reader.asked.length > 0) return;
    reader.asked = this.queue.splice(0, CHUNK);
    if (reader.asked.length > 0) reader.worker.postMessage(reader.asked);
  }
}
