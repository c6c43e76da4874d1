/**
 * Dates inside an article's sentences: found as written ("On the morning of May 27", "Nov. 18th",
 * "on 12 March", "at 9:00 am on September 26th", "last Tuesday"), then resolved against the article's
 * publication date, never against today:
 * - an explicit year is kept;
 * - a month and day take the publication year, or the year before when that would put them after
 *   publication;
 * - without a publication date, a month and day stay `--MM-DD` and a relative date stays unresolved.
 * Dates inside quoted speech are marked, since a date someone mentions is not the event's date.
 */
import { addDays, format, isValid, subDays } from 'date-fns';

export interface DateMention {
  /** The words the date was read from, with its lead-in: "On the morning of May 27". */
  text: string;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  /** YYYY-MM-DD, --MM-DD, or null when it cannot be resolved exactly. */
  date: string | null;
  /** True when the mention has a day (not only a month or a year). */
  hasDay: boolean;
}

const MONTHS: Record<string, number> = {
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
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

// Month names are matched case-sensitively (capitalised), so "may" the verb is not May.
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+((?:19|20)\\d{2}))?';
/** "at 9:00 am on", "on the morning of", "in the afternoon of", "On". */
const LEAD =
  '(?:(?:[Aa]t\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s+(?:on\\s+)?|(?:[Oo]n|[Ii]n|[Dd]uring)\\s+(?:the\\s+)?(?:(?:early\\s+|late\\s+)?(?:morning|afternoon|evening|night)\\s+of\\s+)?|(?:[Tt]he\\s+)?(?:(?:early\\s+|late\\s+)?(?:morning|afternoon|evening|night)\\s+of\\s+))?';
/** "Tuesday, March 5", "Tuesday 5 March", "Tuesday (March 5)": the weekday belongs to the date. */
const WEEKDAY_LEAD = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+\\(?)?';

const MONTH_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])${LEAD}${WEEKDAY_LEAD}${MONTH}\\s+${DAY}(?![\\p{N}])(?!\\s*(?:%|percent|per cent))${YEAR}(?![\\p{L}\\p{N}])`,
  'gu',
);
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])${LEAD}${WEEKDAY_LEAD}${DAY}(?:\\s+of)?\\s+${MONTH}${YEAR}(?![\\p{L}\\p{N}])`,
  'gu',
);
const ISO = /(?<![\p{L}\p{N}])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\p{N}])/gu;
const RELATIVE =
  /(?<![\p{L}\p{N}])(?:(?:[Oo]n\s+)?([Ll]ast|[Tt]his\s+past|[Oo]n)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|([Yy]esterday|[Tt]oday))(?![\p{L}\p{N}])/gu;

/** Finds the dates of a text and resolves them against `published` (YYYY-MM-DD or null). */
export function findDates(text: string, published: string | null): DateMention[] {
  const found: DateMention[] = [];
  const add = (mention: DateMention) => {
    if (found.some((f) => f.start < mention.end && mention.start < f.end)) return;
    found.push(mention);
  };
  for (const m of text.matchAll(MONTH_DAY)) {
    add(absolute(m, published, monthOf(m[1]), Number(m[2]), m[3]));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    add(absolute(m, published, monthOf(m[2]), Number(m[1]), m[3]));
  }
  for (const m of text.matchAll(ISO)) {
    add(absolute(m, published, Number(m[2]), Number(m[3]), m[1]));
  }
  for (const m of text.matchAll(RELATIVE)) {
    add({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      date: resolveRelative(m[1], m[2], m[3], published),
      hasDay: true,
    });
  }
  return found
    .filter((f) => f.date !== 'invalid')
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, text: f.text.trim() }));
}

function monthOf(name: string | undefined): number {
  return MONTHS[(name ?? '').replace('.', '').toLowerCase()] ?? 0;
}

function absolute(
  m: RegExpMatchArray,
  published: string | null,
  month: number,
  day: number,
  year: string | undefined,
): DateMention {
  const start = m.index ?? 0;
  // "Tuesday (March 5)": the closing parenthesis belongs to the date too.
  const text = m[0].includes('(') && m.input?.[start + m[0].length] === ')' ? `${m[0]})` : m[0];
  return {
    text,
    start,
    end: start + text.length,
    date: resolveMonthDay(month, day, year ? Number(year) : null, published) ?? 'invalid',
    hasDay: true,
  };
}

/**
 * Resolves a month and day: with its own year; else the publication year, or the year before when the
 * date would fall after publication; else `--MM-DD`. Null for a day that does not exist.
 */
export function resolveMonthDay(
  month: number,
  day: number,
  year: number | null,
  published: string | null,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const check = (y: number) => {
    const date = new Date(y, month - 1, day);
    return isValid(date) && date.getMonth() === month - 1 ? date : null;
  };
  if (year !== null) {
    const date = check(year);
    return date ? format(date, 'yyyy-MM-dd') : null;
  }
  const pub = parseIso(published);
  if (!pub) {
    // 2000 is a leap year, so 29 February is accepted without a year.
    return check(2000) ? `--${pad(month)}-${pad(day)}` : null;
  }
  let date = check(pub.getFullYear());
  if (date && date > pub) date = check(pub.getFullYear() - 1);
  else if (!date) date = check(pub.getFullYear() - 1);
  return date ? format(date, 'yyyy-MM-dd') : null;
}

/** "last Tuesday", "on Tuesday", "yesterday", "today": exact only against a publication date. */
export function resolveRelative(
  which: string | undefined,
  weekday: string | undefined,
  word: string | undefined,
  published: string | null,
): string | null {
  const pub = parseIso(published);
  if (!pub) return null;
  if (word) return format(/^y/i.test(word) ? subDays(pub, 1) : pub, 'yyyy-MM-dd');
  const target = WEEKDAYS[(weekday ?? '').toLowerCase()];
  if (target === undefined) return null;
  // "last Tuesday" is the latest Tuesday before publication; "on Tuesday" may be the day itself.
  const sameDayAllowed = /^on$/i.test(which ?? '');
  let back = (pub.getDay() - target + 7) % 7;
  if (back === 0 && !sameDayAllowed) back = 7;
  return format(addDays(pub, -back), 'yyyy-MM-dd');
}

function parseIso(value: string | null): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The spans of `text` that are quoted speech: between curly quotes, or between straight double quotes
 * paired within a paragraph. A quotation may run over several sentences.
 */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\u201c') open = i;
    else if (c === '\u201d' && open >= 0) {
      spans.push([open, i + 1]);
      open = -1;
    } else if (c === '\n' && text[i + 1] === '\n') open = -1;
  }
  // Straight quotes: pair them within each paragraph.
  let offset = 0;
  for (const paragraph of text.split('\n\n')) {
    let from = -1;
    for (let i = 0; i < paragraph.length; i++) {
      if (paragraph[i] !== '"') continue;
      if (from < 0) from = i;
      else {
        spans.push([offset + from, offset + i + 1]);
        from = -1;
      }
    }
    offset += paragraph.length + 2;
  }
  // A short quoted phrase ("Healthy China") is a name, not speech.
  return spans.filter(([s, e]) => e - s > 60 || /[,.!?]["\u201d]?$/.test(text.slice(s, e - 1)));
}

/** Whether [start, end) lies inside one of `spans`. */
export function insideSpans(spans: [number, number][], start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}
