/**
 * `/who-signed` and `/when`, made by one factory: the facts of a kind that cover the query, best first,
 * each quoted with the sentences that state it. Only facts that cover the query answer it; the nearest
 * others are suggestions, never answers.
 */
import { displayParty, type FactHit, type FactIndex } from '../index/factSearch.ts';
import { highlightWords, matchTerm } from '../text/terms.ts';
import type { DatedEvent, Signing } from '../facts/types.ts';
import type { Index } from '../index/build.ts';
import { Budget } from '../text/bounds.ts';
import { articleRef } from './article.ts';
import { didYouMean, round } from './search.ts';
import type { AnswerByCommand, BaseAnswer, ResultOf } from './types.ts';

/** At most this many answers. */
export const FACT_LIMIT = 5;

type FactKind = 'who-signed' | 'when';

interface FactSpec<K extends FactKind, F extends Signing | DatedEvent> {
  kind: K;
  /** The facts by their number in the fact search (FactHit.fact). */
  facts(index: Index): F[];
  search(index: Index): FactIndex;
  /** How much a fact's score is multiplied by, at equal footing with the others. */
  weight(fact: F): number;
  /** The kind's own fields of the answer. */
  fields(index: Index, fact: F): Omit<AnswerByCommand[K], keyof BaseAnswer>;
  /** A near miss, as a suggestion. */
  describe(index: Index, fact: F): string;
  /** Below this confidence a fact is only a suggestion, never an answer (0: every fact answers). */
  minConfidence: number;
}

function factAnswer<K extends FactKind, F extends Signing | DatedEvent>(spec: FactSpec<K, F>) {
  return (index: Index, query: string): ResultOf<K, K> => {
    const budget = new Budget();
    const { hits, near } = spec.search(index).search(query, budget);
    const facts = spec.facts(index);
    const sure = (h: FactHit) => (facts[h.fact]!.confidence ?? 1) >= spec.minConfidence;
    const unsure = hits.filter((h) => !sure(h));
    const ranked: FactHit[] = hits
      .filter(sure)
      .map((h) => ({ ...h, score: h.score * spec.weight(facts[h.fact]!) }))
      .sort((a, b) => b.score - a.score);
    const answers = ranked.slice(0, FACT_LIMIT).map((hit) => {
      const fact = facts[hit.fact]!;
      const article = index.articles[fact.article]!;
      const quote = fact.sentences.map((s) => article.sentences[s]?.text ?? '').join(' ');
      const base: BaseAnswer = {
        quote,
        article: articleRef(article),
        score: round(hit.score),
        highlights: highlightWords(quote, hit.terms, { termOf: matchTerm }),
      };
      const confidence = fact.confidence !== undefined ? { confidence: fact.confidence } : {};
      return { ...base, ...confidence, ...spec.fields(index, fact) } as AnswerByCommand[K];
    });
    const suggestions = answers.length
      ? []
      : unsure.length
        ? unsure.slice(0, FACT_LIMIT).map((h) => spec.describe(index, facts[h.fact]!))
        : near.length
          ? near.map((h) => spec.describe(index, facts[h.fact]!))
          : didYouMean(index, query, budget);
    return { command: spec.kind, query, answers, suggestions: [...new Set(suggestions)] };
  };
}

/**
 * `/who-signed`: a signing that names its signers before one that names only the organisations. A signing
 * the text does not let us name the signers of (confidence under 0.5) is a suggestion, never an answer.
 */
export const whoSigned = factAnswer({
  kind: 'who-signed',
  facts: (index) => index.factSearch.signings.facts,
  search: (index) => index.factSearch.signings,
  weight: (fact: Signing) => (fact.signers.length > 0 ? 1.25 : 1),
  minConfidence: 0.5,
  fields: (index, fact) => ({
    signers: fact.signers,
    agreement: fact.agreement,
    parties: [...new Set(fact.parties.map((p) => displayParty(index, p)))],
    date: fact.date,
    dateText: fact.dateText,
  }),
  describe: (index, fact) => {
    const parties = fact.parties.map((p) => displayParty(index, p)).join(' and ');
    return [fact.agreement, parties ? `(${parties})` : ''].filter(Boolean).join(' ');
  },
});

/** `/when`: an event that states its own date before one that takes the date of its article's ceremony. */
export const when = factAnswer({
  kind: 'when',
  facts: (index) => index.factSearch.events.facts,
  search: (index) => index.factSearch.events,
  weight: (fact: DatedEvent) => (fact.sentences.length === 1 ? 1.15 : 1) * (fact.date ? 1 : 0.9),
  minConfidence: 0,
  fields: (_index, fact) => ({
    event: fact.event,
    place: fact.place,
    date: fact.date,
    dateText: fact.dateText,
  }),
  describe: (_index, fact) => fact.event,
});
