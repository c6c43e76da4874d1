/**
 * `/who-signed`: the signings whose parties, signers or agreement match the query, best first. Only
 * facts that cover the query answer it; the nearest others are suggestions, never answers.
 */
import { displayParty, highlightTerms } from '../index/factSearch.ts';
import type { Index } from '../index/build.ts';
import { articleRef } from './article.ts';
import { didYouMean, round } from './search.ts';
import type { Result, SigningAnswer } from './types.ts';

/** At most this many answers. */
const LIMIT = 5;

export function whoSigned(index: Index, query: string): Result<'who-signed'> {
  const { hits, near } = index.factSearch.signings.search(query);
  // A signing that names its signers before one that names only the organisations, at equal footing.
  // A signing the text does not let us name the signers of is a suggestion, never an answer.
  const unsure = hits.filter((h) => (index.facts.signings[h.fact]!.confidence ?? 1) < 0.5);
  const ranked = hits
    .filter((h) => (index.facts.signings[h.fact]!.confidence ?? 1) >= 0.5)
    .map((h) => ({ ...h, score: h.score * (index.facts.signings[h.fact]!.signers.length > 0 ? 1.25 : 1) }))
    .sort((a, b) => b.score - a.score);
  const answers: SigningAnswer[] = ranked.slice(0, LIMIT).map((hit) => {
    const fact = index.facts.signings[hit.fact]!;
    const article = index.articles[fact.article]!;
    const quote = fact.sentences.map((s) => article.sentences[s]?.text ?? '').join(' ');
    const parties = [...new Set(fact.parties.map((p) => displayParty(index, p)))];
    return {
      quote,
      article: articleRef(article),
      score: round(hit.score),
      highlights: highlightTerms(quote, hit.terms),
      signers: fact.signers,
      agreement: fact.agreement,
      parties,
      date: fact.date,
      dateText: fact.dateText,
      ...(fact.confidence !== undefined ? { confidence: fact.confidence } : {}),
    };
  });
  const suggestions = answers.length
    ? []
    : unsure.length
      ? unsure.slice(0, LIMIT).map((h) => describeNear(index, h.fact))
      : near.length
        ? near.map((h) => describeNear(index, h.fact))
        : didYouMean(index, query);
  return { command: 'who-signed', query, answers, suggestions: [...new Set(suggestions)] };
}

function describeNear(index: Index, fact: number): string {
  const f = index.facts.signings[fact]!;
  const parties = f.parties.map((p) => displayParty(index, p)).join(' and ');
  return [f.agreement, parties ? `(${parties})` : ''].filter(Boolean).join(' ');
}
