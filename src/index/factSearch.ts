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
 *
 * Kept compactly: the facts in columns of numbers (doc d is fact d; a snapshot's arrays are taken as
 * they are), each term's facts in one typed array, and a query's sums in arrays reused from query to
 * query. At 10,000 generated articles (28,618 facts) it holds 29 MiB (heap 11.5, array buffers 17.7),
 * where a Doc object per fact, a Doc array per term and name lists of strings held 66.5 (heap 56.8).
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

/** Query words whose typo matches a fact index keeps (see FactIndex.typosOf). */
const MAX_TYPO_WORDS = 10_000;

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
/** A fact's own strings: what it was indexed by that the rest of the corpus may rename. */
interface Own {
  /** Its organisations by every name its article gives them, and the people who signed. */
  organizations: string[];
  people: string[];
  /** The names of its organisations that other articles define (acronyms, long forms). */
  aliased: string[];
  /** The names elsewhere in the corpus of the organisations its article's first paragraph names (events). */
  leadAliased: string[];
  /** Its year: of its date, else of its article's publication; null when neither says. */
  year: string | null;
}

/**
 * A fact read for indexing, before it takes its place in its index's columns (FactIndex.rebuild): its
 * terms (ascending numbers) with their weight codes, its single names (party, alias, agreement, signer,
 * event) as term numbers for whole-name matches, and its words in the index's vocabulary.
 */
interface NewDoc {
  terms: Uint32Array;
  codes: Uint8Array;
  names: Uint32Array[];
  words: Uint32Array;
  own: Own;
}

/** A fact of a file: its place in its index's columns, or a fact read since the last rebuild. */
type DocRef = number | NewDoc;

/** What a doc is read from: its fact's words, and those its article gives all its facts. */
interface DocSource {
  fields: FactWords;
  title: string[];
  lead: string[];
}

/** The field weights a term can have, by code: a doc keeps each term's code, one byte. */
const WEIGHTS: readonly number[] = [...new Set(Object.values(FIELD))];
const WEIGHT_OF = Float64Array.from(WEIGHTS);

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
 * The docs of an index in columns, doc d being fact d of its kind (index.facts' numbering). `numbers`
 * holds each doc's term numbers (ascending), then its names' term numbers, then its word numbers, as a
 * snapshot stores them (so a snapshot's array is taken as it is); `codes` the weight code of each term.
 */
interface Columns {
  count: number;
  numbers: Uint32Array;
  codes: Uint8Array;
  /** Where doc d's terms start in `numbers` (d = count: the end); its words end where the next starts. */
  termAt: Uint32Array;
  /** Where doc d's codes start in `codes` (d = count: the end): it has codeAt[d + 1] - codeAt[d] terms. */
  codeAt: Uint32Array;
  /** Where its words start in `numbers`. */
  wordAt: Uint32Array;
  /** Its names are nameOf[d] to nameOf[d + 1]; name j is numbers[nameAt[j]] to numbers[nameAt[j] + nameLength[j]]. */
  nameOf: Uint32Array;
  nameAt: Uint32Array;
  nameLength: Uint32Array;
  /** Its own strings, as numbers in `labels`: four counts (organisations, people, aliased, lead aliased), then the numbers. */
  ownAt: Uint32Array;
  own: Uint32Array;
  /** Its year (0: none). */
  year: Uint16Array;
}

function emptyColumns(): Columns {
  const none = new Uint32Array(1);
  return {
    count: 0,
    numbers: new Uint32Array(0),
    codes: new Uint8Array(0),
    termAt: none,
    codeAt: none,
    wordAt: none,
    nameOf: none,
    nameAt: none,
    nameLength: none,
    ownAt: none,
    own: new Uint32Array(0),
    year: new Uint16Array(0),
  };
}

/** A growable array of 32-bit numbers, for building columns. */
class Numbers {
  array: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.array = new Uint32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.array.length) this.grow(this.length + 1);
    this.array[this.length++] = value;
  }

  append(values: ArrayLike<number>): void {
    if (this.length + values.length > this.array.length) this.grow(this.length + values.length);
    this.array.set(values, this.length);
    this.length += values.length;
  }

  private grow(needed: number): void {
    const next = new Uint32Array(Math.max(needed, this.array.length * 2));
    next.set(this.array.subarray(0, this.length));
    this.array = next;
  }

  /** The numbers, in an array of their own length. */
  done(): Uint32Array {
    return this.array.length === this.length ? this.array : this.array.slice(0, this.length);
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
  /** The alternatives' term numbers (-1: a term no fact has), and whether each is the word's own term. */
  ids: number[];
  exact: boolean[];
  /** A year ("2013"): matched by the fact's year only. */
  year?: boolean;
  /** Written like a proper noun ("Robotics", "LU"), and a word some fact has: a hit must have it. */
  proper?: boolean;
}

/** Groups a query may have: one bit each in a doc's mask of matched groups (MAX_QUERY_WORDS is less). */
const MAX_GROUPS = 31;

/**
 * What a query adds up per doc, in arrays of one slot per doc kept from one query to the next: a slot
 * holds this query's values only when its stamp is the query's (no clearing of large arrays per query).
 */
class Scratch {
  readonly covered: Float64Array;
  readonly score: Float64Array;
  readonly best: Float64Array;
  readonly mask: Uint32Array;
  /** The stamp of the query (seen), of the query word (group), of the candidate set (picked). */
  readonly seen: Uint32Array;
  readonly group: Uint32Array;
  readonly picked: Uint32Array;
  readonly touched: Uint32Array;
  readonly candidates = new Uint32Array(MAX_CANDIDATES);
  private stamp = 0;

  constructor(readonly size: number) {
    this.covered = new Float64Array(size);
    this.score = new Float64Array(size);
    this.best = new Float64Array(size);
    this.mask = new Uint32Array(size);
    this.seen = new Uint32Array(size);
    this.group = new Uint32Array(size);
    this.picked = new Uint32Array(size);
    this.touched = new Uint32Array(size);
  }

  /** A stamp no slot has yet. */
  next(): number {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      this.seen.fill(0);
      this.group.fill(0);
      this.picked.fill(0);
    }
    return ++this.stamp;
  }
}

export class FactIndex {
  private columns: Columns = emptyColumns();
  /** The docs of each term, ascending, with the term's weight code in each: term t's are postAt[t] to postAt[t + 1]. */
  private postAt = new Uint32Array(1);
  private postDocs = new Uint32Array(0);
  private postCodes = new Uint8Array(0);
  /** Word in lowercase, as written -> its term: for typo and prefix matches. */
  private readonly vocabulary = new SearchableMap<string>();
  /** The terms and the vocabulary words of the docs, numbered; the docs' own strings. */
  readonly terms = new Dictionary();
  readonly words = new Dictionary();
  private readonly labels = new Dictionary();
  /** The term of each word, by number. */
  private readonly wordTerms: number[] = [];
  /** In how many facts each word of the vocabulary is, by number. */
  private wordCounts = new Uint32Array(0);
  private scratch: Scratch | null = null;
  /**
   * The vocabulary's words within a typo of a query word, by word: a query's names and common words
   * recur from one question to the next, and matching one word costs ~0.1 ms. Emptied when the
   * vocabulary changes, and when it holds MAX_TYPO_WORDS words.
   */
  private readonly typos = new Map<string, string[]>();

  constructor(readonly kind: FactKind) {}

  /** How many facts it holds. */
  get size(): number {
    return this.columns.count;
  }

  /** A doc read from its source, with its terms and words numbered in this index. */
  makeDoc(source: DocSource, own: Own, names: NameWords): NewDoc {
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
      terms: Uint32Array.from(order, (i) => ids[i]!),
      codes: Uint8Array.from(order, (i) => WEIGHTS.indexOf(weights[i]!)),
      names: read.names.map((name) => Uint32Array.from(name, (term) => this.terms.id(term))),
      words,
      own,
    };
  }

  /** The own strings of a doc. */
  ownOf(ref: DocRef): Own {
    if (typeof ref !== 'number') return ref.own;
    const { ownAt, own, year } = this.columns;
    let at = ownAt[ref]!;
    const counts = [own[at]!, own[at + 1]!, own[at + 2]!, own[at + 3]!];
    at += 4;
    const [organizations, people, aliased, leadAliased] = counts.map((n) => {
      const list: string[] = [];
      for (let i = 0; i < n; i++) list.push(this.labels.strings[own[at++]!]!);
      return list;
    }) as [string[], string[], string[], string[]];
    const y = year[ref]!;
    return { organizations, people, aliased, leadAliased, year: y === 0 ? null : String(y) };
  }

  /**
   * Puts the docs in columns in the order given (doc d becomes fact d), the docs of the columns taken as
   * they are, then derives the term lists and the vocabulary from them: once per update.
   */
  rebuild(refs: DocRef[]): void {
    const old = this.columns;
    const numbers = new Numbers(old.numbers.length + 1024);
    const codes = new Numbers(old.codes.length + 1024);
    const own = new Numbers(old.own.length + 1024);
    const nameAt = new Numbers(old.nameAt.length + 64);
    const nameLength = new Numbers(old.nameLength.length + 64);
    const n = refs.length;
    const columns = {
      termAt: new Uint32Array(n + 1),
      codeAt: new Uint32Array(n + 1),
      wordAt: new Uint32Array(n + 1),
      nameOf: new Uint32Array(n + 1),
      ownAt: new Uint32Array(n + 1),
      year: new Uint16Array(n),
    };
    refs.forEach((ref, d) => {
      columns.termAt[d] = numbers.length;
      columns.codeAt[d] = codes.length;
      columns.nameOf[d] = nameAt.length;
      columns.ownAt[d] = own.length;
      if (typeof ref === 'number') {
        const termStart = old.termAt[ref]!;
        const codeStart = old.codeAt[ref]!;
        codes.append(old.codes.subarray(codeStart, old.codeAt[ref + 1]));
        for (let j = old.nameOf[ref]!; j < old.nameOf[ref + 1]!; j++) {
          nameAt.push(numbers.length + old.nameAt[j]! - termStart);
          nameLength.push(old.nameLength[j]!);
        }
        columns.wordAt[d] = numbers.length + old.wordAt[ref]! - termStart;
        numbers.append(old.numbers.subarray(termStart, old.termAt[ref + 1]));
        own.append(old.own.subarray(old.ownAt[ref], old.ownAt[ref + 1]));
        columns.year[d] = old.year[ref]!;
      } else {
        numbers.append(ref.terms);
        codes.append(ref.codes);
        for (const name of ref.names) {
          nameAt.push(numbers.length);
          nameLength.push(name.length);
          numbers.append(name);
        }
        columns.wordAt[d] = numbers.length;
        numbers.append(ref.words);
        const o = ref.own;
        const lists = [o.organizations, o.people, o.aliased, o.leadAliased];
        for (const list of lists) own.push(list.length);
        for (const list of lists) for (const s of list) own.push(this.labels.id(s));
        columns.year[d] = o.year ? Number(o.year) : 0;
      }
    });
    columns.termAt[n] = numbers.length;
    columns.codeAt[n] = codes.length;
    columns.wordAt[n] = numbers.length;
    columns.nameOf[n] = nameAt.length;
    columns.ownAt[n] = own.length;
    this.columns = {
      count: n,
      numbers: numbers.done(),
      codes: Uint8Array.from(codes.done()),
      nameAt: nameAt.done(),
      nameLength: nameLength.done(),
      own: own.done(),
      ...columns,
    };
    this.derive();
  }

  /** The term lists, the vocabulary's counts and the scratch arrays, from the columns. */
  private derive(): void {
    const { count, numbers, codes, termAt, codeAt, wordAt } = this.columns;
    const terms = this.terms.strings.length;
    const postAt = new Uint32Array(terms + 1);
    for (let d = 0; d < count; d++)
      for (let i = termAt[d]!, end = termAt[d]! + codeAt[d + 1]! - codeAt[d]!; i < end; i++)
        postAt[numbers[i]! + 1]!++;
    for (let t = 0; t < terms; t++) postAt[t + 1]! += postAt[t]!;
    const fill = postAt.slice(0, terms);
    const postDocs = new Uint32Array(postAt[terms]!);
    const postCodes = new Uint8Array(postAt[terms]!);
    for (let d = 0; d < count; d++) {
      const start = termAt[d]!;
      for (let i = 0, c = codeAt[d]!, end = codeAt[d + 1]! - c; i < end; i++) {
        const at = fill[numbers[start + i]!]!++;
        postDocs[at] = d;
        postCodes[at] = codes[c + i]!;
      }
    }
    this.postAt = postAt;
    this.postDocs = postDocs;
    this.postCodes = postCodes;
    // The vocabulary: the words some doc has, with their terms.
    const counts = new Uint32Array(this.words.strings.length);
    for (let d = 0; d < count; d++) for (let i = wordAt[d]!; i < termAt[d + 1]!; i++) counts[numbers[i]!]!++;
    const before = this.wordCounts;
    counts.forEach((n, id) => {
      const had = (before[id] ?? 0) > 0;
      if (n > 0 && !had)
        this.vocabulary.set(this.words.strings[id]!, this.terms.strings[this.wordTerms[id]!]!);
      else if (n === 0 && had) this.vocabulary.delete(this.words.strings[id]!);
    });
    this.wordCounts = counts;
    this.typos.clear();
    if (!this.scratch || this.scratch.size < count) this.scratch = count > 0 ? new Scratch(count) : null;
  }

  /** In how many facts a term is (-1: no fact's). */
  private frequency(id: number): number {
    return id < 0 ? 0 : this.postAt[id + 1]! - this.postAt[id]!;
  }

  /** The dictionaries, for a snapshot (see FactSearch.store). */
  store(): StoredFactIndex {
    return {
      terms: this.terms.strings,
      words: this.words.strings,
      wordTerms: Uint32Array.from(this.wordTerms),
    };
  }

  /** The docs in a snapshot's form. */
  storeDocs(): StoredDocs {
    const c = this.columns;
    const rows: StoredDocs['rows'] = [];
    const counts = new Numbers(c.count * 4 + c.nameAt.length);
    for (let d = 0; d < c.count; d++) {
      const own = this.ownOf(d);
      rows.push([own.organizations, own.people, own.aliased, own.leadAliased, own.year]);
      counts.push(c.codeAt[d + 1]! - c.codeAt[d]!);
      counts.push(c.nameOf[d + 1]! - c.nameOf[d]!);
      counts.push(c.termAt[d + 1]! - c.wordAt[d]!);
      for (let j = c.nameOf[d]!; j < c.nameOf[d + 1]!; j++) counts.push(c.nameLength[j]!);
    }
    return { rows, counts: counts.done(), numbers: c.numbers, codes: c.codes };
  }

  /**
   * Takes the dictionaries and docs of a snapshot, its arrays as they are (doc d is fact d): false, and
   * nothing kept, when it does not hold `count` docs.
   */
  restore(stored: StoredFactIndex, docs: StoredDocs, count: number): boolean {
    if (docs.rows.length !== count) return false;
    const { counts, numbers, codes } = docs;
    const termAt = new Uint32Array(count + 1);
    const codeAt = new Uint32Array(count + 1);
    const wordAt = new Uint32Array(count + 1);
    const nameOf = new Uint32Array(count + 1);
    const ownAt = new Uint32Array(count + 1);
    const year = new Uint16Array(count);
    const nameAt = new Numbers(count * 4);
    const nameLength = new Numbers(count * 4);
    const own = new Numbers(count * 8);
    let c = 0;
    let n = 0;
    let k = 0;
    for (let d = 0; d < count; d++) {
      const termCount = counts[c++]!;
      const nameCount = counts[c++]!;
      const wordCount = counts[c++]!;
      termAt[d] = n;
      codeAt[d] = k;
      nameOf[d] = nameAt.length;
      n += termCount;
      k += termCount;
      for (let i = 0; i < nameCount; i++) {
        const length = counts[c++]!;
        nameAt.push(n);
        nameLength.push(length);
        n += length;
      }
      wordAt[d] = n;
      n += wordCount;
      const [organizations, people, aliased, leadAliased, y] = docs.rows[d]!;
      ownAt[d] = own.length;
      const lists = [organizations, people, aliased, leadAliased];
      for (const list of lists) own.push(list.length);
      for (const list of lists) for (const s of list) own.push(this.labels.id(s));
      year[d] = y ? Number(y) : 0;
    }
    if (c !== counts.length || n !== numbers.length || k !== codes.length) return false;
    termAt[count] = n;
    codeAt[count] = k;
    wordAt[count] = n;
    nameOf[count] = nameAt.length;
    ownAt[count] = own.length;
    for (const term of stored.terms) this.terms.id(term);
    for (const word of stored.words) this.words.id(word);
    stored.wordTerms.forEach((term, id) => (this.wordTerms[id] = term));
    this.columns = {
      count,
      numbers,
      codes,
      termAt,
      codeAt,
      wordAt,
      nameOf,
      nameAt: nameAt.done(),
      nameLength: nameLength.done(),
      ownAt,
      own: own.done(),
      year,
    };
    this.derive();
    return true;
  }

  /** Where doc d has term `id` among its terms, or -1. */
  private termIndex(d: number, id: number): number {
    const { numbers, termAt, codeAt } = this.columns;
    let low = termAt[d]!;
    let high = low + codeAt[d + 1]! - codeAt[d]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = numbers[mid]!;
      if (value === id) return mid;
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** The field weight doc d has term `id` in (0: none). */
  private weightOf(d: number, id: number): number {
    const at = this.termIndex(d, id);
    if (at < 0) return 0;
    const { termAt, codeAt, codes } = this.columns;
    return WEIGHTS[codes[codeAt[d]! + at - termAt[d]!]!]!;
  }

  /**
   * The facts that answer `query` (coverage at least MIN_COVERAGE), best first; when none does, the
   * nearest misses (else none: they are only ever shown in place of answers), unless the budget is spent.
   *
   * The query words' weights are added up per fact word at a time, over the words' fact lists (typed
   * arrays), into arrays kept from one query to the next: no fact is looked up term by term.
   */
  search(query: string, budget: Budget = new Budget()): { hits: FactHit[]; near: FactHit[] } {
    const groups = this.queryGroups(boundedQuery(query, matchTerm));
    const scratch = this.scratch;
    if (groups.length === 0 || this.size === 0 || !scratch) return { hits: [], near: [] };
    const generic = GENERIC[this.kind];
    const weights = groups.map((g) => {
      const df = Math.max(...g.ids.map((id) => this.frequency(id)), 0);
      const idf = Math.log(1 + this.size / (1 + df));
      return idf * (generic.has(g.term) ? 0.25 : 1);
    });
    const distinctive = groups.map((g, k) => weights[k]! > 0 && !generic.has(g.term) && !g.year);
    const total = weights.reduce((a, b) => a + b, 0);
    const query0 = this.accumulate(groups, weights, scratch);
    // A fact of another year than the query says counts less (it already misses the year's weight).
    const yearGroup = groups.find((g) => g.year);
    const year = yearGroup ? Number(yearGroup.term.slice(1)) : 0;
    const { covered } = scratch;
    const score = (d: number) => {
      const hit = this.scoreDoc(d, groups, total, scratch);
      const own = this.columns.year[d]!;
      if (year && own && own !== year) hit.score *= YEAR_MISMATCH;
      return hit;
    };
    let distinctiveMask = 0;
    let properMask = 0;
    groups.forEach((g, k) => {
      if (distinctive[k]) distinctiveMask |= 1 << k;
      if (g.proper && !generic.has(g.term)) properMask |= 1 << k;
    });
    const isHit = (d: number, h: Scored) =>
      h.coverage >= MIN_COVERAGE &&
      (scratch.mask[d]! & distinctiveMask) !== 0 &&
      (h.coverage >= MIN_COVERAGE_MISSING_NAME || (scratch.mask[d]! & properMask) === properMask);

    // The rarest words' facts first, at most MAX_CANDIDATES of them: a query of words nearly every fact
    // has ("university") is answered from the first of its thousands of facts.
    const picked = scratch.next();
    const candidates = scratch.candidates;
    let found = 0;
    collect: for (const k of this.retrievalGroups(groups, weights, distinctive, total))
      for (const id of groups[k]!.ids) {
        if (id < 0) continue;
        for (let p = this.postAt[id]!, end = this.postAt[id + 1]!; p < end; p++) {
          const d = this.postDocs[p]!;
          if (scratch.picked[d] === picked) continue;
          if (found >= MAX_CANDIDATES) break collect;
          scratch.picked[d] = picked;
          candidates[found++] = d;
        }
      }
    const hits: Scored[] = [];
    // The kind of agreement the query names ("memorandum of understanding", "contract") weighs
    // little to find facts, but tells apart those of the same parties: a fact that states it goes first.
    const kindWords = groups.filter((g) => KIND_WORDS.has(g.term));
    for (let i = 0; i < found; i++) {
      const d = candidates[i]!;
      const coverage = scratch.seen[d] === query0 && total > 0 ? covered[d]! / total : 0;
      if (coverage < MIN_COVERAGE) continue;
      const hit = score(d);
      if (!isHit(d, hit)) continue;
      if (kindWords.length > 0) {
        const named = kindWords.filter((g) =>
          g.ids.some((id) => id >= 0 && this.weightOf(d, id) >= FIELD.text),
        );
        hit.score *= 1 + KIND_BONUS * (named.length / kindWords.length);
      }
      hits.push(hit);
    }
    hits.sort(byScore);
    return {
      hits,
      near: hits.length > 0 ? [] : this.nearMisses(groups, weights, total, score, scratch, query0, budget),
    };
  }

  /**
   * Adds up, for each fact that has any of the query's words, the weight of the words it has (covered),
   * their weight times their best field (score), and which words (mask): the query's words in order, so
   * that the sums are those of a fact scored word by word. Returns the query's stamp.
   */
  private accumulate(groups: QueryGroup[], weights: number[], scratch: Scratch): number {
    const query = scratch.next();
    const { covered, score, best, mask, seen, group, touched } = scratch;
    const { postAt, postDocs, postCodes } = this;
    groups.forEach((g, k) => {
      const stamp = scratch.next();
      let count = 0;
      g.ids.forEach((id, a) => {
        if (id < 0) return;
        const factor = g.exact[a] ? 1 : 0.8;
        for (let p = postAt[id]!, end = postAt[id + 1]!; p < end; p++) {
          const d = postDocs[p]!;
          const value = WEIGHT_OF[postCodes[p]!]! * factor;
          if (group[d] !== stamp) {
            group[d] = stamp;
            best[d] = value;
            touched[count++] = d;
          } else if (value > best[d]!) best[d] = value;
        }
      });
      const w = weights[k]!;
      const bit = 1 << k;
      for (let i = 0; i < count; i++) {
        const d = touched[i]!;
        if (seen[d] !== query) {
          seen[d] = query;
          covered[d] = 0;
          score[d] = 0;
          mask[d] = 0;
        }
        covered[d]! += w;
        score[d]! += w * best[d]!;
        mask[d]! |= bit;
      }
    });
    return query;
  }

  /** How well fact d answers the query words, from what `accumulate` added up. */
  private scoreDoc(d: number, groups: QueryGroup[], total: number, scratch: Scratch): Scored {
    const m = scratch.mask[d]!;
    const coverage = total > 0 ? scratch.covered[d]! / total : 0;
    const matched = new Set<string>();
    groups.forEach((g, k) => {
      if (m & (1 << k))
        g.ids.forEach((id, a) => {
          if (id >= 0 && this.termIndex(d, id) >= 0) matched.add(g.alternatives[a]!);
        });
    });
    // A whole name that holds most of the query ("Shanghai University of Engineering and Technology").
    let nameCover = 0;
    // Of names that hold as much of the query, the one with fewer other words: "Joint Research Agreement on
    // Carbon Neutrality" before "Cooperation Agreement on the Joint ... Carbon Neutrality Research Center".
    const { numbers, nameOf, nameAt, nameLength } = this.columns;
    for (let j = nameOf[d]!; j < nameOf[d + 1]!; j++) {
      const length = nameLength[j]!;
      if (length === 0) continue;
      const start = nameAt[j]!;
      let inName = 0;
      groups.forEach((g, k) => {
        if (!(m & (1 << k))) return;
        for (const id of g.ids) {
          if (id < 0) continue;
          let has = false;
          for (let i = start; i < start + length; i++)
            if (numbers[i] === id) {
              has = true;
              break;
            }
          if (has) {
            inName++;
            return;
          }
        }
      });
      const precision = Math.min(1, inName / length);
      nameCover = Math.max(nameCover, (inName / groups.length) * (0.8 + 0.2 * precision));
    }
    return {
      fact: d,
      score: scratch.score[d]! * coverage * coverage * (1 + nameCover),
      coverage,
      terms: matched,
      order: m === 0 ? Infinity : 31 - Math.clz32(m & -m),
    };
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
    score: (d: number) => Scored,
    scratch: Scratch,
    query: number,
    budget: Budget,
  ): FactHit[] {
    const bound = (covered: number) => 2 * FIELD.names * covered * (covered / total) ** 2 * (1 + 1e-9);
    const seen = scratch.next();
    let count = 0;
    const scored: Scored[] = [];
    const best = [-Infinity, -Infinity, -Infinity];
    let rest = total;
    words: for (const k of this.byCost(groups)) {
      if (bound(rest) < best[2]! || budget.spent) break;
      rest -= weights[k]!;
      for (const id of groups[k]!.ids) {
        if (id < 0) continue;
        for (let p = this.postAt[id]!, end = this.postAt[id + 1]!; p < end; p++) {
          const d = this.postDocs[p]!;
          if (scratch.picked[d] === seen) continue;
          if (count >= MAX_CANDIDATES || (count % 256 === 255 && budget.spent)) break words;
          scratch.picked[d] = seen;
          count++;
          const coverage = scratch.seen[d] === query && total > 0 ? scratch.covered[d]! / total : 0;
          if (bound(coverage * total) < best[2]!) continue;
          const hit = score(d);
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
    const cost = groups.map((g) => g.ids.reduce((sum, id) => sum + this.frequency(id), 0));
    return groups.map((_, k) => k).sort((a, b) => cost[a]! - cost[b]!);
  }

  /** The terms of the vocabulary's words within one edit of `folded` (two from 8 letters). */
  private typosOf(folded: string): string[] {
    let found = this.typos.get(folded);
    if (!found) {
      const max = folded.length >= 8 ? 2 : 1;
      found = [...this.vocabulary.fuzzyGet(folded, max).values()].map(([term]) => term);
      if (this.typos.size >= MAX_TYPO_WORDS) this.typos.clear();
      this.typos.set(folded, found);
    }
    return found;
  }

  /**
   * Each query word with the fact terms it may match: itself, a typo of it, a word it begins. Within
   * bounds (answers/bounds.ts): typos for the first MAX_FUZZY_WORDS words that may have them, a prefix
   * only when it opens at most MAX_PREFIX_EXPANSIONS words.
   */
  private queryGroups(query: string): QueryGroup[] {
    const groups: QueryGroup[] = [];
    let fuzzyWords = 0;
    const known = (term: string) => this.frequency(this.terms.ids.get(term) ?? -1) > 0;
    const group = (term: string, alternatives: string[], extra: Partial<QueryGroup>): QueryGroup => ({
      term,
      alternatives,
      ids: alternatives.map((t) => this.terms.ids.get(t) ?? -1),
      exact: alternatives.map((t) => t === term),
      ...extra,
    });
    for (const w of words(query)) {
      if (groups.length >= MAX_GROUPS) break;
      const year = YEAR.exec(w.text);
      if (year) {
        const term = yearTerm(year[1]!);
        if (!groups.some((g) => g.term === term)) groups.push(group(term, [term], { year: true }));
        continue;
      }
      const term = matchTerm(w.text);
      if (term === null || groups.some((g) => g.term === term)) continue;
      const alternatives = new Set<string>([term]);
      const folded = w.text.toLowerCase();
      const isKnown = known(term);
      const bounded = folded.length <= MAX_WORD_LENGTH;
      if (bounded && folded.length >= 5 && (!isKnown || folded.length >= 8) && fuzzyWords < MAX_FUZZY_WORDS) {
        fuzzyWords++;
        for (const t of this.typosOf(folded)) alternatives.add(t);
      }
      if (bounded && folded.length >= 4 && !isKnown) {
        const opened: string[] = [];
        for (const t of this.vocabulary.atPrefix(folded).values()) {
          opened.push(t);
          if (opened.length > MAX_PREFIX_EXPANSIONS) break;
        }
        if (opened.length <= MAX_PREFIX_EXPANSIONS) for (const t of opened) alternatives.add(t);
      }
      const proper = /^\p{Lu}/u.test(w.text) && !QUESTION_WORDS.test(w.text) && [...alternatives].some(known);
      groups.push(group(term, [...alternatives], { proper }));
    }
    return groups;
  }
}

/** Best score first; at equal scores, those matching an earlier query word, then in index order. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.order - b.order || a.fact - b.fact;
}

/** A doc's terms, whole names and vocabulary words (with their terms), from its source and aliased names. */
function readDoc(
  source: DocSource,
  own: Own,
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

/** The docs of one kind in a snapshot, in fact order: a row of strings each, and their numbers in columns. */
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
  /** The files in index order, with their number of signings and events and their lead organisations. */
  files: [string, number, number, string[]][];
  signingDocs: StoredDocs;
  eventDocs: StoredDocs;
}

/** The facts of a file, and the record they were read from. */
interface FileEntry {
  record: ArticleRecord;
  leadNames: string[];
  signings: DocRef[];
  events: DocRef[];
}

/** The fact indexes of an index, kept in line with its records and aliases by `update` (see relink). */
export class FactSearch {
  readonly signings = new FactIndex('signing');
  readonly events = new FactIndex('event');
  /** The facts of each file, and the record they were read from. */
  private readonly files = new Map<string, FileEntry>();
  /** The files in index order, as the facts are numbered. */
  private order: string[] = [];
  private aliasKey = '';
  private aliases: AliasNames | null = null;

  /**
   * Brings the fact indexes in line with the records (in index order) and the corpus's aliases: the
   * facts of new and changed records come in, those of records gone leave, facts whose organisations
   * have other names elsewhere than before are re-indexed, and all are numbered as index.facts is.
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
    let changed = records.length !== this.order.length || records.some((r, i) => r.file !== this.order[i]);
    for (const record of records) {
      present.add(record.file);
      const entry = this.files.get(record.file);
      if (entry?.record === record) continue;
      changed = true;
      const factWords = record.factWords ?? articleFactWords(record.article, record.facts);
      delete record.factWords;
      const leadNames = factWords.leadNames ?? [];
      const docs = (kind: 'signings' | 'events') =>
        factWords[kind].map((fields, i) => {
          const events = kind === 'events';
          const own = {
            organizations: fields.organizations,
            people: fields.people,
            leadAliased: events ? aliases.names(leadNames) : [],
            year: factYear(record.facts[kind][i]?.date ?? null, record.article.published),
            aliased: aliases.added(fields),
          };
          const source = { fields, title: factWords.title, lead: events ? (factWords.lead ?? []) : [] };
          return this[kind].makeDoc(source, own, names);
        });
      this.files.set(record.file, { record, leadNames, signings: docs('signings'), events: docs('events') });
    }
    for (const file of this.files.keys()) if (!present.has(file)) this.files.delete(file);
    if (realias && this.realias(aliases, names)) changed = true;
    if (changed) this.rebuild(records);
  }

  /** Puts the facts in columns in record order, each record's in its order: as index.facts numbers them. */
  private rebuild(records: ArticleRecord[]): void {
    this.order = records.map((r) => r.file);
    for (const kind of ['signings', 'events'] as const) {
      const refs: DocRef[] = [];
      for (const file of this.order) refs.push(...this.files.get(file)![kind]);
      this[kind].rebuild(refs);
      let d = 0;
      for (const file of this.order) {
        const entry = this.files.get(file)!;
        entry[kind] = entry[kind].map(() => d++);
      }
    }
  }

  /** Re-indexes the facts whose organisations' names elsewhere in the corpus changed: whether any did. */
  private realias(aliases: AliasNames, names: NameWords): boolean {
    let changed = false;
    for (const entry of this.files.values()) {
      let factWords: ArticleFactWords | null = null;
      for (const kind of ['signings', 'events'] as const) {
        const index = this[kind];
        const events = kind === 'events';
        entry[kind] = entry[kind].map((ref, i) => {
          const own = index.ownOf(ref);
          const added = aliases.added(own);
          const lead = events ? aliases.names(entry.leadNames) : [];
          if (sameList(added, own.aliased) && sameList(lead, own.leadAliased)) return ref;
          changed = true;
          factWords ??= articleFactWords(entry.record.article, entry.record.facts);
          const fresh = { ...own, aliased: added, leadAliased: lead };
          const source = {
            fields: factWords[kind][i]!,
            title: factWords.title,
            lead: events ? (factWords.lead ?? []) : [],
          };
          return index.makeDoc(source, fresh, names);
        });
      }
    }
    return changed;
  }

  /** What the fact search derived, for a snapshot; `restore` takes it back. */
  store(): StoredFactSearch {
    const files: StoredFactSearch['files'] = this.order.map((file) => {
      const entry = this.files.get(file)!;
      return [file, entry.signings.length, entry.events.length, entry.leadNames];
    });
    return {
      aliasKey: this.aliasKey,
      signings: this.signings.store(),
      events: this.events.store(),
      files,
      signingDocs: this.signings.storeDocs(),
      eventDocs: this.events.storeDocs(),
    };
  }

  /**
   * Takes back what `store` gave, over the records it was made with (in index order) and their alias
   * table; false, and nothing kept, when they do not match.
   */
  restore(stored: StoredFactSearch, records: ArticleRecord[], table: AliasTable): boolean {
    if (stored.aliasKey !== aliasKeyOf(table) || stored.files.length !== records.length) return false;
    let signingCount = 0;
    let eventCount = 0;
    for (const [i, [file, signings, events]] of stored.files.entries()) {
      const record = records[i]!;
      if (
        record.file !== file ||
        record.facts.signings.length !== signings ||
        record.facts.events.length !== events
      )
        return false;
      signingCount += signings;
      eventCount += events;
    }
    if (
      stored.signingDocs.rows.length !== signingCount ||
      stored.eventDocs.rows.length !== eventCount ||
      !this.signings.restore(stored.signings, stored.signingDocs, signingCount) ||
      !this.events.restore(stored.events, stored.eventDocs, eventCount)
    )
      return false;
    let s = 0;
    let e = 0;
    // Keyed by the records' file names, not the snapshot's copies of them.
    stored.files.forEach(([, signings, events, leadNames], i) => {
      const entry: FileEntry = {
        record: records[i]!,
        leadNames,
        signings: Array.from({ length: signings }, () => s++),
        events: Array.from({ length: events }, () => e++),
      };
      this.files.set(records[i]!.file, entry);
    });
    this.order = records.map((r) => r.file);
    this.aliasKey = stored.aliasKey;
    this.aliases = new AliasNames(table);
    return true;
  }
}

function aliasKeyOf(table: AliasTable): string {
  return table.aliases.map((a) => `${a.short}\u0000${a.long}`).join('\u0001');
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
