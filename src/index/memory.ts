/**
 * Loading an index leaves as much garbage as the index itself (the snapshot's bytes, its decoded form,
 * the objects checked and copied on the way), and V8 sizes its heap from what it held at its largest:
 * left alone, a process that has just loaded keeps that memory until the collector runs, which may be
 * long after (no idle time in a busy bot). One full collection once the index is loaded lets it go.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's full collection: the process's own gc() when it was started with --expose-gc, or one made for it. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return (collect = own);
  try {
    // The flag exposes gc() to contexts created after it is set; the process's own context stays as it is.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects the garbage a load left, once: a few hundred milliseconds at 10,000 articles. */
export function collectLoadGarbage(): void {
  collector()?.();
}
