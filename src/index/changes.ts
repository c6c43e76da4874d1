/**
 * Changed files taken into a serving index without holding its thread: the files are read one per turn
 * of the event loop until worker threads (readers.ts) take over, and their records go into the index in
 * pieces of a few milliseconds each; files found changed meanwhile join the change under way. Every
 * piece is one synchronous step that leaves the index whole (each file's old version out and its new one
 * in, facts and searches relinked), so a query between two pieces sees some files of a burst new and the
 * others as they were, never half of a file's change.
 */
import { readFileSync } from 'node:fs';
import { relink, replaceRecords, updateIndex, type Index } from './build.ts';
import { changeOf, type SyncPlan, type SyncResult } from './load.ts';
import { Readers, type Read } from './readers.ts';
import { isSkipped, readRecord, type ArticleRecord } from './records.ts';
import { turn } from './steps.ts';

export interface ApplyOptions {
  keepBroken: boolean;
  /** About how long one piece of the index update holds the thread. Default 20 ms. */
  pieceMs?: number;
  /**
   * The worker threads that read files: kept by the caller across plans (watch.ts), or started for this
   * plan and ended with it. Default: the latter, as many as the files warrant.
   */
  readers?: Readers;
}

/**
 * A change under way: the files of one or more plans (src/index/load.ts planSync) read and applied in
 * pieces. Plans can be added while it runs, so a burst of changes seen over a while is one change, read
 * by the same workers without a pause; `run` resolves once every file of every plan added is in.
 */
export class Intake {
  /**
   * Files to read; those queued or being read (a worker's answer for another is dropped: the file went);
   * those a worker was reading when they changed again (read again once it answers).
   */
  private readonly queue: string[] = [];
  private readonly pending = new Set<string>();
  private readonly again = new Set<string>();
  /** The last record read of each file (or why it could not be), and those not yet in the index. */
  private readonly read = new Map<string, Read>();
  private readonly ready = new Map<string, ArticleRecord>();
  private readonly plans: SyncPlan[] = [];
  private readonly readers: Readers;
  private running = false;
  private finished = false;
  private readonly taker = (records: Read[]) => this.take(records);

  constructor(
    private readonly index: Index,
    private readonly dir: string,
    private readonly options: ApplyOptions,
  ) {
    this.readers = options.readers ?? new Readers(dir);
  }

  /**
   * Adds a plan made after those before it; false once the change has finished (then make another).
   * Files it finds gone are no longer read or applied; files read already are read again.
   */
  add(plan: SyncPlan): boolean {
    if (this.finished) return false;
    this.plans.push(plan);
    for (const file of plan.gone) this.forget(file);
    for (const file of plan.toRead) {
      if (!this.pending.has(file)) {
        this.pending.add(file);
        this.queue.push(file);
      } else if (this.readers.reading(file)) this.again.add(file);
    }
    this.readers.want(this.queue.length);
    if (this.running) this.readers.serve(this.queue, this.taker);
    return true;
  }

  async run(): Promise<SyncResult> {
    const { readers } = this;
    this.running = true;
    readers.serve(this.queue, this.taker);
    const pieces = new PieceSize(this.options.pieceMs ?? 20);
    try {
      for (;;) {
        const reading = this.queue.length > 0 || readers.busy();
        if (!reading) return this.finish();
        if (this.ready.size >= pieces.size) {
          const piece = this.takeReady(pieces.size);
          const started = threadMs();
          replaceRecords(this.index, { added: piece, removed: [] });
          relink(this.index, this.index.skipped);
          pieces.learn(piece.length, threadMs() - started);
        } else if (this.queue.length > 0 && !readers.ready()) {
          // This thread reads until a worker has started; then the workers read, and it applies.
          this.take([readRecord(this.dir, this.queue.shift()!)]);
        } else {
          await readers.next();
          continue;
        }
        await turn();
      }
    } finally {
      this.finished = true;
      if (this.options.readers) readers.release();
      else readers.stop();
    }
  }

  private take(records: Read[]): void {
    for (const record of records) {
      const { file } = record;
      if (!this.pending.has(file)) continue;
      if (this.again.delete(file)) {
        this.queue.push(file);
        continue;
      }
      this.pending.delete(file);
      this.read.set(file, record);
      this.ready.delete(file);
      if (!isSkipped(record)) this.ready.set(file, record);
    }
  }

  private forget(file: string): void {
    this.read.delete(file);
    this.ready.delete(file);
    this.again.delete(file);
    if (!this.pending.delete(file)) return;
    const at = this.queue.indexOf(file);
    if (at >= 0) this.queue.splice(at, 1);
  }

  private takeReady(count: number): ArticleRecord[] {
    const piece: ArticleRecord[] = [];
    for (const [file, record] of this.ready) {
      if (piece.length === count) break;
      piece.push(record);
      this.ready.delete(file);
    }
    return piece;
  }

  /** The last piece: the files left, those gone, the skipped list; what the whole change was. */
  private finish(): SyncResult {
    this.finished = true;
    const plan = mergePlans(this.index, this.plans);
    const { result, change } = changeOf(this.index, plan, [...this.read.values()], this.options.keepBroken);
    const last = this.takeReady(this.ready.size);
    if (last.length > 0 || change.removed.length > 0)
      updateIndex(this.index, { added: last, removed: change.removed, skipped: change.skipped });
    else this.index.skipped = change.skipped;
    return result;
  }
}

/**
 * Plans made one after another as one: a file seen gone after being seen present (or the other way)
 * counts as the later plan says; the files gone or removed that the index holds now (perhaps applied by
 * this very change) are removed.
 */
function mergePlans(index: Index, plans: SyncPlan[]): SyncPlan {
  if (plans.length === 1) return plans[0]!;
  const toRead = new Set<string>();
  const present = new Set<string>();
  const gone = new Set<string>();
  const removed = new Set<string>();
  for (const plan of plans) {
    for (const file of [...plan.gone, ...plan.removed]) {
      present.delete(file);
      toRead.delete(file);
      removed.add(file);
    }
    for (const file of plan.gone) gone.add(file);
    for (const file of plan.present) {
      gone.delete(file);
      removed.delete(file);
      present.add(file);
    }
    for (const file of plan.toRead) toRead.add(file);
  }
  return {
    toRead: [...toRead],
    removed: [...removed].filter((file) => index.records.has(file)),
    gone,
    complete: plans.some((p) => p.complete),
    present,
    restamped: plans.some((p) => p.restamped),
  };
}

/**
 * This thread's CPU time in ms (Linux: /proc/thread-self/schedstat, ~40 µs a read), else the wall time.
 * Pieces are sized by the thread's own time: on a busy machine the wall time of a step is mostly time the
 * thread was not running, and the process's CPU time counts the reading workers' too.
 */
function threadMs(): number {
  if (schedstat) {
    try {
      return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ', 1)[0]) / 1e6;
    } catch {
      schedstat = false;
    }
  }
  return performance.now();
}
let schedstat = process.platform === 'linux';

/**
 * How many files a piece takes. A piece costs a part that grows with the corpus (relinking its facts and
 * lists) and a share per file; rather than model the two, each piece's size is the last one's scaled by
 * how far its time fell short of or went past the aim, at most doubling. The aim is `pieceMs`, or twice
 * the cheapest piece seen when even that took longer: then the fixed part is at most about half the work.
 */
class PieceSize {
  size = 4;
  private cheapest = Infinity;

  constructor(private readonly pieceMs: number) {}

  learn(files: number, tookMs: number): void {
    this.cheapest = Math.min(this.cheapest, tookMs);
    const aim = Math.max(this.pieceMs, 2 * this.cheapest);
    const scaled = Math.floor((files * aim) / Math.max(tookMs, 0.1));
    this.size = Math.max(1, Math.min(256, 2 * files, scaled));
  }
}
