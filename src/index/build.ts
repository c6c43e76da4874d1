/**
 * The index: every article parsed once, its facts extracted once, and its sentences and title indexed
 * with MiniSearch. Answers are pure functions of an Index and a query.
 *
 * An index is assembled from article records (see records.ts). Updating it for changed files re-indexes
 * those files alone: their passages leave MiniSearch and their new ones come in; the rest is untouched.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Article, Corpus, SkippedFile } from '../corpus/types.ts';
import type { Facts } from '../facts/types.ts';
import { toTerm, wordsOf } from '../text/terms.ts';
import { AliasTable } from './aliases.ts';
import { recordOf, type ArticleRecord } from './records.ts';

/** A unit of search: one sentence of an article, or its title (sentence -1). */
export interface Passage {
  article: Article;
  sentence: number;
}

export interface PassageDoc {
  id: number;
  text: string;
}

export interface Index {
  /** The articles, in file-name order. */
  articles: Article[];
  /** The record of each file, by file name. */
  records: Map<string, ArticleRecord>;
  /** MiniSearch document id → passage. */
  passages: Map<number, Passage>;
  /** The passage ids of each file, for removing them when the file changes. */
  passageIds: Map<string, number[]>;
  /** The next free passage id. */
  nextPassageId: number;
  search: MiniSearch<PassageDoc>;
  aliases: AliasTable;
  /** The word as the corpus writes it, for each index term ("qingpu" -> "Qingpu"): for suggestions. */
  surface: Map<string, string>;
  facts: Facts;
  skipped: SkippedFile[];
}

/**
 * MiniSearch options; the index and the loader of a cached index use the same. While documents are
 * added, each term's spelling in the corpus is learnt into `surface`; queries use the plain term function.
 */
export function searchOptions(surface: Map<string, string>): Options<PassageDoc> {
  return {
    fields: ['text'],
    tokenize: wordsOf,
    processTerm: (word: string) => {
      const term = toTerm(word);
      if (term !== null && !surface.has(term)) surface.set(term, word);
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
  const surface = new Map<string, string>();
  return {
    articles: [],
    records: new Map(),
    passages: new Map(),
    passageIds: new Map(),
    nextPassageId: 0,
    search: new MiniSearch<PassageDoc>(searchOptions(surface)),
    aliases: new AliasTable([]),
    surface,
    facts: { signings: [], events: [] },
    skipped: [],
  };
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
export function updateIndex(index: Index, change: IndexChange): Index {
  const leaving = new Set([...change.removed, ...change.added.map((r) => r.file)]);
  const stale: number[] = [];
  for (const file of leaving) {
    for (const id of index.passageIds.get(file) ?? []) {
      stale.push(id);
      index.passages.delete(id);
    }
    index.passageIds.delete(file);
    index.records.delete(file);
  }
  if (stale.length) index.search.discardAll(stale);

  const docs: PassageDoc[] = [];
  for (const record of change.added) {
    index.records.set(record.file, record);
    const ids: number[] = [];
    const { article } = record;
    for (let s = -1; s < article.sentences.length; s++) {
      const id = index.nextPassageId++;
      const text = s < 0 ? article.title : (article.sentences[s]?.text ?? '');
      docs.push({ id, text });
      ids.push(id);
      index.passages.set(id, { article, sentence: s });
    }
    index.passageIds.set(record.file, ids);
  }
  index.search.addAll(docs);
  return relink(index, change.skipped);
}

/** Recomputes what depends on the whole set of records: the article list, the alias table, the facts. */
export function relink(index: Index, skipped: SkippedFile[]): Index {
  const records = [...index.records.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  index.articles = records.map((r) => r.article);
  index.aliases = new AliasTable(records.flatMap((r) => r.aliases));
  index.facts = combineFacts(records.map((r) => r.facts));
  index.skipped = skipped;
  return index;
}

/** The facts of all articles, each pointing at its article's number in the index. */
function combineFacts(perArticle: Facts[]): Facts {
  const facts: Facts = { signings: [], events: [] };
  perArticle.forEach((own, article) => {
    for (const signing of own.signings) facts.signings.push({ ...signing, article });
    for (const event of own.events) facts.events.push({ ...event, article });
  });
  return facts;
}

/** The text of a passage. */
export function passageText(passage: Passage): string {
  return passage.sentence < 0
    ? passage.article.title
    : (passage.article.sentences[passage.sentence]?.text ?? '');
}
