/**
 * Keeps a running index in line with its corpus folder: the files a change was seen on are read a file
 * per turn of the event loop (with a worker thread when there are many) and taken into the index in
 * pieces of a few milliseconds (changes.ts), so answers go on meanwhile; a burst of changes writes the
 * snapshot once, when the folder is quiet. A broken file is reported; when it was an article before, its
 * previous version keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Index } from './build.ts';
import { snapshotPath } from './cache.ts';
import { applyPlan } from './changes.ts';
import { listFolder } from './folder.ts';
import { DEFAULT_CACHE_DIR, planSync, writeSnapshot, type SyncResult } from './load.ts';
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
  const snapshotDelayMs = options.snapshotDelayMs ?? 2000;
  let writeTimer: NodeJS.Timeout | undefined;
  let unwritten = false;

  function flush(): void {
    clearTimeout(writeTimer);
    if (!unwritten || !cacheDir) return;
    unwritten = false;
    writeSnapshot(snapshotPath(cacheDir, dir), index, warn);
  }
  let refreshing: Promise<SyncResult | null> | null = null;
  let writing: Promise<void> | null = null;
  let again = false;
  let closed = false;

  /**
   * The snapshot is written when the folder has been quiet for snapshotDelayMs, in pieces (see
   * snapshotWriter.ts); no change is applied while it is written, and it waits for an update under way.
   */
  function scheduleWrite(): void {
    clearTimeout(writeTimer);
    writeTimer = setTimeout(() => {
      if (refreshing || writing) return scheduleWrite();
      if (!unwritten || !cacheDir || closed) return;
      unwritten = false;
      writing = writeInPieces(snapshotPath(cacheDir, dir), index, warn).finally(() => (writing = null));
    }, snapshotDelayMs);
    writeTimer.unref();
  }

  /** Files a change was seen on since the last read; `whole`: the folder must be read whole. */
  const pending = new Set<string>();
  let whole = false;

  async function refreshOnce(): Promise<SyncResult | null> {
    const names = whole ? null : [...pending];
    whole = false;
    pending.clear();
    if (names?.length === 0) return null;
    try {
      const plan = planSync(index, dir, names ?? listFolder(dir), { complete: !names });
      const result = await applyPlan(index, dir, plan, { keepBroken: true, pieceMs: options.pieceMs });
      reportBroken(index, result, warn);
      if (result.changed && cacheDir) {
        unwritten = true;
        scheduleWrite();
      }
      if (result.changed) options.onUpdate?.(result);
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
    while (writing) await writing;
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

  const watcher = watchFolder(
    dir,
    debounceMs,
    warn,
    (name) => {
      if (closed) return false;
      if (name) pending.add(name);
      else whole = true;
      return true;
    },
    () => void run(),
  );

  return {
    refresh,
    reread(files) {
      for (const file of files) pending.add(file);
      return run();
    },
    flush,
    close() {
      closed = true;
      watcher.close();
      flush();
    },
  };
}

/**
 * Watches a folder: each change's file name goes to `note` (null when the system gives none; false back
 * means ignore it), and `run` is called once changes have been quiet for `debounceMs`, or have gone on
 * for four times that.
 */
function watchFolder(
  dir: string,
  debounceMs: number,
  warn: (line: string) => void,
  note: (name: string | null) => boolean,
  run: () => void,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let firstSeen = 0;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (!note(name ? name.toString() : null)) return;
      const now = performance.now();
      if (timer === undefined) firstSeen = now;
      clearTimeout(timer);
      const wait = Math.max(0, Math.min(debounceMs, firstSeen + 4 * debounceMs - now));
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, wait);
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

/** Writes the snapshot in pieces; a cache that cannot be written is reported, never fatal. */
function writeInPieces(path: string, index: Index, warn: (line: string) => void): Promise<void> {
  return writeSnapshotInPieces(path, index).catch((error: Error) =>
    warn(`The index cache could not be written to ${path}: ${error.message}`),
  );
}

function reportBroken(index: Index, result: SyncResult, warn: (line: string) => void): void {
  for (const broken of result.broken) {
    const kept = index.records.has(broken.file) ? '; its previous version still serves' : '';
    warn(`Could not index ${broken.file}: ${broken.reason}${kept}.`);
  }
}
