/**
 * What the answer functions return: plain data, rendered by the CLI, the console and the bot.
 * The JSON shape is the command-line contract (docs/cli-contract.md); extend it, never break it.
 */
import type { Signer } from '../facts/types.ts';

/** The kinds of answer: each has its own answer fields. */
export type CommandName = 'who-signed' | 'when' | 'search';
/** Every command that takes a query: the three kinds, and `ask`, which decides the kind itself. */
export type QueryCommandName = CommandName | 'ask';

/** The article an answer quotes, as the contract names it. */
export interface ArticleRef {
  id: string;
  title: string;
  /** YYYY-MM-DD or null. */
  published: string | null;
  source: string | null;
}

export interface BaseAnswer {
  /** The sentence(s) of the article that support the answer, verbatim but for whitespace. */
  quote: string;
  article: ArticleRef;
  /** Higher is better; comparable only within one result. */
  score: number;
  /** Words of `quote` that matched the query, for highlighting (exact substrings of `quote`). */
  highlights: string[];
  /**
   * How sure the extraction is of this fact, 0-1 (who-signed and when answers): 0.9 when the sentence
   * says it outright, lower when a signer or the date comes from another sentence. Optional.
   */
  confidence?: number;
}

export interface SearchAnswer extends BaseAnswer {
  /** The quote with the sentences around it, when the sentence alone says too little; else equal to quote. */
  context: string;
}

export type { Signer };

/** A resolved date: YYYY-MM-DD, --MM-DD when no year can be told, or null. */
export type ResolvedDate = string | null;

export interface SigningAnswer extends BaseAnswer {
  signers: Signer[];
  agreement: string | null;
  parties: string[];
  date: ResolvedDate;
  /** The words the date was read from ("On the morning of May 27"), or null. */
  dateText: string | null;
}

export interface EventAnswer extends BaseAnswer {
  /** A short description of what happened. */
  event: string;
  /** Where it happened, when the article says ("auditorium of USST"); null when it does not. */
  place?: string | null;
  date: ResolvedDate;
  dateText: string | null;
}

export interface AnswerByCommand {
  'who-signed': SigningAnswer;
  when: EventAnswer;
  search: SearchAnswer;
}

export interface ResultOf<C extends QueryCommandName, K extends CommandName> {
  command: C;
  query: string;
  answers: AnswerByCommand[K][];
  /** Did-you-mean and near misses; never answers. */
  suggestions: string[];
}

export type WhoSignedResult = ResultOf<'who-signed', 'who-signed'>;
export type WhenResult = ResultOf<'when', 'when'>;
export type SearchResult = ResultOf<'search', 'search'>;
/** `ask`: the answers of the kind named in `as` (the kind that answered). */
export type AskResult =
  | (ResultOf<'ask', 'who-signed'> & { as: 'who-signed' })
  | (ResultOf<'ask', 'when'> & { as: 'when' })
  | (ResultOf<'ask', 'search'> & { as: 'search' });

interface ResultByCommand {
  'who-signed': WhoSignedResult;
  when: WhenResult;
  search: SearchResult;
  ask: AskResult;
}

/** A command's result; `Result` alone is the union of all, told apart by `command` (and `as` for ask). */
export type Result<C extends QueryCommandName = QueryCommandName> = ResultByCommand[C];

/** The answers of a result with their kind, for renderers: one switch on `kind`, no casts. */
export type KindedAnswers =
  | { kind: 'who-signed'; answers: SigningAnswer[] }
  | { kind: 'when'; answers: EventAnswer[] }
  | { kind: 'search'; answers: SearchAnswer[] };

/** The kind of answer a result holds and its answers. */
export function answersOf(result: Result): KindedAnswers {
  if (result.command === 'ask') {
    switch (result.as) {
      case 'who-signed':
        return { kind: 'who-signed', answers: result.answers };
      case 'when':
        return { kind: 'when', answers: result.answers };
      default:
        return { kind: 'search', answers: result.answers };
    }
  }
  switch (result.command) {
    case 'who-signed':
      return { kind: 'who-signed', answers: result.answers };
    case 'when':
      return { kind: 'when', answers: result.answers };
    default:
      return { kind: 'search', answers: result.answers };
  }
}

/** The kind of answer a result holds: its command, or for `ask` the kind that answered. */
export function kindOf(result: Result): CommandName {
  return result.command === 'ask' ? result.as : result.command;
}
