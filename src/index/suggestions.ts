/**
 * What autocomplete offers, derived from the index when it changes (see relink) and kept on it: the
 * texts each command can answer about, most frequent first and folded for matching once, and the
 * index's terms in sorted order for completing the word being typed.
 *
 * SuggestionIndex keeps them in line with the records the way the fact search does: it counts the texts
 * of each record once, and when records change it moves only the texts whose counts changed, so an
 * update costs in proportion to the change (plus a scan of the terms' keys), not to the corpus.
 */
import { foldForMatch, normalizeWhitespace } from '../text/normalize.ts';
import type { ArticleRecord } from './records.ts';

export interface Candidate {
  text: string;
  /** The text folded for matching, computed once. */
  folded: string;
}

export interface Suggestions {
  /** The parties, agreements, signers and their organisations of the signings. */
  signings: Candidate[];
  /** The descriptions of the events. */
  events: Candidate[];
  /** The article titles. */
  titles: Candidate[];
  /** The index's terms, sorted. */
  vocabulary: string[];
}

/** The order of String.prototype.localeCompare (the default locale), without its cost per call. */
const collator = new Intl.Collator();

/**
 * The order of a list: the text counted more often first, then in alphabetical order. Negative: `a`
 * comes first.
 */
export function rankOrder(a: Counted, b: Counted): number {
  return b.count - a.count || collator.compare(a.candidate.text, b.candidate.text);
}

export type Kind = 'signings' | 'events' | 'titles';

/**
 * The folded texts of a list joined by line breaks (which no text has), and where each starts (one
 * more: past the end), so that finding the typed text is one search of one string, not one per text.
 */
export interface JoinedTexts {
  text: string;
  starts: Uint32Array;
}

function joinTexts(items: Candidate[]): JoinedTexts {
  const starts = new Uint32Array(items.length + 1);
  let at = 0;
  items.forEach((item, i) => {
    starts[i] = at;
    at += item.folded.length + 1;
  });
  starts[items.length] = at;
  return { text: items.map((item) => item.folded).join('\n'), starts };
}

/** One list in a snapshot: its texts in order, folded, and how many times each is counted. */
export interface StoredList {
  texts: string[];
  folded: string[];
  counts: Uint32Array;
}

/** The suggestions in a snapshot: what relink would otherwise count and sort again. */
export type StoredSuggestions = Record<Kind, StoredList>;
const KINDS: Kind[] = ['signings', 'events', 'titles'];

/** The texts of one record that each list counts, normalised. */
export function textsOf(record: ArticleRecord): Record<Kind, string[]> {
  const texts: Record<Kind, string[]> = { signings: [], events: [], titles: [] };
  const add = (kind: Kind, text: string | null | undefined) => {
    const t = text ? normalizeWhitespace(text) : '';
    if (t) texts[kind].push(t);
  };
  for (const signing of record.facts.signings) {
    for (const party of signing.parties) add('signings', party);
    add('signings', signing.agreement);
    for (const signer of signing.signers) {
      add('signings', signer.name);
      add('signings', signer.organization);
    }
  }
  for (const event of record.facts.events) add('events', event.event);
  add('titles', record.article.title);
  return texts;
}

/** A text of a list, with how many times it is counted. */
export interface Counted {
  candidate: Candidate;
  count: number;
}

/** Candidates most frequent first, then alphabetical, kept sorted as counts change. */
class RankedList {
  readonly items: Candidate[] = [];
  private readonly counts = new Map<string, Counted>();
  private joined: JoinedTexts | null = null;

  /** The items' folded texts in one string, made when first asked for after a change. */
  joinedTexts(): JoinedTexts {
    this.joined ??= joinTexts(this.items);
    return this.joined;
  }

  /** Applies count changes; moves each changed text, or sorts anew when many changed. */
  change(deltas: Map<string, number>): void {
    if (deltas.size > 0) this.joined = null;
    const many = deltas.size > 64 && deltas.size * 8 > this.items.length;
    for (const [text, delta] of deltas) {
      if (delta === 0) continue;
      let entry = this.counts.get(text);
      if (entry && !many) this.items.splice(this.position(entry), 1);
      if (!entry) {
        entry = { candidate: { text, folded: foldForMatch(text) }, count: 0 };
        this.counts.set(text, entry);
      }
      entry.count += delta;
      if (entry.count <= 0) this.counts.delete(text);
      else if (!many) this.items.splice(this.position(entry), 0, entry.candidate);
    }
    if (many) {
      const sorted = [...this.counts.values()].sort((a, b) => rankOrder(a, b));
      this.items.length = 0;
      for (const entry of sorted) this.items.push(entry.candidate);
    }
  }

  /** The items and their counts, in order (for a snapshot). */
  state(): { items: Candidate[]; counts: Uint32Array } {
    return {
      items: this.items,
      counts: Uint32Array.from(this.items, (c) => this.counts.get(c.text)!.count),
    };
  }

  /** Takes the items and counts of a snapshot, in their order. */
  restore({ texts, folded, counts }: StoredList): void {
    this.items.length = 0;
    this.counts.clear();
    this.joined = null;
    texts.forEach((text, i) => {
      const candidate = { text, folded: folded[i]! };
      this.items.push(candidate);
      this.counts.set(text, { candidate, count: counts[i]! });
    });
  }

  /** Where an entry with its count is, or goes, in the sorted items. */
  private position(entry: Counted): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = this.counts.get(this.items[middle]!.text)!;
      // Positive: the entry goes after the other.
      const order = rankOrder(entry, other);
      if (order > 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** What changed since the last update: files (added, replaced or removed) and terms (see update). */
export interface ChangedTexts {
  files: Iterable<string>;
  records: Map<string, ArticleRecord>;
  terms: Iterable<string>;
}

/**
 * The suggestions of an index, kept in line with its records by `update` (see relink): the records that
 * changed since the last update are counted out and in; the other records cost a lookup each.
 */
export class SuggestionIndex implements Suggestions {
  private readonly lists: Record<Kind, RankedList> = {
    signings: new RankedList(),
    events: new RankedList(),
    titles: new RankedList(),
  };
  /** The texts each record counted: null after a snapshot's restore until needed (textsOf its record). */
  private readonly files = new Map<string, { record: ArticleRecord; texts: Record<Kind, string[]> | null }>();
  private readonly terms = new Set<string>();
  vocabulary: string[] = [];

  get signings(): Candidate[] {
    return this.lists.signings.items;
  }

  get events(): Candidate[] {
    return this.lists.events.items;
  }

  get titles(): Candidate[] {
    return this.lists.titles.items;
  }

  /** A list's folded texts in one string (see JoinedTexts). */
  joined(kind: Kind): JoinedTexts {
    return this.lists[kind].joinedTexts();
  }

  /**
   * Brings the lists in line with the records and the index's terms. `changed` names the files whose
   * records changed and the terms whose document frequency changed since the last update; without it,
   * every record is compared with the one it was counted from, and every term looked up.
   */
  update(records: ArticleRecord[], documentFrequency: Map<string, number>, changed?: ChangedTexts): void {
    const deltas: Record<Kind, Map<string, number>> = {
      signings: new Map(),
      events: new Map(),
      titles: new Map(),
    };
    const count = (texts: Record<Kind, string[]>, delta: number) => {
      for (const kind of KINDS)
        for (const text of texts[kind]) deltas[kind].set(text, (deltas[kind].get(text) ?? 0) + delta);
    };
    const recount = (file: string, record: ArticleRecord | undefined) => {
      const entry = this.files.get(file);
      if (entry?.record === record) return;
      if (entry) count(entry.texts ?? textsOf(entry.record), -1);
      if (!record) {
        this.files.delete(file);
        return;
      }
      const texts = textsOf(record);
      count(texts, 1);
      this.files.set(file, { record, texts });
    };
    if (changed) for (const file of changed.files) recount(file, changed.records.get(file));
    else {
      const present = new Set<string>();
      for (const record of records) {
        present.add(record.file);
        recount(record.file, record);
      }
      if (this.files.size > present.size)
        for (const file of [...this.files.keys()]) if (!present.has(file)) recount(file, undefined);
    }
    for (const kind of KINDS) this.lists[kind].change(deltas[kind]);
    this.updateVocabulary(documentFrequency, changed?.terms);
  }

  /** The lists with their counts, for a snapshot (index/cache.ts); `restore` takes them back. */
  store(): StoredSuggestions {
    const list = (kind: Kind): StoredList => {
      const { items, counts } = this.lists[kind].state();
      return { texts: items.map((c) => c.text), folded: items.map((c) => c.folded), counts };
    };
    return { signings: list('signings'), events: list('events'), titles: list('titles') };
  }

  /**
   * Takes back what `store` gave, over the records it was counted from (a snapshot's), instead of counting
   * them again: the next update finds each of these records counted. False, and nothing kept, when the
   * lists do not agree with one another; this must be a new SuggestionIndex.
   */
  restore(
    stored: StoredSuggestions,
    records: Iterable<ArticleRecord>,
    documentFrequency: Map<string, number>,
  ): boolean {
    if (this.files.size > 0) return false;
    for (const kind of KINDS) {
      const { texts, folded, counts } = stored[kind];
      if (texts.length !== folded.length || texts.length !== counts.length) return false;
    }
    for (const kind of KINDS) this.lists[kind].restore(stored[kind]);
    for (const record of records) this.files.set(record.file, { record, texts: null });
    this.updateVocabulary(documentFrequency);
    return true;
  }

  /**
   * The sorted terms: new ones put in place, gone ones taken out; sorted anew when many changed. Only
   * `terms` are looked at when given (those whose document frequency changed).
   */
  private updateVocabulary(documentFrequency: Map<string, number>, terms?: Iterable<string>): void {
    const added: string[] = [];
    const gone: string[] = [];
    if (terms) {
      for (const term of terms) {
        const has = documentFrequency.has(term);
        if (has && !this.terms.has(term)) added.push(term);
        else if (!has && this.terms.has(term)) gone.push(term);
      }
    } else {
      for (const term of documentFrequency.keys()) if (!this.terms.has(term)) added.push(term);
      if (this.terms.size + added.length > documentFrequency.size)
        for (const term of this.terms) if (!documentFrequency.has(term)) gone.push(term);
    }
    for (const term of added) this.terms.add(term);
    for (const term of gone) this.terms.delete(term);
    if (added.length + gone.length > 64) {
      this.vocabulary = [...this.terms].sort();
      return;
    }
    const at = (term: string) => {
      let low = 0;
      let high = this.vocabulary.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.vocabulary[middle]! < term) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    for (const term of gone) this.vocabulary.splice(at(term), 1);
    for (const term of added) this.vocabulary.splice(at(term), 0, term);
  }
}
