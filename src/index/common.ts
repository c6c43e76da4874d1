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

/**
 * The terms in more than commonLimit of the articles (a few hundred), kept in line as the articles
 * change: only the terms whose document frequency changed are looked at, unless the number of articles
 * moves the limit. In alphabetical order, so that they do not depend on the order the articles came in.
 */
export class CommonTerms {
  /** The whole part of the limit (frequencies are whole: more than it is more than the limit). */
  private limit = -1;
  private readonly terms = new Set<string>();
  private list: string[] = [];

  /** The common terms; `changed`: the terms whose document frequency changed since the last update. */
  update(documentFrequency: Map<string, number>, articleCount: number, changed?: Iterable<string>): string[] {
    const limit = Math.floor(commonLimit(articleCount));
    let moved = false;
    if (!changed || limit !== this.limit) {
      this.limit = limit;
      this.terms.clear();
      for (const [term, df] of documentFrequency) if (df > limit) this.terms.add(term);
      moved = true;
    } else
      for (const term of changed) {
        const common = (documentFrequency.get(term) ?? 0) > limit;
        if (common === this.terms.has(term)) continue;
        if (common) this.terms.add(term);
        else this.terms.delete(term);
        moved = true;
      }
    if (moved) this.list = [...this.terms].sort();
    return this.list;
  }
}
