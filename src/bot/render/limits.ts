/**
 * Discord's message limits, and cutting text to them cleanly: at a word or a line, with an ellipsis,
 * never leaving a bold marker or an escape half done. Every message the bot sends goes through here, so
 * a long quote or a large corpus is shortened, never refused by the API.
 */
import type { APIEmbed } from 'discord.js';
import { cut, ELLIPSIS } from '../../text/cut.ts';
import { forDiscord } from '../../text/safe.ts';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Across all the embeds of one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
} as const;

export { cut, ELLIPSIS } from '../../text/cut.ts';

/** Like cut, for Markdown: a bold marker left open by the cut is closed. */
export function cutMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = cut(text, max - 2);
  const markers = out.match(/(?<!\\)\*\*/g)?.length ?? 0;
  if (markers % 2 === 1) out = out.replace(new RegExp(`${ELLIPSIS}$`), `**${ELLIPSIS}`);
  return out;
}

/**
 * Whole lines joined by newlines in at most `max` characters; when some do not fit, the last line says how
 * many were left out (`more(n)`). A first line longer than `max` is cut.
 */
export function fitLines(lines: string[], max: number, more: (left: number) => string): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tail = more(lines.length - i);
    const added = (kept.length ? 1 : 0) + line.length;
    // Room must remain for the "n more" line after this one, unless this is the last line.
    const reserve = i === lines.length - 1 ? 0 : 1 + tail.length;
    if (length + added + reserve > max) {
      if (kept.length === 0) return cutMarkdown(line, max);
      kept.push(cut(tail, max - length - 1));
      return kept.join('\n');
    }
    kept.push(line);
    length += added;
  }
  return kept.join('\n');
}

/** The characters Discord counts towards the 6,000 of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) n += field.name.length + field.value.length;
  return n;
}

/**
 * Embeds that Discord accepts: each part cut to its limit, empty fields dropped, then, while the message
 * is over 6,000 characters, the last fields dropped, then the last embeds, then the description shortened.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed);
  const total = () => fitted.reduce((n, e) => n + embedLength(e), 0);
  for (let guard = 0; total() > LIMITS.embedsTotal && guard < 100; guard++) {
    const withFields = [...fitted].reverse().find((e) => (e.fields?.length ?? 0) > 0);
    if (withFields) {
      withFields.fields = withFields.fields!.slice(0, -1);
      continue;
    }
    if (fitted.length > 1) {
      fitted.pop();
      continue;
    }
    const [only] = fitted;
    const over = total() - LIMITS.embedsTotal;
    const length = only?.description?.length ?? 0;
    if (!only || length === 0) break;
    // Discord refuses an empty description: when too little would be left, it goes.
    if (length - over < 20) delete only.description;
    else only.description = cutMarkdown(only.description!, length - over);
  }
  return fitted;
}

/** Each text part fit to its limit, and made safe (forDiscord): no part reaches Discord otherwise. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = cutMarkdown(forDiscord(out.title), LIMITS.embedTitle);
  if (out.description !== undefined) {
    out.description = cutMarkdown(forDiscord(out.description), LIMITS.embedDescription);
    if (out.description === '') delete out.description;
  }
  if (out.footer) out.footer = { ...out.footer, text: cut(forDiscord(out.footer.text), LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: cut(forDiscord(out.author.name), LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields
      .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
      .slice(0, LIMITS.embedFields)
      .map((f) => ({
        ...f,
        name: cutMarkdown(forDiscord(f.name), LIMITS.fieldName),
        value: cutMarkdown(forDiscord(f.value), LIMITS.fieldValue),
      }));
  }
  return out;
}
