/**
 * A load's garbage is collected once the index is loaded: the memory the bot holds afterwards is that of
 * the index, not of the snapshot it was read from.
 */
import { describe, expect, it } from 'vitest';
import { collectLoadGarbage } from '../../src/index/memory.ts';

describe('collectLoadGarbage', () => {
  it('gives back the heap of objects no longer referenced', () => {
    const holder: { value: { n: number; s: string }[] | null } = { value: null };
    holder.value = Array.from({ length: 400_000 }, (_, n) => ({ n, s: `word ${n}` }));
    holder.value = null;
    const before = process.memoryUsage().heapUsed;
    collectLoadGarbage();
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(10 * 2 ** 20);
  });

  it('leaves no gc() behind in the process', () => {
    collectLoadGarbage();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
