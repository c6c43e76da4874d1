/**
 * The local console: what `npm start` opens when no Discord token is set. A person types the bot's slash
 * commands and reads the answers the bot would give.
 */
import { createInterface } from 'node:readline';
import { about } from '../answers/about.ts';
import { describeArticle } from '../answers/describe.ts';
import { answer, isCommandName } from '../answers/index.ts';
import { checkQuery } from '../answers/query.ts';
import type { Index } from '../index/build.ts';
import { PLAIN, terminalStyle, renderText, type TextStyle } from './render.ts';

export const CONSOLE_HELP = `Commands:
  /who-signed <agreement or party>   who signed it, for whom, which agreement, when
  /when <event>                      when it happened, as a calendar day
  /search <keywords>                 the best passages, ranked, with their articles
  /about                             the articles in the corpus
  /help                              this list
  /quit                              leave (or Ctrl+D)`;

/** Answers one console line; returns the text to print, or null to quit. */
export function consoleLine(index: Index, line: string, style: TextStyle = PLAIN): string | null {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const name = head.replace(/^\//, '').toLowerCase();
  if (name === 'quit' || name === 'exit') return null;
  if (name === 'help' || name === '?') return CONSOLE_HELP;
  if (name === 'about') return renderAbout(index);
  if (!isCommandName(name)) return `Unknown command "${head}". Type /help for the list.`;
  const checked = checkQuery(rest.join(' '));
  if (!checked.ok) return checked.reason;
  return renderText(answer(index, name, checked.query), style);
}

function renderAbout(index: Index): string {
  const summary = about(index);
  const lines = [
    `${summary.articleCount} articles, ${summary.signingCount} signings, ${summary.eventCount} dated events.`,
    ...summary.articles.map((article) => `- ${describeArticle(article)} [${article.id}]`),
  ];
  for (const skipped of summary.skipped) lines.push(`Skipped ${skipped.file}: ${skipped.reason}.`);
  return lines.join('\n');
}

/** Runs the console on standard input and output until /quit or end of input. */
export async function runConsole(index: Index): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const style = process.stdout.isTTY ? terminalStyle(process.stdout.columns) : PLAIN;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const print = (text: string) => process.stdout.write(`${text}\n`);
  print(`Accord: ${index.articles.length} articles loaded. Type /help for the commands.`);
  rl.setPrompt('accord> ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    let output: string | null;
    try {
      output = consoleLine(index, line, style);
    } catch (error) {
      output = `Something went wrong answering that: ${(error as Error).message}`;
    }
    if (output === null) break;
    if (output !== '') print(output);
    if (interactive) rl.prompt();
  }
  rl.close();
}
