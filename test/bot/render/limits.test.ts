/** Cutting to Discord's limits cleanly: oversized quotes, titles, lists and corpora never breach a limit. */
import { describe, expect, test } from 'vitest';
import type { Result } from '../../../src/answers/types.ts';
import { aboutEmbeds, noAnswerText, quoteBlock, searchPage } from '../../../src/bot/render/embeds.ts';
import { cut, cutMarkdown, embedLength, fitEmbeds, LIMITS } from '../../../src/bot/render/limits.ts';
import { checkMessage } from '../../discord/server.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('limits', () => {
  test('cut stops at a word with an ellipsis', () => {
    expect(cut('alpha beta gamma', 100)).toBe('alpha beta gamma');
    expect(cut('alpha beta gamma delta', 13)).toBe('alpha beta…');
    expect(cut(words(1000), 2000).length).toBeLessThanOrEqual(2000);
    expect(cut(words(1000), 2000)).toMatch(/word\d+…$/);
  });

  test('cutMarkdown never leaves a bold marker open', () => {
    const text = `intro ${'**bold** '.repeat(50)}and **a very long bold run ${words(100)}** end`;
    const out = cutMarkdown(text, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  test('a huge quote becomes a block quote within its budget, highlights bold', () => {
    const out = quoteBlock(words(3000), ['word1', 'word2'], 3000);
    expect(out.length).toBeLessThanOrEqual(3000);
    expect(out.startsWith('> ')).toBe(true);
    expect(out).toContain('**word1**');
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  test('fitEmbeds keeps every part and the 6,000 total within limits', () => {
    const big = {
      title: words(200),
      description: words(2000),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: words(400) })),
      footer: { text: words(600) },
    };
    const fitted = fitEmbeds([big, big]);
    expect(fitted.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(checkMessage({ embeds: fitted, allowed_mentions: { parse: [] } }, true)).toEqual([]);
  });

  test('a search answer and a no-answer message with oversized text stay valid', () => {
    const article = {
      id: 'x',
      title: words(300),
      published: '2020-01-02',
      source: `https://e.example/${'a'.repeat(600)}`,
    };
    const result: Result<'search'> = {
      command: 'search',
      query: words(60),
      suggestions: Array.from({ length: 200 }, (_, i) => words(i % 20)),
      answers: Array.from({ length: 10 }, () => ({
        quote: words(5000),
        context: words(5000),
        article,
        score: 1,
        highlights: ['word3'],
      })),
    };
    const embeds = searchPage(result, 3).map((e) => e.toJSON());
    expect(checkMessage({ embeds, allowed_mentions: { parse: [] } }, true)).toEqual([]);
    expect(noAnswerText({ ...result, answers: [] }).length).toBeLessThanOrEqual(LIMITS.content);
  });

  test('/about of a corpus of 5,000 articles lists what fits and says how many more', () => {
    const articles = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i),
      title: `Article ${i} ${words(8)}`,
      published: null,
      source: null,
    }));
    const [embed] = aboutEmbeds({
      articleCount: 5000,
      articles,
      signingCount: 0,
      eventCount: 0,
      skipped: [],
    }).map((e) => e.toJSON());
    expect(embed!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed!.description).toMatch(/… and \d+ more articles$/);
  });
});
