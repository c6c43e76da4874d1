/**
 * Words and index terms: the one word normaliser. The index, the highlighter and the fact matchers all
 * read words the same way: runs of letters and digits, folded to lowercase without accents, stemmed
 * (Porter), stop words dropped (toTerm); the facts also read British spellings as American (matchTerm).
 */
import { stemmer } from 'stemmer';
import { foldForMatch } from './normalize.ts';

export interface Word {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The words of `text`, as strings: what the index tokenizes. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of `text`, with their offsets. Hyphens, slashes and plus signs separate words. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Words too common to rank by. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by did do does for from had has have he her his i if in into is it ' +
    'its me my of on or our she so than that the their them then there these they this those to too was we ' +
    'were what which while who whom will with would you your also about after before between both during ' +
    'over under up out such can could should may might must shall am not no nor only own same very just'
  ).split(' '),
);

/** Terms already computed, by word: a corpus has a few tens of thousands of distinct words. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** The index term for a word: folded, possessive dropped, stemmed; null for a stop word. */
export function toTerm(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    term = computeTerm(word);
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

function computeTerm(word: string): string | null {
  const folded = foldForMatch(word).replace(/'s$/, '');
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null;
  // Digits and short tokens stay as they are: "737", "5g", "ai".
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  return stemmer(folded);
}

/** The distinct index terms of a text, in order of first appearance. */
export function termsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const word of words(text)) {
    const term = toTerm(word.text);
    if (term !== null) seen.add(term);
  }
  return [...seen];
}

/** British spellings that the facts read as American ones: "Centre" finds "Center". */
const SPELLING: Record<string, string> = {
  centre: 'center',
  centres: 'centers',
  programme: 'program',
  programmes: 'programs',
  organisation: 'organization',
  organisations: 'organizations',
  labour: 'labor',
  paediatric: 'pediatric',
  paediatrics: 'pediatrics',
  haematology: 'hematology',
  anaesthesia: 'anesthesia',
  oncological: 'oncology',
};

const matchCache = new Map<string, string | null>();

/**
 * The term a fact is matched by: the index term of the word with British spellings unified. /search
 * keeps toTerm: read this way there, "Program" also finds "programme" and ranks other articles above
 * the one asked for (1 of the 570 search questions of the generated 1,000-article gold set).
 */
export function matchTerm(word: string): string | null {
  let term = matchCache.get(word);
  if (term === undefined) {
    const folded = foldForMatch(word);
    term = toTerm(SPELLING[folded] ?? folded);
    if (matchCache.size >= TERM_CACHE_LIMIT) matchCache.clear();
    matchCache.set(word, term);
  }
  return term;
}

/** How highlightWords reads words: the term of a word, and the long forms of an acronym. */
export interface HighlightOptions {
  /** Default toTerm; the facts pass matchTerm. */
  termOf?: (word: string) => string | null;
  /** The long forms an acronym stands for ("USST" -> "University of ..."): it is highlighted when they match. */
  longForms?: (acronym: string) => string[];
}

/** The one highlighter: the words of `text` whose terms are among `matched`, and acronyms whose long form is. */
export function highlightWords(
  text: string,
  matched: ReadonlySet<string>,
  options: HighlightOptions = {},
): string[] {
  const termOf = options.termOf ?? toTerm;
  const matches = (word: string) => {
    const term = termOf(word);
    return term !== null && matched.has(term);
  };
  const found = new Set<string>();
  for (const word of words(text)) {
    if (matches(word.text)) found.add(word.text);
    else if (options.longForms && /^[A-Z]{2,}/.test(word.text)) {
      const longForms = options.longForms(word.text);
      if (longForms.some((long) => words(long).some((w) => matches(w.text)))) found.add(word.text);
    }
  }
  return [...found];
}
