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
import { addDays, differenceInCalendarDays, format, isValid, subDays } from 'date-fns';
import { findFullDates, MONTHS } from '../corpus/dateLine.ts';
import type { Article, Sentence } from '../corpus/types.ts';

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
  /(?<![\p{L}\p{N}])(?:(?:[Oo]n\s+)?([Ll]ast|[Tt]his\s+past|[Oo]n)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|([Yy]esterday|(?<!\b(?:of|until|till|to|than|as|are|is|am|was|were|world|where|even|still)\s+)[Tt]oday(?!\s*['’]s)|[Ee]arlier\s+today|[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight|[Ll]ast\s+night))(?![\p{L}\p{N}])/gu;
/**
 * A weekday alone, as news reports write it: "a ribbon-cutting ceremony Wednesday", "signed Tuesday".
 * Not a holiday ("Good Friday"), a plan ("next Monday"), a habit ("every Monday") or a range ("Monday to
 * Friday").
 */
const BARE_WEEKDAY =
  /(?<![\p{L}\p{N}])(?<![-–]\s*)(?<!\b(?:to|through|till|until|and|or)\s+)(?<!(?:[Nn]ext|[Tt]his|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Ff]rom|[Ss]tarting|[Cc]oming|[Ee]very|[Ee]ach|[Gg]ood|[Bb]lack|[Cc]yber|[Ss]uper|[Aa]sh|[Hh]oly|[Mm]aundy|[Pp]alm|[Ee]aster|[Gg]iving)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\p{L}\p{N}])(?!\s*(?:[-–]\s*|(?:to|through|till|until|and|or)\s+)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)/gu;
/** Times with no day: "last week", "earlier this month", "recently". Such a sentence has a time of its own. */
const VAGUE =
  /\b(?:(?:last|this|earlier this|later this|past|previous)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)|recently|(?:a\s+)?(?:few|couple of|several)\s+(?:days|weeks|months)\s+ago|(?:in|since|from|until|by)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d{2})\b/;

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
  // "14.05.2019", "04/05/2022", "2019年5月3日": numeric dates with their year.
  for (const d of findFullDates(text)) {
    if (!/^\d/.test(text.slice(d.start))) continue;
    add({ text: text.slice(d.start, d.end), start: d.start, end: d.end, date: d.date, hasDay: true });
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
  for (const m of text.matchAll(BARE_WEEKDAY)) {
    add({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      date: resolveRelative('on', m[1], undefined, published),
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
  if (word) return format(/^(?:yesterday|last\s+night)$/i.test(word) ? subDays(pub, 1) : pub, 'yyyy-MM-dd');
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
 * The date relative dates are counted from: the dateline's, when it gives the day the report was filed
 * (at most a week before the publication line), else the publication date.
 */
export function referenceDate(article: Pick<Article, 'published' | 'dateline'>): string | null {
  const filed = article.dateline?.date;
  if (!filed || !/^\d{4}-\d{2}-\d{2}$/.test(filed)) return article.published;
  if (!article.published) return filed;
  const days = differenceInCalendarDays(parseIso(article.published)!, parseIso(filed)!);
  return days >= 0 && days <= 7 ? filed : article.published;
}

/**
 * The dates of one sentence of an article, resolved against the article's reference date. The dateline
 * ("NAIROBI, May 3 —") is left out: it says when the report was filed, not when what it tells happened.
 */
export function sentenceDates(
  article: Pick<Article, 'published' | 'dateline' | 'sentences'>,
  sentence: Sentence,
): DateMention[] {
  const line = article.dateline;
  const outside = (d: DateMention, at: number) =>
    !line || at + d.end <= line.start || at + d.start >= line.end;
  const found = findDates(sentence.text, referenceDate(article)).filter((d) => outside(d, sentence.start));
  // "the same day", "the next day": counted from the last day dated before, in the article.
  for (const m of sentence.text.matchAll(SAME_DAY)) {
    if (found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
    let anchor: string | null = null;
    for (let k = sentence.index - 1; k >= 0 && anchor === null; k--) {
      const s = article.sentences[k]!;
      const dated = findDates(s.text, referenceDate(article)).filter((d) => outside(d, s.start) && d.hasDay);
      if (dated.length > 0) anchor = dated[dated.length - 1]!.date ?? 'none';
    }
    const day = anchor && anchor !== 'none' ? parseIso(anchor) : null;
    const shift = /next|following|after/i.test(m[0]) ? 1 : /before|previous/i.test(m[0]) ? -1 : 0;
    const date = day
      ? format(addDays(day, shift), 'yyyy-MM-dd')
      : anchor?.startsWith('--') && shift === 0
        ? anchor
        : null;
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, date, hasDay: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A day told by the one before it: "on the same day", "the next day", "the following day", "the day before". */
const SAME_DAY =
  /(?<![\p{L}\p{N}])(?:(?:[Oo]n|[Ll]ater)\s+)?(?:[Tt]he\s+(?:same|next|following|previous)\s+day|[Tt]he\s+day\s+(?:before|after))(?![\p{L}\p{N}])/gu;

/**
 * The occasion an article reports when it dates one day only: that day, if it is in the week before the
 * article's reference date ("a ceremony Wednesday"), or if a sentence of the lead (the first three)
 * tells an occasion with it ("On 3 May 2021, P hosted a meeting with Q", "P visited Q") and it is at
 * most two months before the reference date, when there is one. A single day elsewhere ("founded on 3
 * March 1998", "was born on ...") is not the occasion.
 */
export function reportedOccasion(
  article: Pick<Article, 'published' | 'dateline' | 'sentences'>,
  dated: Map<number, DateMention>,
): { sentence: number; mention: DateMention } | null {
  const days = new Set([...dated.values()].map((d) => d.date));
  if (days.size !== 1) return null;
  const [sentence, mention] = [...dated.entries()].sort((a, b) => a[0] - b[0])[0]!;
  if (!mention.date) return null;
  const reference = parseIso(referenceDate(article));
  const day = parseIso(mention.date);
  const before = reference && day ? differenceInCalendarDays(reference, day) : null;
  if (before !== null && before >= 0 && before <= 7) return { sentence, mention };
  // In the lead, a sentence that tells an occasion; with a reference date, in the two months before it.
  const told = OCCASION.test(article.sentences[sentence]?.text ?? '');
  if (sentence < 3 && told && (before === null || (before >= 0 && before <= 62)))
    return { sentence, mention };
  return null;
}

/** Words that tell an occasion: a meeting, a ceremony, a visit, a signing, an opening. */
const OCCASION =
  /\b(?:held|hosted|met|meets?|visit(?:ed|s)?|signed|signs?|signing|ceremony|meeting|opened|opens|launched|launches|inaugurated|unveiled|took place|gathered|attended|welcomed|conference|forum|summit|convened)\b/i;

/** Whether a sentence tells a time without a day ("last week", "recently", "in 2019"): it has a time of its own. */
export function hasVagueTime(text: string): boolean {
  return VAGUE.test(text);
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
