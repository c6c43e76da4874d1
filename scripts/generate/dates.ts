/**
 * Calendar arithmetic for the generator, on whole days in UTC (no time zones, no clocks), and the ways
 * press releases write dates: date lines under the title and dates inside sentences.
 */
import type { Random } from '../../src/bench/random.ts';

/** A calendar day. */
export interface Day {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** Abbreviations as news sites print them, with their dot ("Nov."); May has none. */
const MONTHS_DOTTED = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'Jun.',
  'Jul.',
  'Aug.',
  'Sep.',
  'Oct.',
  'Nov.',
  'Dec.',
];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function toSerial(d: Day): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

export function fromSerial(serial: number): Day {
  const date = new Date(serial * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, days: number): Day {
  return fromSerial(toSerial(d) + days);
}

export function compareDays(a: Day, b: Day): number {
  return toSerial(a) - toSerial(b);
}

export function weekday(d: Day): string {
  return WEEKDAYS[new Date(toSerial(d) * MS_PER_DAY).getUTCDay()] as string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD */
export function isoDay(d: Day): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** --MM-DD: a month and day whose year the text does not give. */
export function monthDay(d: Day): string {
  return `--${pad(d.month)}-${pad(d.day)}`;
}

export function monthName(d: Day): string {
  return MONTHS[d.month - 1] as string;
}

/** "1st", "22nd", "3rd"; with `sloppy`, the "3th" that translated releases often print. */
export function ordinal(n: number, sloppy = false): string {
  if (sloppy) return `${n}th`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A random day between two days, both inclusive. */
export function randomDay(rng: Random, from: Day, to: Day): Day {
  return fromSerial(rng.int(toSerial(from), toSerial(to)));
}

/** The date line printed under a title, in one of the shapes of a site's template. */
export type DateLineStyle =
  | 'long'
  | 'long-byline'
  | 'iso-time'
  | 'iso'
  | 'slash'
  | 'published-dmy'
  | 'posted-weekday'
  | 'date-iso'
  | 'release'
  | 'weekday-dmy'
  | 'dotted'
  | 'short-month'
  | 'ordinal-long';

export function formatDateLine(rng: Random, d: Day, style: DateLineStyle, byline: string | null): string {
  const long = `${monthName(d)} ${d.day}, ${d.year}`;
  switch (style) {
    case 'long':
      return long;
    case 'long-byline':
      return byline ? `${long} | By ${byline}` : long;
    case 'iso-time':
      return `${isoDay(d)} ${pad(rng.int(7, 19))}:${pad(rng.int(0, 59))}`;
    case 'iso':
      return isoDay(d);
    case 'slash':
      return `${d.year}/${pad(d.month)}/${pad(d.day)}`;
    case 'published-dmy':
      return `Published: ${d.day} ${monthName(d)} ${d.year}`;
    case 'posted-weekday': {
      const by = byline ? ` by ${byline}` : '';
      return `Posted on ${weekday(d)}, ${MONTHS_DOTTED[d.month - 1]} ${d.day}, ${d.year}${by}`;
    }
    case 'date-iso':
      return `Date: ${isoDay(d)}`;
    case 'release':
      return `Release date: ${long}`;
    case 'weekday-dmy':
      return `${weekday(d)}, ${d.day} ${monthName(d)} ${d.year}`;
    case 'dotted':
      return `${d.year}.${pad(d.month)}.${pad(d.day)}`;
    case 'short-month':
      return `${MONTHS_SHORT[d.month - 1]} ${d.day}, ${d.year}`;
    case 'ordinal-long':
      return `${monthName(d)} ${ordinal(d.day)}, ${d.year}`;
  }
}

/** How a date is written inside a sentence. */
export interface DatePhrase {
  /** The phrase to start a sentence with, without the comma: "On November 14th", "On the morning of May 27". */
  initial: string;
  /** The phrase inside a sentence: "on November 14th", "at 9:00 am on September 26th". */
  inner: string;
  /** True when the phrase states the year. */
  hasYear: boolean;
}

/**
 * A random way to write `d` in running text. `british` favours day-month order ("on 12 March");
 * `allowYear` lets the phrase state the year ("on April 5, 2021").
 */
export function datePhrase(rng: Random, d: Day, british: boolean, allowYear: boolean): DatePhrase {
  const m = monthName(d);
  const sloppy = rng.chance(0.06);
  const withYear = allowYear && rng.chance(0.18);
  const y = withYear ? `, ${d.year}` : '';
  const yb = withYear ? ` ${d.year}` : '';
  const choices: [string, number][] = british
    ? [
        [`${d.day} ${m}${yb}`, 5],
        [`${weekday(d)}, ${d.day} ${m}${yb}`, 2],
        [`${weekday(d)} ${d.day} ${m}${yb}`, 1],
        [`${m} ${d.day}${y}`, 2],
        [`${ordinal(d.day)} ${m}${yb}`, 1],
      ]
    : [
        [`${m} ${ordinal(d.day, sloppy)}${y}`, 5],
        [`${m} ${d.day}${y}`, 4],
        [`${MONTHS_DOTTED[d.month - 1]} ${ordinal(d.day, sloppy)}${y}`, 2],
        [`${weekday(d)}, ${m} ${d.day}${y}`, 1],
        [`${weekday(d)} (${m} ${d.day})`, 1],
      ];
  const core = rng.weighted(choices);
  const hasYear = withYear && !core.includes('(');
  const wrap = rng.weighted<'on' | 'morning' | 'afternoon' | 'evening' | 'time'>([
    ['on', 10],
    ['morning', 2],
    ['afternoon', 2],
    ['evening', 0.5],
    ['time', 1],
  ]);
  let inner: string;
  switch (wrap) {
    case 'on':
      inner = `on ${core}`;
      break;
    case 'morning':
    case 'afternoon':
    case 'evening':
      inner = `on the ${wrap} of ${core}`;
      break;
    case 'time': {
      const hour = rng.pick([8, 9, 9, 10, 10, 14, 15, 16]);
      const minutes = rng.pick(['00', '00', '30']);
      const clock = rng.chance(0.5)
        ? `${hour > 12 ? hour - 12 : hour}:${minutes} ${hour >= 12 ? 'pm' : 'am'}`
        : `${hour > 12 ? hour - 12 : hour}:${minutes} ${hour >= 12 ? 'p.m.' : 'a.m.'}`;
      inner = `at ${clock} on ${core}`;
      break;
    }
  }
  return { initial: inner.charAt(0).toUpperCase() + inner.slice(1), inner, hasYear };
}
