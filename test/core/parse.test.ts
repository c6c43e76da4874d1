import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateLine } from '../../src/corpus/dateLine.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { ArticleError, decodeArticle, parseArticle } from '../../src/corpus/parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/styles/${name}`, import.meta.url), 'utf8');

describe('the seed articles', () => {
  const corpus = loadCorpus('corpus');
  const byId = new Map(corpus.articles.map((a) => [a.id.slice(0, 3), a]));

  it('loads all five and skips nothing', () => {
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.skipped).toEqual([]);
  });

  it.each([
    ['000', 'Strategic Cooperation Agreement Signed between USST and Gongli', '2022-08-27', null, 6],
    [
      '001',
      'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST',
      '2020-11-22',
      'Zhang Liu',
      8,
    ],
    [
      '002',
      'A Cooperation Agreement Signed between Shanghai General Hospital and Shanghai University of Engineering and Technology',
      null,
      null,
      7,
    ],
    [
      '003',
      'Progress in Medical Engineering Interdisciplinary Collaboration between USST and SHSMU',
      '2019-11-06',
      null,
      8,
    ],
    ['004', 'USST Links Cooperation Agreement with Qingpu', '2020-06-06', 'Lu Wen', 7],
  ])('%s: title, date, byline, paragraphs', (id, title, published, byline, paragraphs) => {
    const article = byId.get(id)!;
    expect(article.title).toBe(title);
    expect(article.published).toBe(published);
    expect(article.byline).toBe(byline);
    expect(article.paragraphs).toHaveLength(paragraphs);
  });

  it('reads the source link and drops the navigation and footers', () => {
    const article = byId.get('002')!;
    expect(article.source).toBe('https://mp.weixin.qq.com/s/6ZmvafflXcZ_YffawXbJPg');
    for (const a of corpus.articles) {
      expect(a.text).not.toMatch(
        /Home · |Related articles|Stay Connected|Find a Doctor|• News|Link of the original/,
      );
    }
  });

  it('normalises no-break spaces', () => {
    for (const a of corpus.articles) expect(a.text).not.toContain('\u00a0');
    expect(byId.get('004')!.sentences[0]!.text).toMatch(
      /^On the morning of May 27, a ceremony for the signing/,
    );
  });

  it('keeps sentence offsets pointing into the body text', () => {
    for (const a of corpus.articles) {
      for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('other article styles', () => {
  it('reads an ISO date line with a time, a breadcrumb with ">", a Source line and a "Share" footer', () => {
    const article = parseArticle('iso-dateline.txt', fixture('iso-dateline.txt'));
    expect(article.id).toBe('iso-dateline');
    expect(article.title).toBe('University of Leeds and Hubei University of Medicine Sign Research Pact');
    expect(article.published).toBe('2021-11-23');
    expect(article.source).toBe('https://news.example.edu/2021/leeds-hum');
    expect(article.paragraphs).toHaveLength(2);
    expect(article.text).not.toContain('Privacy');
  });

  it('reads a Markdown article: heading, "Published:" date, a byline line, wrapped lines, emphasis', () => {
    const article = parseArticle('published-prefix.md', fixture('published-prefix.md'));
    expect(article.title).toBe("New Cardiac Centre Opens at St Vincent's Hospital");
    expect(article.published).toBe('2021-03-03');
    expect(article.byline).toBe('Jane Doe');
    expect(article.paragraphs[0]).toBe(
      "St Vincent's Hospital opened its new cardiac centre on March 1st, after two years of building work.",
    );
    expect(article.paragraphs[1]).toBe('The centre has 40 beds.');
    expect(article.paragraphs[2]).toMatch(/^Dr\. Hans Müller, director/);
    expect(article.text).not.toContain('Another story');
  });

  it('leaves the date null when there is no date line', () => {
    const article = parseArticle('no-dateline.txt', fixture('no-dateline.txt'));
    expect(article.published).toBeNull();
    expect(article.dateLine).toBeNull();
    expect(article.sentences.map((s) => s.text)).toEqual([
      'The two partners launched the joint laboratory on the afternoon of July 4.',
      'It will focus on imaging.',
    ]);
  });

  it.each([
    ['August 27, 2022', '2022-08-27'],
    ['November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu', '2020-11-22'],
    ['2021-11-23 17:45', '2021-11-23'],
    ['Published: 3 March 2021', '2021-03-03'],
    ['Posted on Tuesday, Nov. 9, 2021 by the Newsroom', '2021-11-09'],
    ['2021/11/23', '2021-11-23'],
    ['Sept. 1st, 2019', '2019-09-01'],
  ])('date line %j is %s', (line, date) => {
    expect(parseDateLine(line)?.published).toBe(date);
  });

  it('does not take a sentence or an impossible date for a date line', () => {
    expect(parseDateLine('On August 8th, the launching ceremony was held.')).toBeNull();
    expect(parseDate('February 30, 2021')).toBeNull();
    expect(parseDateLine('Over 159 cooperative projects have been launched')).toBeNull();
  });
});

describe('broken files', () => {
  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['not UTF-8', new Uint8Array([0x48, 0x69, 0xe9, 0x20, 0x74]), /not UTF-8/],
    ['huge', new Uint8Array(3 * 1024 * 1024).fill(0x61), /MiB/],
  ])('%s: refused with a reason', (_, bytes, reason) => {
    expect(() => decodeArticle(bytes)).toThrow(ArticleError);
    expect(() => decodeArticle(bytes)).toThrow(reason);
  });

  it('a file of blank lines or a title alone is not an article', () => {
    expect(() => parseArticle('blank.txt', '\n \n\u00a0\n')).toThrow(/no text/);
    expect(() => parseArticle('title.txt', 'Just a title\n')).toThrow(/no body/);
  });
});
