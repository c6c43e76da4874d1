/**
 * Autocomplete for the slash commands' text options: what the corpus can answer, matching what has been
 * typed so far. A pure function of the index, like the answers; the bot only sends the choices.
 *
 * - who-signed: the parties, agreements, signers and their organisations of the extracted signings;
 * - when: the descriptions of the extracted events;
 * - search: the article titles;
 * and, for all three, the index's own word suggestions for what is being typed (prefix and typo-tolerant).
 * - ask: the question as typed so far, completed with the candidates of the kind it asks.
 */
import type { Index } from '../index/build.ts';
import type { Candidate, Kind } from '../index/suggestions.ts';
import { cut } from '../text/cut.ts';
import { foldForMatch, normalizeWhitespace } from '../text/normalize.ts';
import { wordsOf } from '../text/terms.ts';
import { intentOf, topicOf } from './ask.ts';
import { lowerBound, vocabularyOf } from './vocabulary.ts';
import { cleanQuery } from './query.ts';
import type { CommandName, QueryCommandName } from './types.ts';

/** Discord's limits: 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** Choice texts for `typed`, best first: at most 25, each at most 100 characters, no duplicates. */
export function autocomplete(index: Index, command: QueryCommandName, typed: string): string[] {
  if (command === 'ask') return askChoices(index, typed);
  const query = cleanQuery(typed);
  const folded = foldForMatch(query);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    if (out.length >= MAX_CHOICES) return;
    const choice = cut(normalizeWhitespace(text), MAX_CHOICE_LENGTH);
    const key = foldForMatch(choice);
    if (choice === '' || seen.has(key) || out.length >= MAX_CHOICES) return;
    seen.add(key);
    out.push(choice);
  };
  const candidates = candidatesOf(index, command);
  if (folded === '') {
    for (const candidate of candidates) add(candidate.text);
    return out;
  }
  // Those that start with the typed text, then those with a word starting with it, then any containing it.
  const starts: string[] = [];
  const wordStarts: string[] = [];
  const contains: string[] = [];
  // Each text's first match of the typed text, found by searching all the texts joined in one string.
  const joined = index.suggestions.joined(kindOf(command));
  const { text: all, starts: begins } = joined;
  let i = 0;
  for (let from = 0; ;) {
    const found = all.indexOf(folded, from);
    if (found < 0) break;
    while (begins[i + 1]! <= found) i++;
    const end = begins[i + 1]! - 1;
    from = begins[i + 1]!;
    if (found + folded.length > end) continue;
    const at = found - begins[i]!;
    const text = candidates[i]!.text;
    if (at === 0) {
      starts.push(text);
      if (starts.length >= MAX_CHOICES) break;
    } else if (/[^\p{L}\p{N}]/u.test(all.charAt(found - 1))) wordStarts.push(text);
    else contains.push(text);
  }
  // Only until the choices are full: thousands of candidates may contain a common word.
  for (const list of [starts, wordStarts, contains])
    for (let i = 0; i < list.length && out.length < MAX_CHOICES; i++) add(list[i]!);
  if (out.length < MAX_CHOICES) for (const suggestion of suggest(index, query)) add(suggestion);
  return out;
}

/**
 * A question being typed, completed: what it asks is read from its words so far, and its topic (the
 * words after the question's framing) completed as that kind's option would be.
 */
function askChoices(index: Index, typed: string): string[] {
  const question = cleanQuery(typed);
  const intent = intentOf(question);
  const topic = topicOf(question, intent);
  const first = topic.split(' ')[0] ?? '';
  const at = first ? question.toLowerCase().lastIndexOf(first.toLowerCase()) : -1;
  const head = (at >= 0 ? question.slice(0, at) : question).trim();
  const seen = new Set<string>();
  const out: string[] = [];
  for (const choice of autocomplete(index, intent, at >= 0 ? question.slice(at) : '')) {
    const text = cut(head ? `${head} ${choice}` : choice, MAX_CHOICE_LENGTH);
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/** The list of suggestions a command's choices come from. */
function kindOf(command: CommandName): Kind {
  return command === 'who-signed' ? 'signings' : command === 'when' ? 'events' : 'titles';
}

/** The candidates of a command: derived by the index when it changes (index/suggestions.ts). */
function candidatesOf(index: Index, command: CommandName): Candidate[] {
  const { suggestions } = index;
  return command === 'who-signed'
    ? suggestions.signings
    : command === 'when'
      ? suggestions.events
      : suggestions.titles;
}

/**
 * The index's completions of the word being typed, in the corpus's spelling ("qingp" -> "Qingpu"), after
 * the words typed before it, most common first. Read off the sorted vocabulary: a search over a long
 * question's common words at each key press would cost tens of milliseconds.
 */
function suggest(index: Index, query: string): string[] {
  const last = wordsOf(query).pop() ?? '';
  // One or two letters prefix thousands of words: wait for a third.
  if (last.length < MIN_PREFIX) return [];
  const head = query.slice(0, query.lastIndexOf(last)).trimEnd();
  const prefix = foldForMatch(last);
  const vocabulary = vocabularyOf(index);
  const found: string[] = [];
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && found.length < MAX_SCANNED; i++) {
    const term = vocabulary[i]!;
    if (!term.startsWith(prefix)) break;
    found.push(term);
  }
  const frequency = (term: string) => index.documentFrequency.get(term) ?? 0;
  return found
    .sort((a, b) => frequency(b) - frequency(a))
    .slice(0, MAX_CHOICES)
    .map((term) => {
      const word = index.surface.get(term) ?? term;
      return head ? `${head} ${word}` : word;
    });
}

/** The letters a word needs before the index completes it. */
const MIN_PREFIX = 3;
/** Completions read off the vocabulary at most, before the most common are kept. */
const MAX_SCANNED = 500;
