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
import { byFile } from '../corpus/load.ts';
import type { Article, Corpus, SkippedFile } from '../corpus/types.ts';
import { FactSearch, type StoredFactSearch } from './factSearch.ts';
import type { Facts } from '../facts/types.ts';
import { toTerm, wordsOf } from '../text/terms.ts';
import { AliasSources, AliasTable } from '../facts/aliases.ts';
import { recordOf, type ArticleRecord } from './records.ts';
import { CommonTerms } from './common.ts';
import { PassageTerms } from './passageTerms.ts';
import { SuggestionIndex } from './suggestions.ts';
import { Spellings } from './spellings.ts';
import { removeDocument } from './searchColumns.ts';

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
  /** The file each `surface` spelling was read from (see spellings.ts); one a snapshot gave may be missing. */
  surfaceFiles: Map<string, string>;
  /** Gathers the terms of the document MiniSearch is adding, each with its first spelling, when set (see newSearch). */
  collector: { terms: Map<string, string> | null };
}

/**
 * MiniSearch options; the index and the loader of a cached index use the same. While a document is
 * added, its terms are collected into `collect` when it is set, each with its first spelling; queries
 * use the plain term function.
 */
export function searchOptions(collect?: { terms: Map<string, string> | null }): Options<ArticleDoc> {
  return {
    fields: ['title', 'text'],
    tokenize: wordsOf,
    processTerm: (word: string) => {
      const term = toTerm(word);
      const terms = collect?.terms;
      if (term !== null && terms && !terms.has(term)) terms.set(term, word);
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
    surfaceFiles: new Map(),
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
  const links = linksOf.get(index);
  // The records in file order, when no change waits to be relinked (see Spellings).
  const inOrder = links?.pending.size === 0 ? links.records : null;
  const spellings = new Spellings(index, inOrder ? (file) => filesAfter(inOrder, file) : undefined);
  for (const file of leaving) {
    const id = index.documentIds.get(file);
    const record = index.records.get(file);
    links?.leave(file, record);
    const terms = record ? documentTerms(record.article) : new Set<string>();
    spellings.leaving(file, terms);
    for (const term of terms) countTerm(index, term, -1, links);
    if (id !== undefined) {
      if (record) removeDocument(index.search, id, terms);
      else index.search.discard(id);
      index.documents.delete(id);
      index.documentIds.delete(file);
      index.passageTerms.remove(id);
    }
    index.records.delete(file);
  }

  const collect = index.collector;
  const firstId = index.nextDocumentId;
  for (const record of change.added) {
    const { article } = record;
    const id = index.nextDocumentId++;
    const terms = new Map<string, string>();
    collect.terms = terms;
    try {
      index.search.add({ id, title: article.title, text: article.text });
    } finally {
      collect.terms = null;
    }
    for (const term of terms.keys()) countTerm(index, term, 1, links);
    links?.enter(record);
    index.passageTerms.add(id, article);
    index.records.set(record.file, record);
    index.documents.set(id, article);
    index.documentIds.set(record.file, id);
    spellings.entered(record.file, terms);
    onAdded?.(id - firstId + 1, change.added.length);
  }
  spellings.settle();
}

/**
 * A MiniSearch for the articles of an index, that learns spellings into its `surface` and collects the
 * terms it adds into its `collector`.
 */
export function newSearch(
  index: Pick<Index, 'surface' | 'collector'>,
  loaded?: (options: Options<ArticleDoc>) => MiniSearch<ArticleDoc>,
): MiniSearch<ArticleDoc> {
  const options = searchOptions(index.collector);
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

function countTerm(index: Index, term: string, delta: number, links: Links | undefined): void {
  links?.terms.add(term);
  const count = (index.documentFrequency.get(term) ?? 0) + delta;
  if (count > 0) index.documentFrequency.set(term, count);
  else index.documentFrequency.delete(term);
}

/**
 * What relink keeps from one call to the next, to bring an index's derived parts in line with the files
 * that changed since (replaceRecords notes them) at the cost of those files.
 */
class Links {
  /** The records in file order: index.articles holds their articles. */
  records: ArticleRecord[] = [];
  sentences = 0;
  words = 0;
  /** Files added, replaced or removed since the last relink, and terms whose document frequency changed. */
  pending = new Set<string>();
  terms = new Set<string>();
  readonly aliases = new AliasSources();
  readonly common = new CommonTerms();

  leave(file: string, record: ArticleRecord | undefined): void {
    this.pending.add(file);
    if (record) this.count(record, -1);
  }

  enter(record: ArticleRecord): void {
    this.pending.add(record.file);
    this.count(record, 1);
  }

  count(record: ArticleRecord, sign: number): void {
    this.sentences += sign * record.article.sentences.length;
    this.words += sign * record.words;
  }
}

const linksOf = new WeakMap<Index, Links>();

/**
 * Brings what depends on the whole set of records in line with them: the article list, the alias table,
 * the facts and their search, the suggestions and the common terms. After a first relink, each relink
 * costs in proportion to the files changed since the one before; a snapshot's stored fact search is
 * taken as it is.
 */
export function relink(index: Index, skipped: SkippedFile[], stored?: StoredFactSearch): Index {
  const links = linksOf.get(index);
  if (stored || !links || !relinkChanged(index, links)) relinkAll(index, stored);
  index.skipped = skipped;
  return index;
}

/** Relinks from every record. */
function relinkAll(index: Index, stored?: StoredFactSearch): void {
  const links = new Links();
  const records = [...index.records.values()].sort(byFile);
  links.records = records;
  index.articles = records.map((r) => r.article);
  for (const record of records) {
    links.count(record, 1);
    links.aliases.set(record.file, record.aliases);
  }
  index.averageSentenceLength = links.sentences > 0 ? links.words / links.sentences : 1;
  index.aliases = links.aliases.table();
  index.facts = combineFacts(records.map((r) => r.facts));
  if (!stored || !index.factSearch.restore(stored, records, index.aliases))
    index.factSearch.update(records, index.aliases);
  index.suggestions.update(records, index.documentFrequency);
  index.commonTerms = links.common.update(index.documentFrequency, index.articles.length);
  linksOf.set(index, links);
}

/** Relinks the files changed since the last relink: false when the links do not agree with the records. */
function relinkChanged(index: Index, links: Links): boolean {
  const files = [...links.pending];
  const terms = links.terms;
  links.pending = new Set();
  links.terms = new Set();
  const { records } = links;
  let moved = records.length;
  for (const file of files) {
    const record = index.records.get(file);
    const at = placeOf(records, file);
    const old = records[at]?.file === file ? records[at] : undefined;
    if (!old && !record) continue;
    if (!spliceFacts(index.facts, records, at, old, record)) return false;
    if (old && record) records[at] = record;
    else if (record) records.splice(at, 0, record);
    else records.splice(at, 1);
    if (record) index.articles.splice(at, old ? 1 : 0, record.article);
    else index.articles.splice(at, 1);
    if (!old || !record) moved = Math.min(moved, at);
    else numberFacts(record, at);
    links.aliases.set(file, record?.aliases ?? []);
  }
  if (records.length !== index.records.size) return false;
  for (let i = moved; i < records.length; i++) numberFacts(records[i]!, i);
  index.averageSentenceLength = links.sentences > 0 ? links.words / links.sentences : 1;
  index.aliases = links.aliases.table();
  const changed = { files, records: index.records, terms };
  index.factSearch.update(records, index.aliases, changed);
  index.suggestions.update(records, index.documentFrequency, changed);
  index.commonTerms = links.common.update(index.documentFrequency, records.length, terms);
  return true;
}

/** The files of records in file order that come after `file`. */
function* filesAfter(records: ArticleRecord[], file: string): Generator<string> {
  for (let i = placeOf(records, file); i < records.length; i++)
    if (records[i]!.file !== file) yield records[i]!.file;
}

/** Where a file is, or goes, among records in file order. */
function placeOf(records: ArticleRecord[], file: string): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (records[middle]!.file < file) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Puts a file's new facts in place of its old ones in the index's lists (in file order), the file being
 * at `at` among the records (its old record there, or its place). False when the lists do not agree.
 */
function spliceFacts(
  facts: Facts,
  records: ArticleRecord[],
  at: number,
  old: ArticleRecord | undefined,
  record: ArticleRecord | undefined,
): boolean {
  for (const kind of ['signings', 'events'] as const) {
    const list: unknown[] = facts[kind];
    const before = old?.facts[kind] ?? [];
    const after: unknown[] = record?.facts[kind] ?? [];
    if (before.length === 0 && after.length === 0) continue;
    let offset = 0;
    if (before.length > 0) offset = list.indexOf(before[0]);
    else
      for (let i = at - 1; i >= 0; i--) {
        const own = records[i]!.facts[kind];
        if (own.length === 0) continue;
        offset = list.indexOf(own[own.length - 1]) + 1;
        if (offset === 0) return false;
        break;
      }
    if (offset < 0) return false;
    list.splice(offset, before.length, ...after);
  }
  return true;
}

/** Points a record's facts at its article's number. */
function numberFacts(record: ArticleRecord, article: number): void {
  for (const signing of record.facts.signings) signing.article = article;
  for (const event of record.facts.events) event.article = article;
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
