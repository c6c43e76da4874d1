/**
 * Finding facts by what a person types: any name of a party (acronym, short name, other word order,
 * typo), a signer, the agreement, the event, words of the sentence.
 *
 * An inverted index over the facts' fields, part of the index and kept in line with it. What a fact is
 * found by is read from its article alone when the article is indexed (facts/factWords.ts: kept in the
 * record, so in the cache, and computed on the indexing threads); the names the rest of the corpus gives
 * its organisations (an acronym another article defines) are added when the index is relinked
 * (FactSearch.update), which re-indexes only the files that changed and those whose organisations'
 * other names changed, at a cost in proportion to them.
 *
 * A fact answers a query only when it covers most of the query's weight: each query word weighs by its
 * rarity among the facts, and words every question of the kind has ("signed", "agreement", "ceremony")
 * weigh little, so "Innovation Center agreement" does not find an agreement on an innovation institute.
 *
 * Kept compactly: the facts in columns of numbers (a fact's slot; a snapshot's arrays are taken as
 * they are), each term's facts in one typed array (and a short list for facts that came in since the
 * columns were last rebuilt, see FactIndex), and a query's sums in arrays reused from query to query. At 10,000 generated articles (28,618 facts) it holds 29 MiB (heap 11.5, array buffers 17.7),
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
import type { ArticleFactWords, DatedEvent, FactWords, Signing } from '../facts/types.ts';

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
    this.array = grown(this.array, this.length + 1);
    this.array[this.length++] = value;
  }

  append(values: ArrayLike<number>): void {
    this.array = grown(this.array, this.length + values.length);
    this.array.set(values, this.length);
    this.length += values.length;
  }

  /** The numbers, in an array of their own length. */
  done(): Uint32Array {
    return this.array.length === this.length ? this.array : this.array.slice(0, this.length);
  }
}

/** An array of at least `needed` elements holding `array`'s: itself, or one half as long again. */
function grown<T extends Uint32Array | Uint16Array | Uint8Array | Int32Array>(array: T, needed: number): T {
  if (array.length >= needed) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(needed, Math.ceil(array.length * 1.5), 16),
  );
  next.set(array);
  return next;
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

/**
 * The facts of one kind, searchable. Each fact has a slot in the columns. After a rebuild (or a snapshot's
 * restore) the slots are the facts in index order (by file name, then in their article's order), and each
 * term's slots are in one typed array (the base lists). A change then costs in proportion to itself: the
 * facts of a changed file are marked gone in place (their slots stay, skipped), its new facts get new slots
 * at the end, listed per term in small lists of their own (the tail), and the counts a query weighs by
 * (facts per term, words of the vocabulary) are kept right by adding and taking away. When the tail and
 * the gone slots grow past a share of the base, the next change rebuilds (compacts) the columns in order.
 *
 * Wherever the order of facts matters to an answer (equal scores, which facts are taken when a query has
 * more than MAX_CANDIDATES), facts are taken in index order: a tail fact ranks where its file does among
 * the base's files, so answers are those of an index built afresh.
 */
export class FactIndex<F = unknown> {
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
  /** In how many live facts each word of the vocabulary is, by number. */
  private wordCounts = new Uint32Array(0);
  private scratch: Scratch | null = null;
  /**
   * The vocabulary's words within a typo of a query word, by word: a query's names and common words
   * recur from one question to the next, and matching one word costs ~0.1 ms. Emptied when the
   * vocabulary changes, and when it holds MAX_TYPO_WORDS words.
   */
  private readonly typos = new Map<string, string[]>();
  /** The fact of each slot, and its file. */
  readonly facts: F[] = [];
  private files: string[] = [];
  /** Slots below `baseEnd` are in the base lists; `dead` marks the slots whose fact is gone. */
  private baseEnd = 0;
  private dead = new Uint8Array(0);
  private live = 0;
  /** Per term: its live facts beyond its base list's length (tail facts less gone base facts). */
  private adjust = new Int32Array(0);
  /** Per term: its tail slots in index order, and their weight codes. */
  private readonly tail = new Map<number, { docs: number[]; codes: number[] }>();
  /** Per tail slot: the first base slot it ranks before. */
  private insertAt = new Uint32Array(0);

  constructor(readonly kind: FactKind) {}

  /** How many facts it holds. */
  get size(): number {
    return this.live;
  }

  /** Slots taken since the last rebuild, and slots gone among the base's. */
  get churn(): number {
    return this.columns.count - this.baseEnd + (this.baseEnd - this.liveBase);
  }

  /** The live slots below baseEnd. */
  private liveBase = 0;

  /** Negative when slot a comes before slot b in index order. */
  rank(a: number, b: number): number {
    const base = this.baseEnd;
    if (a < base && b < base) return a - b;
    const ka = a < base ? a : this.insertAt[a]!;
    const kb = b < base ? b : this.insertAt[b]!;
    if (ka !== kb) return ka - kb;
    // A tail slot comes before the base slot it is inserted at.
    if (a < base || b < base) return a < base ? 1 : -1;
    const fa = this.files[a]!;
    const fb = this.files[b]!;
    return fa < fb ? -1 : fa > fb ? 1 : a - b;
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

  /** The doc in a slot, as makeDoc gives it. */
  docOf(d: number): NewDoc {
    const { numbers, codes, termAt, codeAt, wordAt, nameOf, nameAt, nameLength } = this.columns;
    const terms = codeAt[d + 1]! - codeAt[d]!;
    const names: Uint32Array[] = [];
    for (let j = nameOf[d]!; j < nameOf[d + 1]!; j++)
      names.push(numbers.slice(nameAt[j]!, nameAt[j]! + nameLength[j]!));
    return {
      terms: numbers.slice(termAt[d]!, termAt[d]! + terms),
      codes: codes.slice(codeAt[d]!, codeAt[d + 1]!),
      names,
      words: numbers.slice(wordAt[d]!, termAt[d + 1]!),
      own: this.ownOf(d),
    };
  }

  /** Calls `visit` with each organisation of a doc (its own strings' first list), without a list. */
  organizationsOf(ref: DocRef, visit: (name: string) => void): void {
    if (typeof ref !== 'number') {
      for (const name of ref.own.organizations) visit(name);
      return;
    }
    const { ownAt, own } = this.columns;
    const at = ownAt[ref]! + 4;
    for (let i = 0, n = own[ownAt[ref]!]!; i < n; i++) visit(this.labels.strings[own[at + i]!]!);
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
   * Puts the docs in columns in the order given (doc d becomes slot d), the docs of the columns taken as
   * they are, with their files and facts; then derives the term lists and the vocabulary from them.
   */
  rebuild(refs: DocRef[], files: string[], facts: F[]): void {
    const old = this.columns;
    const numbers = new Numbers(old.termAt[old.count]! + 1024);
    let codes = new Uint8Array(old.codeAt[old.count]! + 1024);
    let codeLength = 0;
    const appendCodes = (values: Uint8Array) => {
      codes = grown(codes, codeLength + values.length);
      codes.set(values, codeLength);
      codeLength += values.length;
    };
    const own = new Numbers(old.ownAt[old.count]! + 1024);
    const nameAt = new Numbers(old.nameOf[old.count]! + 64);
    const nameLength = new Numbers(old.nameOf[old.count]! + 64);
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
      columns.codeAt[d] = codeLength;
      columns.nameOf[d] = nameAt.length;
      columns.ownAt[d] = own.length;
      if (typeof ref === 'number') {
        const termStart = old.termAt[ref]!;
        const codeStart = old.codeAt[ref]!;
        appendCodes(old.codes.subarray(codeStart, old.codeAt[ref + 1]));
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
        appendCodes(ref.codes);
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
    columns.codeAt[n] = codeLength;
    columns.wordAt[n] = numbers.length;
    columns.nameOf[n] = nameAt.length;
    columns.ownAt[n] = own.length;
    // The arrays as they grew, not cut to length: slots taken later are written after the last.
    this.columns = {
      count: n,
      numbers: numbers.array,
      codes,
      nameAt: nameAt.array,
      nameLength: nameLength.array,
      own: own.array,
      ...columns,
    };
    this.place(files, facts);
  }

  /** Takes the files and facts of the slots, all live and in the base lists, and derives the rest. */
  private place(files: string[], facts: F[]): void {
    const n = this.columns.count;
    this.files = files;
    this.facts.length = 0;
    for (const fact of facts) this.facts.push(fact);
    this.baseEnd = n;
    this.live = n;
    this.liveBase = n;
    this.dead = new Uint8Array(n);
    this.adjust = new Int32Array(0);
    this.tail.clear();
    this.insertAt = new Uint32Array(0);
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
    for (let id = counts.length; id < before.length; id++)
      if (before[id]! > 0) this.vocabulary.delete(this.words.strings[id]!);
    this.wordCounts = counts;
    this.typos.clear();
    this.fitScratch();
  }

  private fitScratch(): void {
    const count = this.columns.count;
    if (count > 0 && (!this.scratch || this.scratch.size < count))
      this.scratch = new Scratch(Math.max(count, Math.ceil((this.scratch?.size ?? 0) * 1.5)));
  }

  /** Puts a new fact in a slot of its own after the others, in the tail lists: its slot. */
  append(doc: NewDoc, file: string, fact: F): number {
    const d = this.columns.count;
    this.write(d, doc);
    this.files[d] = file;
    this.facts[d] = fact;
    this.dead = grown(this.dead, d + 1);
    this.dead[d] = 0;
    this.insertAt = grown(this.insertAt, d + 1);
    this.insertAt[d] = this.basePlace(file);
    this.live++;
    for (let i = 0; i < doc.terms.length; i++) {
      const t = doc.terms[i]!;
      this.adjust = grown(this.adjust, t + 1);
      this.adjust[t]!++;
      let list = this.tail.get(t);
      if (!list) this.tail.set(t, (list = { docs: [], codes: [] }));
      let low = 0;
      let high = list.docs.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.rank(list.docs[middle]!, d) < 0) low = middle + 1;
        else high = middle;
      }
      list.docs.splice(low, 0, d);
      list.codes.splice(low, 0, doc.codes[i]!);
    }
    this.countWords(doc.words, 1);
    this.fitScratch();
    return d;
  }

  /** Marks the fact of a slot gone: it is skipped from then on, and no longer counted. */
  kill(d: number): void {
    if (this.dead[d] || d >= this.columns.count) return;
    this.dead[d] = 1;
    this.live--;
    if (d < this.baseEnd) this.liveBase--;
    const { numbers, termAt, codeAt, wordAt } = this.columns;
    for (let i = termAt[d]!, end = i + codeAt[d + 1]! - codeAt[d]!; i < end; i++) {
      const t = numbers[i]!;
      this.adjust = grown(this.adjust, t + 1);
      this.adjust[t]!--;
    }
    this.countWords(numbers.subarray(wordAt[d]!, termAt[d + 1]!), -1);
    this.facts[d] = undefined as F;
  }

  /** Counts words in or out of the vocabulary: a word in no live fact leaves it. */
  private countWords(words: ArrayLike<number>, delta: number): void {
    this.wordCounts = grown(this.wordCounts, this.words.strings.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const before = this.wordCounts[w]!;
      this.wordCounts[w] = before + delta;
      if (before === 0 && delta > 0)
        this.vocabulary.set(this.words.strings[w]!, this.terms.strings[this.wordTerms[w]!]!);
      else if (before + delta === 0) this.vocabulary.delete(this.words.strings[w]!);
      else continue;
      this.typos.clear();
    }
  }

  /** The first base slot whose file is not before `file`. */
  private basePlace(file: string): number {
    let low = 0;
    let high = this.baseEnd;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.files[middle]! < file) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Writes a doc into slot d of the columns, the last: their arrays grow as needed. */
  private write(d: number, doc: NewDoc): void {
    const c = this.columns;
    for (const key of ['termAt', 'codeAt', 'wordAt', 'nameOf', 'ownAt'] as const)
      c[key] = grown(c[key], d + 2);
    c.year = grown(c.year, d + 1);
    let at = c.termAt[d]!;
    const codeStart = c.codeAt[d]!;
    let name = c.nameOf[d]!;
    let ownAt = c.ownAt[d]!;
    const o = doc.own;
    const lists = [o.organizations, o.people, o.aliased, o.leadAliased];
    const nameTotal = doc.names.reduce((sum, n) => sum + n.length, 0);
    c.numbers = grown(c.numbers, at + doc.terms.length + nameTotal + doc.words.length);
    c.codes = grown(c.codes, codeStart + doc.codes.length);
    c.nameAt = grown(c.nameAt, name + doc.names.length);
    c.nameLength = grown(c.nameLength, name + doc.names.length);
    c.own = grown(c.own, ownAt + 4 + lists.reduce((sum, list) => sum + list.length, 0));
    c.numbers.set(doc.terms, at);
    at += doc.terms.length;
    c.codes.set(doc.codes, codeStart);
    for (const n of doc.names) {
      c.nameAt[name] = at;
      c.nameLength[name++] = n.length;
      c.numbers.set(n, at);
      at += n.length;
    }
    c.wordAt[d] = at;
    c.numbers.set(doc.words, at);
    at += doc.words.length;
    for (const list of lists) c.own[ownAt++] = list.length;
    for (const list of lists) for (const s of list) c.own[ownAt++] = this.labels.id(s);
    c.year[d] = o.year ? Number(o.year) : 0;
    c.count = d + 1;
    c.termAt[d + 1] = at;
    c.wordAt[d + 1] = at;
    c.codeAt[d + 1] = codeStart + doc.codes.length;
    c.nameOf[d + 1] = name;
    c.ownAt[d + 1] = ownAt;
  }

  /** In how many live facts a term is (-1: no fact's). */
  private frequency(id: number): number {
    if (id < 0) return 0;
    const base = id + 1 < this.postAt.length ? this.postAt[id + 1]! - this.postAt[id]! : 0;
    return id < this.adjust.length ? base + this.adjust[id]! : base;
  }

  /**
   * Calls `visit` with the live slots of a term in index order (the base list's and the tail's merged),
   * until it returns false.
   */
  private eachDoc(id: number, visit: (d: number) => boolean): void {
    const { dead, postDocs, insertAt } = this;
    const tail = this.tail.get(id)?.docs;
    let t = 0;
    if (id + 1 < this.postAt.length)
      for (let p = this.postAt[id]!, end = this.postAt[id + 1]!; p < end; p++) {
        const d = postDocs[p]!;
        if (tail)
          while (t < tail.length && insertAt[tail[t]!]! <= d) {
            const x = tail[t++]!;
            if (!dead[x] && !visit(x)) return;
          }
        if (!dead[d] && !visit(d)) return;
      }
    if (tail)
      while (t < tail.length) {
        const x = tail[t++]!;
        if (!dead[x] && !visit(x)) return;
      }
  }

  /** The dictionaries, for a snapshot (see FactSearch.store). */
  store(): StoredFactIndex {
    return {
      terms: this.terms.strings,
      words: this.words.strings,
      wordTerms: Uint32Array.from(this.wordTerms),
    };
  }

  /** The docs of the given slots, in their order, in a snapshot's form. */
  storeDocs(slots: number[]): StoredDocs {
    const c = this.columns;
    const inOrder = slots.length === c.count && slots.every((d, i) => d === i);
    const rows: StoredDocs['rows'] = [];
    const counts = new Numbers(slots.length * 4 + c.nameOf[c.count]!);
    let numberCount = 0;
    let codeCount = 0;
    for (const d of slots) {
      numberCount += c.termAt[d + 1]! - c.termAt[d]!;
      codeCount += c.codeAt[d + 1]! - c.codeAt[d]!;
    }
    // In slot order the columns' own arrays are the snapshot's; else the docs' numbers are copied in order.
    const numbers = inOrder ? c.numbers.subarray(0, numberCount) : new Uint32Array(numberCount);
    const codes = inOrder ? c.codes.subarray(0, codeCount) : new Uint8Array(codeCount);
    let n = 0;
    let k = 0;
    for (const d of slots) {
      const own = this.ownOf(d);
      rows.push([own.organizations, own.people, own.aliased, own.leadAliased, own.year]);
      counts.push(c.codeAt[d + 1]! - c.codeAt[d]!);
      counts.push(c.nameOf[d + 1]! - c.nameOf[d]!);
      counts.push(c.termAt[d + 1]! - c.wordAt[d]!);
      for (let j = c.nameOf[d]!; j < c.nameOf[d + 1]!; j++) counts.push(c.nameLength[j]!);
      if (inOrder) continue;
      for (let i = c.termAt[d]!, end = c.termAt[d + 1]!; i < end; i++) numbers[n++] = c.numbers[i]!;
      for (let i = c.codeAt[d]!, end = c.codeAt[d + 1]!; i < end; i++) codes[k++] = c.codes[i]!;
    }
    return { rows, counts: counts.done(), numbers, codes };
  }

  /**
   * Takes the dictionaries and docs of a snapshot, its arrays as they are (doc d is fact d): false, and
   * nothing kept, when it does not hold `count` docs.
   */
  restore(stored: StoredFactIndex, docs: StoredDocs, count: number, files: string[], facts: F[]): boolean {
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
    this.place(files, facts);
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
    let full = false;
    const take = (d: number) => {
      if (scratch.picked[d] === picked) return true;
      if (found >= MAX_CANDIDATES) return !(full = true);
      scratch.picked[d] = picked;
      candidates[found++] = d;
      return true;
    };
    const anyDead = this.live < this.columns.count;
    const tails = this.tail.size > 0;
    collect: for (const k of this.retrievalGroups(groups, weights, distinctive, total))
      for (const id of groups[k]!.ids) {
        if (id < 0) continue;
        if (tails && this.tail.has(id)) {
          this.eachDoc(id, take);
          if (full) break collect;
          continue;
        }
        const end = id + 1 < this.postAt.length ? this.postAt[id + 1]! : 0;
        for (let p = end > 0 ? this.postAt[id]! : 0; p < end; p++) {
          const d = this.postDocs[p]!;
          if (scratch.picked[d] === picked || (anyDead && this.dead[d])) continue;
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
    hits.sort(this.byScore);
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
    // Gone slots are added up too, for nothing: no candidate is ever a gone slot (see eachDoc).
    const { postAt, postDocs, postCodes } = this;
    const tails = this.tail.size > 0;
    groups.forEach((g, k) => {
      const stamp = scratch.next();
      let count = 0;
      g.ids.forEach((id, a) => {
        if (id < 0) return;
        const factor = g.exact[a] ? 1 : 0.8;
        const end = id + 1 < postAt.length ? postAt[id + 1]! : 0;
        for (let p = end > 0 ? postAt[id]! : 0; p < end; p++) {
          const d = postDocs[p]!;
          const value = WEIGHT_OF[postCodes[p]!]! * factor;
          if (group[d] !== stamp) {
            group[d] = stamp;
            best[d] = value;
            touched[count++] = d;
          } else if (value > best[d]!) best[d] = value;
        }
        const tail = tails ? this.tail.get(id) : undefined;
        for (let i = 0, n = tail ? tail.docs.length : 0; i < n; i++) {
          const d = tail!.docs[i]!;
          const value = WEIGHT_OF[tail!.codes[i]!]! * factor;
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
    let stop = false;
    const visit = (d: number) => {
      if (scratch.picked[d] === seen) return true;
      if (count >= MAX_CANDIDATES || (count % 256 === 255 && budget.spent)) return !(stop = true);
      scratch.picked[d] = seen;
      count++;
      const coverage = scratch.seen[d] === query && total > 0 ? scratch.covered[d]! / total : 0;
      if (bound(coverage * total) < best[2]!) return true;
      const hit = score(d);
      scored.push(hit);
      if (hit.score > best[2]!) {
        best[2] = hit.score;
        best.sort((a, b) => b - a);
      }
      return true;
    };
    for (const k of this.byCost(groups)) {
      if (bound(rest) < best[2]! || budget.spent) break;
      rest -= weights[k]!;
      for (const id of groups[k]!.ids) if (id >= 0 && !stop) this.eachDoc(id, visit);
      if (stop) break;
    }
    return scored.sort(this.byScore).slice(0, 3);
  }

  /** Best score first; at equal scores, those matching an earlier query word, then in index order. */
  private readonly byScore = (a: Scored, b: Scored): number =>
    b.score - a.score || a.order - b.order || this.rank(a.fact, b.fact);

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
      // In the words' order, not the vocabulary's (which depends on the order facts came in).
      found = [...this.vocabulary.fuzzyGet(folded, max)]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, [term]]) => term);
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
        const opened: [string, string][] = [];
        for (const entry of this.vocabulary.atPrefix(folded)) {
          opened.push(entry);
          if (opened.length > MAX_PREFIX_EXPANSIONS) break;
        }
        opened.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (opened.length <= MAX_PREFIX_EXPANSIONS) for (const [, t] of opened) alternatives.add(t);
      }
      const proper = /^\p{Lu}/u.test(w.text) && !QUESTION_WORDS.test(w.text) && [...alternatives].some(known);
      groups.push(group(term, [...alternatives], { proper }));
    }
    return groups;
  }
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

  /** The keys `of` looks names up by: an acronym as written, any name folded. */
  static keysOf(names: Iterable<string>): string[] {
    const keys = new Set<string>();
    for (const name of names) {
      if (isAcronym(name)) keys.add(`r\u0000${name}`);
      keys.add(`f\u0000${foldForMatch(name)}`);
    }
    return [...keys];
  }

  /** The keys (see keysOf) of the names whose other names differ here and in `now`. */
  renamed(now: AliasNames): string[] {
    const keys: string[] = [];
    for (const short of new Set([...this.table.shortForms(), ...now.table.shortForms()]))
      if (!sameList(this.table.longForms(short), now.table.longForms(short))) keys.push(`r\u0000${short}`);
    for (const long of new Set([...this.shorts.keys(), ...now.shorts.keys()]))
      if (!sameList(this.shorts.get(long) ?? [], now.shorts.get(long) ?? [])) keys.push(`f\u0000${long}`);
    return keys;
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
  /** Its facts' slots, in its article's order (new docs only while an update places them). */
  signings: DocRef[];
  events: DocRef[];
  /** The keys of the names its facts may be renamed by (see keysOf), while FactSearch keeps them. */
  keys?: string[];
}

/**
 * A file's facts as an update leaves them: read again (a new or changed record), or re-indexed under
 * other names (a kind left null keeps its facts); null: the file is gone.
 */
type Plan = Pick<FileEntry, 'record' | 'leadNames'> & { signings: DocRef[] | null; events: DocRef[] | null };

type Fact = Signing | DatedEvent;

const KINDS = ['signings', 'events'] as const;

/**
 * A kind's columns are rebuilt in index order when the slots taken or gone since the last rebuild would
 * pass this share of its facts (and COMPACT_MIN): the cost of a rebuild, in proportion to the facts, is
 * then spread over at least as many changed facts as that share.
 */
const COMPACT_SHARE = 1 / 16;
const COMPACT_MIN = 256;

/** The files whose records changed since the last update (added, replaced or removed), and the records now. */
export interface ChangedFiles {
  files: Iterable<string>;
  records: Map<string, ArticleRecord>;
}

/** The fact indexes of an index, kept in line with its records and aliases by `update` (see relink). */
export class FactSearch {
  readonly signings = new FactIndex<Signing>('signing');
  readonly events = new FactIndex<DatedEvent>('event');
  /** The facts of each file, and the record they were read from. */
  private readonly files = new Map<string, FileEntry>();
  private aliasKey = '';
  private aliases: AliasNames | null = null;
  /** The files whose facts have each name key (see keysOf): made when first needed, then kept. */
  private byName: Map<string, Set<string>> | null = null;
  /** How many times a kind's columns were rebuilt, for measuring. */
  rebuilds = 0;

  private index(kind: (typeof KINDS)[number]): FactIndex<Fact> {
    return this[kind];
  }

  /**
   * Brings the fact indexes in line with the records (in index order) and the corpus's aliases: the
   * facts of new and changed records come in, those of records gone leave, facts whose organisations
   * have other names elsewhere than before are re-indexed. `changed` names the files that changed since
   * the last update; without it every record is compared with the one its facts were read from.
   * A new record's fact words are used here and then dropped from it (they are read again from its
   * article in the rare case an alias makes its facts be re-indexed).
   */
  update(records: ArticleRecord[], table: AliasTable, changed?: ChangedFiles): void {
    const key = aliasKeyOf(table);
    const before = this.aliases;
    if (key !== this.aliasKey || !before) {
      this.aliasKey = key;
      this.aliases = new AliasNames(table);
    }
    const aliases = this.aliases!;
    const names = nameReader();
    const plans = new Map<string, Plan | null>();
    if (changed) {
      for (const file of changed.files) {
        const record = changed.records.get(file);
        const entry = this.files.get(file);
        if (record && entry?.record === record) continue;
        if (record || entry) plans.set(file, record ? this.read(record, aliases, names) : null);
      }
    } else {
      const present = new Set<string>();
      for (const record of records) {
        present.add(record.file);
        if (this.files.get(record.file)?.record !== record)
          plans.set(record.file, this.read(record, aliases, names));
      }
      for (const file of this.files.keys()) if (!present.has(file)) plans.set(file, null);
    }
    if (before && before !== aliases)
      for (const file of this.affected(before, aliases)) {
        if (plans.has(file)) continue;
        const plan = this.realias(file, aliases, names);
        if (plan) plans.set(file, plan);
      }
    if (plans.size > 0) this.apply(plans, records);
  }

  /** The facts of a new or changed record, read for indexing. */
  private read(record: ArticleRecord, aliases: AliasNames, names: NameWords): Plan {
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
        return this.index(kind).makeDoc(source, own, names);
      });
    return { record, leadNames, signings: docs('signings'), events: docs('events') };
  }

  /** A file's facts re-indexed where their organisations' names elsewhere changed; null: none did. */
  private realias(file: string, aliases: AliasNames, names: NameWords): Plan | null {
    const entry = this.files.get(file)!;
    const plan: Plan = { record: entry.record, leadNames: entry.leadNames, signings: null, events: null };
    let factWords: ArticleFactWords | null = null;
    for (const kind of KINDS) {
      const index = this.index(kind);
      const events = kind === 'events';
      let changed = false;
      const refs = entry[kind].map((ref, i) => {
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
      if (changed) plan[kind] = refs;
    }
    return plan.signings || plan.events ? plan : null;
  }

  /**
   * Puts the planned files' facts in place: in each kind, in slots of their own after the others (the
   * old ones marked gone), or, when that kind has changed enough since its last rebuild, by rebuilding it.
   */
  private apply(plans: Map<string, Plan | null>, records: ArticleRecord[]): void {
    const gone = new Map<string, FileEntry>();
    for (const [file, plan] of plans) {
      const entry = this.files.get(file);
      if (entry) gone.set(file, { ...entry });
      if (this.byName && entry?.keys) for (const key of entry.keys) this.byName.get(key)?.delete(file);
      if (!plan) {
        this.files.delete(file);
        continue;
      }
      const next: FileEntry = entry ?? { ...plan, signings: [], events: [] };
      next.record = plan.record;
      next.leadNames = plan.leadNames;
      for (const kind of KINDS) if (plan[kind]) next[kind] = plan[kind];
      this.files.set(file, next);
    }
    for (const kind of KINDS) {
      const index = this.index(kind);
      let churn = index.churn;
      const changed = [...plans].filter(([, plan]) => !plan || plan[kind]);
      for (const [file] of changed)
        churn += (gone.get(file)?.[kind].length ?? 0) + (this.files.get(file)?.[kind].length ?? 0);
      if (churn > Math.max(COMPACT_MIN, index.size * COMPACT_SHARE)) {
        this.rebuild(kind, records);
        continue;
      }
      for (const [file] of changed) for (const ref of gone.get(file)?.[kind] ?? []) index.kill(ref as number);
      for (const [file, plan] of changed) {
        if (!plan) continue;
        const entry = this.files.get(file)!;
        entry[kind] = entry[kind].map((ref, i) =>
          index.append(typeof ref === 'number' ? index.docOf(ref) : ref, file, plan.record.facts[kind][i]!),
        );
      }
    }
    if (this.byName) for (const [file, plan] of plans) if (plan) this.addKeys(file, this.files.get(file)!);
  }

  /** Rebuilds a kind's columns in index order: the records' facts, each record's in its order. */
  private rebuild(kind: (typeof KINDS)[number], records: ArticleRecord[]): void {
    const refs: DocRef[] = [];
    const files: string[] = [];
    const facts: Fact[] = [];
    for (const record of records) {
      const own = this.files.get(record.file)![kind];
      const recordFacts: Fact[] = record.facts[kind];
      for (let i = 0; i < own.length; i++) {
        refs.push(own[i]!);
        files.push(record.file);
        facts.push(recordFacts[i]!);
      }
    }
    this.index(kind).rebuild(refs, files, facts);
    let d = 0;
    for (const record of records) {
      const own = this.files.get(record.file)![kind];
      for (let i = 0; i < own.length; i++) own[i] = d++;
    }
    this.rebuilds++;
  }

  /** The files whose facts name an organisation whose other names differ between two alias tables. */
  private affected(before: AliasNames, now: AliasNames): Set<string> {
    const files = new Set<string>();
    const keys = before.renamed(now);
    if (keys.length === 0) return files;
    if (!this.byName) {
      this.byName = new Map();
      for (const [file, entry] of this.files) this.addKeys(file, entry);
    }
    for (const key of keys) for (const file of this.byName.get(key) ?? []) files.add(file);
    return files;
  }

  /** Files a file under the keys of its facts' organisations and its lead's (see AliasNames.keysOf). */
  private addKeys(file: string, entry: FileEntry): void {
    const names = new Set<string>(entry.leadNames);
    for (const kind of KINDS)
      for (const ref of entry[kind]) this.index(kind).organizationsOf(ref, (name) => names.add(name));
    entry.keys = AliasNames.keysOf(names);
    for (const key of entry.keys) {
      let files = this.byName!.get(key);
      if (!files) this.byName!.set(key, (files = new Set()));
      files.add(file);
    }
  }

  /** What the fact search derived, for a snapshot, in index order; `restore` takes it back. */
  store(): StoredFactSearch {
    const order = [...this.files.keys()].sort();
    const files: StoredFactSearch['files'] = order.map((file) => {
      const entry = this.files.get(file)!;
      return [file, entry.signings.length, entry.events.length, entry.leadNames];
    });
    const slots = (kind: (typeof KINDS)[number]) =>
      order.flatMap((file) => this.files.get(file)![kind] as number[]);
    return {
      aliasKey: this.aliasKey,
      signings: this.signings.store(),
      events: this.events.store(),
      files,
      signingDocs: this.signings.storeDocs(slots('signings')),
      eventDocs: this.events.storeDocs(slots('events')),
    };
  }

  /**
   * Takes back what `store` gave, over the records it was made with (in index order) and their alias
   * table; false, and nothing kept, when they do not match.
   */
  restore(stored: StoredFactSearch, records: ArticleRecord[], table: AliasTable): boolean {
    if (stored.aliasKey !== aliasKeyOf(table) || stored.files.length !== records.length) return false;
    const slots = { signings: [] as string[], events: [] as string[] };
    for (const [i, [file, signings, events]] of stored.files.entries()) {
      const record = records[i]!;
      if (
        record.file !== file ||
        record.facts.signings.length !== signings ||
        record.facts.events.length !== events
      )
        return false;
      for (let k = 0; k < signings; k++) slots.signings.push(record.file);
      for (let k = 0; k < events; k++) slots.events.push(record.file);
    }
    const facts = (kind: (typeof KINDS)[number]) => records.flatMap((r): Fact[] => r.facts[kind]);
    if (
      stored.signingDocs.rows.length !== slots.signings.length ||
      stored.eventDocs.rows.length !== slots.events.length ||
      !this.signings.restore(
        stored.signings,
        stored.signingDocs,
        slots.signings.length,
        slots.signings,
        facts('signings') as Signing[],
      ) ||
      !this.events.restore(
        stored.events,
        stored.eventDocs,
        slots.events.length,
        slots.events,
        facts('events') as DatedEvent[],
      )
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
