import type { Article } from '../corpus/types.ts';
import type { ArticleRef } from './types.ts';

/** The article as an answer names it. */
export function articleRef(article: Article): ArticleRef {
  return { id: article.id, title: article.title, published: article.published, source: article.source };
}
