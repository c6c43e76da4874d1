/**
 * Whitespace and character normalisation shared by the parser, the index and the queries.
 */

/** No-break and other exotic spaces that the articles contain inside sentences. */
const EXOTIC_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters and the byte-order mark: invisible, and they break word matching. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Normalises one line of text: exotic spaces become plain spaces, runs of spaces collapse, ends are trimmed. */
export function normalizeLine(line: string): string {
  return line
    .replace(INVISIBLE, '')
    .replace(EXOTIC_SPACES, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Normalises a whole text for comparison: every run of whitespace becomes one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Folds accents and case, and unifies apostrophes, quotes and dashes, for matching. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
