/**
 * Finding facts by what a person types: any name of a party (acronym, short name, other word order,
 * typo), a signer, the agreement, the event, words of the sentence.
 *
 * An inverted index over the facts' fields, part of the index and kept in line with it. What a fact is
 * found by is read from its article alone when the article is indexed (facts/factWords.ts: kept in the
 * record, so in the cache, and computed on the indexing threads); the names the rest of the corpus gives
 * its organisations (an acronym another article defines) are added when the index is relinked
 * (FactSearch.update), which re-indexes only the files that changed.
 *
 * A fact answers a query only when it covers most of the query's weight: each query word weighs by its
 * rarity among the facts, and words every question of the kind has ("signed", "agreement", "ceremony")
 * weigh little, so "Innovation Center agreement" does not find an agreement on an innovation institute.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { AliasTable } from '../facts/aliases.ts';
import type { ArticleRecord } from './records.ts';
import {
  boundedQuery,
  Budget,
  MAX_FUZZY_WORDS,
  MAX_PREFIX_EXPANSIONS,
  MAX_WORD_LENGTH,
} from '../text/bounds.ts';
import { foldForMatch } from '../text/normalize.ts';
import { matchTerm, words } from '../text/terms.ts';
import { isAcronym } from '../facts/organizations.ts';
import { articleFactWords } from '../facts/factWords.ts';
import type { ArticleFactWords, FactWords } from '../facts/types.ts';

export type FactKind = 'signing' | 'event';

/** Field weights: a party or agreement name counts more than a word of the sentence. */
const FIELD = { names: 3, what: 2.5, text: 1, context: 0.4, title: 0.6, lead: 0.3 } as const;

/** A year in a query ("2013", "2013's"): it selects facts by their year, never words of their text. */
const YEAR = /^((?:19|20)\d{2})(?:['’]s)?$/;

/** The term a fact's year is indexed by: not a word, so no text matches it. */
function yearTerm(year: string): string {
  return `#${year}`;
}

/** Words every question of the kind has: they weigh a quarter. */
const GENERIC: Record<FactKind, Set<string>> = {
  signing: new Set([
    'who',
    'sign',
    'signatori',
    'agreement',
    'mou',
    'memorandum',
    'understand',
    'contract',
    'ink',
    'deal',
  ]),
  event: new Set([
    'when',
    'date',
    'held',
    'hold',
    'happen',
    'event',
    'take',
    'place',
    'day',
    'ceremoni',
    'time',
  ]),
};

/** The generic words that name a kind of agreement: they tell apart agreements of the same parties. */
const KIND_WORDS = new Set(['agreement', 'mou', 'memorandum', 'understand', 'contract', 'deal']);

/** How much more a fact whose name has the query's kind words (all of them) scores. */
const KIND_BONUS = 0.3;

/** A fact of another year than the query names scores this much less. */
const YEAR_MISMATCH = 0.5;

/** Capitalised question words, not names. */
const QUESTION_WORDS = /^(?:who|whom|when|what|which|where|how|did|does|do|is|was|were)$/i;

/** At most this many facts are scored for one query (see search). */
const MAX_CANDIDATES = 3000;

/** Share of the query's weight a fact must cover to answer it. */
export const MIN_COVERAGE = 0.6;

/**
 * Share a fact must cover when it misses a word written like a proper noun ("Beijing", "Robotics"): a
 * name's distinctive words are what tells one centre from another with most words in common.
 */
const MIN_COVERAGE_MISSING_NAME = 1.01;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A fact in a FactIndex. */
interface Doc {
  /** The fact's number in index.facts: renumbered each time the index is relinked. */
  fact: number;
  /** Its organisations by every name its article gives them, and the people who signed. */
  organizations: string[];
  people: string[];
  /** The organisations its article's first paragraph names (events only). */
  leadNames: string[];
  /** Their names elsewhere in the corpus (acronyms, long forms). */
  leadAliased: string[];
  /** Its year: of its date, else of its article's publication; null when neither says. */
  year: string | null;
  /** The names of its organisations that other articles define (acronyms, long forms). */
  aliased: string[];
  /** Term -> best field weight. */
  terms: DocTerms;
  /** The single names (party, alias, agreement, signer, event), as term lists, for whole-name matches. */
  names: string[][];
  /** Its words in the index's vocabulary, by number: what leaves the vocabulary with it. */
  words: Uint32Array;
}

/** What a doc is read from: its fact's words, and those its article gives all its facts. */
interface DocSource {
  fields: FactWords;
  title: string[];
  lead: string[];
}

/** The field weights a term can have, by code: a doc keeps each term's code, one byte. */
const WEIGHTS: readonly number[] = [...new Set(Object.values(FIELD))];

/** Strings numbered in the order they first come: the terms and words of a fact index. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  constructor(strings: readonly string[] = []) {
    for (const s of strings) this.id(s);
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

/**
 * A doc's terms with their best field weight, compactly: term numbers in ascending order and a weight
 * code each. Read like the Map it replaces (get, has, keys), by term.
 */
class DocTerms {
  constructor(
    private readonly dictionary: Dictionary,
    readonly ids: Uint32Array,
    readonly codes: Uint8Array,
  ) {}

  get(term: string): number | undefined {
    const at = this.find(term);
    return at < 0 ? undefined : WEIGHTS[this.codes[at]!];
  }

  has(term: string): boolean {
    return this.find(term) >= 0;
  }

  /** The number of a term of this doc. */
  idOf(term: string): number {
    return this.dictionary.ids.get(term)!;
  }

  *keys(): IterableIterator<string> {
    for (const id of this.ids) yield this.dictionary.strings[id]!;
  }

  private find(term: string): number {
    const id = this.dictionary.ids.get(term);
    if (id === undefined) return -1;
    let low = 0;
    let high = this.ids.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = this.ids[mid]!;
      if (value === id) return mid;
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

export interface FactHit {
  fact: number;
  score: number;
  coverage: number;
  /** The fact's terms that matched, for highlighting. */
  terms: Set<string>;
}

/** A hit, and the first query word it matches: at equal scores, facts found by earlier words come first. */
type Scored = FactHit & { order: number };

interface QueryGroup {
  term: string;
  alternatives: string[];
  /** A year ("2013"): matched by the fact's year only. */
  year?: boolean;
  /** Written like a proper noun ("Robotics", "LU"), and a word some fact has: a hit must have it. */
  proper?: boolean;
}

export class FactIndex {
  /** The docs of each term, in arrays: a doc that leaves is dropped from them at the next flush. */
  private readonly postings = new Map<string, Doc[]>();
  /** Docs removed since the last flush, and the terms whose lists still hold them. */
  private readonly removed = new Set<Doc>();
  private readonly dirty = new Set<string>();
  /** Word in lowercase, as written -> its term: for typo and prefix matches. */
  private readonly vocabulary = new SearchableMap<string>();
  /** The terms and the vocabulary words of the docs, numbered. */
  readonly terms = new Dictionary();
  readonly words = new Dictionary();
  /** The term of each word, by number. */
  private readonly wordTerms: number[] = [];
  /** In how many facts each word of the vocabulary is, by number. */
  private readonly wordCounts: number[] = [];
  private size = 0;

  constructor(readonly kind: FactKind) {}

  /** A doc read from its source, with its terms and words numbered in this index. */
  makeDoc(
    source: DocSource,
    own: Pick<Doc, 'organizations' | 'people' | 'leadNames' | 'leadAliased' | 'year' | 'aliased'>,
    names: NameWords,
  ): Doc {
    const read = readDoc(source, own, names);
    const ids = [...read.terms.keys()].map((term) => this.terms.id(term));
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
    const weights = [...read.terms.values()];
    const words = new Uint32Array(read.words.size);
    let w = 0;
    for (const [word, term] of read.words) {
      const id = this.words.id(word);
      this.wordTerms[id] = this.terms.id(term);
      words[w++] = id;
    }
    return {
      fact: 0,
      ...own,
      terms: new DocTerms(
        this.terms,
        Uint32Array.from(order, (i) => ids[i]!),
        Uint8Array.from(order, (i) => WEIGHTS.indexOf(weights[i]!)),
      ),
      names: read.names,
      words,
    };
  }

  add(doc: Doc): void {
    for (const term of doc.terms.keys()) {
      const list = this.postings.get(term);
      if (list) list.push(doc);
      else this.postings.set(term, [doc]);
    }
    for (const id of doc.words) {
      const count = this.wordCounts[id] ?? 0;
      this.wordCounts[id] = count + 1;
      if (count === 0) this.vocabulary.set(this.words.strings[id]!, this.terms.strings[this.wordTerms[id]!]!);
    }
    this.size++;
  }

  remove(doc: Doc): void {
    this.removed.add(doc);
    for (const term of doc.terms.keys()) this.dirty.add(term);
    for (const id of doc.words) {
      const count = this.wordCounts[id] ?? 0;
      this.wordCounts[id] = Math.max(0, count - 1);
      if (count <= 1) this.vocabulary.delete(this.words.strings[id]!);
    }
    this.size--;
  }

  /** Drops the docs removed since the last flush from the term lists: once per update, not per doc. */
  flush(): void {
    if (this.removed.size === 0) return;
    for (const term of this.dirty) {
      const list = this.postings.get(term)?.filter((doc) => !this.removed.has(doc)) ?? [];
      if (list.length > 0) this.postings.set(term, list);
      else this.postings.delete(term);
    }
    this.removed.clear();
    this.dirty.clear();
  }

  /** The dictionaries, for a snapshot (see FactSearch.store). */
  store(): StoredFactIndex {
    return {
      terms: this.terms.strings,
      words: this.words.strings,
      wordTerms: Uint32Array.from(this.wordTerms),
    };
  }

  /** Takes the dictionaries of a snapshot; docs are then added with restoreDoc and add. */
  restore(stored: StoredFactIndex): void {
    for (const term of stored.terms) this.terms.id(term);
    for (const word of stored.words) this.words.id(word);
    stored.wordTerms.forEach((term, id) => (this.wordTerms[id] = term));
  }

  /** A doc of a snapshot, its terms and words already numbered in this index's dictionaries. */
  restoreDoc(own: Omit<Doc, 'fact' | 'terms' | 'names' | 'words'>, stored: StoredDocNumbers): Doc {
    return {
      fact: 0,
      ...own,
      terms: new DocTerms(this.terms, stored.terms, stored.codes),
      names: stored.names.map((name) => Array.from(name, (id) => this.terms.strings[id]!)),
      words: stored.words,
    };
  }

  /**
   * The facts that answer `query` (coverage at least MIN_COVERAGE), best first; when none does, the
   * nearest misses (else none: they are only ever shown in place of answers), unless the budget is spent.
   */
  search(query: string, budget: Budget = new Budget()): { hits: FactHit[]; near: FactHit[] } {
    const groups = this.queryGroups(boundedQuery(query, matchTerm));
    if (groups.length === 0 || this.size === 0) return { hits: [], near: [] };
    const generic = GENERIC[this.kind];
    const weights = groups.map((g) => {
      const df = Math.max(...g.alternatives.map((t) => this.postings.get(t)?.length ?? 0), 0);
      const idf = Math.log(1 + this.size / (1 + df));
      return idf * (generic.has(g.term) ? 0.25 : 1);
    });
    const distinctive = groups.map((g, k) => weights[k]! > 0 && !generic.has(g.term) && !g.year);
    const total = weights.reduce((a, b) => a + b, 0);
    // A fact of another year than the query says counts less (it already misses the year's weight).
    const year = groups.find((g) => g.year)?.term;
    const score = (doc: Doc) => {
      const hit = scoreDoc(doc, groups, weights, total);
      if (year && doc.year && yearTerm(doc.year) !== year) hit.score *= YEAR_MISMATCH;
      return hit;
    };
    const proper = groups.filter((g) => g.proper && !generic.has(g.term));
    const isHit = (h: Scored) =>
      h.coverage >= MIN_COVERAGE &&
      groups.some((g, k) => distinctive[k] && g.alternatives.some((t) => h.terms.has(t))) &&
      (h.coverage >= MIN_COVERAGE_MISSING_NAME ||
        proper.every((g) => g.alternatives.some((t) => h.terms.has(t))));

    // The rarest words' facts first, at most MAX_CANDIDATES of them: a query of words nearly every fact
    // has ("university") is answered from the first of its thousands of facts.
    const candidates = new Set<Doc>();
    collect: for (const k of this.retrievalGroups(groups, weights, distinctive, total))
      for (const t of groups[k]!.alternatives)
        for (const doc of this.postings.get(t) ?? []) {
          if (candidates.size >= MAX_CANDIDATES) break collect;
          candidates.add(doc);
        }
    const hits: Scored[] = [];
    // The kind of agreement the query names ("memorandum of understanding", "contract") weighs
    // little to find facts, but tells apart those of the same parties: a fact that states it goes first.
    const kindWords = groups.filter((g) => KIND_WORDS.has(g.term));
    for (const doc of candidates) {
      if (coverageOf(doc, groups, weights, total) < MIN_COVERAGE) continue;
      const hit = score(doc);
      if (!isHit(hit)) continue;
      if (kindWords.length > 0) {
        const named = kindWords.filter((g) =>
          g.alternatives.some((t) => (doc.terms.get(t) ?? 0) >= FIELD.text),
        );
        hit.score *= 1 + KIND_BONUS * (named.length / kindWords.length);
      }
      hits.push(hit);
    }
    hits.sort(byScore);
    return { hits, near: hits.length > 0 ? [] : this.nearMisses(groups, weights, total, score, budget) };
  }

  /**
   * The query words whose facts are the candidates: the rarest ones, until the others together weigh
   * less than MIN_COVERAGE or are all generic. A fact with none of them cannot answer, so words most
   * facts have ("university", "cooperation") need not enumerate thousands; they still count in scores.
   */
  private retrievalGroups(
    groups: QueryGroup[],
    weights: number[],
    distinctive: boolean[],
    total: number,
  ): number[] {
    const chosen: number[] = [];
    let rest = total;
    let restDistinctive = distinctive.filter(Boolean).length;
    for (const k of this.byCost(groups)) {
      if (rest < MIN_COVERAGE * total * (1 - 1e-9) || restDistinctive === 0) break;
      chosen.push(k);
      rest -= weights[k]!;
      if (distinctive[k]) restDistinctive--;
    }
    return chosen;
  }

  /**
   * The three best-scoring facts that share a word with the query, exactly, without scoring them all.
   * A fact's score is at most 6 times the weight it covers times its coverage squared (a names match
   * weighs 3, a whole-name cover doubles). The query words' facts are taken rarest word first; a fact
   * whose bound is below the third best score so far is not scored, and once the words left could not
   * lift a fact that has none of the words taken so far above it, no more are taken.
   */
  private nearMisses(
    groups: QueryGroup[],
    weights: number[],
    total: number,
    score: (doc: Doc) => Scored,
    budget: Budget,
  ): FactHit[] {
    const bound = (covered: number) => 2 * FIELD.names * covered * (covered / total) ** 2 * (1 + 1e-9);
    const seen = new Set<Doc>();
    const scored: Scored[] = [];
    const best = [-Infinity, -Infinity, -Infinity];
    let rest = total;
    words: for (const k of this.byCost(groups)) {
      if (bound(rest) < best[2]! || budget.spent) break;
      rest -= weights[k]!;
      for (const t of groups[k]!.alternatives) {
        for (const doc of this.postings.get(t) ?? []) {
          if (seen.has(doc)) continue;
          if (seen.size >= MAX_CANDIDATES || (seen.size % 256 === 255 && budget.spent)) break words;
          seen.add(doc);
          if (bound(coverageOf(doc, groups, weights, total) * total) < best[2]!) continue;
          const hit = score(doc);
          scored.push(hit);
          if (hit.score > best[2]!) {
            best[2] = hit.score;
            best.sort((a, b) => b - a);
          }
        }
      }
    }
    return scored.sort(byScore).slice(0, 3);
  }

  /** The query words, those with the fewest facts first. */
  private byCost(groups: QueryGroup[]): number[] {
    const cost = groups.map((g) =>
      g.alternatives.reduce((sum, t) => sum + (this.postings.get(t)?.length ?? 0), 0),
    );
    return groups.map((_, k) => k).sort((a, b) => cost[a]! - cost[b]!);
  }

  /**
   * Each query word with the fact terms it may match: itself, a typo of it, a word it begins. Within
   * bounds (answers/bounds.ts): typos for the first MAX_FUZZY_WORDS words that may have them, a prefix
   * only when it opens at most MAX_PREFIX_EXPANSIONS words.
   */
  private queryGroups(query: string): QueryGroup[] {
    const groups: QueryGroup[] = [];
    let fuzzyWords = 0;
    for (const w of words(query)) {
      const year = YEAR.exec(w.text);
      if (year) {
        const term = yearTerm(year[1]!);
        if (!groups.some((g) => g.term === term)) groups.push({ term, alternatives: [term], year: true });
        continue;
      }
      const term = matchTerm(w.text);
      if (term === null || groups.some((g) => g.term === term)) continue;
      const alternatives = new Set<string>([term]);
      const folded = w.text.toLowerCase();
      const known = this.postings.has(term);
      const bounded = folded.length <= MAX_WORD_LENGTH;
      if (bounded && folded.length >= 5 && (!known || folded.length >= 8) && fuzzyWords < MAX_FUZZY_WORDS) {
        fuzzyWords++;
        const max = folded.length >= 8 ? 2 : 1;
        for (const [t] of this.vocabulary.fuzzyGet(folded, max).values()) alternatives.add(t);
      }
      if (bounded && folded.length >= 4 && !known) {
        const opened: string[] = [];
        for (const t of this.vocabulary.atPrefix(folded).values()) {
          opened.push(t);
          if (opened.length > MAX_PREFIX_EXPANSIONS) break;
        }
        if (opened.length <= MAX_PREFIX_EXPANSIONS) for (const t of opened) alternatives.add(t);
      }
      const proper =
        /^\p{Lu}/u.test(w.text) &&
        !QUESTION_WORDS.test(w.text) &&
        [...alternatives].some((t) => this.postings.has(t));
      groups.push({ term, alternatives: [...alternatives], proper });
    }
    return groups;
  }
}

/** Best score first; at equal scores, those matching an earlier query word, then in index order. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.order - b.order || a.fact - b.fact;
}

/** The share of the query's weight a fact covers, as scoreDoc computes it: cheap, so checked first. */
function coverageOf(doc: Doc, groups: QueryGroup[], weights: number[], total: number): number {
  let covered = 0;
  groups.forEach((g, k) => {
    if (g.alternatives.some((t) => doc.terms.has(t))) covered += weights[k]!;
  });
  return total > 0 ? covered / total : 0;
}

/** How well a fact answers the query words. */
function scoreDoc(doc: Doc, groups: QueryGroup[], weights: number[], total: number): Scored {
  let covered = 0;
  let score = 0;
  let order = Infinity;
  const matched = new Set<string>();
  const matchedGroups: number[] = [];
  groups.forEach((g, k) => {
    let best = 0;
    for (const t of g.alternatives) {
      const field = doc.terms.get(t);
      if (field === undefined) continue;
      if (order === Infinity) order = k;
      const value = field * (t === g.term ? 1 : 0.8);
      if (value > best) best = value;
      matched.add(t);
    }
    if (best > 0) {
      covered += weights[k]!;
      score += weights[k]! * best;
      matchedGroups.push(k);
    }
  });
  const coverage = total > 0 ? covered / total : 0;
  // A whole name that holds most of the query ("Shanghai University of Engineering and Technology").
  let nameCover = 0;
  // Of names that hold as much of the query, the one with fewer other words: "Joint Research Agreement on
  // Carbon Neutrality" before "Cooperation Agreement on the Joint ... Carbon Neutrality Research Center".
  for (const name of doc.names) {
    if (name.length === 0) continue;
    const inName = matchedGroups.filter((k) => groups[k]!.alternatives.some((t) => name.includes(t)));
    const precision = Math.min(1, inName.length / name.length);
    nameCover = Math.max(nameCover, (inName.length / groups.length) * (0.8 + 0.2 * precision));
  }
  return {
    fact: doc.fact,
    score: score * coverage * coverage * (1 + nameCover),
    coverage,
    terms: matched,
    order,
  };
}

/** A doc's terms, whole names and vocabulary words (with their terms), from its source and aliased names. */
function readDoc(
  source: DocSource,
  own: Pick<Doc, 'organizations' | 'people' | 'aliased' | 'leadAliased' | 'year'>,
  nameWords: NameWords,
): { terms: Map<string, number>; names: string[][]; words: Map<string, string> } {
  const terms = new Map<string, number>();
  const names: string[][] = [];
  const words = new Map<string, string>();
  const add = (word: string, term: string, weight: number) => {
    if ((terms.get(term) ?? 0) < weight) terms.set(term, weight);
    if (!words.has(word)) words.set(word, term);
  };
  const addName = (name: string, weight: number) => {
    const read = nameWords(name);
    for (const [word, term] of read.pairs) add(word, term, weight);
    names.push(read.terms);
  };
  const { fields } = source;
  for (const name of unique([...own.organizations, ...own.people, ...own.aliased]))
    addName(name, FIELD.names);
  for (const what of fields.what) addName(what, FIELD.what);
  const addWords = (list: string[], weight: number) => {
    for (const word of list) {
      const term = matchTerm(word);
      if (term !== null) add(word, term, weight);
    }
  };
  addWords(fields.text, FIELD.text);
  addWords(fields.context, FIELD.context);
  addWords(source.title, FIELD.title);
  addWords(source.lead, FIELD.lead);
  for (const name of own.leadAliased)
    for (const [word, term] of nameWords(name).pairs) add(word, term, FIELD.lead);
  if (own.year) terms.set(yearTerm(own.year), FIELD.names);
  return { terms, names, words };
}

/** A name's words (lowercase) with their terms, and its distinct terms in order. */
type NameWords = (name: string) => { pairs: [string, string][]; terms: string[] };

/** Reads names into words, each name once: names recur across facts. Kept for one update only. */
function nameReader(): NameWords {
  const read = new Map<string, ReturnType<NameWords>>();
  return (name) => {
    let found = read.get(name);
    if (!found) {
      const pairs: [string, string][] = [];
      for (const w of words(name)) {
        const term = matchTerm(w.text);
        if (term !== null) pairs.push([w.text.toLowerCase(), term]);
      }
      found = { pairs, terms: unique(pairs.map(([, term]) => term)) };
      read.set(name, found);
    }
    return found;
  };
}

/** The names the corpus gives a name: the long forms of an acronym, the acronyms of a long form. */
class AliasNames {
  /** Folded long form -> the acronyms the corpus defines for it. */
  private readonly shorts = new Map<string, string[]>();
  private readonly known = new Map<string, string[]>();

  constructor(private readonly table: AliasTable) {
    for (const alias of table.aliases) {
      const key = foldForMatch(alias.long);
      this.shorts.set(key, [...(this.shorts.get(key) ?? []), alias.short]);
    }
  }

  of(name: string): string[] {
    let names = this.known.get(name);
    if (!names) {
      names = [
        ...(isAcronym(name) ? this.table.longForms(name) : []),
        ...(this.shorts.get(foldForMatch(name)) ?? []),
      ];
      this.known.set(name, names);
    }
    return names;
  }

  /** The other names the corpus gives any of `names`. */
  names(names: string[]): string[] {
    return unique(names.flatMap((name) => this.of(name)));
  }

  /** The names a fact's organisations have elsewhere in the corpus, beyond those its article gives. */
  added(fields: Pick<FactWords, 'organizations' | 'people'>): string[] {
    const own = new Set([...fields.organizations, ...fields.people]);
    return unique(fields.organizations.flatMap((name) => this.of(name)).filter((n) => !own.has(n)));
  }
}

/** The dictionaries of a fact index in a snapshot. */
export interface StoredFactIndex {
  terms: string[];
  words: string[];
  wordTerms: Uint32Array;
}

/** A doc's numbers in a snapshot: its terms (ascending) and their weight codes, names, words. */
interface StoredDocNumbers {
  terms: Uint32Array;
  codes: Uint8Array;
  names: Uint32Array[];
  words: Uint32Array;
}

/** The docs of one kind in a snapshot, in file order: a row of strings each, and their numbers in columns. */
interface StoredDocs {
  /** [organizations, people, aliased, leadAliased, year] */
  rows: [string[], string[], string[], string[], string | null][];
  /** Per doc: the number of terms, of names, of words; then each name's length. */
  counts: Uint32Array;
  /** The docs' term numbers, then the names' term numbers, then the word numbers, one after the other. */
  numbers: Uint32Array;
  codes: Uint8Array;
}

/** A fact search in a snapshot: everything it derived, so that loading it reads nothing again. */
export interface StoredFactSearch {
  aliasKey: string;
  signings: StoredFactIndex;
  events: StoredFactIndex;
  /** The files in order, with their number of signings and events and their lead organisations. */
  files: [string, number, number, string[]][];
  signingDocs: StoredDocs;
  eventDocs: StoredDocs;
}

/** The fact indexes of an index, kept in line with its records and aliases by `update` (see relink). */
export class FactSearch {
  readonly signings = new FactIndex('signing');
  readonly events = new FactIndex('event');
  /** The facts of each file, and the record they were read from. */
  private readonly files = new Map<
    string,
    { record: ArticleRecord; leadNames: string[]; signings: Doc[]; events: Doc[] }
  >();
  private aliasKey = '';
  private aliases: AliasNames | null = null;

  /**
   * Brings the fact indexes in line with the records (in index order) and the corpus's aliases: the
   * facts of new and changed records come in, those of records gone leave, facts whose organisations
   * have other names elsewhere than before are re-indexed, and all are renumbered as index.facts is.
   * A new record's fact words are used here and then dropped from it (they are read again from its
   * article in the rare case an alias makes its facts be re-indexed).
   */
  update(records: ArticleRecord[], table: AliasTable): void {
    const key = aliasKeyOf(table);
    const realias = key !== this.aliasKey || !this.aliases;
    if (realias) {
      this.aliasKey = key;
      this.aliases = new AliasNames(table);
    }
    const aliases = this.aliases!;
    const names = nameReader();
    const present = new Set<string>();
    for (const record of records) {
      present.add(record.file);
      const entry = this.files.get(record.file);
      if (entry?.record === record) continue;
      if (entry) this.removeFile(record.file);
      const factWords = record.factWords ?? articleFactWords(record.article, record.facts);
      delete record.factWords;
      const leadNames = factWords.leadNames ?? [];
      const docs = (kind: 'signings' | 'events') =>
        factWords[kind].map((fields, i) => {
          const events = kind === 'events';
          const own = {
            organizations: fields.organizations,
            people: fields.people,
            leadNames: events ? leadNames : [],
            leadAliased: events ? aliases.names(leadNames) : [],
            year: factYear(record.facts[kind][i]?.date ?? null, record.article.published),
            aliased: aliases.added(fields),
          };
          const source = { fields, title: factWords.title, lead: events ? (factWords.lead ?? []) : [] };
          const doc = this[kind].makeDoc(source, own, names);
          this[kind].add(doc);
          return doc;
        });
      this.files.set(record.file, {
        record,
        leadNames,
        signings: docs('signings'),
        events: docs('events'),
      });
    }
    for (const file of this.files.keys()) if (!present.has(file)) this.removeFile(file);
    if (realias) this.realias(aliases, names);
    this.signings.flush();
    this.events.flush();
    this.renumber(records);
  }

  /** Numbers the facts as index.facts does: in record order, each record's in its order. */
  private renumber(records: ArticleRecord[]): void {
    let signing = 0;
    let event = 0;
    for (const record of records) {
      const entry = this.files.get(record.file)!;
      for (const doc of entry.signings) doc.fact = signing++;
      for (const doc of entry.events) doc.fact = event++;
    }
  }

  private removeFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    for (const doc of entry.signings) this.signings.remove(doc);
    for (const doc of entry.events) this.events.remove(doc);
    this.files.delete(file);
  }

  /** Re-indexes the facts whose organisations' names elsewhere in the corpus changed. */
  private realias(aliases: AliasNames, names: NameWords): void {
    for (const entry of this.files.values()) {
      let factWords: ArticleFactWords | null = null;
      for (const kind of ['signings', 'events'] as const) {
        const index = this[kind];
        entry[kind].forEach((doc, i) => {
          const added = aliases.added(doc);
          const lead = aliases.names(doc.leadNames);
          if (sameList(added, doc.aliased) && sameList(lead, doc.leadAliased)) return;
          factWords ??= articleFactWords(entry.record.article, entry.record.facts);
          index.remove(doc);
          const { organizations, people, leadNames, year } = doc;
          const own = { organizations, people, leadNames, year, aliased: added, leadAliased: lead };
          const events = kind === 'events';
          const source = {
            fields: factWords[kind][i]!,
            title: factWords.title,
            lead: events ? (factWords.lead ?? []) : [],
          };
          const fresh = index.makeDoc(source, own, names);
          entry[kind][i] = fresh;
          index.add(fresh);
        });
      }
    }
  }

  /** What the fact search derived, for a snapshot; `restore` takes it back. */
  store(): StoredFactSearch {
    const files: StoredFactSearch['files'] = [];
    const signingDocs: Doc[] = [];
    const eventDocs: Doc[] = [];
    for (const [file, entry] of this.files) {
      files.push([file, entry.signings.length, entry.events.length, entry.leadNames]);
      signingDocs.push(...entry.signings);
      eventDocs.push(...entry.events);
    }
    return {
      aliasKey: this.aliasKey,
      signings: this.signings.store(),
      events: this.events.store(),
      files,
      signingDocs: storeDocs(signingDocs),
      eventDocs: storeDocs(eventDocs),
    };
  }

  /**
   * Takes back what `store` gave, over the records it was made with (in index order) and their alias
   * table; false, and nothing kept, when they do not match.
   */
  restore(stored: StoredFactSearch, records: ArticleRecord[], table: AliasTable): boolean {
    const byFile = new Map(records.map((r) => [r.file, r]));
    if (stored.aliasKey !== aliasKeyOf(table) || stored.files.length !== records.length) return false;
    for (const [file, signings, events] of stored.files) {
      const record = byFile.get(file);
      if (!record || record.facts.signings.length !== signings || record.facts.events.length !== events)
        return false;
    }
    this.signings.restore(stored.signings);
    this.events.restore(stored.events);
    const signingDocs = restoreDocs(this.signings, stored.signingDocs);
    const eventDocs = restoreDocs(this.events, stored.eventDocs);
    let s = 0;
    let e = 0;
    for (const [file, signings, events, leadNames] of stored.files) {
      const entry = {
        record: byFile.get(file)!,
        leadNames,
        signings: signingDocs.slice(s, (s += signings)),
        events: eventDocs.slice(e, (e += events)),
      };
      for (const doc of entry.events) doc.leadNames = leadNames;
      for (const doc of entry.signings) this.signings.add(doc);
      for (const doc of entry.events) this.events.add(doc);
      this.files.set(file, entry);
    }
    this.aliasKey = stored.aliasKey;
    this.aliases = new AliasNames(table);
    this.renumber(records);
    return true;
  }
}

function aliasKeyOf(table: AliasTable): string {
  return table.aliases.map((a) => `${a.short}\u0000${a.long}`).join('\u0001');
}

function storeDocs(docs: Doc[]): StoredDocs {
  const counts: number[] = [];
  const numbers: number[] = [];
  const codes: number[] = [];
  const rows: StoredDocs['rows'] = [];
  for (const doc of docs) {
    rows.push([doc.organizations, doc.people, doc.aliased, doc.leadAliased, doc.year]);
    const nameIds = doc.names.map((name) => name.map((term) => doc.terms.idOf(term)));
    counts.push(doc.terms.ids.length, nameIds.length, doc.words.length, ...nameIds.map((n) => n.length));
    numbers.push(...doc.terms.ids, ...nameIds.flat(), ...doc.words);
    codes.push(...doc.terms.codes);
  }
  return {
    rows,
    counts: Uint32Array.from(counts),
    numbers: Uint32Array.from(numbers),
    codes: Uint8Array.from(codes),
  };
}

function restoreDocs(index: FactIndex, stored: StoredDocs): Doc[] {
  const { counts, numbers, codes } = stored;
  let c = 0;
  let n = 0;
  let k = 0;
  return stored.rows.map(([organizations, people, aliased, leadAliased, year]) => {
    const termCount = counts[c++]!;
    const nameCount = counts[c++]!;
    const wordCount = counts[c++]!;
    const terms = numbers.subarray(n, (n += termCount));
    const names: Uint32Array[] = [];
    for (let i = 0; i < nameCount; i++) names.push(numbers.subarray(n, (n += counts[c++]!)));
    const words = numbers.subarray(n, (n += wordCount));
    const docCodes = codes.subarray(k, (k += termCount));
    const own = { organizations, people, aliased, leadAliased, year, leadNames: [] };
    return index.restoreDoc(own, { terms, codes: docCodes, names, words });
  });
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A fact's year: of its date when that has one, else of its article's publication date. */
export function factYear(date: string | null, published: string | null | undefined): string | null {
  return /^\d{4}/.exec(date ?? '')?.[0] ?? /^\d{4}/.exec(published ?? '')?.[0] ?? null;
}

/** The fullest name of an acronym party across the corpus: "USST" -> "University of Shanghai for ...". */
export function displayParty(index: { aliases: AliasTable }, party: string): string {
  if (!isAcronym(party)) return party;
  const longs = [...new Set(index.aliases.longForms(party))];
  return longs.length === 1 ? longs[0]! : party;
}
