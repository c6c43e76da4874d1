/**
 * Publication dates as news pages print them, in the lines around an article's title:
 * "August 27, 2022 | By Zhang Liu | Copyedited by William", "2021-11-23 17:45", "Published: 3 March 2021",
 * "Posted on Tuesday, Nov. 9, 2021 by the Newsroom", "Jane Roe | 01/27/2019", "Time:2017-03-09 Author: ...",
 * "17, Jun, 2017 Office of International Affairs 41", "date 2022-05-20", "2019年5月3日", "14.05.2019";
 * and the dateline that opens a report: "DENVER (March 3, 2022) -", "NAIROBI, May 20 —", "TEZPUR, 21 Jun:".
 */

export interface DateLine {
  /** YYYY-MM-DD */
  published: string;
  /** The day-first reading of an ambiguous "04/05/2022" (2022-05-04), when `published` reads it month first. */
  dayFirst?: string;
  /** The author named with "By ...", or null. */
  byline: string | null;
}

/** A date written with its year, found in a text. */
export interface FullDate {
  /** YYYY-MM-DD */
  date: string;
  /** For "04/05/2022", read month first: the day-first reading (2022-05-04). */
  dayFirst?: string;
  start: number;
  end: number;
}

/** Month names and their short forms, lower case, to the month's number (1-12). */
export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const YEAR_RE = '((?:19|20)\\d{2})';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Each shape of a date with its year, and how to read its groups. */
const SHAPES: {
  re: RegExp;
  read: (m: RegExpExecArray) => [number, number, number] | null;
  /** The other reading of an ambiguous date, day first. */
  other?: (m: RegExpExecArray) => [number, number, number] | null;
}[] = [
  // 2019-04-02, 2019/4/2, 2019.04.02, 2019年5月3日
  {
    re: new RegExp(`(?<![\\p{N}A-Za-z])${YEAR_RE}\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})日?(?![\\p{N}])`, 'gu'),
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  // Tuesday, June 2, 2020; Nov. 9th 2021; March 3, 2022
  {
    re: new RegExp(`${B}${WEEKDAY}(${MONTH_NAME})\\s+(\\d{1,2})${ORD},?\\s+${YEAR_RE}${E}`, 'giu'),
    read: (m) => [Number(m[3]), monthOf(m[1]), Number(m[2])],
  },
  // Tuesday, 14 May 2019; 18th November, 2019; 17, Jun, 2017; 21st Feb, 2024; the 5th of May 2020
  {
    re: new RegExp(`${B}${WEEKDAY}(\\d{1,2})${ORD},?\\s+(?:of\\s+)?(${MONTH_NAME}),?\\s+${YEAR_RE}${E}`, 'giu'),
    read: (m) => [Number(m[3]), monthOf(m[2]), Number(m[1])],
  },
  // 14.05.2019 (day first); 04/05/2022 and 01/27/2019 (month first unless the first number cannot be a month)
  {
    re: new RegExp(`${B}(\\d{1,2})([./-])(\\d{1,2})\\2${YEAR_RE}(?![\\p{N}])`, 'gu'),
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const dayFirst = m[2] === '.' || a > 12;
      return [Number(m[4]), dayFirst ? b : a, dayFirst ? a : b];
    },
    other: (m) => (m[2] === '/' && Number(m[1]) <= 12 && Number(m[3]) <= 12 ? [Number(m[4]), Number(m[3]), Number(m[1])] : null),
  },
];

function monthOf(name: string | undefined): number {
  return MONTHS[(name ?? '').replace('.', '').toLowerCase()] ?? 0;
}

/** YYYY-MM-DD for a day that exists, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The dates written with a year in `text`, in order, without overlaps. */
export function findFullDates(text: string): FullDate[] {
  const found: FullDate[] = [];
  for (const shape of SHAPES) {
    shape.re.lastIndex = 0;
    for (let m = shape.re.exec(text); m; m = shape.re.exec(text)) {
      const parts = shape.read(m);
      const date = parts ? isoDate(...parts) : null;
      const start = m.index;
      const end = m.index + m[0].length;
      if (!date || found.some((f) => f.start < end && start < f.end)) continue;
      const other = shape.other?.(m);
      const dayFirst = other ? isoDate(...other) : null;
      found.push(dayFirst && dayFirst !== date ? { date, start, end, dayFirst } : { date, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Words a date line may hold besides its date: labels, separators, times, counters. */
const LABEL =
  /^(?:date|dated|time|published|publish(?:ed)?\s+(?:date|time|on)|posted|updated?|update\s+(?:date|time)|last\s+updated|modified|release(?:d|\s+date|\s+time)?|issued|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|ist|cst|est|edt|pst|bst|cet|hkt|sgt|bjt|click|clicks|views?|hits|read|reads|min|mins|minutes?|publication|size|small|middle|big|font|large|medium|source|author|editor|editors|photo|photos|reporter|photographer|news|by|and|of|the|for|in|from)$/i;

/** The label of an update just before a date: "Updated:", "Last modified on". */
const UPDATED_BEFORE = /\b(?:updated?|modified|revised)(?:\s+(?:on|at))?\s*[:：]?\s*$/i;

/** Whether a date line gives the date of an update rather than of publication. */
export function isUpdateLine(line: string): boolean {
  return /^\s*(?:last\s+)?(?:updated?|modified|revised)\b/i.test(line);
}

/**
 * Reads a publication date line; null when the line is not one. The line is mostly a date: what is
 * left once the date, labels, times and separators are taken out is a name or a section of a few words
 * ("Jane Roe", "Office of International Affairs 41", "News, Campus"), never a sentence.
 */
export function parseDateLine(text: string): DateLine | null {
  if (text.length > 140) return null;
  // "This article was first published on 3 May 2021.": a publication line written as a sentence.
  const line = text.replace(/^(?:this|the)\s+(?:article|story|news|release|page|item|post)\s+(?:was|has been)\s+(?:first\s+|originally\s+|last\s+)?/i, '');
  const dates = findFullDates(line);
  // "Updated: 5 May 2021 | Published: 3 May 2021": the publication date, not the update.
  const first = dates.find((d) => !UPDATED_BEFORE.test(line.slice(0, d.start))) ?? dates[0];
  if (!first) return null;
  let rest = line;
  for (const d of [...dates].reverse()) rest = `${rest.slice(0, d.start)} ${rest.slice(d.end)}`;
  rest = rest.replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/gi, ' ');
  const byMatch = /(?:^|[\s|｜•·,;-])by\s*[:]?\s+([^|｜•·]+?)(?=\s*(?:[|｜•·]|$|(?:\s+\p{L}+\s*[:：])))/iu.exec(rest);
  // The byline's words are a name, whatever their case ("Posted by admin on ...").
  const byline = byMatch?.[1]?.replace(/\s+(?:on|at|in)\b.*$/i, '').trim().replace(/[,;]$/, '') || null;
  const unnamed = byMatch && byline ? rest.replace(byline, ' ') : rest;
  const words = unnamed.match(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu) ?? [];
  // A sentence has lowercase words beyond the labels: "The ceremony was held on May 3, 2021."
  const others = words.filter((w) => !LABEL.test(w) && !/^\d+$/.test(w));
  if (others.some((w) => /^\p{Ll}/u.test(w) && !/^(?:by|via)$/i.test(w))) return null;
  if (others.length > 7) return null;
  if (/[.!?]["”]?$/.test(line.trim()) && others.length > 2) return null;
  return first.dayFirst ? { published: first.date, byline, dayFirst: first.dayFirst } : { published: first.date, byline };
}

/**
 * Whether a text writes its dates day first ("3 May"), as British, Irish, Indian or Australian pages do,
 * rather than month first ("May 3"): how to read an ambiguous "04/05/2022".
 */
export function writesDayFirst(text: string): boolean {
  const dayFirst = text.match(new RegExp(`${B}\\d{1,2}${ORD}\\s+(?:of\\s+)?${MONTH_NAME}${E}`, 'gu'))?.length ?? 0;
  const monthFirst = text.match(new RegExp(`${B}${MONTH_NAME}\\s+\\d{1,2}${ORD}${E}`, 'gu'))?.length ?? 0;
  return dayFirst > monthFirst;
}

/** Parses a written date ("Nov. 9th, 2021", "2021-11-23 17:45") into YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  return parseDateLine(text)?.published ?? null;
}

/**
 * A month and day in the year of `published` (YYYY-MM-DD), or the year before when that would put them
 * after publication; `--MM-DD` without a publication date; null for a day that does not exist.
 */
export function monthDayAgainst(month: number, day: number, published: string | null): string | null {
  const pub = published ? /^(\d{4})-\d{2}-\d{2}$/.exec(published) : null;
  if (!pub) {
    // 2000 is a leap year, so 29 February is accepted without a year.
    return isoDate(2000, month, day) ? `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  }
  const year = Number(pub[1]);
  const same = isoDate(year, month, day);
  if (same && same <= published!) return same;
  return isoDate(year - 1, month, day);
}

/** The dateline that opens a report: where and when it was filed, before the story. */
export interface Dateline {
  /** As written: "DENVER (March 3, 2022) -". */
  text: string;
  /** Length of the dateline at the start of the paragraph. */
  length: number;
  /** YYYY-MM-DD when the dateline has a year, else null. */
  date: string | null;
  /** The month and day, when the dateline gives them. */
  month: number;
  day: number;
}

const PLACE = "(?:[\\p{Lu}][\\p{L}.'’-]*(?:[\\s,]+[\\p{Lu}][\\p{L}.'’-]*){0,4},?\\s*)?";
const MONTH_DAY = `(?:${WEEKDAY}(${MONTH_NAME})\\s+(\\d{1,2})${ORD}|(\\d{1,2})${ORD}\\s+(${MONTH_NAME}))(?:,?\\s+${YEAR_RE})?`;
const DATELINE = new RegExp(
  `^${PLACE}(?:\\(([^()]{0,60}?)\\)|${MONTH_DAY}(?:,?\\s+[\\p{Lu}]{2,8}(?=\\s*[-–—:])|\\s*\\([^()]{1,40}\\))?)(?:\\s*/[^/]{1,30}/)?\\s*(?:[-–—:]+\\s*|(?<=\\))\\s+)`,
  'u',
);

/**
 * Reads the dateline opening a paragraph ("KUMASI, March 10, GNA –", "DENVER (March 3, 2022) -",
 * "November 15-On November 14th"), or null. A dateline says when the report was filed, not when what it
 * reports happened.
 */
export function parseDateline(paragraph: string): Dateline | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  // "Professor Lee (June 3, 2020) said": parentheses not followed by a dash open a report only after a
  // place in capitals ("DIR LOWER, (Agency - 21st Feb, 2024) ...").
  if (m[1] !== undefined && !/[-–—:]\s*$/.test(m[0])) {
    const place = m[0].slice(0, m[0].indexOf('('));
    if (!/\p{Lu}{2}/u.test(place) || /\p{Ll}/u.test(place)) return null;
  }
  let month: number;
  let day: number;
  let date: string | null = null;
  if (m[1] !== undefined) {
    // "(UrduPoint / Agency - 21st Feb, 2024)", "(March 3, 2022)": a date with its year inside the parentheses.
    const inner = findFullDates(m[1])[0];
    if (!inner) return null;
    date = inner.date;
    month = Number(inner.date.slice(5, 7));
    day = Number(inner.date.slice(8, 10));
  } else {
    month = monthOf(m[2] ?? m[5]);
    day = Number(m[3] ?? m[4]);
    const year = m[6] ? Number(m[6]) : null;
    if (!month || day < 1 || day > 31) return null;
    if (year !== null) {
      date = isoDate(year, month, day);
      if (!date) return null;
    }
  }
  return { text: m[0].trim(), length: m[0].length, date, month, day };
}
