/**
 * The publication date line under an article's title, in the shapes news sites print it:
 * "August 27, 2022 | By Zhang Liu | Copyedited by William", "2021-11-23 17:45", "Published: 3 March 2021",
 * "Posted on Tuesday, Nov. 9, 2021 by the Newsroom", "2021/11/23".
 */
import { format, isValid, parse } from 'date-fns';

export interface DateLine {
  /** YYYY-MM-DD */
  published: string;
  /** The author named with "By ...", or null. */
  byline: string | null;
}

/** Formats tried on the date part of the line, after ordinal suffixes and weekday names are dropped. */
const FORMATS = [
  'MMMM d, yyyy',
  'MMMM d yyyy',
  'MMM d, yyyy',
  'MMM d yyyy',
  'd MMMM yyyy',
  'd MMMM, yyyy',
  'd MMM yyyy',
  'yyyy-MM-dd',
  'yyyy-M-d',
  'yyyy/M/d',
  'yyyy.M.d',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  "yyyy-MM-dd'T'HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  'yyyy/M/d HH:mm',
  'MMMM yyyy',
];

const PREFIX = /^(?:published|posted|date|updated|release date|released)(?:\s+on)?\s*[:：]?\s*/i;
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;
const REFERENCE = new Date(2000, 0, 1);

/** Reads a date line; null when the line is not one. */
export function parseDateLine(line: string): DateLine | null {
  const segments = line.split(/\s+[|｜•·]\s+|\s*\|\s*/);
  const first = segments[0] ?? '';
  const byPart = /\s+by\s+(.+)$/i.exec(first);
  const datePart = byPart ? first.slice(0, byPart.index) : first;
  const published = parseDate(datePart);
  if (!published) return null;
  const bylineSource = byPart?.[1] ?? segments.slice(1).find((s) => /^by\s+/i.test(s.trim()));
  const byline = bylineSource ? bylineSource.replace(/^by\s+/i, '').trim() || null : null;
  return { published, byline };
}

/** Parses a written date ("Nov. 9th, 2021", "2021-11-23 17:45") into YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  const cleaned = text
    .trim()
    .replace(PREFIX, '')
    .replace(WEEKDAY, '')
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1')
    .replace(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\./gi, (_, m: string) =>
      m.toLowerCase() === 'sept' ? 'Sep' : m,
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length < 6 || cleaned.length > 40) return null;
  for (const pattern of FORMATS) {
    const date = parse(cleaned, pattern, REFERENCE);
    if (isValid(date) && date.getFullYear() >= 1900 && date.getFullYear() <= 2200) {
      return format(date, 'yyyy-MM-dd');
    }
  }
  return null;
}
