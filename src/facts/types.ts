/** Facts extracted from the articles at indexing: signings and dated events, and the organisations named. */

/** A person who signed, as the article names them (also the shape answers carry). */
export interface Signer {
  name: string;
  role: string | null;
  organization: string | null;
}

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
  /**
   * How sure the extraction is, 0-1: below 0.5 the text does not let it say who signed (a surname alone,
   * "they" with no one named before), and the signing is a suggestion, never an answer.
   */
  confidence?: number;
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
  /** How sure the extraction is of the event and its date, 0-1 (see Signing.confidence). */
  confidence?: number;
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

/**
 * What a fact is found by, from its article alone (see facts/factWords.ts): kept in the article's record.
 * Words are the distinct words of a field that have a term, in lowercase.
 */
export interface FactWords {
  /** Its organisations, by every name its article gives them; other articles' aliases come at indexing. */
  organizations: string[];
  /** The people who signed. */
  people: string[];
  /** The agreement or the event. */
  what: string[];
  /** The words of the sentences that state it. */
  text: string[];
  /** The words of the sentences around an event in its paragraph. */
  context: string[];
}

/** What the facts of one article are found by. */
export interface ArticleFactWords {
  /** The words of the article's title, a field of each of its facts. */
  title: string[];
  /** The words of the organisations its first paragraph names (who reports): a weak field of its events. */
  lead?: string[];
  /** The organisations its first paragraph names: events are found by their other names in the corpus. */
  leadNames?: string[];
  signings: FactWords[];
  events: FactWords[];
}
