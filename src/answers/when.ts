/**
 * `/when`: the dated events that match the query, best first: ceremonies, launches, openings, signings.
 * Only events that cover the query answer it; the nearest others are suggestions.
 */
import { highlightTerms } from '../index/factSearch.ts';
import type { Index } from '../index/build.ts';
import { articleRef } from './article.ts';
import { didYouMean, round } from './search.ts';
import type { EventAnswer, Result } from './types.ts';

const LIMIT = 5;

export function when(index: Index, query: string): Result<'when'> {
  const { hits, near } = index.factSearch.events.search(query);
  // An event that states its own date before one that takes the date of the article's ceremony.
  const ranked = hits
    .map((h) => {
      const fact = index.facts.events[h.fact]!;
      const own = fact.sentences.length === 1;
      return { ...h, score: h.score * (own ? 1.15 : 1) * (fact.date ? 1 : 0.9) };
    })
    .sort((a, b) => b.score - a.score);
  const answers: EventAnswer[] = ranked.slice(0, LIMIT).map((hit) => {
    const fact = index.facts.events[hit.fact]!;
    const article = index.articles[fact.article]!;
    const quote = fact.sentences.map((s) => article.sentences[s]?.text ?? '').join(' ');
    return {
      quote,
      article: articleRef(article),
      score: round(hit.score),
      highlights: highlightTerms(quote, hit.terms),
      event: fact.event,
      place: fact.place,
      date: fact.date,
      dateText: fact.dateText,
    };
  });
  const suggestions = answers.length
    ? []
    : near.length
      ? near.map((h) => index.facts.events[h.fact]!.event)
      : didYouMean(index, query);
  return { command: 'when', query, answers, suggestions: [...new Set(suggestions)] };
}
