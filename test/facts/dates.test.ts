import { describe, expect, it } from 'vitest';
import { findDates, insideSpans, quotedSpans, resolveMonthDay } from '../../src/facts/dates.ts';

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
