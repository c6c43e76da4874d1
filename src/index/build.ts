/**
 * The index: every article parsed once, its facts extracted once, and its sentences and title indexed
 * with MiniSearch. Answers are pure functions of an Index and a query.
 */
import MiniSearch from 'minisearch';
import type { Article, Corpus, SkippedFile } from '../corpus/types.ts';
import { extractFacts } from '../facts/extract.ts';
import type { Facts } from '../facts/types.ts';
import { toTerm, words } from '../text/terms.ts';
import { AliasTable, findAliases } from './aliases.ts';

/** A unit of search: one sentence of an article, or its title (sentence -1). */
export interface Passage {
  article: number;
  sentence: number;
}

interface PassageDoc {
  id: number;
  text: string;
}

export interface Index {
  articles: Article[];
  passages: Passage[];
  /** The passage index of each article's title, by article number. */
  titlePassage: number[];
  search: MiniSearch<PassageDoc>;
  aliases: AliasTable;
  /** The word as the corpus writes it, for each index term ("qingpu" -> "Qingpu"): for suggestions. */
  surface: Map<string, string>;
  facts: Facts;
  skipped: SkippedFile[];
}

/** MiniSearch options; the index and the loader of a cached index must use the same. */
export const SEARCH_OPTIONS = {
  fields: ['text'],
  tokenize: (text: string) => words(text).map((w) => w.text),
  processTerm: (term: string) => toTerm(term) ?? null,
} as const;

/** Builds the index of a corpus: aliases first (they are corpus-wide), then passages and facts. */
export function buildIndex(corpus: Corpus): Index {
  const { articles } = corpus;
  const aliases = new AliasTable(
    articles.flatMap((article) => findAliases(`${article.title}\n${article.text}`)),
  );
  const passages: Passage[] = [];
  const titlePassage: number[] = [];
  const docs: PassageDoc[] = [];
  const surface = new Map<string, string>();
  articles.forEach((article, a) => {
    titlePassage.push(passages.length);
    for (let s = -1; s < article.sentences.length; s++) {
      const text = s < 0 ? article.title : (article.sentences[s]?.text ?? '');
      docs.push({ id: passages.length, text });
      for (const word of words(text)) {
        const term = toTerm(word.text);
        if (term !== null && !surface.has(term)) surface.set(term, word.text);
      }
      passages.push({ article: a, sentence: s });
    }
  });
  const search = new MiniSearch<PassageDoc>({ ...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields] });
  search.addAll(docs);
  const facts = extractFacts(articles, aliases);
  return { articles, passages, titlePassage, search, aliases, surface, facts, skipped: corpus.skipped };
}

/** The text of a passage. */
export function passageText(index: Index, passage: Passage): string {
  const article = index.articles[passage.article];
  if (!article) return '';
  return passage.sentence < 0 ? article.title : (article.sentences[passage.sentence]?.text ?? '');
}
