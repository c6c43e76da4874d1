/**
 * Changed files taken into a serving index without holding its thread: the files are read one per turn
 * of the event loop (a worker thread joins in when there are many), and their records go into the index
 * in pieces of a few milliseconds each. Every piece is one synchronous step that leaves the index whole
 * (each file's old version out and its new one in, facts and searches relinked), so a query between two
 * pieces sees some files of a burst new and the others as they were, never half of a file's change.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SkippedFile } from '../corpus/types.ts';
import { relink, replaceRecords, updateIndex, type Index } from './build.ts';
import { loadRecord } from './cache.ts';
import { changeOf, type SyncPlan, type SyncResult, type WorkerMessage } from './load.ts';
import { isSkipped, readRecord, type ArticleRecord } from './records.ts';
import { turn } from './snapshotWriter.ts';
import { startWorker } from './workers.ts';

export interface ApplyOptions {
  keepBroken: boolean;
  /** About how long one piece of the index update holds the thread. Default 20 ms. */
  pieceMs?: number;
  /** Reading threads besides this one, at most. Default: the cores but one (at least one). */
  workers?: number;
}

/** Files to read below which no worker is started: starting one takes about a second, and 70 MiB. */
const WORKER_FROM = 100;
/** Files a worker is given at a time. */
const CHUNK = 8;

type Read = ArticleRecord | SkippedFile;

/** Reads the files of a plan and applies them to the index in pieces; resolves when all are in. */
export async function applyPlan(
  index: Index,
  dir: string,
  plan: SyncPlan,
  options: ApplyOptions,
): Promise<SyncResult> {
  const queue = [...plan.toRead];
  const all: Read[] = [];
  const ready: ArticleRecord[] = [];
  const take = (records: Read[]) => {
    all.push(...records);
    for (const r of records) if (!isSkipped(r)) ready.push(r);
  };
  const helpers = new Helpers(dir, queue, take, helperCount(queue.length, options.workers));
  const pieces = new PieceSize(options.pieceMs ?? 20);
  try {
    for (;;) {
      const reading = queue.length > 0 || helpers.busy();
      if (ready.length >= pieces.size || (ready.length > 0 && !reading)) {
        const piece = ready.splice(0, reading ? pieces.size : ready.length);
        if (!reading) return finish(index, plan, all, piece, options.keepBroken);
        if (!pieces.measured) {
          // The first piece waits a turn: a relink that changes nothing, timed, is what any piece costs.
          ready.unshift(...piece);
          pieces.measure(() => relink(index, index.skipped));
        } else {
          const started = cpuMs();
          replaceRecords(index, { added: piece, removed: [] });
          relink(index, index.skipped);
          pieces.learn(piece.length, cpuMs() - started);
        }
      } else if (queue.length > 0 && !helpers.busy()) {
        // This thread reads until a worker has started; then the workers read, and it applies.
        take([readRecord(dir, queue.shift()!)]);
      } else if (helpers.busy()) {
        await helpers.next();
        continue;
      } else {
        return finish(index, plan, all, [], options.keepBroken);
      }
      await turn();
    }
  } finally {
    helpers.stop();
  }
}

/** The last piece: the files left, those gone, the skipped list; what the whole change was. */
function finish(index: Index, plan: SyncPlan, all: Read[], last: ArticleRecord[], keepBroken: boolean) {
  const { result, change } = changeOf(index, plan, all, keepBroken);
  if (last.length > 0 || change.removed.length > 0)
    updateIndex(index, { added: last, removed: change.removed, skipped: change.skipped });
  else index.skipped = change.skipped;
  return result;
}

/**
 * The process's CPU time in ms. Pieces are sized by CPU time, not wall time: on a busy machine the wall
 * time of a step is mostly time the thread was not running, which no piece size changes. (It counts the
 * reading workers' time too, which only makes pieces smaller.)
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * How many files a piece takes: a piece costs a relink that would change nothing (the fixed part, timed
 * once, in CPU time) plus a share per file; it takes as many files as fit in `pieceMs`, or, when the
 * fixed part alone takes longer, as many as take as long again, so that the fixed part is at most half
 * of the work. The size at most doubles from one piece to the next.
 */
class PieceSize {
  size = 4;
  measured = false;
  private fixed = 0;
  private perFile = 0;

  constructor(private readonly pieceMs: number) {}

  measure(relink: () => void): void {
    const started = cpuMs();
    relink();
    this.fixed = cpuMs() - started;
    this.measured = true;
    this.resize();
  }

  learn(files: number, tookMs: number): void {
    const perFile = Math.max(0.2, (tookMs - this.fixed) / files);
    this.perFile = this.perFile === 0 ? perFile : 0.7 * this.perFile + 0.3 * perFile;
    this.resize();
  }

  private resize(): void {
    if (this.perFile === 0) return;
    const forFiles = Math.max(this.pieceMs - this.fixed, this.fixed);
    const size = Math.round(forFiles / this.perFile);
    this.size = Math.max(1, Math.min(256, 2 * this.size, size));
  }
}

function helperCount(files: number, workers?: number): number {
  const most = workers ?? availableParallelism();
  return Math.min(most, Math.floor(files / WORKER_FROM));
}

/**
 * Worker threads that take files from the shared queue, CHUNK at a time, once they have started; the
 * records they send back are handed to `take`. A worker that fails gives its files back to the queue.
 */
class Helpers {
  private readonly workers: Worker[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;

  constructor(
    dir: string,
    private readonly queue: string[],
    private readonly take: (records: Read[]) => void,
    count: number,
  ) {
    for (let i = 0; i < count; i++) this.start(dir);
  }

  private start(dir: string): void {
    const worker = startWorker({ dir });
    worker.unref();
    let asked: string[] = [];
    const give = () => {
      asked = this.queue.splice(0, CHUNK);
      if (asked.length === 0) return;
      this.inFlight++;
      worker.postMessage(asked);
    };
    const settle = () => {
      this.inFlight--;
      asked = [];
      this.wake?.();
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('records' in message) {
        this.take(message.records.map((r) => (isSkipped(r) ? r : loadRecord(r))));
        settle();
      }
      give();
    });
    const fail = () => {
      this.queue.push(...asked);
      if (asked.length > 0) settle();
      const at = this.workers.indexOf(worker);
      if (at >= 0) this.workers.splice(at, 1);
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    this.workers.push(worker);
  }

  /** Whether a worker is reading files. */
  busy(): boolean {
    return this.inFlight > 0;
  }

  /** Resolves when a worker has sent records back (or failed). */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  stop(): void {
    for (const worker of this.workers.splice(0)) void worker.terminate();
  }
}
