/**
 * `/search`: the best passages for some keywords, ranked, at most one per article unless asked.
 *
 * MiniSearch's BM25 gives the base score, with prefix and fuzzy matching so that a typo on either side
 * still matches. On top of it a passage gains for covering more of the query's words, for keeping the
 * query's word pairs together (a phrase), and for standing in an article whose title matches too.
 */
import type { SearchResult as EngineHit, Query } from 'minisearch';
import type { Article } from '../corpus/types.ts';
import { byFile } from '../corpus/load.ts';
import type { Index } from '../index/build.ts';
import { passageText } from '../index/build.ts';
import { commonLimit } from '../index/common.ts';
import { passageCount, passageStart } from '../index/passageTerms.ts';
import { editDistance } from '../text/distance.ts';
import { highlightWords, termsOf, toTerm, words } from '../text/terms.ts';
import { articleRef } from './article.ts';
import { prefixCount, prefixTerms } from './vocabulary.ts';
import {
  boundedQuery,
  Budget,
  MAX_FUZZY_DISTANCE,
  MAX_FUZZY_WORDS,
  MAX_PREFIX_EXPANSIONS,
  MAX_WORD_LENGTH,
} from '../text/bounds.ts';
import type { Result, SearchAnswer } from './types.ts';

export interface SearchOptions {
  /** How many answers at most. Default 5. */
  limit?: number;
  /** How many passages of one article at most. Default 1. */
  perArticle?: number;
}

/** Words at least this long are matched fuzzily even when the corpus has them as typed. */
const ALWAYS_FUZZY_LENGTH = 8;

/**
 * MiniSearch options for a query. A word the corpus does not have is matched fuzzily (a typo in the
 * query); so is a long word (a typo in the article: "detention system" for detection). A short word the
 * corpus has is matched as typed, or "suture" would find "future". Within bounds (bounds.ts): the first
 * MAX_FUZZY_WORDS such terms of the query only, and a prefix only when it opens few terms.
 */
function engineOptions(index: Index, terms: string[]) {
  // Words the corpus does not have (typos in the query) come first.
  // A word within typo distance of a common word would only bring that word's articles back.
  const fuzzyTerms = terms.filter(
    (t) => fuzzyDistance(index, t) > 0 && nearCommonTerm(index, t, fuzzyDistance(index, t)) === null,
  );
  const typos = fuzzyTerms.filter((t) => !index.surface.has(t));
  const long = fuzzyTerms.filter((t) => index.surface.has(t));
  const fuzzy = new Set([...typos, ...long].slice(0, MAX_FUZZY_WORDS));
  return {
    boost: { title: 2, text: 1 },
    prefix: (term: string) => enginePrefix(index, term),
    fuzzy: (term: string) => (fuzzy.has(term) ? fuzzyDistance(index, term) : false),
    maxFuzzy: MAX_FUZZY_DISTANCE,
    combineWith: 'OR',
  } as const;
}

function isPrefixTerm(index: Index, term: string): boolean {
  return (
    term.length >= 4 &&
    term.length <= MAX_WORD_LENGTH &&
    prefixCount(index, term, MAX_PREFIX_EXPANSIONS + 1) <= MAX_PREFIX_EXPANSIONS
  );
}

/**
 * Whether the words a prefix opens are, together, in more than COMMON_SHARE of the articles ("univ" for
 * "university"): such a prefix finds no candidates a rare word would not, at the cost of the longest
 * posting lists, so candidates are not looked for by it (sentences still count its expansions).
 */
function opensCommonTerms(index: Index, term: string): boolean {
  return prefixFrequency(index, term) > commonLimit(index.articles.length);
}

/** In how many articles the words a prefix opens are, summed (the prefix itself not counted). */
function prefixFrequency(index: Index, term: string): number {
  let total = 0;
  for (const t of prefixTerms(index, term, MAX_PREFIX_EXPANSIONS)) {
    if (t !== term) total += index.documentFrequency.get(t) ?? 0;
  }
  return total;
}

/** Whether the engine matches a query term as a prefix: a bounded prefix of no common words. */
function enginePrefix(index: Index, term: string): boolean {
  return isPrefixTerm(index, term) && !opensCommonTerms(index, term);
}

/** A common term other than `term` within `distance` edits of it, or null. */
function nearCommonTerm(index: Index, term: string, distance: number): string | null {
  if (distance === 0) return null;
  for (const common of index.commonTerms) {
    if (common !== term && editDistance(common, term, distance) <= distance) return common;
  }
  return null;
}

/** The edit distance a query term is matched within (given to MiniSearch as is), or 0. */
function fuzzyDistance(index: Index, term: string): number {
  // A number is not a typo of another: 2012 is not 2021, nor 737 747.
  if (term.length > MAX_WORD_LENGTH || /\d/.test(term)) return 0;
  const known = index.surface.has(term);
  const fuzzy = term.length >= ALWAYS_FUZZY_LENGTH || (term.length >= 4 && !known);
  if (!fuzzy) return 0;
  // A word the corpus has is matched within one edit (a typo in an article: "detention" for detection);
  // two edits of a long word walk much of the vocabulary, and found nothing more on the generated gold.
  const distance = Math.min(MAX_FUZZY_DISTANCE, Math.round(term.length * FUZZINESS));
  return known ? Math.min(distance, 1) : distance;
}

/** Weight of the words an alias of the query implies, against the words the query says. */
const ALIAS_WEIGHT = 0.6;
/** Gain for each query word pair found side by side in the passage. */
const PHRASE_GAIN = 0.25;
/** How many of the best articles have their sentences ranked. */
const CANDIDATE_ARTICLES = 40;
/**
 * The share of the archive the words that find candidates may open together (see retrievalQuery): the
 * engine's cost grows with the articles it opens, not with the forty it keeps. Measured on 10,000
 * generated articles (3,823 search questions, intrinsic CPU, best of 3 runs): at 0.5 the engine opened
 * 692 articles at the median and 1,993 at p99, 0.64/2.45 ms; at 0.05, 198 and 726, 0.14/0.72 ms; right
 * 3,800 -> 3,810, and the real questions over the same 10,000 articles with the real ones among them
 * unchanged (search 32 of 34).
 */
const RETRIEVAL_SHARE = 0.05;
/** A few hundred articles cost little to open: under this many, every rare word of a query finds candidates. */
const RETRIEVAL_MIN_ARTICLES = 250;
/** When every word of a query is common, this many of the rarest find the candidate articles. */
const COMMON_ONLY_WORDS = 3;
/** At most this many aliases of the query's words are searched beside it. */
const MAX_IMPLIED = 8;
/** Share of a term's length that may be mistyped (MiniSearch's fuzzy option). */
const FUZZINESS = 0.2;
/** Weights of a word matched as a prefix or with a typo, against 1 for the word itself (as MiniSearch's). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** BM25's parameters for ranking sentences. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Passages scoring under this share of the best one are noise (a stray fuzzy match), not answers. */
const RELATIVE_CUTOFF = 0.1;

/**
 * A word of the query and the ways a passage can satisfy it: the word itself, or every word of an alias
 * it stands for ("usst" is satisfied by "University of Shanghai for Science and Technology", and each of
 * those words by "USST").
 */
interface QueryConcept {
  term: string;
  alternatives: string[][];
}

/** An alias to search beside the query, weighted so that "USST" counts as much as the four words it stands for. */
interface ImpliedQuery {
  text: string;
  weight: number;
}

function queryConcepts(index: Index, query: string): { concepts: QueryConcept[]; implied: ImpliedQuery[] } {
  const concepts: QueryConcept[] = termsOf(query).map((term) => ({ term, alternatives: [] }));
  const implied: ImpliedQuery[] = [];
  for (const alias of index.aliases.expandQuery(query)) {
    const written = termsOf(alias.written);
    const impliedTerms = termsOf(alias.implied);
    if (impliedTerms.length === 0) continue;
    if (implied.length >= MAX_IMPLIED || implied.some((i) => i.text === alias.implied)) continue;
    implied.push({ text: alias.implied, weight: (ALIAS_WEIGHT * written.length) / impliedTerms.length });
    for (const concept of concepts)
      if (written.includes(concept.term)) concept.alternatives.push(impliedTerms);
  }
  return { concepts, implied };
}

/**
 * The engine's hits with those of equal score (the same article under two names, say) in file order, as
 * far as the first CANDIDATE_ARTICLES go: MiniSearch leaves them in the order their documents came in,
 * which differs between an index changed in place and one built afresh from the same files.
 */
function tiesInFileOrder(index: Index, hits: EngineHit[]): EngineHit[] {
  const fileOf = (hit: EngineHit) => index.documents.get(hit.id as number)?.file ?? '';
  for (let start = 0, end = 1; start < hits.length && start < CANDIDATE_ARTICLES; start = end++) {
    while (end < hits.length && hits[end]!.score === hits[start]!.score) end++;
    if (end - start < 2) continue;
    const run = hits.slice(start, end).map((hit) => ({ hit, file: fileOf(hit) }));
    run.sort(byFile);
    run.forEach(({ hit }, i) => (hits[start + i] = hit));
  }
  return hits;
}

/** The passages of a query's candidate articles that match it, scored, and the best of them in order. */
interface Ranking {
  /** Per candidate article (engine hit): the article and its passage terms (index/passageTerms.ts). */
  articles: Article[];
  blocks: Uint32Array[];
  /** Per scored passage: its candidate, its number in the article (0 the title, s + 1 sentence s), its score. */
  candidate: number[];
  passage: number[];
  score: number[];
  /** The scored passages within RELATIVE_CUTOFF of the best, best first. */
  order: number[];
  counter: TermCounter;
}

/**
 * Scores every passage of the candidate articles that matches the query. A passage is read as the term
 * ids the index computed when the article came in: a query allocates no strings per sentence, and keeps
 * only numbers per scored passage; the matched words are read again for the answers shown alone.
 */
function rankPassages(index: Index, asked: string): Ranking | null {
  const query = boundedQuery(asked);
  const { concepts, implied } = queryConcepts(index, query);
  if (concepts.length === 0) return null;
  const options = engineOptions(index, [
    ...concepts.map((c) => c.term),
    ...implied.flatMap((i) => termsOf(i.text)),
  ]);
  // An alias's long form goes through the same cut as the query: its common words find nothing new.
  const engineQuery: Query = {
    ...options,
    queries: [
      retrievalQuery(index, query),
      ...implied.map(({ text, weight }) => ({
        ...options,
        queries: [retrievalQuery(index, text)],
        boost: { title: 2 * weight, text: weight },
      })),
    ],
  };
  const hits = tiesInFileOrder(index, index.search.search(engineQuery, options) as EngineHit[]).slice(
    0,
    CANDIDATE_ARTICLES,
  );
  if (hits.length === 0) return null;

  const found = new Set(hits.flatMap((hit) => hit.terms));
  const accepted = concepts.map((concept) => acceptedTerms(index, concept, found));
  const weights = concepts.map((concept, k) => rarity(index, concept, accepted[k]!));
  const counter = new TermCounter(index, concepts, accepted);
  const best = hits[0]!.score;
  const ranking: Ranking = {
    articles: [],
    blocks: [],
    candidate: [],
    passage: [],
    score: [],
    order: [],
    counter,
  };
  for (const hit of hits) {
    const article = index.documents.get(hit.id as number);
    const block = index.passageTerms.of(hit.id as number);
    if (!article || !block) continue;
    const candidate = ranking.articles.length;
    ranking.articles.push(article);
    ranking.blocks.push(block);
    const relevance = 0.5 + (0.5 * hit.score) / best;
    const passages = passageCount(block);
    for (let p = 0; p < passages; p++) {
      const start = passageStart(block, p);
      const end = passageStart(block, p + 1);
      if (!counter.count(block, start, end)) continue;
      let bm25 = 0;
      let satisfied = 0;
      for (let k = 0; k < concepts.length; k++) {
        const gain = counter.gain(k);
        if (gain === 0) continue;
        satisfied++;
        bm25 += weights[k]! * saturate(gain, end - start, index.averageSentenceLength);
      }
      if (bm25 === 0) continue;
      const coverage = satisfied / concepts.length;
      const phrases = counter.pairs(block, start, end);
      ranking.candidate.push(candidate);
      ranking.passage.push(p);
      ranking.score.push(bm25 * (0.25 + coverage) ** 2 * (1 + PHRASE_GAIN * phrases) * relevance);
    }
  }
  const { score } = ranking;
  let top = 0;
  for (const s of score) if (s > top) top = s;
  const floor = top * RELATIVE_CUTOFF;
  for (let i = 0; i < score.length; i++) if (score[i]! >= floor) ranking.order.push(i);
  // Best first; among equal scores, in the order the engine ranked the articles, then the article's order.
  ranking.order.sort((a, b) => score[b]! - score[a]! || a - b);
  return ranking;
}

/**
 * The words of the query that find candidate articles: all but those most articles have. A word in more
 * than COMMON_SHARE of the articles ("university", "cooperation") scores next to nothing in BM25 yet
 * costs the most, its posting list being the longest; it still counts when sentences are ranked.
 */
function retrievalQuery(index: Index, query: string): string {
  const limit = commonLimit(index.articles.length);
  const df = (w: { text: string }) => {
    const term = toTerm(w.text);
    return term === null ? Infinity : (index.documentFrequency.get(term) ?? 0);
  };
  const all = words(query).filter((w) => df(w) < Infinity);
  const rare = all.filter((w) => df(w) <= limit);
  if (rare.length > 0) {
    // Rarest first, while the articles they open together stay within RETRIEVAL_SHARE of the archive:
    // thirty words of a few hundred articles each find no better forty candidates than the first few.
    const cost = new Map(
      rare.map((w) => {
        const term = toTerm(w.text)!;
        return [w, df(w) + (enginePrefix(index, term) ? prefixFrequency(index, term) : 0)] as const;
      }),
    );
    const chosen = new Set<(typeof rare)[number]>();
    let total = 0;
    const budget = Math.max(RETRIEVAL_SHARE * index.articles.length, RETRIEVAL_MIN_ARTICLES);
    for (const w of [...rare].sort((a, b) => cost.get(a)! - cost.get(b)!)) {
      if (chosen.size > 0 && total + cost.get(w)! > budget) break;
      chosen.add(w);
      total += cost.get(w)!;
    }
    return rare
      .filter((w) => chosen.has(w))
      .map((w) => w.text)
      .join(' ');
  }
  // Only common words: the rarest few find the candidates (a query of thirty such words would
  // otherwise walk the whole archive thirty times).
  return [...all]
    .sort((a, b) => df(a) - df(b))
    .slice(0, COMMON_ONLY_WORDS)
    .map((w) => w.text)
    .join(' ');
}

/**
 * The document terms that stand for a query word: the word itself, its prefix and typo expansions that
 * MiniSearch matched in the candidate articles, and, when the engine reads the word as a prefix, every
 * word it opens, matched or not: a word left out of finding candidates (past the retrieval budget) still
 * counts in its longer forms ("chair" in "chairmanship"). A prefix of common words ("program" opening
 * "programme") opens only what the engine matched.
 */
function acceptedTerms(index: Index, concept: QueryConcept, found: Set<string>): Map<string, number> {
  const accepted = new Map<string, number>([[concept.term, 1]]);
  const term = concept.term;
  const maxDistance = fuzzyDistance(index, term);
  const prefix = isPrefixTerm(index, term);
  if (prefix && enginePrefix(index, term)) {
    for (const expansion of prefixTerms(index, term, MAX_PREFIX_EXPANSIONS))
      if (expansion !== term) accepted.set(expansion, PREFIX_WEIGHT);
  }
  for (const candidate of found) {
    if (candidate === term) continue;
    if (prefix && candidate.startsWith(term)) accepted.set(candidate, PREFIX_WEIGHT);
    else if (maxDistance > 0 && editDistance(candidate, term, maxDistance) <= maxDistance) {
      accepted.set(candidate, FUZZY_WEIGHT);
    }
  }
  return accepted;
}

/** How much a query word weighs: its inverse document frequency among articles (BM25's idf). */
function rarity(index: Index, concept: QueryConcept, accepted: Map<string, number>): number {
  const n = Math.max(index.articles.length, 1);
  let df = 0;
  for (const term of accepted.keys()) df = Math.max(df, index.documentFrequency.get(term) ?? 0);
  for (const alternative of concept.alternatives) {
    for (const term of alternative) df = Math.max(df, index.documentFrequency.get(term) ?? 0);
  }
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * How strongly a passage holds each query word: its occurrences (expansions weigh less), or an alias of
 * it spelt out in full. The terms that matter to the query are numbered once (slots), found from a
 * passage's term ids through a small open-addressing table, and counted into one reused array: ranking
 * reads thousands of passages a query.
 */
class TermCounter {
  /** Term id + 1 (0: empty) and its slot, open addressing. */
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly slotTerms: string[] = [];
  private readonly counts: Int32Array;
  /** Per query word: its accepted terms' slots and weights, and its aliases' slots. */
  private readonly accepted: { slots: number[]; weights: number[] }[];
  private readonly alternatives: number[][][];
  /** Whether query word a followed by word b is a pair of the query (row a, column b; word k is slot k). */
  private readonly pairTable: Uint8Array;

  constructor(index: Index, concepts: QueryConcept[], accepted: Map<string, number>[]) {
    const slots = new Map<string, number>();
    const slotOf = (term: string) => {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = this.slotTerms.length;
        slots.set(term, slot);
        this.slotTerms.push(term);
      }
      return slot;
    };
    // The query's own words first: word k has slot k, and pairs are read among those slots alone.
    for (const concept of concepts) slotOf(concept.term);
    this.accepted = accepted.map((terms) => ({
      slots: [...terms.keys()].map(slotOf),
      weights: [...terms.values()],
    }));
    this.alternatives = concepts.map((c) => c.alternatives.map((terms) => terms.map(slotOf)));
    const size = this.slotTerms.length;
    this.counts = new Int32Array(size);
    const words = concepts.length;
    this.pairTable = new Uint8Array(words * words);
    for (let k = 1; k < words; k++) this.pairTable[(k - 1) * words + k] = 1;
    let capacity = 16;
    while (capacity < 2 * size) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.slotTerms.forEach((term, slot) => {
      const id = index.passageTerms.idOf(term);
      if (id === undefined) return; // no passage has it
      let at = id & this.mask;
      while (this.keys[at] !== 0) at = (at + 1) & this.mask;
      this.keys[at] = id + 1;
      this.values[at] = slot;
    });
  }

  /** How many query words it counts. */
  get concepts(): number {
    return this.accepted.length;
  }

  /** The slot of a term id, or -1 when the query has no use for it. */
  private slot(id: number): number {
    const key = id + 1;
    for (let at = id & this.mask; ; at = (at + 1) & this.mask) {
      const found = this.keys[at]!;
      if (found === key) return this.values[at]!;
      if (found === 0) return -1;
    }
  }

  /** Counts the query's terms in the passage block[start, end); false when it has none of them. */
  count(block: Uint32Array, start: number, end: number): boolean {
    this.counts.fill(0);
    let any = false;
    for (let i = start; i < end; i++) {
      const slot = this.slot(block[i]!);
      if (slot >= 0) {
        this.counts[slot]!++;
        any = true;
      }
    }
    return any;
  }

  /** The gain of query word `k` in the passage counted last. */
  gain(k: number): number {
    const { slots, weights } = this.accepted[k]!;
    let gain = 0;
    for (let j = 0; j < slots.length; j++) gain += this.counts[slots[j]!]! * weights[j]!;
    if (gain > 0) return gain;
    for (const alternative of this.alternatives[k]!) if (this.holdsAll(alternative)) return ALIAS_WEIGHT;
    return 0;
  }

  /** The terms that matched query word `k` in the passage counted last, added to `matched`. */
  matched(k: number, matched: Set<string>): void {
    const { slots } = this.accepted[k]!;
    let any = false;
    for (const slot of slots) {
      if (this.counts[slot]! > 0) {
        matched.add(this.slotTerms[slot]!);
        any = true;
      }
    }
    if (any) return;
    const alternative = this.alternatives[k]!.find((a) => this.holdsAll(a));
    for (const slot of alternative ?? []) matched.add(this.slotTerms[slot]!);
  }

  /** How many of the query's word pairs stand side by side in the passage block[start, end). */
  pairs(block: Uint32Array, start: number, end: number): number {
    const words = this.accepted.length;
    let count = 0;
    let previous = start < end ? this.slot(block[start]!) : -1;
    for (let i = start + 1; i < end; i++) {
      const slot = this.slot(block[i]!);
      if (
        previous >= 0 &&
        previous < words &&
        slot >= 0 &&
        slot < words &&
        this.pairTable[previous * words + slot]
      )
        count++;
      previous = slot;
    }
    return count;
  }

  private holdsAll(slots: number[]): boolean {
    for (const slot of slots) if (this.counts[slot] === 0) return false;
    return true;
  }
}

/** BM25's term-frequency saturation with length normalisation. */
function saturate(tf: number, length: number, averageLength: number): number {
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
}

/** `/search`: ranked passages with their articles; did-you-mean suggestions when nothing matches. */
export function search(index: Index, query: string, options: SearchOptions = {}): Result<'search'> {
  const budget = new Budget();
  const limit = options.limit ?? 5;
  const perArticle = options.perArticle ?? 1;
  const ranking = rankPassages(index, query);
  const taken = new Map<number, number>();
  const answers: SearchAnswer[] = [];
  for (const i of ranking?.order ?? []) {
    if (answers.length >= limit) break;
    const candidate = ranking!.candidate[i]!;
    const count = taken.get(candidate) ?? 0;
    if (count >= perArticle) continue;
    taken.set(candidate, count + 1);
    answers.push(toAnswer(index, ranking!, i));
  }
  return {
    command: 'search',
    query,
    answers,
    suggestions: answers.length ? [] : didYouMean(index, query, budget),
  };
}

/** Did-you-mean reads at most this many words of the query: a suggestion is for a short query. */
const SUGGEST_WORDS = 8;

/**
 * Did-you-mean: MiniSearch's suggestions for the query, fuzzier than search, in the corpus's own spelling.
 * A suggestion that only repeats the query is dropped. Bounded like a search (bounds.ts), and none at
 * all when the query's budget is already spent: suggestions are what a slow query gives up first.
 */
export function didYouMean(index: Index, asked: string, budget?: Budget, max = 3): string[] {
  if (budget?.spent) return [];
  // Words in many articles are spelt right: only the others can be meant otherwise. A typo of a common
  // word is told at once ("univrsity": "university"); looking it up would gather thousands of articles.
  const limit = commonLimit(index.articles.length);
  const corrected: string[] = [];
  const looked: string[] = [];
  for (const w of words(boundedQuery(asked, toTerm, SUGGEST_WORDS))) {
    const term = toTerm(w.text);
    if (term === null || (index.documentFrequency.get(term) ?? 0) > limit) continue;
    const common = term.length <= MAX_WORD_LENGTH ? nearCommonTerm(index, term, suggestDistance(term)) : null;
    if (common !== null) corrected.push(index.surface.get(common) ?? common);
    else looked.push(w.text);
  }
  const query = looked.join(' ');
  const typed = termsOf(query).join(' ');
  const suggestions: string[] = [];
  const options = {
    fuzzy: (term: string) => (term.length <= MAX_WORD_LENGTH && !/\d/.test(term) ? SUGGEST_FUZZINESS : false),
    maxFuzzy: MAX_FUZZY_DISTANCE,
    prefix: (term: string) =>
      term.length <= MAX_WORD_LENGTH &&
      prefixCount(index, term, MAX_PREFIX_EXPANSIONS + 1) <= MAX_PREFIX_EXPANSIONS &&
      !opensCommonTerms(index, term),
    combineWith: 'OR',
  } as const;
  const found = query === '' ? [] : index.search.autoSuggest(query, options);
  for (const { terms } of found) {
    if (terms.join(' ') === typed) continue;
    const readable = terms.map((term) => index.surface.get(term) ?? term).join(' ');
    if (!suggestions.includes(readable)) suggestions.push(readable);
    if (suggestions.length === max) break;
  }
  const whole = corrected.join(' ');
  if (whole && !suggestions.includes(whole) && suggestions.length < max) suggestions.push(whole);
  return suggestions;
}

/** How much fuzzier did-you-mean is than search. */
const SUGGEST_FUZZINESS = 0.3;

function suggestDistance(term: string): number {
  return Math.min(MAX_FUZZY_DISTANCE, Math.round(term.length * SUGGEST_FUZZINESS));
}

function toAnswer(index: Index, ranking: Ranking, i: number): SearchAnswer {
  const candidate = ranking.candidate[i]!;
  const article = ranking.articles[candidate]!;
  const block = ranking.blocks[candidate]!;
  const p = ranking.passage[i]!;
  const passage = { article, sentence: p - 1 };
  const quote = passageText(passage);
  const matched = new Set<string>();
  ranking.counter.count(block, passageStart(block, p), passageStart(block, p + 1));
  for (let k = 0; k < ranking.counter.concepts; k++) ranking.counter.matched(k, matched);
  return {
    quote,
    article: articleRef(article),
    score: round(ranking.score[i]!),
    highlights: highlightWords(quote, matched, {
      longForms: (acronym) => index.aliases.longForms(acronym),
    }),
    context: passage.sentence < 0 ? quote : contextOf(article.sentences, passage.sentence),
  };
}

/** Words that make a sentence lean on the one before it. */
const LEANS_BACK =
  /^(?:he|she|it|they|this|these|those|that|the two|both|also|meanwhile|in addition|moreover|besides|furthermore)\b/i;

/**
 * The sentence, with the one before it when it says too little alone: under ten words, or opening
 * with a pronoun or a connective that points back.
 */
export function contextOf(sentences: { text: string; paragraph: number }[], at: number): string {
  const sentence = sentences[at];
  if (!sentence) return '';
  const previous = sentences[at - 1];
  const short = words(sentence.text).length < 10;
  if (previous && previous.paragraph === sentence.paragraph && (short || LEANS_BACK.test(sentence.text))) {
    return `${previous.text} ${sentence.text}`;
  }
  return sentence.text;
}

export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
