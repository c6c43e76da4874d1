/**
 * Keeps a running index in line with its corpus folder: each file a change was seen on is read once its
 * changes have been quiet a moment, a file per turn of the event loop (with worker threads, started as
 * soon as many files are seen changing, when there are many), and taken into the index in pieces of a
 * few milliseconds (changes.ts), so answers go on meanwhile; files found quiet while a change is under
 * way join it. A burst of changes writes the snapshot once, when the folder is quiet. A broken file is reported; when it was an article before, its
 * previous version keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Index } from './build.ts';
import { snapshotPath } from './cache.ts';
import { Intake } from './changes.ts';
import { listFolder } from './folder.ts';
import { DEFAULT_CACHE_DIR, planSync, unwritableCache, writeSnapshot, type SyncResult } from './load.ts';
import { Readers } from './readers.ts';
import { writeSnapshotInPieces } from './snapshotWriter.ts';

export interface WatchOptions {
  /** Where the snapshot is kept; null for none. Default as for loadIndex. */
  cacheDir?: string | null;
  /**
   * Quiet time after the last change before the changed files are read. Default 100 ms; changes that go
   * on longer than four times this are read meanwhile.
   */
  debounceMs?: number;
  /** About how long one piece of an index update may hold the thread (changes.ts). Default 20 ms. */
  pieceMs?: number;
  /** Problems: broken files, a folder that went away. Default: console.warn. */
  warn?: (line: string) => void;
  /** Called after each refresh that changed the index. */
  onUpdate?: (result: SyncResult) => void;
  /**
   * Quiet time after the last change before the snapshot is written. Default 2,000 ms: a burst of
   * changes writes it once, after the index has taken them all, not once per refresh in between.
   */
  snapshotDelayMs?: number;
}

export interface CorpusWatcher {
  /** Reads the whole folder now (a change event reads the files it names, after the quiet time). */
  refresh(): Promise<SyncResult | null>;
  /** Reads these files now, as a change event naming them would (index/verify.ts: files found stale). */
  reread(files: readonly string[]): Promise<SyncResult | null>;
  /** Writes the snapshot now, in one step, if a change has not been written yet. */
  flush(): void;
  /** Stops watching; a snapshot not yet written is written. */
  close(): void;
}

export function watchCorpus(dir: string, index: Index, options: WatchOptions = {}): CorpusWatcher {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const debounceMs = options.debounceMs ?? 100;
  const snapshot = new SnapshotSchedule(
    cacheDir ? snapshotPath(cacheDir, dir) : null,
    index,
    warn,
    options.snapshotDelayMs ?? 2000,
    () => refreshing !== null,
  );
  let refreshing: Promise<SyncResult | null> | null = null;
  let again = false;
  let closed = false;

  /** Files whose changes are quiet, to read; `whole`: the folder must be read whole. */
  const pending = new Set<string>();
  let whole = false;
  /** Worker threads for reading, kept while changes come (readers.ts). */
  const readers = new Readers(dir);
  /** The change being read and applied: files found quiet meanwhile join it (changes.ts). */
  let intake: Intake | null = null;

  async function refreshOnce(): Promise<SyncResult | null> {
    const names = whole ? null : [...pending];
    whole = false;
    pending.clear();
    if (names?.length === 0) return null;
    try {
      const plan = planSync(index, dir, names ?? listFolder(dir), { complete: !names });
      intake = new Intake(index, dir, { keepBroken: true, pieceMs: options.pieceMs, readers });
      intake.add(plan);
      const result = await intake.run().finally(() => (intake = null));
      reportBroken(index, result, warn);
      if (result.changed) {
        snapshot.changed();
        options.onUpdate?.(result);
      }
      return result;
    } catch (error) {
      warn(`The corpus folder could not be read again; the index keeps serving: ${(error as Error).message}`);
      return null;
    }
  }

  async function refresh(): Promise<SyncResult | null> {
    whole = true;
    return run();
  }

  async function run(): Promise<SyncResult | null> {
    while (snapshot.writing) await snapshot.writing;
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      let result = await refreshOnce();
      while (again && !closed) {
        again = false;
        result = (await refreshOnce()) ?? result;
      }
      return result;
    })();
    try {
      return await refreshing;
    } finally {
      refreshing = null;
    }
  }

  /** Files found quiet while a change is under way join it, when its files can be planned. */
  function join(names: string[]): boolean {
    if (!intake) return false;
    try {
      return intake.add(planSync(index, dir, names, { complete: false }));
    } catch {
      return false;
    }
  }

  const watcher = watchFolder(dir, debounceMs, warn, {
    seen: (changing) => {
      // Many files changing: workers start now, while their changes settle.
      if (!closed) readers.want(changing + pending.size);
      return !closed;
    },
    quiet: (names) => {
      if (closed) return;
      if (names && join(names)) return;
      if (names) for (const name of names) pending.add(name);
      else whole = true;
      void run();
    },
  });

  return {
    refresh,
    reread(files) {
      for (const file of files) pending.add(file);
      return run();
    },
    flush: () => snapshot.flush(),
    close() {
      closed = true;
      watcher.close();
      readers.stop();
      snapshot.close();
    },
  };
}

/**
 * Watches a folder. Each file is read once its changes have been quiet for `debounceMs` (an editor or a
 * copy writes a file in several steps), or have gone on for four times that; each file on its own, so
 * that the first files of a long burst are read while the others are still being written. `seen` hears
 * how many files are changing (false back: ignore the change); `quiet` gets the files ready to read,
 * or null when the system named no file and the whole folder must be read.
 */
function watchFolder(
  dir: string,
  debounceMs: number,
  warn: (line: string) => void,
  on: { seen: (changing: number) => boolean; quiet: (names: string[] | null) => void },
): { close(): void } {
  const changing = new QuietTimes(debounceMs);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | null = null;
  const check = () => {
    timer = undefined;
    const { names, whole, next } = changing.take(performance.now());
    if (whole) on.quiet(null);
    if (names.length > 0) on.quiet(names);
    if (next !== null) timer = setTimeout(check, next);
  };
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (!on.seen(changing.size + 1)) return;
      changing.note(name ? name.toString() : null, performance.now());
      timer ??= setTimeout(check, debounceMs);
    });
    watcher.on('error', (error) => warn(`Watching ${dir} stopped: ${error.message}`));
  } catch (error) {
    warn(`Changes to ${dir} will not be picked up while running: ${(error as Error).message}`);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

/**
 * When each changing file was first and last seen changing (null: the folder as a whole), and which
 * have been quiet long enough. Files are kept in the order they were last seen, so the first one is the
 * next to become quiet; one that goes on changing is taken after 4 x `quietMs` all the same.
 */
export class QuietTimes {
  private readonly files = new Map<string | null, { first: number; last: number }>();

  constructor(private readonly quietMs: number) {}

  get size(): number {
    return this.files.size;
  }

  note(name: string | null, now: number): void {
    const first = this.files.get(name)?.first ?? now;
    this.files.delete(name);
    this.files.set(name, { first, last: now });
  }

  /**
   * The files quiet at `now` (taken out), whether the whole folder is, and in how many ms to look again
   * (null: nothing is changing). Looks again no sooner than a quarter of the quiet time, so that a long
   * burst is taken in batches rather than a file at a time.
   */
  take(now: number): { names: string[]; whole: boolean; next: number | null } {
    const names: string[] = [];
    let whole = false;
    for (const [name, { first, last }] of this.files) {
      if (now - last < this.quietMs && now - first < 4 * this.quietMs) continue;
      this.files.delete(name);
      if (name === null) whole = true;
      else names.push(name);
    }
    const soonest = this.files.values().next();
    const next = soonest.done ? null : Math.max(this.quietMs / 4, soonest.value.last + this.quietMs - now);
    return { names, whole, next };
  }
}

/**
 * When the snapshot is written after changes: once the folder has been quiet for `delayMs`, in pieces
 * (see snapshotWriter.ts); no change is applied while it is written (watchCorpus waits for `writing`),
 * and it waits for an update under way (`busy`). `flush` writes it now, in one step.
 */
class SnapshotSchedule {
  writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private unwritten = false;
  private closed = false;

  constructor(
    private readonly path: string | null,
    private readonly index: Index,
    private readonly warn: (line: string) => void,
    private readonly delayMs: number,
    private readonly busy: () => boolean,
  ) {}

  /** The index changed: the snapshot is to be written. */
  changed(): void {
    if (!this.path) return;
    this.unwritten = true;
    this.schedule();
  }

  flush(): void {
    clearTimeout(this.timer);
    if (!this.unwritten || !this.path) return;
    this.unwritten = false;
    writeSnapshot(this.path, this.index, this.warn);
  }

  /** Writes what is unwritten now, and no more after. */
  close(): void {
    this.closed = true;
    this.flush();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.busy() || this.writing) return this.schedule();
      if (!this.unwritten || !this.path || this.closed) return;
      this.unwritten = false;
      this.writing = writeInPieces(this.path, this.index, this.warn).finally(() => (this.writing = null));
    }, this.delayMs);
    this.timer.unref();
  }
}

/** Writes the snapshot in pieces; a cache that cannot be written is reported, never fatal. */
function writeInPieces(path: string, index: Index, warn: (line: string) => void): Promise<void> {
  return writeSnapshotInPieces(path, index).catch((error: Error) => warn(unwritableCache(path, error)));
}

function reportBroken(index: Index, result: SyncResult, warn: (line: string) => void): void {
  for (const broken of result.broken) {
    const kept = index.records.has(broken.file) ? '; its previous version still serves' : '';
    warn(`Could not index ${broken.file}: ${broken.reason}${kept}.`);
  }
}
