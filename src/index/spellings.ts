/**
 * How the corpus writes each index term ("qingpu" -> "Qingpu", for suggestions): the spelling of its
 * first occurrence (title, then body) in the first file, by name, that has it. That is what an index
 * built in file order learns first, and it is kept so through changes: a file that comes in before the
 * term's file gives its spelling; when the file a spelling was read from leaves or no longer has the
 * term, the spelling is read from the first file that has it now. So an index brought to a state by
 * changes spells as one built afresh from that state, whatever order its files came in.
 */
import type MiniSearch from 'minisearch';
import { toTerm, wordsOf } from '../text/terms.ts';
import { documentsWith } from './searchColumns.ts';

/** What a change of files needs of the index: its spellings, their files, and which files have a term. */
export interface SpellingSource {
  surface: Map<string, string>;
  /** The file each spelling was read from; a spelling without one (a snapshot's) is looked up when needed. */
  surfaceFiles: Map<string, string>;
  documentFrequency: Map<string, number>;
  search: MiniSearch<never> | object;
  documents: Map<number, { file: string }>;
  records: Map<string, { article: { title: string; text: string } }>;
}

/** How many files after a leaving one are read for the terms it was the first to have (see settle). */
const WALK = 16;

/** The spellings of one change: files leaving are told before they leave, files entering after they enter. */
export class Spellings {
  /** Terms whose spelling was read from a file that is leaving, with that file. */
  private readonly stale = new Map<string, string>();
  /** The files leaving (and those replaced): their old text is gone. */
  private readonly left = new Set<string>();
  /** For each term of the entering files: the first of them that has it, and its spelling there. */
  private readonly entering = new Map<string, [string, string]>();
  /** The first spelling of each term of the files read while settling. */
  private readonly read = new Map<string, Map<string, string>>();

  /**
   * `after`, when given, lists the files the index had before this change that come after a file, in
   * file order (so those of the change that are not new).
   */
  constructor(
    private readonly index: SpellingSource,
    private readonly after?: (file: string) => Iterable<string>,
  ) {}

  /** A file about to leave the search, with its terms. */
  leaving(file: string, terms: Iterable<string>): void {
    this.left.add(file);
    for (const term of terms) if (this.fileOf(term) === file) this.stale.set(term, file);
  }

  /** A file added to the search, with the first spelling of each of its terms. */
  entered(file: string, spellings: Map<string, string>): void {
    for (const [term, word] of spellings) {
      const best = this.entering.get(term);
      if (!best || file < best[0]) this.entering.set(term, [file, word]);
    }
  }

  /** Brings the spellings in line once the change is in the search. */
  settle(): void {
    for (const [term, [file, word]] of this.entering) {
      if (this.stale.has(term)) continue;
      const from = this.index.surface.has(term) ? this.fileOf(term) : undefined;
      if (from === undefined || file <= from) this.set(term, file, word);
    }
    // The terms whose first file left, by that file.
    const orphans = new Map<string, string[]>();
    for (const [term, left] of this.stale) {
      const best = this.entering.get(term);
      // The file that left was the first to have the term: an entering file up to it is the first now.
      if (best && best[0] <= left) this.set(term, best[0], best[1]);
      else if (!this.index.documentFrequency.has(term)) {
        this.index.surface.delete(term);
        this.index.surfaceFiles.delete(term);
      } else {
        const terms = orphans.get(left);
        if (terms) terms.push(term);
        else orphans.set(left, [term]);
      }
    }
    for (const [left, terms] of orphans) for (const term of this.walk(left, terms)) this.settleByScan(term);
  }

  /**
   * Reads the files after `left` in order, up to WALK of them, for the first that has each term (or an
   * entering file before it): most terms a leaving file was the first to have are common ones, that
   * the next files have. The terms left (rare ones) are returned.
   */
  private walk(left: string, terms: string[]): string[] {
    if (!this.after) return terms;
    let rest = terms;
    let walked = 0;
    let ended = true;
    for (const file of this.after(left)) {
      if (rest.length === 0) break;
      if (this.left.has(file)) continue;
      if (walked++ >= WALK) {
        ended = false;
        break;
      }
      const spellings = this.spellingsOf(file);
      rest = rest.filter((term) => {
        const best = this.entering.get(term);
        if (best && best[0] < file) this.set(term, best[0], best[1]);
        else if (spellings.has(term)) this.set(term, file, spellings.get(term)!);
        else return true;
        return false;
      });
    }
    if (!ended) return rest;
    // Every file was read: what is left is in an entering file, or nowhere.
    for (const term of rest) {
      const best = this.entering.get(term);
      if (best) this.set(term, best[0], best[1]);
    }
    return [];
  }

  /** Reads a term's spelling from the first file that has it, found in the search's lists. */
  private settleByScan(term: string): void {
    const file = this.firstFileWith(term);
    if (file === undefined) return;
    const best = this.entering.get(term);
    if (best?.[0] === file) this.set(term, file, best[1]);
    else {
      const word = this.spellingsOf(file).get(term);
      if (word !== undefined) this.set(term, file, word);
    }
  }

  private set(term: string, file: string, word: string): void {
    this.index.surface.set(term, word);
    this.index.surfaceFiles.set(term, file);
  }

  /** The file a term's spelling was read from: looked up, the first time, for a snapshot's spellings. */
  private fileOf(term: string): string | undefined {
    let file = this.index.surfaceFiles.get(term);
    if (file === undefined && this.index.surface.has(term)) {
      file = this.firstFileWith(term);
      if (file !== undefined) this.index.surfaceFiles.set(term, file);
    }
    return file;
  }

  /** The first file, by name, of those the search has that have a term. */
  private firstFileWith(term: string): string | undefined {
    let first: string | undefined;
    for (const id of documentsWith(this.index.search, term)) {
      const file = this.index.documents.get(id)?.file;
      if (file !== undefined && (first === undefined || file < first)) first = file;
    }
    return first;
  }

  /** The first spelling of each term of a file the search has, as MiniSearch reads it. */
  private spellingsOf(file: string): Map<string, string> {
    const known = this.read.get(file);
    if (known) return known;
    const spellings = new Map<string, string>();
    this.read.set(file, spellings);
    const article = this.index.records.get(file)?.article;
    for (const text of article ? [article.title, article.text] : [])
      for (const word of wordsOf(text)) {
        const term = toTerm(word);
        if (term !== null && !spellings.has(term)) spellings.set(term, word);
      }
    return spellings;
  }
}
