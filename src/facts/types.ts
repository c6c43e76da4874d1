/** Facts extracted from the articles at indexing: signings and dated events. */
import type { Signer } from '../answers/types.ts';

export interface Signing {
  /** Article number in Index.articles. */
  article: number;
  /** Sentence indexes in the article that state the signing (the quote). */
  sentences: number[];
  signers: Signer[];
  agreement: string | null;
  parties: string[];
  date: string | null;
  dateText: string | null;
}

export interface DatedEvent {
  article: number;
  sentences: number[];
  /** A short description of what happened. */
  event: string;
  date: string | null;
  dateText: string | null;
}

export interface Facts {
  signings: Signing[];
  events: DatedEvent[];
}
