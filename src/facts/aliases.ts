/**
 * Acronyms and short names that the corpus defines: "University of Shanghai for Science and Technology
 * (USST)", "Hubei University of Medicine (HUM hereafter)", '(hereinafter "UoN")'. An acronym is accepted
 * only when its letters are the initials of the words before it, so "(Water City Gate)" or "(2019)" are not.
 */
import { foldForMatch } from '../text/normalize.ts';
import { byFile } from '../corpus/load.ts';
import { words } from '../text/terms.ts';

export interface Alias {
  /** The short form as written: "USST". */
  short: string;
  /** The long form as written: "University of Shanghai for Science and Technology". */
  long: string;
}

const DEFINITION =
  /\(\s*(?:hereinafter(?:\s+referred\s+to\s+as)?|hereafter|henceforth|or|abbreviated(?:\s+as)?)?\s*["“']?([A-Z][A-Za-z&.]{1,11})["”']?(?:\s*,?\s*(?:hereinafter|hereafter|for short))?\s*\)/g;
const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'the',
  'in',
  'on',
  'at',
  '&',
  'de',
  'du',
  'la',
  'fur',
  'für',
  'und',
]);

/** Finds the acronyms a text defines. */
export function findAliases(text: string): Alias[] {
  const found: Alias[] = [];
  for (const match of text.matchAll(DEFINITION)) {
    const short = (match[1] ?? '').replace(/\.$/, '');
    const long = longFormBefore(text.slice(Math.max(0, match.index - 200), match.index), short);
    if (long) found.push({ short, long });
  }
  return found;
}

/** The shortest run of words ending `before` whose initials spell `short`, or null. */
function longFormBefore(before: string, short: string): string | null {
  const letters = short.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length < 2) return null;
  const candidates = words(before);
  for (let k = 1; k <= Math.min(candidates.length, 14); k++) {
    const run = candidates.slice(candidates.length - k);
    const first = run[0];
    if (!first || !/^\p{Lu}/u.test(first.text)) continue;
    // A word between the run and the parenthesis ("(USST)" right after the name) is not allowed.
    const last = run[run.length - 1];
    if (!last || before.slice(last.end).trim() !== '') continue;
    if (
      initialsMatch(
        run.map((w) => w.text),
        letters,
      )
    )
      return before.slice(first.start, last.end);
  }
  return null;
}

/**
 * Whether `letters` can be read off the words: each significant word gives its first letter (or its first
 * few letters, as in "Univ" or "HKUST"'s "Sci"), connectors give their initial or nothing.
 */
function initialsMatch(run: string[], letters: string): boolean {
  const folded = run.map((w) => foldForMatch(w));
  const match = (wi: number, li: number): boolean => {
    if (li === letters.length) return wi === folded.length;
    if (wi === folded.length) return false;
    const word = folded[wi] ?? '';
    if (CONNECTORS.has(word) && match(wi + 1, li)) return true;
    // Take 1..3 leading letters of this word.
    for (let n = 1; n <= Math.min(3, word.length); n++) {
      if (word.slice(0, n) !== letters.slice(li, li + n)) break;
      if (match(wi + 1, li + n)) return true;
    }
    return false;
  };
  return match(0, 0);
}

/** A lookup of aliases in both directions, built once per corpus. */
export class AliasTable {
  readonly aliases: Alias[];
  private readonly byShort = new Map<string, Alias[]>();
  private readonly byShortFolded = new Map<string, Alias[]>();
  private readonly byLong = new Map<string, Alias[]>();

  constructor(aliases: Iterable<Alias>) {
    const unique = new Map<string, Alias>();
    for (const alias of aliases) unique.set(keyOf(alias), alias);
    this.aliases = [...unique.values()];
    for (const alias of this.aliases) {
      push(this.byShort, alias.short, alias);
      push(this.byShortFolded, foldForMatch(alias.short), alias);
      push(this.byLong, foldForMatch(alias.long), alias);
    }
  }

  /** The acronyms, as written. */
  shortForms(): Iterable<string> {
    return this.byShort.keys();
  }

  /** The long forms of an acronym as written ("USST"); case matters, so "Us" is not "US". */
  longForms(short: string): string[] {
    return (this.byShort.get(short) ?? []).map((a) => a.long);
  }

  /**
   * The aliases a query implies but does not say: for each acronym it uses ("USST", or "usst" typed in
   * lowercase), the long forms; for each long form it spells out, the acronyms.
   */
  expandQuery(query: string): QueryAlias[] {
    const found: QueryAlias[] = [];
    for (const word of words(query)) {
      const aliases =
        this.byShort.get(word.text) ??
        (word.text.length >= 3 ? this.byShortFolded.get(foldForMatch(word.text)) : undefined);
      for (const alias of aliases ?? []) found.push({ written: word.text, implied: alias.long });
    }
    const folded = foldForMatch(query);
    for (const [long, aliases] of this.byLong) {
      if (folded.includes(long))
        for (const alias of aliases) found.push({ written: alias.long, implied: alias.short });
    }
    return found;
  }
}

/** An alias of a query: the words as the query has them, and what they also stand for. */
export interface QueryAlias {
  written: string;
  implied: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The aliases of each file, from which the corpus's AliasTable is made again when files change, at the
 * cost of the aliases those files define: the table holds each alias once (by acronym and folded long
 * form) where it first comes in file order, as the last file that defines it writes it, as
 * `new AliasTable` over every file's aliases in file order does.
 */
export class AliasSources {
  private readonly byFile = new Map<string, Alias[]>();
  /** Per alias key: the files that define it, each with where it first comes there and how it last writes it. */
  private readonly byKey = new Map<string, Map<string, { first: number; alias: Alias }>>();
  /** Per alias key: its first file and place there, and the alias as its last file writes it. */
  private readonly entries = new Map<string, { file: string; first: number; alias: Alias }>();
  private current = new AliasTable([]);
  private changed = false;

  /** Sets the aliases a file defines (none: it defines none, or it is gone). */
  set(file: string, aliases: Alias[]): void {
    const old = this.byFile.get(file) ?? [];
    if (old.length === 0 && aliases.length === 0) return;
    const touched = new Set<string>();
    for (const alias of old) {
      const key = keyOf(alias);
      this.byKey.get(key)?.delete(file);
      touched.add(key);
    }
    if (aliases.length > 0) this.byFile.set(file, aliases);
    else this.byFile.delete(file);
    aliases.forEach((alias, i) => {
      const key = keyOf(alias);
      let files = this.byKey.get(key);
      if (!files) this.byKey.set(key, (files = new Map()));
      const own = files.get(file);
      if (own) own.alias = alias;
      else files.set(file, { first: i, alias });
      touched.add(key);
    });
    for (const key of touched) this.place(key);
    this.changed = true;
  }

  /** The table of the aliases as they now stand. */
  table(): AliasTable {
    if (this.changed) {
      const entries = [...this.entries.values()].sort((a, b) => byFile(a, b) || a.first - b.first);
      this.current = new AliasTable(entries.map((e) => e.alias));
      this.changed = false;
    }
    return this.current;
  }

  private place(key: string): void {
    const files = this.byKey.get(key);
    let first: { file: string; first: number } | null = null;
    let last: { file: string; alias: Alias } | null = null;
    for (const [file, own] of files ?? []) {
      if (!first || file < first.file) first = { file, first: own.first };
      if (!last || file > last.file) last = { file, alias: own.alias };
    }
    if (!first || !last) {
      this.byKey.delete(key);
      this.entries.delete(key);
    } else this.entries.set(key, { ...first, alias: last.alias });
  }
}

function keyOf(alias: Alias): string {
  return `${alias.short}\u0000${foldForMatch(alias.long)}`;
}
