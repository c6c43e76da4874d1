/**
 * Answers as Discord embeds. The core says what the answer is; this file only says how it looks: the
 * answer in one line, the quote as a block quote with the matched words bold, the article (title, date,
 * link) and the other answers. All text from users and articles is Markdown-escaped; every part is cut
 * to Discord's limits (limits.ts).
 */
import { EmbedBuilder, escapeMarkdown, type APIEmbed } from 'discord.js';
import type { CorpusSummary } from '../../answers/about.ts';
import { describeArticle, describeDate, describeEvent, describeSigning } from '../../answers/describe.ts';
import type { ArticleRef, BaseAnswer, Result } from '../../answers/types.ts';
import { cut, cutMarkdown, fitEmbeds, fitLines, LIMITS } from './limits.ts';

export const ACCENT = 0x3b6ea5;
/** The longest quote shown, so that the answer line and the article fit beside it. */
const QUOTE_MAX = 3000;
/** Other answers listed under the first. */
const OTHERS_MAX = 5;

/** Markdown escaping that also disarms masked links, headings and lists. */
const ESCAPE_ALL = { maskedLink: true, heading: true, bulletedList: true, numberedList: true } as const;

function esc(text: string): string {
  return escapeMarkdown(text, ESCAPE_ALL);
}

/** User or article text, safe to embed in Markdown. */
export function escape(text: string): string {
  return esc(text.replace(/\s+/g, ' ').trim());
}

/** `text` escaped, with each highlighted word (whole words only) in bold. */
export function emphasize(text: string, highlights: string[]): string {
  const words = [...new Set(highlights.filter((w) => w.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return esc(text);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += esc(text.slice(last, match.index));
    out += `**${esc(match[0])}**`;
    last = match.index + match[0].length;
  }
  return out + esc(text.slice(last));
}

/** The quote as a Markdown block quote, matched words bold, in at most `max` characters. */
export function quoteBlock(quote: string, highlights: string[], max: number = QUOTE_MAX): string {
  const render = (text: string) => `> ${emphasize(text.replace(/\s+/g, ' ').trim(), highlights)}`;
  // Markup only adds characters: a quote longer than the budget is cut before it is rendered.
  let plain = quote.length > max ? cut(quote, max) : quote;
  let out = render(plain);
  for (let tries = 0; out.length > max && tries < 8; tries++) {
    plain = cut(plain, Math.max(1, plain.length - (out.length - max) - 8 * (tries + 1)));
    out = render(plain);
  }
  return out.length > max ? cutMarkdown(out, max) : out;
}

/** "[Title](link) · published 6 June 2020", the link only when the article gives a usable one. */
export function articleLine(article: ArticleRef): string {
  const title = escape(article.title).replace(/[[\]]/g, '\\$&');
  const linked = article.source && isLinkable(article.source) ? `[${title}](${article.source})` : title;
  const date = article.published
    ? `published ${describeDate(article.published)}`
    : 'publication date not stated';
  return `${linked} · ${date}`;
}

function isLinkable(url: string): boolean {
  return /^https?:\/\/[^\s()<>]+$/.test(url) && url.length <= 512;
}

interface AnswerView {
  title: string;
  headline: string | null;
  quote: string;
  answer: BaseAnswer;
  others: string[];
  othersName: string;
  footer: string;
}

function answerEmbed(view: AnswerView): APIEmbed {
  const headline = view.headline ? `**${escape(view.headline)}**\n\n` : '';
  const fields = [{ name: 'Article', value: articleLine(view.answer.article) }];
  if (view.others.length) {
    fields.push({
      name: view.othersName,
      value: fitLines(view.others, LIMITS.fieldValue, (n) => `… and ${n} more`),
    });
  }
  return {
    color: ACCENT,
    title: cut(view.title, LIMITS.embedTitle),
    description: headline + quoteBlock(view.quote, view.answer.highlights),
    fields,
    footer: { text: view.footer },
  };
}

/** `/who-signed`: the best signing in full, the others in one line each. */
export function signingEmbeds(result: Result<'who-signed'>): EmbedBuilder[] {
  const [best, ...rest] = result.answers;
  if (!best) return [];
  return build(
    answerEmbed({
      title: `Who signed: ${escape(result.query)}`,
      headline: describeSigning(best),
      quote: best.quote,
      answer: best,
      others: rest
        .slice(0, OTHERS_MAX)
        .map((a, k) => `${k + 2}. ${escape(describeSigning(a))} (${escape(a.article.title)})`),
      othersName: 'Other answers',
      footer: footerOf(1, result.answers.length, best.article),
    }),
  );
}

/** `/when`: the best dated event in full, the others in one line each. */
export function eventEmbeds(result: Result<'when'>): EmbedBuilder[] {
  const [best, ...rest] = result.answers;
  if (!best) return [];
  return build(
    answerEmbed({
      title: `When: ${escape(result.query)}`,
      headline: describeEvent(best),
      quote: best.quote,
      answer: best,
      others: rest
        .slice(0, OTHERS_MAX)
        .map((a, k) => `${k + 2}. ${escape(describeEvent(a))} (${escape(a.article.title)})`),
      othersName: 'Other answers',
      footer: footerOf(1, result.answers.length, best.article),
    }),
  );
}

/** `/search`: one page per result, the passage in context, the other results listed by title. */
export function searchPage(result: Result<'search'>, page: number): EmbedBuilder[] {
  const current = result.answers[page];
  if (!current) return [];
  const others = result.answers
    .map((a, k) => ({ a, k }))
    .filter(({ k }) => k !== page)
    .slice(0, OTHERS_MAX + 4)
    .map(({ a, k }) => `${k + 1}. ${escape(describeArticle(a.article))}`);
  return build(
    answerEmbed({
      title: `Search: ${escape(result.query)}`,
      headline: null,
      quote: current.context || current.quote,
      answer: current,
      others,
      othersName: 'Other results',
      footer: `${footerOf(page + 1, result.answers.length, current.article)} · score ${current.score}`,
    }),
  );
}

function footerOf(n: number, total: number, article: ArticleRef): string {
  return `${total > 1 ? `Result ${n} of ${total}` : 'Only result'} · article ${article.id}`;
}

/** No answer: one short line, the query echoed escaped, and did-you-mean suggestions. */
export function noAnswerText(result: Result): string {
  const hint =
    result.command === 'who-signed'
      ? 'Try a party, a signer or an agreement, or /search.'
      : result.command === 'when'
        ? 'Try a few words of what happened, or /search.'
        : 'Try other words.';
  const suggestions = result.suggestions.length
    ? ` Did you mean: ${result.suggestions.map((s) => `**${escape(s)}**`).join(' · ')}?`
    : ` ${hint}`;
  const query = `"${escape(cut(result.query, 300))}"`;
  return cutMarkdown(`No answer for ${query} in the corpus.${suggestions}`, LIMITS.content);
}

/** `/about`: how many articles, signings and events, and the articles newest first. */
export function aboutEmbeds(summary: CorpusSummary): EmbedBuilder[] {
  const head =
    `${summary.articleCount} ${summary.articleCount === 1 ? 'article' : 'articles'}, ` +
    `${summary.signingCount} signings, ${summary.eventCount} dated events.\n\n`;
  const list = fitLines(
    summary.articles.map((a) => `- ${articleLine(a)}`),
    LIMITS.embedDescription - head.length,
    (n) => `… and ${n} more articles`,
  );
  const embed: APIEmbed = {
    color: ACCENT,
    title: 'The corpus',
    description: head + (list || 'No articles.'),
  };
  if (summary.skipped.length) {
    embed.fields = [
      {
        name: 'Skipped files',
        value: fitLines(
          summary.skipped.map((s) => `${escape(s.file)}: ${escape(s.reason)}`),
          LIMITS.fieldValue,
          (n) => `… and ${n} more`,
        ),
      },
    ];
  }
  return build(embed);
}

function build(...embeds: APIEmbed[]): EmbedBuilder[] {
  return fitEmbeds(embeds).map((e) => new EmbedBuilder(e));
}
