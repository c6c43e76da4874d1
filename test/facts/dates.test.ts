import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.ts';
import { extractArticleFacts } from '../../src/facts/article.ts';
import {
  findDates,
  hasVagueTime,
  insideSpans,
  quotedSpans,
  resolveMonthDay,
  sentenceDates,
} from '../../src/facts/dates.ts';

const first = (text: string, published: string | null) => findDates(text, published)[0];

describe('dates against the publication date', () => {
  it('takes the publication year for a month and day before publication', () => {
    expect(first('On November 14th, the centre was unveiled.', '2020-11-22')).toMatchObject({
      date: '2020-11-14',
      text: 'On November 14th',
    });
  });
  it('takes the year before when the publication year would put the date after publication', () => {
    expect(first('They met on 15 December.', '2023-01-12')?.date).toBe('2022-12-15');
  });
  it('keeps a month and day without a year when there is no publication date', () => {
    expect(first('on the afternoon of July 4 to hold a signing ceremony', null)).toMatchObject({
      date: '--07-04',
      text: 'on the afternoon of July 4',
    });
  });
  it('reads "3th", "Nov. 18th", "the morning of", "9:00 am on", day-first dates and ISO dates', () => {
    expect(first('On March 3th, HUM held a ceremony.', '2022-03-08')?.date).toBe('2022-03-03');
    expect(first('inked a memorandum on Nov. 18th to share data', '2021-11-22')?.date).toBe('2021-11-18');
    expect(first('On the morning of May 27, a ceremony was held.', '2020-06-06')).toMatchObject({
      date: '2020-05-27',
      text: 'On the morning of May 27',
    });
    expect(first('held at 9:00 am on September 26th in the VIP room', '2019-11-06')).toMatchObject({
      date: '2019-09-26',
      text: 'at 9:00 am on September 26th',
    });
    expect(first('opened its new unit on 12 March, doubling', null)?.date).toBe('--03-12');
    expect(first('signed on 2021-11-19.', null)?.date).toBe('2021-11-19');
    expect(first('on 19 November 2021.', '2021-11-23')?.date).toBe('2021-11-19');
  });
  it('resolves "last Tuesday" and "on Monday" only against a publication date', () => {
    expect(first('Last Tuesday, Dr. Weber signed the contract.', '2022-06-10')?.date).toBe('2022-06-07');
    expect(first('The agreement was signed on Monday by them.', '2022-10-07')?.date).toBe('2022-10-03');
    expect(first('signed a memorandum last Tuesday', null)).toMatchObject({
      date: null,
      text: 'last Tuesday',
    });
  });
  it('does not read "may" the verb, a month and year, or a day that does not exist', () => {
    expect(findDates('The partners may 12 times a year meet.', '2021-01-01')).toEqual([]);
    expect(findDates('It was founded in May 2019.', '2021-01-01')).toEqual([]);
    expect(resolveMonthDay(2, 30, null, '2021-05-01')).toBeNull();
    expect(resolveMonthDay(2, 29, null, null)).toBe('--02-29');
  });
});

describe('quoted speech', () => {
  it('marks dates inside a multi-sentence quotation', () => {
    const text =
      '“General Secretary Xi pointed out things. On November 12th, Xi urged achievements. The time is right,” said Wu.';
    const spans = quotedSpans(text);
    const date = findDates(text, '2020-11-22')[0]!;
    expect(date.text).toBe('On November 12th');
    expect(insideSpans(spans, date.start, date.end)).toBe(true);
  });
  it('does not take a short quoted name for speech', () => {
    const text = 'the "Healthy China" strategy was launched on 3 May.';
    expect(quotedSpans(text)).toEqual([]);
  });
});

describe('a weekday with the date in parentheses', () => {
  it('reads "on Tuesday (March 5)" as March 5, not as the Tuesday before publication', () => {
    const [d] = findDates('The ceremony was held on Tuesday (March 5) at the library.', '2019-04-02');
    expect(d).toMatchObject({ text: 'on Tuesday (March 5)', date: '2019-03-05' });
  });
  it('keeps the month and day without a year when there is no publication date', () => {
    const [d] = findDates('On the morning of Friday (June 9), the delegation arrived.', null);
    expect(d).toMatchObject({ text: 'On the morning of Friday (June 9)', date: '--06-09' });
  });
});

describe('relative dates against the publication date', () => {
  it('reads a weekday alone, as news reports write it, as the latest such day up to publication', () => {
    // 2023-11-09 is a Thursday.
    expect(
      first('Leaders gathered for a ribbon-cutting ceremony Wednesday to mark the opening.', '2023-11-09'),
    ).toMatchObject({
      text: 'Wednesday',
      date: '2023-11-08',
    });
    expect(first('The two deans signed the pact Thursday.', '2023-11-09')?.date).toBe('2023-11-09');
    expect(first('The pact was signed Wednesday.', null)?.date).toBeNull();
  });
  it('does not read a holiday, a plan, a habit or a range as a day', () => {
    for (const text of [
      'The clinic was closed on Good Friday.',
      'They will sign next Monday.',
      'The library opens every Monday.',
      'It is open Monday to Friday.',
      'Visits run Monday-Friday.',
    ]) {
      expect(findDates(text, '2023-11-09')).toEqual([]);
    }
  });
  it('reads yesterday, this morning and last night', () => {
    expect(first('The ward was opened yesterday by the mayor.', '2022-05-20')?.date).toBe('2022-05-19');
    expect(first('The minister cut the ribbon this morning.', '2022-05-20')?.date).toBe('2022-05-20');
    expect(first('The accord was signed last night in Accra.', '2022-05-20')?.date).toBe('2022-05-19');
    expect(first('The ward was opened yesterday.', null)).toMatchObject({ text: 'yesterday', date: null });
    expect(first('The institute opens today on the north campus.', '2006-10-23')?.date).toBe('2006-10-23');
    for (const text of [
      "Today's signing deepens our ties.",
      'It is where we are today.',
      'The needs of today are many.',
    ]) {
      expect(findDates(text, '2022-05-20')).toEqual([]);
    }
  });
  it('gives no day for "last week" or "recently", and says the sentence has a time of its own', () => {
    expect(findDates('The memorandum was signed last week.', '2022-05-20')).toEqual([]);
    expect(hasVagueTime('The memorandum was signed last week.')).toBe(true);
    expect(hasVagueTime('The memorandum was signed recently, the office said.')).toBe(true);
    expect(hasVagueTime('The memorandum was signed at the ceremony.')).toBe(false);
  });
  it('reads "on Monday (Jan 24)" as January 24, and puts 17 December reported on 5 January in the year before', () => {
    expect(first('The partners signed on Monday (Jan 24) in Lagos.', '2022-01-28')?.date).toBe('2022-01-24');
    expect(first('The clinic opened on 17 December.', '2024-01-05')?.date).toBe('2023-12-17');
  });
  it('reads ordinals, "the 5th of May", numeric and Chinese dates', () => {
    expect(first('It was unveiled on 18th November 2019.', null)?.date).toBe('2019-11-18');
    expect(first('It was unveiled on the 5th of May.', '2020-05-20')?.date).toBe('2020-05-05');
    expect(first('Signed on March 3th by both deans.', '2021-03-20')?.date).toBe('2021-03-03');
    expect(first('The ward opened on 14.05.2019 after two years.', null)?.date).toBe('2019-05-14');
    expect(first('双方于2019年5月3日签署协议。', null)?.date).toBe('2019-05-03');
  });
});

describe('dates of an article', () => {
  const article = (text: string) => parseArticle('a.txt', text);

  it('leaves the dateline out of the event dates and counts "yesterday" from it', () => {
    const a = article(
      'Clinic opens ward\n\ndate 2022-05-21\n\nNAIROBI, May 20 — A new ward was opened at a ceremony held yesterday in Kisumu.\n',
    );
    const mentions = sentenceDates(a, a.sentences[0]!);
    expect(mentions.map((m) => [m.text, m.date])).toEqual([['yesterday', '2022-05-19']]);
  });

  it('counts "the same day" and "the next day" from the day dated before', () => {
    const a = article(
      'Delegation visits clinic\n\nMay 20, 2022\n\nOn May 3, a delegation of Coast University visited Harbour Clinic. On the same day, the two deans toured the wards. The next day, they signed a memorandum.\n',
    );
    expect(a.sentences.map((s) => sentenceDates(a, s)[0]?.date)).toEqual([
      '2022-05-03',
      '2022-05-03',
      '2022-05-04',
    ]);
    const undated = article(
      'Delegation visits clinic\n\nThe deans met on July 4. On the same day, they signed a pact.\n',
    );
    expect(sentenceDates(undated, undated.sentences[1]!)[0]?.date).toBe('--07-04');
  });

  it('gives a report without a date of its own no date from its dateline', () => {
    const a = article(
      'Pact signed\n\ndate 2021-05-25\n\nACCRA, May 24: A memorandum has been signed between Coast University and Harbour Hospital.\n\nThe memorandum was signed recently, the office said.\n',
    );
    const { signings } = extractArticleFacts(a);
    expect(signings.every((s) => s.date === null)).toBe(true);
  });

  it('an undated opening takes the one day the article dates in the week before publication', () => {
    const a = article(
      'Cancer centre opens\n\ndate 2023-11-09\n\nThe Harbour Cancer Centre has officially opened its doors to patients.\n\nMore than 200 guests gathered for a ribbon-cutting ceremony Wednesday to mark the opening.\n',
    );
    const { events } = extractArticleFacts(a);
    expect(events.find((e) => /opened/.test(e.event))?.date).toBe('2023-11-08');
  });

  it('does not give an undated event a single day long before publication', () => {
    const a = article(
      'Clinic opens ward\n\nMay 20, 2022\n\nThe clinic opened its new ward to patients.\n\nIts first matron, Ana Ruiz, was born on 3 March 1948 in Kisumu.\n',
    );
    const { events } = extractArticleFacts(a);
    expect(events.find((e) => /ward/.test(e.event))?.date ?? null).toBeNull();
  });

  it('an undated signing at the end takes the day of the meeting the lead tells, and not a birthday', () => {
    const text = (lead: string) =>
      `Coast University and Harbour College strengthen ties\n\nCoast University and Harbour College have agreed to work together.\n\nCoast University and Harbour College strengthen ties\n\n${lead}\n\nThe meeting ended with the formal signing of the memorandum by Dr. Ana Ruiz and Dr. Tomas Berg.\n`;
    const met = extractArticleFacts(
      article(text('On Tuesday, 15 October 2024, Coast University hosted a meeting with Harbour College.')),
    );
    expect(met.signings[0]?.date).toBe('2024-10-15');
    const born = extractArticleFacts(
      article(text('Dr. Ana Ruiz, born on 15 October 1964, leads Coast University.')),
    );
    expect(born.signings[0]?.date ?? null).toBeNull();
  });

  it('an undated signing takes the date of the story its first paragraph tells', () => {
    const a = article(
      'On 3 March 2021, a delegation of Coast University led by its president Dr. Ana Ruiz visited Harbour City.\n\nAt the ceremony, Dr. Ana Ruiz and Mayor Tomas Berg signed the Harbour City and Coast University Cooperation Agreement.\n',
    );
    const { signings } = extractArticleFacts(a);
    expect(signings[0]?.date).toBe('2021-03-03');
  });
});
