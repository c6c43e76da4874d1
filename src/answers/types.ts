/**
 * What the answer functions return: plain data, rendered by the CLI, the console and the bot.
 * The JSON shape is the command-line contract (docs/cli-contract.md); extend it, never break it.
 */
import type { Signer } from '../facts/types.ts';

export type CommandName = 'who-signed' | 'when' | 'search';

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

export interface Result<C extends CommandName = CommandName> {
  command: C;
  query: string;
  answers: AnswerByCommand[C][];
  /** Did-you-mean and near misses; never answers. */
  suggestions: string[];
}
