/**
 * The index: every article parsed once, its facts extracted once, and the article indexed with
 * MiniSearch (title and body). Answers are pure functions of an Index and a query.
 *
 * Search runs in two stages (see answers/search.ts): MiniSearch finds the best articles, then the
 * sentences of those articles are ranked. Indexing articles rather than sentences keeps each term's
 * posting list thirty times shorter, which is what a query's cost grows with.
 *
 * An index is assembled from article records (see records.ts). Updating it for changed files re-indexes
 * those files alone: their documents leave MiniSearch and their new ones come in; the rest is untouched.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Article, Corpus, SkippedFile } from '../corpus/types.ts';
import { FactSearch, type StoredFactSearch } from './factSearch.ts';
import type { Facts } from '../facts/types.ts';
import { toTerm, wordsOf } from '../text/terms.ts';
import { AliasTable } from '../facts/aliases.ts';
import { recordOf, type ArticleRecord } from './records.ts';
import { commonTermsOf } from './common.ts';
import { PassageTerms } from './passageTerms.ts';
import { SuggestionIndex } from './suggestions.ts';

/** A unit of answer: one sentence of an article, or its title (sentence -1). */
export interface Passage {
  article: Article;
  sentence: number;
}

export interface ArticleDoc {
  id: number;
  title: string;
  text: string;
}

export interface Index {
  /** The articles, in file-name order. */
  articles: Article[];
  /** The record of each file, by file name. */
  records: Map<string, ArticleRecord>;
  /** MiniSearch document id → article. */
  documents: Map<number, Article>;
  /** The document id of each file, for removing it when the file changes. */
  documentIds: Map<string, number>;
  /** The next free document id. */
  nextDocumentId: number;
  search: MiniSearch<ArticleDoc>;
  /** In how many articles each term occurs: the rarity that weighs a word when sentences are ranked. */
  documentFrequency: Map<string, number>;
  /** The mean number of terms of a sentence. */
  averageSentenceLength: number;
  aliases: AliasTable;
  /** The word as the corpus writes it, for each index term ("qingpu" -> "Qingpu"): for suggestions. */
  surface: Map<string, string>;
  facts: Facts;
  /** The search of `facts` by what a person types (who-signed, when), kept in line by relink. */
  factSearch: FactSearch;
  skipped: SkippedFile[];
  /** The terms of each document's title and sentences, computed when it is indexed (passageTerms.ts). */
  passageTerms: PassageTerms;
  /** What autocomplete offers, kept in line when the index changes. */
  suggestions: SuggestionIndex;
  /** The terms in more than commonLimit of the articles (index/common.ts), derived when the index changes. */
  commonTerms: string[];
  /** Gathers the terms of the document MiniSearch is adding, when set (see newSearch). */
  collector: { terms: Set<string> | null };
}

/**
 * MiniSearch options; the index and the loader of a cached index use the same. While documents are
 * added, each term's spelling in the corpus is learnt into `surface`, and the terms of the document being
 * added are collected into `collect` when it is set; queries use the plain term function.
 */
export function searchOptions(
  surface: Map<string, string>,
  collect?: { terms: Set<string> | null },
): Options<ArticleDoc> {
  return {
    fields: ['title', 'text'],
    tokenize: wordsOf,
    processTerm: (word: string) => {
      const term = toTerm(word);
      if (term !== null) {
        if (!surface.has(term)) surface.set(term, word);
        collect?.terms?.add(term);
      }
      return term;
    },
    searchOptions: { processTerm: queryTerm },
    autoSuggestOptions: { processTerm: queryTerm },
  };
}

function queryTerm(word: string): string | null {
  return toTerm(word);
}

/** Builds the index of a corpus already parsed in memory (tests, tools). */
export function buildIndex(corpus: Corpus): Index {
  return indexRecords(
    corpus.articles.map((article) => recordOf(article, '')),
    corpus.skipped,
  );
}

/** Builds an index from records, indexing every passage. */
export function indexRecords(records: ArticleRecord[], skipped: SkippedFile[]): Index {
  const index = emptyIndex();
  return updateIndex(index, { added: records, removed: [], skipped });
}

export function emptyIndex(): Index {
  const index: Omit<Index, 'search'> = {
    articles: [],
    records: new Map(),
    documents: new Map(),
    documentIds: new Map(),
    nextDocumentId: 0,
    documentFrequency: new Map(),
    averageSentenceLength: 1,
    aliases: new AliasTable([]),
    surface: new Map(),
    facts: { signings: [], events: [] },
    factSearch: new FactSearch(),
    skipped: [],
    passageTerms: new PassageTerms(),
    suggestions: new SuggestionIndex(),
    commonTerms: [],
    collector: { terms: null },
  };
  return { ...index, search: newSearch(index) };
}

export interface IndexChange {
  /** New and changed files' records (a changed file's old record is replaced). */
  added: ArticleRecord[];
  /** Files that are gone, or that no longer parse. */
  removed: string[];
  /** The skipped files of the corpus as it now stands. */
  skipped: SkippedFile[];
}

/**
 * Applies a change to an index in place and returns it, with new article, alias and fact lists. Runs
 * synchronously, so no query ever sees half of a change.
 */
export function updateIndex(
  index: Index,
  change: IndexChange,
  onAdded?: (done: number, total: number) => void,
): Index {
  replaceRecords(index, change, onAdded);
  return relink(index, change.skipped);
}

/**
 * The records and MiniSearch part of updateIndex: leaves the index inconsistent until relink is run in
 * the same synchronous step.
 */
export function replaceRecords(
  index: Index,
  change: Omit<IndexChange, 'skipped'>,
  onAdded?: (done: number, total: number) => void,
): void {
  const leaving = new Set([...change.removed, ...change.added.map((r) => r.file)]);
  const stale: number[] = [];
  for (const file of leaving) {
    const id = index.documentIds.get(file);
    const record = index.records.get(file);
    if (id !== undefined) {
      stale.push(id);
      index.documents.delete(id);
      index.documentIds.delete(file);
      index.passageTerms.remove(id);
    }
    if (record) {
      for (const term of documentTerms(record.article)) countTerm(index, term, -1);
    }
    index.records.delete(file);
  }
  if (stale.length) index.search.discardAll(stale);

  const collect = index.collector;
  const firstId = index.nextDocumentId;
  for (const record of change.added) {
    const { article } = record;
    const id = index.nextDocumentId++;
    const terms = new Set<string>();
    collect.terms = terms;
    try {
      index.search.add({ id, title: article.title, text: article.text });
    } finally {
      collect.terms = null;
    }
    for (const term of terms) countTerm(index, term, 1);
    index.passageTerms.add(id, article);
    index.records.set(record.file, record);
    index.documents.set(id, article);
    index.documentIds.set(record.file, id);
    onAdded?.(id - firstId + 1, change.added.length);
  }
}

/**
 * A MiniSearch for the articles of an index, that learns spellings into its `surface` and collects the
 * terms it adds into its `collector`.
 */
export function newSearch(
  index: Pick<Index, 'surface' | 'collector'>,
  loaded?: (options: Options<ArticleDoc>) => MiniSearch<ArticleDoc>,
): MiniSearch<ArticleDoc> {
  const options = searchOptions(index.surface, index.collector);
  return loaded ? loaded(options) : new MiniSearch<ArticleDoc>(options);
}

/** The distinct terms of an article's title and body. */
export function documentTerms(article: Article): Set<string> {
  const terms = new Set<string>();
  for (const text of [article.title, article.text]) {
    for (const word of wordsOf(text)) {
      const term = toTerm(word);
      if (term !== null) terms.add(term);
    }
  }
  return terms;
}

function countTerm(index: Index, term: string, delta: number): void {
  const count = (index.documentFrequency.get(term) ?? 0) + delta;
  if (count > 0) index.documentFrequency.set(term, count);
  else index.documentFrequency.delete(term);
}

/**
 * Recomputes what depends on the whole set of records: the article list, the alias table, the facts and
 * their search (which re-indexes only the records that changed, or takes what a snapshot stored).
 */
export function relink(index: Index, skipped: SkippedFile[], stored?: StoredFactSearch): Index {
  const records = [...index.records.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  index.articles = records.map((r) => r.article);
  let sentences = 0;
  let words = 0;
  for (const article of index.articles) {
    sentences += article.sentences.length;
  }
  for (const record of records) words += record.words;
  index.averageSentenceLength = sentences > 0 ? words / sentences : 1;
  index.aliases = new AliasTable(records.flatMap((r) => r.aliases));
  index.facts = combineFacts(records.map((r) => r.facts));
  if (!stored || !index.factSearch.restore(stored, records, index.aliases))
    index.factSearch.update(records, index.aliases);
  index.skipped = skipped;
  index.suggestions.update(records, index.documentFrequency);
  index.commonTerms = commonTermsOf(index.documentFrequency, index.articles.length);
  return index;
}

/**
 * The facts of all articles, each pointing at its article's number in the index: the records' own fact
 * objects (kept once), their `article` set to the number their record now has.
 */
function combineFacts(perArticle: Facts[]): Facts {
  const facts: Facts = { signings: [], events: [] };
  perArticle.forEach((own, article) => {
    for (const signing of own.signings) {
      signing.article = article;
      facts.signings.push(signing);
    }
    for (const event of own.events) {
      event.article = article;
      facts.events.push(event);
    }
  });
  return facts;
}

/** The text of a passage. */
export function passageText(passage: Passage): string {
  return passage.sentence < 0
    ? passage.article.title
    : (passage.article.sentences[passage.sentence]?.text ?? '');
}
