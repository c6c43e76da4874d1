/** Renders answers as plain text for a terminal: the console and `npm run ask` without --json. */
import { describeArticle, describeEvent, describeSigning } from '../answers/describe.ts';
import type { BaseAnswer, Result } from '../answers/types.ts';

export interface TextStyle {
  /** Marks a highlighted word; identity for plain output. */
  bold: (text: string) => string;
}

export const PLAIN: TextStyle = { bold: (text) => text };
export const ANSI: TextStyle = { bold: (text) => `\u001b[1m${text}\u001b[22m` };

/** The whole result, as a person reads it. */
export function renderText(result: Result, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  if (result.answers.length === 0) {
    lines.push(`No answer for "${result.query}" in the corpus.`);
    if (result.suggestions.length) lines.push(`Did you mean: ${result.suggestions.join(' · ')}?`);
    return lines.join('\n');
  }
  result.answers.forEach((answer, i) => {
    if (i > 0) lines.push('');
    lines.push(`${i + 1}. ${headline(result, i)}`);
    lines.push(`   > ${emphasize(quoteOf(result, i), answer.highlights, style)}`);
    lines.push(`   ${describeArticle(answer.article)} [${answer.article.id}]`);
    if (answer.article.source) lines.push(`   ${answer.article.source}`);
  });
  return lines.join('\n');
}

function headline(result: Result, i: number): string {
  if (result.command === 'who-signed') return describeSigning((result as Result<'who-signed'>).answers[i]!);
  if (result.command === 'when') return describeEvent((result as Result<'when'>).answers[i]!);
  return `score ${result.answers[i]!.score}`;
}

function quoteOf(result: Result, i: number): string {
  if (result.command === 'search') return (result as Result<'search'>).answers[i]!.context;
  return result.answers[i]!.quote;
}

/** Wraps each highlighted word of `text` (whole words only) with the style's bold. */
export function emphasize(text: string, highlights: BaseAnswer['highlights'], style: TextStyle): string {
  if (highlights.length === 0 || style === PLAIN) return text;
  const escaped = [...highlights]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    (w) => style.bold(w),
  );
}
