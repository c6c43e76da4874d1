/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the corpus generator
 * (scripts/generate/) and the bench's hostile queries need. The same seed always gives the same
 * sequence, on every platform, so generated corpora and query sets are reproducible.
 */

export class Random {
  private state: number;

  constructor(seed: number) {
    // Spread the seed so that neighbouring seeds (1, 2, 3...) give unrelated sequences.
    this.state = hash32(Math.trunc(seed) >>> 0);
  }

  /** A generator that starts from this state as it is, unspread. */
  static fromState(state: number): Random {
    const random = new Random(0);
    random.state = state >>> 0;
    return random;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct elements (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** A child generator whose sequence depends only on this one's seed and `salt`. */
  fork(salt: number): Random {
    return new Random(hash32((this.state ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0));
  }
}

/** A 32-bit integer hash (a finaliser in the style of murmur3). */
export function hash32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
