/**
 * Parses an article file into a typed record: title, publication date, byline, source, body paragraphs
 * and sentences. Navigation, date line, source line and footers are not body.
 */
import { normalizeLine } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import {
  findFullDates,
  isUpdateLine,
  monthDayAgainst,
  parseDateLine,
  parseDateline,
  writesDayFirst,
  type DateLine,
} from './dateLine.ts';
import type { Article, Sentence } from './types.ts';

/** Files larger than this are not articles (a press release is a few kilobytes). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Thrown for a file that cannot be read as an article; the message says why, for the admin. */
export class ArticleError extends Error {}

/** Lines that end the article: what follows them is the site's footer. */
const FOOTER = /^(?:related (?:articles|news|stories|links|posts)|stay connected|find a doctor|share (?:this|on)\b.*|share|print|back to top|previous(?: article)?|next(?: article)?|more news|latest news|tags?:.*|follow us.*|contact us|©.*|copyright\b.*|all rights reserved.*)$/i;
/**
 * Breadcrumbs and menu lines: "Home · News & Events · Content", "• News", "Home > News", "Home» Latest news»
 * News", "Current location: Home > News", "Home News & Events".
 */
const BREADCRUMB =
  /^(?:(?:current\s+)?(?:location|page|position)\s*[:：].{0,120}|you are here\b.{0,120}|(?:home|news|banner|content|events?)\b[^.!?]{0,80}(?:\s[·|/]\s|\s*[»>›]\s*)[^.!?]{0,80}|[•·»]\s*\S[^.!?]{0,40}|home|Home(?:\s+(?:News|Events|English|Detail|Content|Media|Press|Releases?|Latest|Stories|Newsroom|Centre|Center|&))+)$/i;
/** "Link of the original article: https://...", "Source: Xinhua", "Original link: ...". */
const SOURCE_LINE = /^(?:link of the original article|original (?:article|link|text)|source|from|read the original|via)\s*[:：]\s*(.*)$/i;
const URL = /https?:\/\/[^\s<>"')\]]+/;

/** Decodes raw bytes as a UTF-8 article, or throws an ArticleError that says what is wrong. */
export function decodeArticle(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ArticleError('the file is empty');
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ArticleError(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; an article is at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB`);
  }
  if (bytes.includes(0)) throw new ArticleError('the file is binary, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError('the file is not UTF-8 text');
  }
}

/** Press-release labels above or below the title: "NEWS RELEASE", "For immediate release". */
const RELEASE_LABEL = /^(?:(?:news|press|media)\s+release|for\s+immediate\s+release|embargoed.{0,40}|news|press release:?|media statement)$/i;
/**
 * Header fields of a news page, filled or empty: "Author:", "Editor: X", "Photo by: Y", "Clicks: 41",
 * "Contact: Jane Roe, Office", "ArticleSource:". Only before the body.
 */
const METADATA =
  /^(?:authors?|editors?|edited by|written by|writer|text|words|photo(?:graph)?s?(?:\s+by)?|photographed by|photographer|pictures?(?:\s+by)?|images?(?:\s+by)?|translated by|translators?|reporters?|contacts?|media contact|clicks?|views?|hits|size|font(?:\s+size)?|article\s*source|source|update\s*time|updated|release\s*time|publish(?:ed)?\s*time|time|posted by)\s*[:：]/i;
/** Phone numbers, e-mail addresses and wire bylines under a header: "713/555-0100 (office)", "HT Correspondent". */
const CONTACT = /^(?:[+\d][\d\s()/.+-]{5,}(?:\((?:office|pager|cell|mobile|fax|tel)\))?|\S+@\S+\.\w+|(?:[A-Z]{2,6}\s+)?(?:correspondent|staff reporter|staff writer|news desk|newsroom|bureau))$/i;

/** Parses an article's text. `file` is its file name; the id is the name without its extension. */
export function parseArticle(file: string, raw: string): Article {
  const lines = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n').map(stripMarkdown).map(normalizeLine);
  const blocks = toBlocks(lines);
  const head = new HeadFields();
  const { title, next } = readTitle(blocks, skipAboveTitle(blocks, head), head);
  const paragraphs = readBody(blocks, next, head);
  // A date line closing the text ("Published on 3 May 2021"), or just before its last lines, when none
  // heads it.
  for (let k = paragraphs.length - 1; head.published === null && k >= Math.max(1, paragraphs.length - 3); k--) {
    const parsed = parseDateLine(paragraphs[k]!);
    if (parsed) head.takeDate(paragraphs.splice(k, 1)[0]!, parsed);
  }
  if (paragraphs.length === 0) throw new ArticleError('the file has a title but no body');

  const text = paragraphs.join('\n\n');
  // "04/05/2022" on a page that writes "4 May": day first.
  if (head.dayFirst && writesDayFirst(`${title}\n${text}`)) head.published = head.dayFirst;
  const { sentences, dateline } = readSentences(paragraphs, head);
  return {
    id: file.replace(/\.[^.]+$/, ''),
    file,
    title,
    published: head.published,
    dateLine: head.dateLine,
    dateline,
    byline: head.byline,
    source: head.source,
    paragraphs,
    text,
    sentences,
  };
}

/** What the lines around the title and the opening of the body say: the date, the byline, the source. */
class HeadFields {
  published: string | null = null;
  dateLine: string | null = null;
  byline: string | null = null;
  source: string | null = null;
  dayFirst: string | undefined;
  private fromUpdate = false;

  /** The first date line, unless it dates an update and another dates the publication. */
  takeDate(line: string, parsed: DateLine): void {
    if (this.published === null || (this.fromUpdate && !isUpdateLine(line))) {
      this.published = parsed.published;
      this.dayFirst = parsed.dayFirst;
      this.dateLine = line;
      this.fromUpdate = isUpdateLine(line);
    }
    this.byline ??= parsed.byline;
  }
}

/**
 * Above the title: navigation, a press-release label, a date line ("date 2022-05-20", "Friday, 3 June
 * 2022"), header fields. Returns the index of the first block that is none of these.
 */
function skipAboveTitle(blocks: string[], head: HeadFields): number {
  let i = 0;
  for (; i < blocks.length; i++) {
    const line = blocks[i]!;
    if (BREADCRUMB.test(line) || RELEASE_LABEL.test(line)) continue;
    const parsed = parseDateLine(line);
    const sourceMatch = SOURCE_LINE.exec(line);
    if (sourceMatch) head.source ??= URL.exec(sourceMatch[1] ?? '')?.[0] ?? null;
    if (parsed) head.takeDate(line, parsed);
    else if (!((METADATA.test(line) || CONTACT.test(line) || SOURCE_LINE.test(line)) && line.length < 160)) break;
  }
  return i;
}

/** The title at block `i`, and where the body starts: after it, or at it when the file opens with the story. */
function readTitle(blocks: string[], i: number, head: HeadFields): { title: string; next: number } {
  let title = blocks[i] ?? '';
  if (!title) throw new ArticleError('the file has no text');
  if (isLede(title)) {
    // No headline: the file opens with the story ("NAIROBI, May 3 - ...", "On 3 May 2021, X signed ...").
    // The first sentence stands for the title; the paragraph is body.
    const spans = splitSentences(title);
    const upTo = spans.find((span) => span.end >= 40) ?? spans[spans.length - 1];
    return { title: upTo ? title.slice(0, upTo.end) : title, next: i };
  }
  // "Signing Ceremony of X and Y 2015-07-10": a date closing the title is its publication date.
  const trailing = findFullDates(title).pop();
  if (trailing && trailing.start > 0 && title.slice(trailing.end).trim() === '' && /[\s|｜•·–—-]$/.test(title.slice(0, trailing.start))) {
    const rest = title.slice(0, trailing.start).replace(/[\s|｜•·–—-]+$/, '');
    if (rest.length >= 10) {
      if (head.published === null) {
        head.published = trailing.date;
        head.dateLine = title.slice(trailing.start);
      }
      title = rest;
    }
  }
  return { title, next: i + 1 };
}

/** The body's paragraphs from block `i` to a footer; date, byline, source and header lines before it are not body. */
function readBody(blocks: string[], i: number, head: HeadFields): string[] {
  const paragraphs: string[] = [];
  for (; i < blocks.length; i++) {
    const line = blocks[i] ?? '';
    if (FOOTER.test(line)) break;
    if ((BREADCRUMB.test(line) || RELEASE_LABEL.test(line)) && paragraphs.length === 0) continue;
    const sourceMatch = SOURCE_LINE.exec(line);
    if (sourceMatch && line.length < 300) {
      head.source ??= URL.exec(sourceMatch[1] ?? '')?.[0] ?? null;
      // "Source: Xinhua Date: 2021-05-03": a source line may carry the date.
      const parsed = paragraphs.length === 0 ? parseDateLine(line) : null;
      if (parsed) head.takeDate(line, parsed);
      continue;
    }
    // A date line under the title, or under a caption or standfirst when none came before.
    if (paragraphs.length === 0 || (head.published === null && paragraphs.length < 3)) {
      const parsed = parseDateLine(line);
      if (parsed) {
        head.takeDate(line, parsed);
        continue;
      }
    }
    if (paragraphs.length === 0) {
      const by = /^(?:by|written by|authors?)\s*[:\s]\s*(.+)$/i.exec(line);
      if (by && line.length < 80) {
        head.byline ??= by[1]?.trim() || null;
        continue;
      }
      if ((METADATA.test(line) || CONTACT.test(line)) && line.length < 160) continue;
    }
    paragraphs.push(line);
  }
  return paragraphs;
}

/** The sentences of the body, with their offsets in the text, and a dateline opening one of the first paragraphs. */
function readSentences(
  paragraphs: string[],
  head: HeadFields,
): { sentences: Sentence[]; dateline: Article['dateline'] } {
  const sentences: Sentence[] = [];
  let offset = 0;
  let dateline: Article['dateline'] = null;
  paragraphs.forEach((paragraph, p) => {
    if (!dateline && p < 3) {
      const found = parseDateline(paragraph);
      if (found) {
        if (found.date && head.published === null) {
          head.published = found.date;
          head.dateLine = found.text;
        }
        dateline = {
          text: found.text,
          start: offset,
          end: offset + found.text.length,
          date: found.date ?? monthDayAgainst(found.month, found.day, head.published),
        };
      }
    }
    for (const span of splitSentences(paragraph)) {
      sentences.push({
        text: paragraph.slice(span.start, span.end),
        start: offset + span.start,
        end: offset + span.end,
        paragraph: p,
        index: sentences.length,
      });
    }
    offset += paragraph.length + 2;
  });
  return { sentences, dateline };
}

/**
 * Whether the first block is the story itself rather than a headline: it opens with a dateline, or it is
 * a long sentence (150+ characters) or one that opens with its date ("On April 3, 2024, ...").
 */
function isLede(block: string): boolean {
  if (parseDateline(block)) return true;
  if (!/[.!?]["”’)]?$/.test(block)) return false;
  return block.length >= 150 || /^(?:On|In)\s+(?:the\s+\w+\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\.?\s+\d/.test(block);
}

/**
 * Groups lines into paragraphs. Each line is a paragraph, as the sites export them, except that a line
 * hard-wrapped in the middle of a sentence (a Markdown file, an e-mail) continues on the next line.
 */
function toBlocks(lines: string[]): string[] {
  const blocks: string[] = [];
  let previousBlank = true;
  let previousLine = '';
  // The first block that is not navigation, a label or a date line is the title.
  let titleAt = -1;
  for (const line of lines) {
    if (line === '') {
      previousBlank = true;
      continue;
    }
    const last = blocks[blocks.length - 1];
    const joins =
      last !== undefined &&
      (previousBlank
        ? brokenAfterHonorific(last, line)
        : continuesSentence(last, previousLine, line, blocks.length - 1 !== titleAt));
    if (joins) blocks[blocks.length - 1] = `${last} ${line}`;
    else {
      blocks.push(line);
      if (titleAt < 0 && !isHeaderLine(line)) titleAt = blocks.length - 1;
    }
    previousBlank = false;
    previousLine = line;
  }
  return blocks;
}

/** Lines above a title: navigation, press-release labels, header fields, date lines. */
function isHeaderLine(line: string): boolean {
  return (
    BREADCRUMB.test(line) ||
    RELEASE_LABEL.test(line) ||
    ((METADATA.test(line) || CONTACT.test(line)) && line.length < 160) ||
    parseDateLine(line) !== null
  );
}

/** Honorifics that never end a sentence: a paragraph ending "... and Professor Dr." goes on with the name. */
const HONORIFIC_END = /(?:^|\s)(?:Dr|Prof|Mr|Mrs|Ms|Mx|Engr|Sen|Rep|Gov|Hon|Rev|Sr|Jr|St|Gen|Col|Capt|Lt|Amb)\.$/;

function brokenAfterHonorific(previous: string, line: string): boolean {
  return HONORIFIC_END.test(previous) && /^\p{Lu}\p{Ll}/u.test(line);
}

/**
 * A wrapped line: the block so far stops mid-sentence, and this line goes on in lowercase or the line
 * before it is as long as a hard-wrapped line (50-100 characters); this one does not open a heading or
 * list. A date line is never part of a sentence, and the title (the first block) goes on only in
 * lowercase: a long title keeps apart from the date line or the paragraph under it.
 */
function continuesSentence(block: string, previous: string, line: string, notTitle: boolean): boolean {
  if (brokenAfterHonorific(block, line)) return true;
  if (/[.!?:;"”’)\]]$/.test(block)) return false;
  if (/^(?:[-*•]|\d+[.)])\s/.test(line)) return false;
  const wrapped = notTitle && previous.length >= 50 && previous.length <= 100 && line.length <= 100;
  if (!wrapped && !/^[a-z0-9(]/.test(line)) return false;
  return !parseDateLine(line) && !parseDateLine(previous);
}

/** Drops the Markdown that a .md article may carry: headings, emphasis, links, block quotes, images. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label: string, url: string) => (/^https?:/.test(label) ? url : label))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
}
