/** Facts extracted from the articles at indexing: signings and dated events, and the organisations named. */
import type { Signer } from '../answers/types.ts';

export interface Signing {
  /** Article number in Index.articles. */
  article: number;
  /** Sentence indexes in the article that state the signing (the quote), in article order. */
  sentences: number[];
  /** The sentence that says who signed (one of `sentences`). */
  sentence: number;
  signers: Signer[];
  agreement: string | null;
  /** The organisations that signed, each by the fullest name its article gives. */
  parties: string[];
  date: string | null;
  dateText: string | null;
  /** The organisations the signing names (parties, signers' organisations), with their aliases in the article. */
  organizations: Organization[];
}

export interface DatedEvent {
  article: number;
  sentences: number[];
  /** The sentence that reports the event (one of `sentences`). */
  sentence: number;
  /** A short description of what happened. */
  event: string;
  /** Where it happened, when the text says. */
  place: string | null;
  date: string | null;
  dateText: string | null;
  /** The organisations the event's sentence names, with their aliases in the article. */
  organizations: Organization[];
}

/** An organisation of one article, with every other name that article gives it. */
export interface Organization {
  name: string;
  aliases: string[];
}

/** The facts of one article, before it has a number in the index. */
export interface ArticleFacts {
  signings: Omit<Signing, 'article'>[];
  events: Omit<DatedEvent, 'article'>[];
  organizations: Organization[];
}

export interface Facts {
  signings: Signing[];
  events: DatedEvent[];
}
