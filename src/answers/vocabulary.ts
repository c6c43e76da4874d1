/**
 * The index's vocabulary, sorted, for what reads terms by their beginning: autocomplete's completions and
 * the query bounds' prefix counts (search.ts).
 */
import type { Index } from '../index/build.ts';

/** The index's terms, sorted: derived by the index when it changes (index/suggestions.ts). */
export function vocabularyOf(index: Index): string[] {
  return index.suggestions.vocabulary;
}

/** How many terms of the index start with `prefix`, counted up to `max` (a binary search, then a scan). */
export function prefixCount(index: Index, prefix: string, max: number): number {
  return prefixTerms(index, prefix, max).length;
}

/** The terms of the index that start with `prefix`, in order, at most `max`. */
export function prefixTerms(index: Index, prefix: string, max: number): string[] {
  const vocabulary = vocabularyOf(index);
  const found: string[] = [];
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && found.length < max; i++) {
    if (!vocabulary[i]!.startsWith(prefix)) break;
    found.push(vocabulary[i]!);
  }
  return found;
}

/** The first position in `sorted` whose value is not below `value`. */
export function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
