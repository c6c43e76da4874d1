/**
 * What autocomplete offers, derived from the index when it changes (see relink) and kept on it: the
 * texts each command can answer about, most frequent first and folded for matching once, and the
 * index's terms in sorted order for completing the word being typed.
 */
import type { Facts } from '../facts/types.ts';
import type { Article } from '../corpus/types.ts';
import { foldForMatch, normalizeWhitespace } from '../text/normalize.ts';

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

export function suggestionsOf(
  articles: Article[],
  facts: Facts,
  documentFrequency: Map<string, number>,
): Suggestions {
  const signings = ranked((count) => {
    for (const signing of facts.signings) {
      signing.parties.forEach(count);
      count(signing.agreement);
      for (const signer of signing.signers) {
        count(signer.name);
        count(signer.organization);
      }
    }
  });
  const events = ranked((count) => {
    for (const event of facts.events) count(event.event);
  });
  const titles = ranked((count) => {
    for (const article of articles) count(article.title);
  });
  return { signings, events, titles, vocabulary: [...documentFrequency.keys()].sort() };
}

/** The texts `collect` counts, most frequent first, then in alphabetical order. */
function ranked(collect: (count: (text: string | null | undefined) => void) => void): Candidate[] {
  const counts = new Map<string, number>();
  collect((text) => {
    const t = text ? normalizeWhitespace(text) : '';
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([text]) => ({ text, folded: foldForMatch(text) }));
}
