/**
 * Keeps a running index in line with its corpus folder: a file dropped in, changed or removed is read off
 * the hot path, then swapped into the index in one synchronous step. A broken file is reported; when it
 * was an article before, its previous version keeps serving.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Index } from './build.ts';
import { snapshotPath } from './cache.ts';
import { listFolder } from './folder.ts';
import { DEFAULT_CACHE_DIR, syncIndex, writeSnapshot, type SyncResult } from './load.ts';

export interface WatchOptions {
  /** Where the snapshot is kept; null for none. Default as for loadIndex. */
  cacheDir?: string | null;
  /** Quiet time after the last change before the folder is read. Default 250 ms. */
  debounceMs?: number;
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
  /** Reads the folder now (also what a change event does, after the quiet time). */
  refresh(): Promise<SyncResult | null>;
  /** Writes the snapshot now if a change has not been written yet. */
  flush(): void;
  /** Stops watching; a snapshot not yet written is written. */
  close(): void;
}

export function watchCorpus(dir: string, index: Index, options: WatchOptions = {}): CorpusWatcher {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const debounceMs = options.debounceMs ?? 250;
  const snapshotDelayMs = options.snapshotDelayMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let writeTimer: NodeJS.Timeout | undefined;
  let unwritten = false;

  function flush(): void {
    clearTimeout(writeTimer);
    if (!unwritten || !cacheDir) return;
    unwritten = false;
    writeSnapshot(snapshotPath(cacheDir, dir), index, warn);
  }
  let running: Promise<SyncResult | null> | null = null;
  let again = false;
  let closed = false;

  async function refreshOnce(): Promise<SyncResult | null> {
    try {
      const result = await syncIndex(index, dir, listFolder(dir), { keepBroken: true });
      for (const broken of result.broken) {
        const kept = index.records.has(broken.file) ? '; its previous version still serves' : '';
        warn(`Could not index ${broken.file}: ${broken.reason}${kept}.`);
      }
      if (result.changed) {
        if (cacheDir) {
          unwritten = true;
          clearTimeout(writeTimer);
          writeTimer = setTimeout(flush, snapshotDelayMs);
          writeTimer.unref();
        }
        options.onUpdate?.(result);
      }
      return result;
    } catch (error) {
      warn(`The corpus folder could not be read again; the index keeps serving: ${(error as Error).message}`);
      return null;
    }
  }

  async function refresh(): Promise<SyncResult | null> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result = await refreshOnce();
      while (again && !closed) {
        again = false;
        result = await refreshOnce();
      }
      return result;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), debounceMs);
    });
    watcher.on('error', (error) => warn(`Watching ${dir} stopped: ${error.message}`));
  } catch (error) {
    warn(`Changes to ${dir} will not be picked up while running: ${(error as Error).message}`);
  }

  return {
    refresh,
    flush,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      flush();
    },
  };
}
