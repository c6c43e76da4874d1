/**
 * `/search`: the best passages for some keywords, ranked, at most one per article unless asked.
 *
 * MiniSearch's BM25 gives the base score, with prefix and fuzzy matching so that a typo on either side
 * still matches. On top of it a passage gains for covering more of the query's words, for keeping the
 * query's word pairs together (a phrase), and for standing in an article whose title matches too.
 */
import type { SearchResult as EngineHit, Query } from 'minisearch';
import type { Article } from '../corpus/types.ts';
import type { Index } from '../index/build.ts';
import { passageText } from '../index/build.ts';
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
  passage: number;
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
    prefix: (term: string) => term.length >= 4,
    fuzzy: (term: string) =>
      term.length >= ALWAYS_FUZZY_LENGTH || (term.length >= 4 && !index.surface.has(term)) ? 0.2 : false,
    combineWith: 'OR',
  } as const;
}

/** Weight of the words an alias of the query implies, against the words the query says. */
const ALIAS_WEIGHT = 0.6;
/** Weight of the article title's own score added to each of its passages that matched. */
const TITLE_WEIGHT = 0.3;
/** Gain for each query word pair found side by side in the passage. */
const PHRASE_GAIN = 0.25;
/** How many engine hits are considered at most. */
const CANDIDATES = 200;
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

function isSatisfied(concept: QueryConcept, matched: Set<string>): boolean {
  return (
    matched.has(concept.term) || concept.alternatives.some((terms) => terms.every((t) => matched.has(t)))
  );
}

/** Scores every passage that matches the query, best first. */
export function rankPassages(index: Index, query: string): ScoredPassage[] {
  const { concepts, implied } = queryConcepts(index, query);
  if (concepts.length === 0) return [];
  const options = engineOptions(index);
  const engineQuery: Query = {
    ...options,
    queries: [
      query,
      ...implied.map(({ text, weight }) => ({ ...options, queries: [text], boost: { text: weight } })),
    ],
  };
  const hits = index.search.search(engineQuery, options) as EngineHit[];
  const titleScore = new Map<Article, number>();
  for (const hit of hits) {
    const passage = index.passages.get(hit.id as number);
    if (passage && passage.sentence < 0) titleScore.set(passage.article, hit.score);
  }
  const pairs = queryPairs(concepts.map((c) => c.term));
  const scored: ScoredPassage[] = [];
  for (const hit of hits.slice(0, CANDIDATES)) {
    const passage = index.passages.get(hit.id as number);
    if (!passage) continue;
    const matched = new Set(hit.queryTerms);
    const coverage = concepts.filter((c) => isSatisfied(c, matched)).length / concepts.length;
    const phrases = countPairs(pairs, passageTerms(passageText(passage)));
    const title = passage.sentence < 0 ? 0 : (titleScore.get(passage.article) ?? 0) * TITLE_WEIGHT;
    const score = (hit.score + title) * (0.25 + coverage) ** 2 * (1 + PHRASE_GAIN * phrases);
    scored.push({ passage: hit.id as number, score, terms: hit.terms });
  }
  scored.sort((a, b) => b.score - a.score);
  const floor = (scored[0]?.score ?? 0) * RELATIVE_CUTOFF;
  return scored.filter((s) => s.score >= floor);
}

/** `/search`: ranked passages with their articles; did-you-mean suggestions when nothing matches. */
export function search(index: Index, query: string, options: SearchOptions = {}): Result<'search'> {
  const limit = options.limit ?? 5;
  const perArticle = options.perArticle ?? 1;
  const taken = new Map<Article, number>();
  const answers: SearchAnswer[] = [];
  for (const scored of rankPassages(index, query)) {
    if (answers.length >= limit) break;
    const passage = index.passages.get(scored.passage);
    if (!passage) continue;
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
  const passage = index.passages.get(scored.passage)!;
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
