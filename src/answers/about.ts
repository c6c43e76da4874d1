/** What the corpus holds: for `/about` and the console's `/about`. */
import type { Index } from '../index/build.ts';
import { articleRef } from './article.ts';
import type { ArticleRef } from './types.ts';

export interface CorpusSummary {
  articleCount: number;
  /** Newest first; articles without a date last, by title. */
  articles: ArticleRef[];
  signingCount: number;
  eventCount: number;
  /** Files of the corpus folder that were not loaded, with the reason. */
  skipped: { file: string; reason: string }[];
}

export function about(index: Index): CorpusSummary {
  const articles = index.articles
    .map(articleRef)
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
  return {
    articleCount: articles.length,
    articles,
    signingCount: index.facts.signings.length,
    eventCount: index.facts.events.length,
    skipped: index.skipped,
  };
}
