import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateline, parseDateLine } from '../../src/corpus/dateLine.ts';
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
    ['2019-04-02 09:30', '2019-04-02'],
    ['Posted on 12 May 2021', '2021-05-12'],
    ['By Jane Roe | June 2, 2020', '2020-06-02'],
    ['Updated: Mar 7, 2023', '2023-03-07'],
    ['Release Date: 04/05/2022', '2022-04-05'],
    ['Kim Dae-ho | 01/27/2019', '2019-01-27'],
    ['Published: Tuesday, 14 May 2019', '2019-05-14'],
    ['14.05.2019', '2019-05-14'],
    ['date 2022-05-20', '2022-05-20'],
    ['Friday, 16 December 2022', '2022-12-16'],
    ['Time:2017-03-09 Author: Wen Li, Zhou Ping', '2017-03-09'],
    ['Time:November 30, 2011  Author:  Editor:  Source:   Photo:', '2011-11-30'],
    ['September 2, 2019 Clicks:', '2019-09-02'],
    ['17, Jun, 2017 Office of External Relations 12', '2017-06-17'],
    ['2019年5月3日', '2019-05-03'],
    ['18th November, 2019', '2019-11-18'],
    ['12 May 2021 | 4 min read', '2021-05-12'],
    ['Posted by admin on May 3, 2021', '2021-05-03'],
    ['This article was first published on 3 May 2021.', '2021-05-03'],
    ['Source: Harbour Wire Date: 2021-05-03', '2021-05-03'],
  ])('date line %j is %s', (line, date) => {
    expect(parseDateLine(line)?.published).toBe(date);
  });

  it('does not take a sentence or an impossible date for a date line', () => {
    expect(parseDateLine('On August 8th, the launching ceremony was held.')).toBeNull();
    expect(parseDate('February 30, 2021')).toBeNull();
    expect(parseDateLine('Over 159 cooperative projects have been launched')).toBeNull();
    expect(parseDateLine('The clinic opened its new wing on 4 May 2021.')).toBeNull();
    expect(parseDateLine('On 3 May 2021, Riverside University and the city signed a memorandum.')).toBeNull();
    expect(parseDateLine('Release Date: 31/02/2022')).toBeNull();
  });

  it('reads the byline of a date line', () => {
    expect(parseDateLine('By Jane Roe | June 2, 2020')).toEqual({
      published: '2020-06-02',
      byline: 'Jane Roe',
    });
  });
});

describe('publication lines around the title', () => {
  const body = 'The Northfield Clinic opened a dialysis unit on March 3. Dr. Ana Ruiz cut the ribbon.';

  it('keeps a title of 50+ characters apart from the date line and paragraph under it (no blank lines)', () => {
    const title = 'Northfield Clinic and Lakeside University Open a Shared Dialysis Unit';
    const article = parseArticle('a.txt', `${title}\nMarch 9, 2023\n${body}\n`);
    expect(article.title).toBe(title);
    expect(article.published).toBe('2023-03-09');
    expect(article.paragraphs).toEqual([body]);
  });

  it('joins a hard-wrapped file by line length, but never a date line into the title', () => {
    const article = parseArticle(
      'wrapped.md',
      '# A shared dialysis unit for the northern district opens\nMarch 9, 2023\n\nThe Northfield Clinic opened a dialysis unit on March 3 with\nLakeside University, which will train its nurses.\n',
    );
    expect(article.title).toBe('A shared dialysis unit for the northern district opens');
    expect(article.published).toBe('2023-03-09');
    expect(article.paragraphs).toEqual([
      'The Northfield Clinic opened a dialysis unit on March 3 with Lakeside University, which will train its nurses.',
    ]);
  });

  it('joins the wrapped lines of a paragraph in a file whose other paragraphs are one long line each', () => {
    const long =
      'The unit has twelve beds, a training room for nurses and a workshop for the engineers who keep the machines running.';
    const article = parseArticle(
      'mixed.md',
      `# Clinic opens dialysis unit\n\nMarch 9, 2023\n\nThe Northfield Clinic has opened a shared dialysis unit with Lakeside\nUniversity to train the nurses of the northern district.\n\n${long}\n`,
    );
    expect(article.paragraphs).toEqual([
      'The Northfield Clinic has opened a shared dialysis unit with Lakeside University to train the nurses of the northern district.',
      long,
    ]);
  });

  it('keeps a title under a date line apart from the subtitle and the long paragraph under it', () => {
    const article = parseArticle(
      'a.txt',
      `Posted: 9 March 2023\n\nNorthfield Clinic and Lakeside University open a shared dialysis unit\nAna Ruiz appointed head of the new northern dialysis service\n\n${body} It serves forty patients a week from the three towns of the district.\n`,
    );
    expect(article.title).toBe('Northfield Clinic and Lakeside University open a shared dialysis unit');
    expect(article.paragraphs[0]).toBe('Ana Ruiz appointed head of the new northern dialysis service');
  });

  it('reads a date line above the title', () => {
    const article = parseArticle('a.txt', `date 2023-03-09\n\nClinic opens dialysis unit\n\n${body}`);
    expect(article.title).toBe('Clinic opens dialysis unit');
    expect(article.published).toBe('2023-03-09');
  });

  it('skips empty header fields and a press-release header to find the date and the title', () => {
    const article = parseArticle(
      'a.txt',
      `Location: Home>News>Events\n\nClinic opens dialysis unit\nAuthor:\nEditor:\nUpdate time: 2023-03-09\n\n${body}`,
    );
    expect(article.title).toBe('Clinic opens dialysis unit');
    expect(article.published).toBe('2023-03-09');
    expect(article.paragraphs).toEqual([body]);
    const release = parseArticle(
      'b.txt',
      `PRESS RELEASE\n\nFOR IMMEDIATE RELEASE\nMarch 9, 2023\n\nContact: Sam Lee, Northfield Clinic\n555/010-0199 (office)\nsam.lee@example.org\n\nCLINIC OPENS DIALYSIS UNIT\n\n${body}`,
    );
    expect(release.title).toBe('CLINIC OPENS DIALYSIS UNIT');
    expect(release.published).toBe('2023-03-09');
  });

  it('takes a date closing the title, and a date line closing the text, as the publication date', () => {
    const titled = parseArticle('a.txt', `Clinic opens dialysis unit 2023-03-09\n\n${body}`);
    expect(titled.title).toBe('Clinic opens dialysis unit');
    expect(titled.published).toBe('2023-03-09');
    const closing = parseArticle(
      'b.txt',
      `Clinic opens dialysis unit\n\n${body}\n\nIt serves 40 patients.\n\nPublished on 9 March 2023`,
    );
    expect(closing.published).toBe('2023-03-09');
    expect(closing.paragraphs).toEqual([body, 'It serves 40 patients.']);
  });

  it('reads a dateline opening the report; it dates the report, and gives the year when nothing else does', () => {
    const story = parseArticle(
      'a.txt',
      'Clinic opens dialysis unit\n\nDENVER (March 9, 2023) - The Northfield Clinic opened a dialysis unit on March 3.\n',
    );
    expect(story.published).toBe('2023-03-09');
    expect(story.dateline).toMatchObject({ text: 'DENVER (March 9, 2023) -', start: 0, date: '2023-03-09' });
    const dated = parseArticle(
      'b.txt',
      `Clinic opens dialysis unit\n\nMarch 10, 2023\n\nNAIROBI, March 9 — ${body}`,
    );
    expect(dated.published).toBe('2023-03-10');
    expect(dated.dateline).toMatchObject({ text: 'NAIROBI, March 9 —', date: '2023-03-09' });
    const undated = parseArticle('c.txt', `Clinic opens dialysis unit\n\nKISUMU, 9 Mar: ${body}`);
    expect(undated.published).toBeNull();
    expect(undated.dateline?.date).toBe('--03-09');
  });

  it('reads an ambiguous numeric date line day first on a page that writes its dates day first', () => {
    const uk = parseArticle(
      'a.txt',
      'Clinic opens ward\n\nRelease date: 04/05/2022\n\nThe ward opened on 2 May with ten beds.\n',
    );
    expect(uk.published).toBe('2022-05-04');
    const us = parseArticle(
      'b.txt',
      'Clinic opens ward\n\nRelease date: 04/05/2022\n\nThe ward opened on April 2 with ten beds.\n',
    );
    expect(us.published).toBe('2022-04-05');
  });

  it('takes the publication date, not the update, when a page gives both', () => {
    expect(parseDateLine('Updated: 5 May 2021 | Published: 3 May 2021')?.published).toBe('2021-05-03');
    const article = parseArticle(
      'a.txt',
      'Clinic opens ward\n\nUpdated: 2021/05/20\nDate: May 3rd, 2021\n\nThe ward opened on 2 May.\n',
    );
    expect(article.published).toBe('2021-05-03');
  });

  it('reads a date line under a photo caption, and one just above the closing lines', () => {
    const captioned = parseArticle(
      'a.txt',
      `Clinic opens ward\n\nDr. Ana Ruiz cuts the ribbon at the new ward\n\n3 May 2021\n\n${body}\n`,
    );
    expect(captioned.published).toBe('2021-05-03');
    expect(captioned.paragraphs).toEqual(['Dr. Ana Ruiz cuts the ribbon at the new ward', body]);
    const closing = parseArticle(
      'b.txt',
      `Clinic opens ward\n\n${body}\n\nIt serves 40 patients.\n\nMay 4, 2021\n\nMedia: press@example.org\n`,
    );
    expect(closing.published).toBe('2021-05-04');
    expect(closing.paragraphs).toEqual([body, 'It serves 40 patients.', 'Media: press@example.org']);
  });

  it('reads the date of a source line under the title', () => {
    const article = parseArticle(
      'a.txt',
      'Clinic opens ward\n\nSource: Harbour Wire Date: 2021-05-03\n\nThe ward opened on 2 May.\n',
    );
    expect(article.published).toBe('2021-05-03');
    expect(article.paragraphs).toEqual(['The ward opened on 2 May.']);
  });

  it.each([
    ['BEIJING, May 3 (Harbour Wire) -- The university', 'BEIJING, May 3 (Harbour Wire) --'],
    ['LONDON, 3 May 2021 /Wire Service/ -- The trust', 'LONDON, 3 May 2021 /Wire Service/ --'],
    ['KUMASI, March 10, GNA – The hospital', 'KUMASI, March 10, GNA –'],
    [
      'PORT LOUIS, (Island Wire / Daily - 21st Feb, 2024) A memorandum',
      'PORT LOUIS, (Island Wire / Daily - 21st Feb, 2024)',
    ],
    ['March 15-On March 14th, the two sides', 'March 15-'],
  ])('dateline of %j', (paragraph, text) => {
    expect(parseDateline(paragraph)?.text).toBe(text);
  });

  it.each([
    'Professor Lee (June 3, 2020) said the pact matters.',
    'On March 3, the university signed a pact.',
    'Springfield, Ohio: the clinic opened.',
  ])('no dateline in %j', (paragraph) => {
    expect(parseDateline(paragraph)).toBeNull();
  });

  it('a file that opens with its story keeps that paragraph as body and its first sentence as title', () => {
    const lede =
      'On 3 March 2023, the Northfield Clinic and Lakeside University signed a memorandum on nurse training.';
    const article = parseArticle(
      'a.txt',
      `${lede} Dr. Ana Ruiz signed for the clinic.\n\nIt is their first agreement.`,
    );
    expect(article.title).toBe(lede);
    expect(article.paragraphs[0]).toBe(`${lede} Dr. Ana Ruiz signed for the clinic.`);
    expect(article.sentences[0]?.text).toBe(lede);
  });

  it('joins a paragraph broken after an honorific with the name that follows', () => {
    const article = parseArticle(
      'a.txt',
      'Clinic signs pact\n\nThe pact was signed by Dr. Ana Ruiz and Professor Dr.\n\nTomas Berg, dean of nursing.\n',
    );
    expect(article.paragraphs).toEqual([
      'The pact was signed by Dr. Ana Ruiz and Professor Dr. Tomas Berg, dean of nursing.',
    ]);
  });
});

describe('navigation lines', () => {
  it.each([
    'Current location: Home > News&Events > News > Content',
    'Home» Latest news» News',
    'Home News & Events',
    'News home > News',
  ])('%j is not the title', (nav) => {
    expect(
      parseArticle('a.txt', `${nav}\n\nClinic opens dialysis unit\n\nThe clinic opened a unit.`).title,
    ).toBe('Clinic opens dialysis unit');
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
