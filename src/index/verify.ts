/**
 * After a start from the cache, checks that each file the cache trusted by its stamp still holds the bytes
 * its record was made from (a record keeps their SHA-1). A stamp can miss a change: a clock set back, a
 * backup restored with its times, a cache copied beside other files. The check runs a few files at a time
 * between other work, so answers are never held up; a file that differs loses its stamp and is handed to
 * `reread`, which reads it the way the watcher does (watch.ts reread: the change path).
 */
import type { Index } from './build.ts';
import { hashFile } from './load.ts';

export interface VerifyOptions {
  /** Re-reads the folder: a file whose record lost its stamp is read again. */
  reread: (files: string[]) => void;
  /** Time spent hashing before the event loop gets its turn. Default 4 ms. */
  sliceMs?: number;
}

export interface VerifyResult {
  /** Files hashed. */
  checked: number;
  /** Files whose bytes were not those of their record. */
  stale: string[];
  milliseconds: number;
}

export interface Verifier {
  /** Settles when every file has been checked, or the check was stopped. */
  done: Promise<VerifyResult>;
  /** Stops checking after the current file. */
  stop(): void;
}

/** Checks the records of `files` (default: every record of the index) against the files of `dir`. */
export function verifyRecords(
  index: Index,
  dir: string,
  options: VerifyOptions,
  files: readonly string[] = [...index.records.keys()],
): Verifier {
  const sliceMs = options.sliceMs ?? 4;
  const started = performance.now();
  const stale: string[] = [];
  let next = 0;
  let stopped = false;
  let resolve!: (result: VerifyResult) => void;
  const done = new Promise<VerifyResult>((r) => (resolve = r));
  const finish = () =>
    resolve({ checked: next, stale, milliseconds: Math.round(performance.now() - started) });

  function slice(): void {
    const until = performance.now() + sliceMs;
    const found: string[] = [];
    // At least one file a turn, however short the slice.
    while (!stopped && next < files.length) {
      const file = files[next++]!;
      // Read now, compared at once: the watcher may have replaced the record since the list was made.
      const record = index.records.get(file);
      if (record && hashFile(dir, file) !== record.hash) {
        record.stamp = '';
        found.push(file);
      }
      if (performance.now() >= until) break;
    }
    if (found.length > 0) {
      stale.push(...found);
      options.reread(found);
    }
    if (stopped || next >= files.length) finish();
    else setImmediate(slice);
  }
  setImmediate(slice);
  return {
    done,
    stop() {
      stopped = true;
      finish();
    },
  };
}
