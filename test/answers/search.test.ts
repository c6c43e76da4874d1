import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextOf, search } from '../../src/answers/search.ts';
import { flat, indexOf, seeds } from '../helpers.ts';

interface Gold {
  kind: string;
  query: string;
  article: string;
  evidence: string;
}
const gold = (JSON.parse(readFileSync('test/eval/seed-questions.json', 'utf8')) as Gold[]).filter(
  (q) => q.kind === 'search',
);

describe('search on the seed articles', () => {
  it.each(gold.map((q) => [q.query, q] as const))('%s: the evidence is in the top 3', (_, q) => {
    const top3 = search(seeds(), q.query).answers.slice(0, 3);
    const found = top3.find((a) => flat(a.quote) === flat(q.evidence));
    expect(found, top3.map((a) => a.quote).join('\n')).toBeDefined();
    expect(`${found!.article.id}.txt`).toBe(q.article);
  });

  it('matches a typo in the query', () => {
    const answer = search(seeds(), 'suture needels').answers[0];
    expect(answer?.quote).toContain('suture needles');
    expect(answer?.highlights).toContain('needles');
  });

  it('matches a typo in the article ("detention system" for detection)', () => {
    const answer = search(seeds(), 'automatic detection system Covid-19').answers[0];
    expect(answer?.quote).toContain('automatic detention system of Covid-19');
  });

  it('does not match a different short word that the corpus has ("suture" is not "future")', () => {
    const quotes = search(seeds(), 'suture', { limit: 10 }).answers.map((a) => a.quote);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote).toMatch(/suture/i);
  });

  it('finds an acronym by its long form and a long form by its acronym', () => {
    const index = indexOf({
      'a.txt':
        'Hubei Pact\n\nMarch 1, 2021\n\nHubei University of Medicine (HUM hereafter) is in Shiyan. It trains doctors.',
      'b.txt': 'HUM Opens Clinic\n\nApril 2, 2021\n\nHUM opened a rural clinic in Zhushan county on April 1.',
      'c.txt':
        'Clinic News\n\nMay 3, 2021\n\nA clinic in Zhushan county was visited by Hubei University of Medicine staff.',
    });
    const byLong = search(index, 'Hubei University of Medicine rural clinic');
    expect(byLong.answers[0]?.article.id).toBe('b');
    expect(byLong.answers[0]?.highlights).toContain('HUM');
    const byShort = search(index, 'HUM Zhushan clinic visited');
    expect(byShort.answers[0]?.article.id).toBe('c');
  });

  it('finds a hyphenated compound by its parts: "beds" finds "600-bed", "state of the art" its hyphenated form', () => {
    const index = indexOf({
      'a.txt':
        'Harbourtown Hospital\n\nMarch 3, 2025\n\nThe council opened a 600-bed state-of-the-art hospital in Harbourtown.',
      'b.txt':
        'Harbourtown Library\n\nApril 2, 2025\n\nThe council added a reading room to the Harbourtown library.',
    });
    for (const query of ['beds', 'Harbourtown hospital beds', 'state of the art', '600-bed']) {
      const answer = search(index, query).answers[0];
      expect(answer?.article.id, query).toBe('a');
      expect(answer?.quote, query).toContain('600-bed');
    }
  });

  it('gives at most one passage per article unless asked for more', () => {
    const one = search(seeds(), 'USST cooperation', { limit: 10 }).answers;
    expect(new Set(one.map((a) => a.article.id)).size).toBe(one.length);
    const many = search(seeds(), 'USST cooperation', { limit: 10, perArticle: 3 }).answers;
    expect(many.length).toBeGreaterThan(one.length);
  });

  it('ranks answers best first and quotes them verbatim', () => {
    const answers = search(seeds(), 'strategic cooperation framework agreement Qingpu').answers;
    expect(answers[0]?.quote).toMatch(/^At the signing ceremony, USST President Ding Xiaodong/);
    const scores = answers.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const answer of answers) {
      const article = seeds().articles.find((a) => a.id === answer.article.id)!;
      expect(article.text.includes(answer.quote) || article.title === answer.quote).toBe(true);
    }
  });

  it('gives no answer and did-you-mean suggestions for a misspelt word with no match', () => {
    const result = search(seeds(), 'Qinpgu');
    expect(result.answers).toEqual([]);
    expect(result.suggestions).toContain('Qingpu');
  });

  it('gives nothing at all for words the corpus has nothing near', () => {
    const result = search(seeds(), 'xylophone zebra');
    expect(result.answers).toEqual([]);
  });
});

describe('search in a larger archive', () => {
  it('counts a word left out of finding candidates in its longer forms ("chair" in "chairmanship")', () => {
    // "chair" is in most articles: only "Whitlock" finds candidates; "chair" still ranks their sentences.
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      files[`filler-${i}.txt`] =
        `Committee ${i} Meets\n\nMarch 3, 2022\n\nThe chair of committee ${i} opened the meeting.\n`;
    }
    files['visit.txt'] = 'Campus Visit\n\nMarch 3, 2022\n\nDana Whitlock visited the campus.\n';
    files['board.txt'] =
      'Board Meets\n\nMarch 3, 2022\n\nThe board met under the chairmanship of Dana Whitlock.\n';
    const answers = search(indexOf(files), 'Whitlock chair').answers;
    expect(answers.map((a) => a.article.id)).toEqual(['board', 'visit']);
    expect(answers[0]?.highlights).toEqual(['chairmanship', 'Whitlock']);
  });
});

describe('context', () => {
  const sentences = [
    { text: 'Liu Ping and Jiang Ning signed the agreement on behalf of both sides.', paragraph: 0 },
    { text: 'It covers research and teaching in medical engineering for five years.', paragraph: 0 },
    { text: 'Short one here.', paragraph: 1 },
  ];

  it('adds the sentence before a sentence that leans on it', () => {
    expect(contextOf(sentences, 1)).toBe(`${sentences[0]!.text} ${sentences[1]!.text}`);
  });

  it('keeps a sentence that stands alone, and never reaches into another paragraph', () => {
    expect(contextOf(sentences, 0)).toBe(sentences[0]!.text);
    expect(contextOf(sentences, 2)).toBe('Short one here.');
  });
});
