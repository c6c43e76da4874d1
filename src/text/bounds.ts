/**
 * Bounded work per query. A query of 300 characters can hold 150 words, all the same (`e e e ...`), or
 * thirty made-up words each matched with typos against the whole vocabulary; left alone, one such query
 * holds the event loop for seconds and every other member waits. So every query path:
 *
 * - reads each word once (repeats are dropped) and at most MAX_QUERY_WORDS distinct words (no question of
 *   the gold sets has more than 18);
 * - matches with typos and as a prefix within fixed limits (MAX_FUZZY_WORDS words, distance at most
 *   MAX_FUZZY_DISTANCE, no word longer than MAX_WORD_LENGTH, a prefix only when it opens at most
 *   MAX_PREFIX_EXPANSIONS terms);
 * - stops its optional stages when its Budget runs out, and answers with what it has.
 */
import { toTerm, words } from './terms.ts';

/** At most this many distinct words of a query are looked for; the rest are ignored. */
export const MAX_QUERY_WORDS = 24;
/** At most this many words of one query are matched with typos. */
export const MAX_FUZZY_WORDS = 8;
/** The most edits a typo match allows, however long the word. */
export const MAX_FUZZY_DISTANCE = 2;
/** Words longer than this are matched only as written (no language has such words; noise does). */
export const MAX_WORD_LENGTH = 30;
/** A word is matched as a prefix only when that opens at most this many terms. */
export const MAX_PREFIX_EXPANSIONS = 100;
/**
 * Milliseconds (wall clock) a query may spend before its optional stages (near misses, did-you-mean) are
 * given up. A safety net, not the bound: the limits above keep every query measured to a few milliseconds
 * of work, so this is only reached when the machine is starved; then the answers come without suggestions
 * rather than late. (At 25 ms, a busy machine dropped suggestions from ordinary queries: two replicas
 * then answered the same question differently.)
 */
export const QUERY_BUDGET_MS = 200;

/**
 * The query as it is looked up: each word whose term came before dropped, and the words after the
 * `max`-th distinct term dropped (stop words are kept, up to twice `max`, for names such as "University
 * of ... and ..."). A query with nothing to drop is returned as it is.
 */
export function boundedQuery(
  text: string,
  termOf: (word: string) => string | null = toTerm,
  max = MAX_QUERY_WORDS,
): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  let dropped = false;
  for (const word of words(text)) {
    const term = termOf(word.text);
    if (term === null ? kept.length >= 2 * max : seen.has(term) || seen.size >= max) {
      dropped = true;
      continue;
    }
    if (term !== null) seen.add(term);
    kept.push(word.text);
  }
  return dropped ? kept.join(' ') : text;
}

/** A query's time budget: stages that can stop early ask it whether time is left. */
export class Budget {
  private readonly deadline: number;

  constructor(milliseconds = QUERY_BUDGET_MS) {
    this.deadline = performance.now() + milliseconds;
  }

  /** Whether the budget is spent. */
  get spent(): boolean {
    return performance.now() > this.deadline;
  }
}
