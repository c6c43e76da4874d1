/**
 * The local console: what `npm start` opens when no Discord token is set. A person types the bot's slash
 * commands, or a question in words (a line without a slash is asked with /ask), and reads the answers the
 * bot would give.
 */
import { createInterface } from 'node:readline';
import { about } from '../answers/about.ts';
import { answerQuery, isQueryCommand, OTHER_COMMANDS, QUERY_COMMANDS } from '../answers/commands.ts';
import { describeArticle } from '../answers/describe.ts';
import type { Index } from '../index/build.ts';
import { forTerminal } from '../text/safe.ts';
import { PLAIN, terminalStyle, renderText, type TextStyle } from './render.ts';

/** Each command with what it answers and an example, from the command table. */
export function consoleHelp(): string {
  const rows: [string, string][] = [
    ...QUERY_COMMANDS.map((c): [string, string] => [
      `/${c.name} ${c.option.usage}`,
      `${c.description}\n${' '.repeat(COLUMN)}e.g. /${c.name} ${c.example}`,
    ]),
    ...OTHER_COMMANDS.map((c): [string, string] => [`/${c.name}`, c.description]),
    ['/quit', 'leave (or Ctrl+D)'],
  ];
  const lines = rows.map(([left, right]) => `  ${left.padEnd(COLUMN - 2)} ${right}`);
  return ['Commands (a line without a slash is a question for /ask):', ...lines].join('\n');
}

const COLUMN = 30;

/** Answers one console line; returns the text to print, or null to quit. */
export function consoleLine(index: Index, line: string, style: TextStyle = PLAIN): string | null {
  const trimmed = line.trim();
  if (trimmed === '') return '';
  if (!trimmed.startsWith('/')) return answered(index, 'ask', trimmed, style);
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const name = head.replace(/^\//, '').toLowerCase();
  if (name === 'quit' || name === 'exit') return null;
  if (name === 'help' || name === '?') return consoleHelp();
  if (name === 'about') return renderAbout(index);
  if (!isQueryCommand(name)) return `Unknown command "${forTerminal(head)}". Type /help for the list.`;
  return answered(index, name, rest.join(' '), style);
}

function answered(index: Index, name: Parameters<typeof answerQuery>[1], query: string, style: TextStyle) {
  const answer = answerQuery(index, name, query);
  return answer.ok ? renderText(answer.result, style) : forTerminal(answer.reason);
}

function renderAbout(index: Index): string {
  const summary = about(index);
  const lines = [
    `${summary.articleCount} articles, ${summary.signingCount} signings, ${summary.eventCount} dated events.`,
    ...summary.articles.map((article) => `- ${describeArticle(article)} [${article.id}]`),
  ];
  for (const skipped of summary.skipped) lines.push(`Skipped ${skipped.file}: ${skipped.reason}.`);
  return lines.map(forTerminal).join('\n');
}

/**
 * Runs the console on standard input and output until /quit or end of input. When the input is not a
 * terminal (a file or a pipe), each line is echoed after the prompt before its answer, as a transcript.
 */
export async function runConsole(index: Index): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const style = process.stdout.isTTY ? terminalStyle(process.stdout.columns) : PLAIN;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const print = (text: string) => process.stdout.write(`${text}\n`);
  print(`Accord: ${index.articles.length} articles loaded. Ask a question, or type /help for the commands.`);
  rl.setPrompt(PROMPT);
  if (interactive) rl.prompt();
  for await (const line of rl) {
    if (!interactive && line.trim() !== '') print(`${PROMPT}${line.trim()}`);
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

const PROMPT = 'accord> ';
