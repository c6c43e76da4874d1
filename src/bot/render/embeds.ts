/**
 * Answers as Discord embeds. The core says what the answer is; this file only says how it looks: the
 * answer in one line, the quote as a block quote with the matched words bold, the article (title, date,
 * link) and the other answers. All text from users and articles is Markdown-escaped; every part is cut
 * to Discord's limits (limits.ts).
 */
import { EmbedBuilder, escapeMarkdown, type APIEmbed } from 'discord.js';
import type { CorpusSummary } from '../../answers/about.ts';
import { OTHER_COMMANDS, QUERY_COMMANDS } from '../../answers/commands.ts';
import { describeArticle, describeDate, describeEvent, describeSigning } from '../../answers/describe.ts';
import {
  answersOf,
  kindOf,
  type ArticleRef,
  type BaseAnswer,
  type CommandName,
  type EventAnswer,
  type Result,
  type SearchAnswer,
  type SigningAnswer,
} from '../../answers/types.ts';
import { forDiscord } from '../../text/safe.ts';
import { cut, cutMarkdown, fitEmbeds, fitLines, LIMITS } from './limits.ts';

export const ACCENT = 0x3b6ea5;
/** The longest quote shown, so that the answer line and the article fit beside it. */
const QUOTE_MAX = 3000;
/** Other answers listed under the first. */
const OTHERS_MAX = 5;

/** Markdown escaping that also disarms masked links, headings and lists. */
const ESCAPE_ALL = { maskedLink: true, heading: true, bulletedList: true, numberedList: true } as const;

/** Text from users and articles: invisible characters gone, mentions neutralised (forDiscord), Markdown escaped. */
function esc(text: string): string {
  return escapeMarkdown(forDiscord(text), ESCAPE_ALL);
}

/** User or article text, safe to embed in Markdown. */
export function escape(text: string): string {
  return esc(text.replace(/\s+/g, ' ').trim());
}

/** `text` escaped, with each highlighted word (whole words only) in bold. */
export function emphasize(unsafe: string, highlights: string[]): string {
  // Made safe whole first: a mention split by a highlight must not survive in the pieces.
  const text = forDiscord(unsafe);
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

/** The article's original address, when it gives one that a link can open. */
export function originalAddress(article: ArticleRef): string | null {
  return article.source && isLinkable(article.source) ? article.source : null;
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

/**
 * A result as embeds: for who-signed and when the best answer in full and the others one line each; for a
 * search the passage of `page` in context and the other results by title.
 */
export function resultEmbeds(result: Result, page = 0): EmbedBuilder[] {
  const kinded = answersOf(result);
  switch (kinded.kind) {
    case 'who-signed':
      return factEmbeds(`Who signed: ${escape(result.query)}`, kinded.answers, describeSigning);
    case 'when':
      return factEmbeds(`When: ${escape(result.query)}`, kinded.answers, describeEvent);
    default:
      return searchEmbeds(result.query, kinded.answers, page);
  }
}

/** The address of the article of the answer shown (the best one, or the page's), when it has one. */
export function resultLink(result: Result, page = 0): string | null {
  const answer = result.answers[kindOf(result) === 'search' ? page : 0];
  return answer ? originalAddress(answer.article) : null;
}

function factEmbeds<A extends SigningAnswer | EventAnswer>(
  title: string,
  answers: A[],
  describe: (answer: A) => string,
): EmbedBuilder[] {
  const [best, ...rest] = answers;
  if (!best) return [];
  return build(
    answerEmbed({
      title,
      headline: describe(best),
      quote: best.quote,
      answer: best,
      others: rest
        .slice(0, OTHERS_MAX)
        .map((a, k) => `${k + 2}. ${escape(describe(a))} (${escape(a.article.title)})`),
      othersName: 'Other answers',
      footer: footerOf(1, answers.length, best.article),
    }),
  );
}

/** `/search`: one page per result, the passage in context, the other results listed by title. */
export function searchPage(result: Result, page: number): EmbedBuilder[] {
  return resultEmbeds(result, page);
}

function searchEmbeds(query: string, answers: SearchAnswer[], page: number): EmbedBuilder[] {
  const current = answers[page];
  if (!current) return [];
  const others = answers
    .map((a, k) => ({ a, k }))
    .filter(({ k }) => k !== page)
    .slice(0, OTHERS_MAX + 4)
    .map(({ a, k }) => `${k + 1}. ${escape(describeArticle(a.article))}`);
  return build(
    answerEmbed({
      title: `Search: ${escape(query)}`,
      headline: null,
      quote: current.context || current.quote,
      answer: current,
      others,
      othersName: 'Other results',
      footer: `${footerOf(page + 1, answers.length, current.article)} · score ${current.score}`,
    }),
  );
}

function footerOf(n: number, total: number, article: ArticleRef): string {
  return `${total > 1 ? `Result ${n} of ${total}` : 'Only result'} · article ${article.id}`;
}

const HINTS: Record<CommandName, string> = {
  'who-signed': 'Try a party, a signer or an agreement, or /search.',
  when: 'Try a few words of what happened, or /search.',
  search: 'Try other words.',
};

/** No answer: one short line, the query echoed escaped, and did-you-mean suggestions. */
export function noAnswerText(result: Result): string {
  const hint = HINTS[result.command === 'ask' ? 'search' : result.command];
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

/** "Find the source": each supporting passage quoted with its article, or none. */
export function sourceEmbeds(result: Result): EmbedBuilder[] {
  const kinded = answersOf(result);
  if (kinded.answers.length === 0) return [];
  const budget = Math.floor((LIMITS.embedDescription - 200) / kinded.answers.length);
  const description = kinded.answers
    .map((a) => `${quoteBlock(a.quote, a.highlights, budget - 300)}\n— ${articleLine(a.article)}`)
    .join('\n\n');
  return build({
    color: ACCENT,
    title: 'The passages that support this message',
    description,
    footer: { text: `${kinded.answers.length} ${kinded.answers.length === 1 ? 'passage' : 'passages'}` },
  });
}

/** `/help`: each command with one example, from the command table; then the other ways to ask. */
export function helpEmbeds(): EmbedBuilder[] {
  const fields = [
    ...QUERY_COMMANDS.map((c) => ({
      name: `/${c.name} ${c.option.name}:`,
      value: `${escape(c.description)}.\nExample: \`/${c.name} ${c.option.name}:${c.example}\``,
    })),
    ...OTHER_COMMANDS.map((c) => ({ name: `/${c.name}`, value: `${escape(c.description)}.` })),
    {
      name: 'Mention me',
      value: 'Write your question after a mention of me, in a channel, a thread or a DM: I reply to it.',
    },
    {
      name: 'Find the source',
      value: 'On any message: Apps › Find the source, and I show you the passages that support it.',
    },
  ];
  return build({
    color: ACCENT,
    title: 'Accord: questions about the news archive',
    description: 'Every answer quotes the passage it comes from. Add `private:True` to see an answer alone.',
    fields,
  });
}
