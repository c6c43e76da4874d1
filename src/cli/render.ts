/** Renders answers as plain text for a terminal: the console and `npm run ask` without --json. */
import { describeArticle, describeEvent, describeSigning } from '../answers/describe.ts';
import { answersOf, type BaseAnswer, type KindedAnswers, type Result } from '../answers/types.ts';
import { forTerminal, mapStrings } from '../text/safe.ts';

export interface TextStyle {
  /** Marks a highlighted word; identity for plain output. */
  bold: (text: string) => string;
  /** The width lines are wrapped at, or null for no wrapping. */
  width: number | null;
}

export const PLAIN: TextStyle = { bold: (text) => text, width: null };

/** Bold highlights and lines wrapped to the terminal's width, for a person at a terminal. */
export function terminalStyle(columns: number | undefined): TextStyle {
  return { bold: (text) => `\u001b[1m${text}\u001b[22m`, width: Math.max(40, Math.min(columns ?? 100, 120)) };
}

/** The whole result, as a person reads it; its control characters shown, not obeyed (forTerminal). */
export function renderText(unsafe: Result, style: TextStyle = PLAIN): string {
  const result = mapStrings(unsafe, forTerminal);
  const lines: string[] = [];
  if (result.answers.length === 0) {
    lines.push(`No answer for "${result.query}" in the corpus.`);
    if (result.suggestions.length) lines.push(`Did you mean: ${result.suggestions.join(' · ')}?`);
    return lines.join('\n');
  }
  const kinded = answersOf(result);
  kinded.answers.forEach((answer, i) => {
    if (i > 0) lines.push('');
    const title = headline(kinded, i);
    const quote = wrap(quoteOf(kinded, i), style.width, '   > ').map((line) =>
      emphasize(line, answer.highlights, style),
    );
    if (title) lines.push(...wrap(title, style.width, `${i + 1}. `, '   '), ...quote);
    else lines.push(`${i + 1}.${quote[0]!.slice(2)}`, ...quote.slice(1));
    lines.push(
      ...wrap(`${describeArticle(answer.article)} [${answer.article.id}]`, style.width, '   ', '   '),
    );
    if (answer.article.source) lines.push(`   ${answer.article.source}`);
  });
  return lines.join('\n');
}

/** The answer in one line; none for a search, whose answer is the passage itself. */
function headline(kinded: KindedAnswers, i: number): string | null {
  if (kinded.kind === 'who-signed') return describeSigning(kinded.answers[i]!);
  if (kinded.kind === 'when') return describeEvent(kinded.answers[i]!);
  return null;
}

/**
 * Breaks text into lines of at most `width` characters at spaces; the first line starts with `first`,
 * the others with `rest` (by default as many spaces as `first` is long, or its text for a block quote).
 */
export function wrap(
  text: string,
  width: number | null,
  first: string,
  rest = first.trimEnd().endsWith('>') ? first : ' '.repeat(first.length),
): string[] {
  if (width === null) return [`${first}${text}`];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function quoteOf(kinded: KindedAnswers, i: number): string {
  if (kinded.kind === 'search') return kinded.answers[i]!.context;
  return kinded.answers[i]!.quote;
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
