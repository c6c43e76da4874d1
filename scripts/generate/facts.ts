/**
 * The structured facts an article is generated from. Gold questions are derived from these, never from
 * re-reading the text, so they are correct by construction.
 */
import type { Day } from './dates.ts';
import type { Org, Person } from './world.ts';

/** Something built or started: a centre, a laboratory, a programme. */
export interface Facility {
  name: string;
  owner: Org;
  partner: Org | null;
  field: string;
  /** 'facility' for places ("Innovation Center"), 'program' for programmes ("Summer School"). */
  type: 'facility' | 'program';
  /** True once any article mentions an agreement about it: then it is no subject for "nobody signed" questions. */
  inAgreement: boolean;
}

export interface Agreement {
  /** A key for the kind of agreement ("mou", "strategic"), to tell agreements of one pair apart. */
  kind: string;
  /** How a user names the kind: "strategic cooperation agreement", "memorandum of understanding". */
  kindWords: string;
  /** The capitalised name, when the text gives one ("Cooperation Framework Agreement on ..."). */
  name: string | null;
  facility: Facility | null;
}

export interface SigningFact {
  /** The parties, the publisher's side first. */
  orgs: Org[];
  signers: Person[];
  agreement: Agreement;
  /** The signing date, or null when the text gives none. */
  date: Day | null;
  /** True when the text states the year of `date`. */
  explicitYear: boolean;
  /** The sentence that names the signers. */
  sentence: string;
  /** The sentence that gives the date, when it is another sentence (the ceremony). */
  dateSentence: string | null;
  /** The date as written ("On the morning of May 27"). */
  dateText: string | null;
  /** People present who did not sign: hosts, witnesses, speakers, delegation leaders. */
  others: Person[];
}

export type EventClass =
  'unveil' | 'open' | 'launch' | 'startup' | 'signing' | 'visit' | 'present' | 'establish';

export interface EventFact {
  cls: EventClass;
  /** The thing the event was about: a facility or programme name, or null for signings and visits. */
  subject: string | null;
  facility: Facility | null;
  signing: SigningFact | null;
  /** The organisations involved: for a visit, the visitors first. */
  orgs: Org[];
  date: Day;
  explicitYear: boolean;
  sentence: string;
  dateText: string;
  /** Extra words for the query ("findings on gene therapy", the conference name). */
  detail: string | null;
}

/** An article describing an event at which, as far as the text says, nobody signed anything. */
export interface NegativeFact {
  facility: Facility;
  sentence: string;
  cls: EventClass;
}

export interface ArticleFacts {
  file: string;
  title: string;
  published: Day | null;
  signings: SigningFact[];
  events: EventFact[];
  negatives: NegativeFact[];
  /** Sentences with distinctive content (names, numbers) that suit keyword search questions. */
  searchable: string[];
  /** Every body sentence, for checking that search keywords point to one sentence only. */
  sentences: string[];
}
