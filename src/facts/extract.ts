/**
 * Extracts the facts of every article once, at indexing. Each article's facts come from that article
 * alone (extractArticleFacts), so they can be cached per file or extracted in worker threads; this only
 * numbers and combines them. Aliases across articles are resolved at query time.
 */
import type { Article } from '../corpus/types.ts';
import type { AliasTable } from './aliases.ts';
import { extractArticleFacts } from './article.ts';
import type { Facts } from './types.ts';

export function extractFacts(articles: Article[], _aliases: AliasTable): Facts {
  const facts: Facts = { signings: [], events: [] };
  articles.forEach((article, a) => {
    const found = extractArticleFacts(article);
    for (const signing of found.signings) facts.signings.push({ article: a, ...signing });
    for (const event of found.events) facts.events.push({ article: a, ...event });
  });
  return facts;
}
