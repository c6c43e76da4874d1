/**
 * Autocomplete for the slash commands' text options: what the corpus can answer, matching what has been
 * typed so far. A pure function of the index, like the answers; the bot only sends the choices.
 *
 * - who-signed: the parties, agreements, signers and their organisations of the extracted signings;
 * - when: the descriptions of the extracted events;
 * - search: the article titles;
 * and, for all three, the index's own word suggestions for what is being typed (prefix and typo-tolerant).
 */
import type { Index } from '../index/build.ts';
import { foldForMatch, normalizeWhitespace } from '../text/normalize.ts';
import { cleanQuery } from './query.ts';
import type { CommandName } from './types.ts';

/** Discord's limits: 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Choice texts for `typed`, best first: at most 25, each at most 100 characters, no duplicates. */
export function autocomplete(index: Index, command: CommandName, typed: string): string[] {
  const query = cleanQuery(typed);
  const folded = foldForMatch(query);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    const choice = shorten(normalizeWhitespace(text), MAX_CHOICE_LENGTH);
    const key = foldForMatch(choice);
    if (choice === '' || seen.has(key) || out.length >= MAX_CHOICES) return;
    seen.add(key);
    out.push(choice);
  };
  const candidates = candidatesOf(index, command);
  if (folded === '') {
    candidates.forEach(add);
    return out;
  }
  // Those that start with the typed text, then those with a word starting with it, then any containing it.
  const starts: string[] = [];
  const wordStarts: string[] = [];
  const contains: string[] = [];
  for (const candidate of candidates) {
    const c = foldForMatch(candidate);
    const at = c.indexOf(folded);
    if (at === 0) starts.push(candidate);
    else if (at > 0 && /[^\p{L}\p{N}]/u.test(c.charAt(at - 1))) wordStarts.push(candidate);
    else if (at > 0) contains.push(candidate);
  }
  [...starts, ...wordStarts, ...contains].forEach(add);
  for (const suggestion of suggest(index, query)) add(suggestion);
  return out;
}

/** What a command can answer about, most frequent first. */
function candidatesOf(index: Index, command: CommandName): string[] {
  const counts = new Map<string, number>();
  const count = (text: string | null | undefined) => {
    const t = text ? normalizeWhitespace(text) : '';
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  };
  if (command === 'who-signed') {
    for (const signing of index.facts.signings) {
      signing.parties.forEach(count);
      count(signing.agreement);
      for (const signer of signing.signers) {
        count(signer.name);
        count(signer.organization);
      }
    }
  } else if (command === 'when') {
    for (const event of index.facts.events) count(event.event);
  } else {
    for (const article of index.articles) count(article.title);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([text]) => text);
}

/** The index's completions of the typed words, in the corpus's spelling ("qingp" -> "Qingpu"). */
function suggest(index: Index, query: string): string[] {
  const out: string[] = [];
  let found;
  try {
    found = index.search.autoSuggest(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' });
    if (found.length === 0)
      found = index.search.autoSuggest(query, { prefix: true, fuzzy: 0.3, combineWith: 'OR' });
  } catch {
    return out;
  }
  for (const { terms } of found.slice(0, MAX_CHOICES)) {
    out.push(terms.map((term) => index.surface.get(term) ?? term).join(' '));
  }
  return out;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ', max - 1);
  const kept = space > max / 2 ? head.slice(0, space) : head.slice(0, max - 1);
  return `${kept.replace(/[\s,;:]+$/u, '')}…`.slice(0, max);
}
