/**
 * `/search`: the best passages for some keywords, ranked, at most one per article unless asked.
 *
 * MiniSearch's BM25 gives the base score, with prefix and fuzzy matching so that a typo on either side
 * still matches. On top of it a passage gains for covering more of the query's words, for keeping the
 * query's word pairs together (a phrase), and for standing in an article whose title matches too.
 */
import type { SearchResult as EngineHit, Query } from 'minisearch';
import type { Article } from '../corpus/types.ts';
import type { Index, Passage } from '../index/build.ts';
import { passageText } from '../index/build.ts';
import { editDistance } from '../text/distance.ts';
import { termsOf, toTerm, words } from '../text/terms.ts';
import { articleRef } from './article.ts';
import type { Result, SearchAnswer } from './types.ts';

export interface SearchOptions {
  /** How many answers at most. Default 5. */
  limit?: number;
  /** How many passages of one article at most. Default 1. */
  perArticle?: number;
}

/** A passage scored for a query, before it becomes an answer. */
export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** The document terms that matched, for highlighting. */
  terms: string[];
}

/** Words at least this long are matched fuzzily even when the corpus has them as typed. */
const ALWAYS_FUZZY_LENGTH = 8;

/**
 * MiniSearch options for a query. A word the corpus does not have is matched fuzzily (a typo in the
 * query); so is a long word (a typo in the article: "detention system" for detection). A short word the
 * corpus has is matched as typed, or "suture" would find "future".
 */
function engineOptions(index: Index) {
  return {
    boost: { title: 2, text: 1 },
    prefix: isPrefixTerm,
    fuzzy: (term: string) => (fuzzyDistance(index, term) > 0 ? FUZZINESS : false),
    combineWith: 'OR',
  } as const;
}

function isPrefixTerm(term: string): boolean {
  return term.length >= 4;
}

/** The edit distance a query term is matched within: as MiniSearch computes it from FUZZINESS, or 0. */
function fuzzyDistance(index: Index, term: string): number {
  const fuzzy = term.length >= ALWAYS_FUZZY_LENGTH || (term.length >= 4 && !index.surface.has(term));
  return fuzzy ? Math.round(term.length * FUZZINESS) : 0;
}

/** Weight of the words an alias of the query implies, against the words the query says. */
const ALIAS_WEIGHT = 0.6;
/** Gain for each query word pair found side by side in the passage. */
const PHRASE_GAIN = 0.25;
/** How many of the best articles have their sentences ranked. */
const CANDIDATE_ARTICLES = 40;
/** Words in more than this share of the articles do not take part in finding candidate articles. */
const COMMON_SHARE = 0.2;
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
    implied.push({ text: alias.implied, weight: (ALIAS_WEIGHT * written.length) / impliedTerms.length });
    for (const concept of concepts)
      if (written.includes(concept.term)) concept.alternatives.push(impliedTerms);
  }
  return { concepts, implied };
}

/** Scores every passage that matches the query, best first. */
export function rankPassages(index: Index, query: string): ScoredPassage[] {
  const { concepts, implied } = queryConcepts(index, query);
  if (concepts.length === 0) return [];
  const options = engineOptions(index);
  const engineQuery: Query = {
    ...options,
    queries: [
      retrievalQuery(index, query),
      ...implied.map(({ text, weight }) => ({
        ...options,
        queries: [text],
        boost: { title: 2 * weight, text: weight },
      })),
    ],
  };
  const hits = (index.search.search(engineQuery, options) as EngineHit[]).slice(0, CANDIDATE_ARTICLES);
  if (hits.length === 0) return [];

  const found = new Set(hits.flatMap((hit) => hit.terms));
  const accepted = concepts.map((concept) => acceptedTerms(index, concept, found));
  const weights = concepts.map((concept, k) => rarity(index, concept, accepted[k]!));
  const pairs = queryPairs(concepts.map((c) => c.term));
  const best = hits[0]!.score;
  const scored: ScoredPassage[] = [];
  for (const hit of hits) {
    const article = index.documents.get(hit.id as number);
    if (!article) continue;
    const relevance = 0.5 + (0.5 * hit.score) / best;
    const all = sentenceTerms(article);
    for (let s = -1; s < article.sentences.length; s++) {
      const terms = all[s + 1]!;
      const counts = countTerms(terms);
      let bm25 = 0;
      let satisfied = 0;
      const matched: string[] = [];
      concepts.forEach((concept, k) => {
        const gain = conceptGain(concept, accepted[k]!, counts, matched);
        if (gain === 0) return;
        satisfied++;
        bm25 += weights[k]! * saturate(gain, terms.length, index.averageSentenceLength);
      });
      if (bm25 === 0) continue;
      const coverage = satisfied / concepts.length;
      const phrases = countPairs(pairs, terms);
      const score = bm25 * (0.25 + coverage) ** 2 * (1 + PHRASE_GAIN * phrases) * relevance;
      scored.push({ passage: { article, sentence: s }, score, terms: matched });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const floor = (scored[0]?.score ?? 0) * RELATIVE_CUTOFF;
  return scored.filter((s) => s.score >= floor);
}

/**
 * The words of the query that find candidate articles: all but those most articles have. A word in more
 * than COMMON_SHARE of the articles ("university", "cooperation") scores next to nothing in BM25 yet
 * costs the most, its posting list being the longest; it still counts when sentences are ranked.
 */
function retrievalQuery(index: Index, query: string): string {
  const limit = COMMON_SHARE * index.articles.length;
  const all = words(query);
  const rare = all.filter((w) => {
    const term = toTerm(w.text);
    return term !== null && (index.documentFrequency.get(term) ?? 0) <= limit;
  });
  return (rare.length > 0 ? rare : all).map((w) => w.text).join(' ');
}

/**
 * The document terms that stand for a query word: the word itself, and the prefix and typo expansions
 * of it that MiniSearch matched in the candidate articles, each with its weight.
 */
function acceptedTerms(index: Index, concept: QueryConcept, found: Set<string>): Map<string, number> {
  const accepted = new Map<string, number>([[concept.term, 1]]);
  const term = concept.term;
  const maxDistance = fuzzyDistance(index, term);
  for (const candidate of found) {
    if (candidate === term) continue;
    if (isPrefixTerm(term) && candidate.startsWith(term)) accepted.set(candidate, PREFIX_WEIGHT);
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
 * How strongly a sentence holds a query word: its occurrences (expansions weigh less), or an alias of
 * it spelt out in full. Records the sentence terms that matched, for highlighting.
 */
function conceptGain(
  concept: QueryConcept,
  accepted: Map<string, number>,
  counts: Map<string, number>,
  matched: string[],
): number {
  let gain = 0;
  for (const [term, weight] of accepted) {
    const count = counts.get(term);
    if (count) {
      gain += count * weight;
      matched.push(term);
    }
  }
  if (gain > 0) return gain;
  for (const alternative of concept.alternatives) {
    if (alternative.every((t) => counts.has(t))) {
      matched.push(...alternative);
      return ALIAS_WEIGHT;
    }
  }
  return 0;
}

/** BM25's term-frequency saturation with length normalisation. */
function saturate(tf: number, length: number, averageLength: number): number {
  return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
}

function countTerms(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * The terms of an article's title (first) and of each sentence, kept for the articles read most recently:
 * a query reads the sentences of up to 40 articles, and the same articles come back often.
 */
const SENTENCE_TERMS = new Map<Article, string[][]>();
const SENTENCE_TERMS_KEPT = 2000;

function sentenceTerms(article: Article): string[][] {
  let terms = SENTENCE_TERMS.get(article);
  if (terms) {
    SENTENCE_TERMS.delete(article);
  } else {
    terms = [passageTerms(article.title), ...article.sentences.map((s) => passageTerms(s.text))];
    if (SENTENCE_TERMS.size >= SENTENCE_TERMS_KEPT)
      SENTENCE_TERMS.delete(SENTENCE_TERMS.keys().next().value!);
  }
  SENTENCE_TERMS.set(article, terms);
  return terms;
}

/** `/search`: ranked passages with their articles; did-you-mean suggestions when nothing matches. */
export function search(index: Index, query: string, options: SearchOptions = {}): Result<'search'> {
  const limit = options.limit ?? 5;
  const perArticle = options.perArticle ?? 1;
  const taken = new Map<Article, number>();
  const answers: SearchAnswer[] = [];
  for (const scored of rankPassages(index, query)) {
    if (answers.length >= limit) break;
    const { passage } = scored;
    const count = taken.get(passage.article) ?? 0;
    if (count >= perArticle) continue;
    taken.set(passage.article, count + 1);
    answers.push(toAnswer(index, scored));
  }
  return { command: 'search', query, answers, suggestions: answers.length ? [] : didYouMean(index, query) };
}

/**
 * Did-you-mean: MiniSearch's suggestions for the query, fuzzier than search, in the corpus's own spelling.
 * A suggestion that only repeats the query is dropped.
 */
export function didYouMean(index: Index, query: string, max = 3): string[] {
  const asked = termsOf(query).join(' ');
  const suggestions: string[] = [];
  for (const { terms } of index.search.autoSuggest(query, { fuzzy: 0.3, prefix: true, combineWith: 'OR' })) {
    if (terms.join(' ') === asked) continue;
    const readable = terms.map((term) => index.surface.get(term) ?? term).join(' ');
    if (!suggestions.includes(readable)) suggestions.push(readable);
    if (suggestions.length === max) break;
  }
  return suggestions;
}

function toAnswer(index: Index, scored: ScoredPassage): SearchAnswer {
  const { passage } = scored;
  const { article } = passage;
  const quote = passageText(passage);
  return {
    quote,
    article: articleRef(article),
    score: round(scored.score),
    highlights: highlightWords(quote, scored.terms, index),
    context: passage.sentence < 0 ? quote : contextOf(article.sentences, passage.sentence),
  };
}

/** The words of `text` whose terms matched, and acronyms whose long form matched. */
export function highlightWords(text: string, matchedTerms: string[], index?: Index): string[] {
  const matched = new Set(matchedTerms);
  const found = new Set<string>();
  for (const word of words(text)) {
    const term = toTerm(word.text);
    if (term !== null && matched.has(term)) found.add(word.text);
    else if (index && /^[A-Z]{2,}/.test(word.text)) {
      const longForms = index.aliases.longForms(word.text);
      if (longForms.some((long) => termsOf(long).some((t) => matched.has(t)))) found.add(word.text);
    }
  }
  return [...found];
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

function queryPairs(terms: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}

function passageTerms(text: string): string[] {
  return words(text)
    .map((w) => toTerm(w.text))
    .filter((t): t is string => t !== null);
}

function countPairs(pairs: Set<string>, terms: string[]): number {
  let count = 0;
  for (let i = 1; i < terms.length; i++) if (pairs.has(`${terms[i - 1]} ${terms[i]}`)) count++;
  return count;
}

export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
