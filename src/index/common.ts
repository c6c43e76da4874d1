/**
 * Common words: those in so many articles that they find no particular article. Search leaves them out of
 * finding candidates, and does not read typos of them (a typo of "university" is not a rare word).
 */

/** Words in more than this share of the articles do not take part in finding candidate articles. */
export const COMMON_SHARE = 0.1;
/**
 * Fewer articles than this are never many: in a small archive every word finds candidates (they cost
 * little), and a word of 1 article in 5 is no common word whose typos are best left alone.
 */
const COMMON_MIN_ARTICLES = 50;

/** In how many articles a word is common: COMMON_SHARE of them, and at least COMMON_MIN_ARTICLES. */
export function commonLimit(articleCount: number): number {
  return Math.max(COMMON_SHARE * articleCount, COMMON_MIN_ARTICLES);
}

/** The terms in more than commonLimit of the articles: a few hundred. */
export function commonTermsOf(documentFrequency: Map<string, number>, articleCount: number): string[] {
  const limit = commonLimit(articleCount);
  return [...documentFrequency].filter(([, df]) => df > limit).map(([term]) => term);
}
