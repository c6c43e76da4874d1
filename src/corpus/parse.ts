/**
 * Parses an article file into a typed record: title, publication date, byline, source, body paragraphs
 * and sentences. Navigation, date line, source line and footers are not body.
 */
import { normalizeLine } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import { parseDateLine } from './dateLine.ts';
import type { Article, Sentence } from './types.ts';

/** Files larger than this are not articles (a press release is a few kilobytes). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Thrown for a file that cannot be read as an article; the message says why, for the admin. */
export class ArticleError extends Error {}

/** Lines that end the article: what follows them is the site's footer. */
const FOOTER = /^(?:related (?:articles|news|stories|links|posts)|stay connected|find a doctor|share (?:this|on)\b.*|share|print|back to top|previous(?: article)?|next(?: article)?|more news|latest news|tags?:.*|follow us.*|contact us|©.*|copyright\b.*|all rights reserved.*)$/i;
/** Breadcrumbs and menu lines: "Home · News & Events · Content", "• News", "Home > News". */
const BREADCRUMB = /^(?:(?:home|news|banner|content|events?)\b[^.!?]{0,80}(?:\s[·»>|/]\s|\s*›\s*)[^.!?]{0,80}|[•·»]\s*\S[^.!?]{0,40}|home)$/i;
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

/** Parses an article's text. `file` is its file name; the id is the name without its extension. */
export function parseArticle(file: string, raw: string): Article {
  const lines = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n').map(stripMarkdown).map(normalizeLine);
  const blocks = toBlocks(lines);
  let i = blocks.findIndex((line) => !BREADCRUMB.test(line));
  const title = i >= 0 ? (blocks[i] ?? '') : '';
  if (!title) throw new ArticleError('the file has no text');
  i++;

  let published: string | null = null;
  let dateLine: string | null = null;
  let byline: string | null = null;
  let source: string | null = null;
  const paragraphs: string[] = [];
  for (; i < blocks.length; i++) {
    const line = blocks[i] ?? '';
    if (FOOTER.test(line)) break;
    if (BREADCRUMB.test(line) && paragraphs.length === 0) continue;
    const sourceMatch = SOURCE_LINE.exec(line);
    if (sourceMatch && line.length < 300) {
      source ??= URL.exec(sourceMatch[1] ?? '')?.[0] ?? null;
      continue;
    }
    if (paragraphs.length === 0) {
      const parsed = dateLine === null ? parseDateLine(line) : null;
      if (parsed) {
        dateLine = line;
        published = parsed.published;
        byline ??= parsed.byline;
        continue;
      }
      const by = /^(?:by|written by|author)[:\s]\s*(.+)$/i.exec(line);
      if (by && line.length < 80) {
        byline ??= by[1]?.trim() ?? null;
        continue;
      }
    }
    paragraphs.push(line);
  }
  if (paragraphs.length === 0) throw new ArticleError('the file has a title but no body');

  const text = paragraphs.join('\n\n');
  const sentences: Sentence[] = [];
  let offset = 0;
  paragraphs.forEach((paragraph, p) => {
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

  return { id: file.replace(/\.[^.]+$/, ''), file, title, published, dateLine, byline, source, paragraphs, text, sentences };
}

/**
 * Groups lines into paragraphs. Each line is a paragraph, as the sites export them, except that a line
 * hard-wrapped in the middle of a sentence (a Markdown file, an e-mail) continues on the next line.
 */
function toBlocks(lines: string[]): string[] {
  const blocks: string[] = [];
  let previousBlank = true;
  for (const line of lines) {
    if (line === '') {
      previousBlank = true;
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (!previousBlank && last !== undefined && continuesSentence(last, line)) {
      blocks[blocks.length - 1] = `${last} ${line}`;
    } else {
      blocks.push(line);
    }
    previousBlank = false;
  }
  return blocks;
}

/** A wrapped line: the previous one is long and stops mid-sentence, and this one does not open a heading or list. */
function continuesSentence(previous: string, line: string): boolean {
  if (/[.!?:;"”’)\]]$/.test(previous)) return false;
  if (/^(?:[-*•]|\d+[.)])\s/.test(line)) return false;
  return previous.length >= 50 || /^[a-z0-9(]/.test(line);
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
