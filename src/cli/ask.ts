/**
 * The command line (docs/cli-contract.md):
 *
 *   npm run ask -- who-signed Qingpu                     one question, printed for a person
 *   npm run --silent ask -- --json when "Centre unveiled" one question, as JSON
 *   npm run ask -- ask "Who signed with Qingpu?"          a question in words: it decides the kind
 *   npm run --silent ask -- --corpus DIR --json --batch   JSON lines in, one JSON line out per line
 *
 * Exit 0 when the question was asked (answered or not), and for --help (usage on stdout); 2 with one
 * line on stderr for a usage error.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { answerQuery, isQueryCommand, QUERY_COMMAND_NAMES, QUERY_COMMANDS } from '../answers/commands.ts';
import { checkQuery } from '../answers/query.ts';
import type { QueryCommandName, Result } from '../answers/types.ts';
import type { Index } from '../index/build.ts';
import { readCacheDir } from '../bot/config.ts';
import { loadIndex } from '../index/load.ts';
import { UserError } from '../program/errors.ts';
import { exitCodeOf, runProgram } from '../program/run.ts';
import { PLAIN, terminalStyle, renderText } from './render.ts';

const COMMANDS = QUERY_COMMAND_NAMES;

export const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] <${COMMANDS.join('|')}> <query...>
       npm run ask -- [--corpus DIR] --batch < questions.jsonl

commands:
${QUERY_COMMANDS.map((c) => `  ${`${c.name} ${c.option.usage}`.padEnd(32)} ${c.description}`).join('\n')}

options:
  --json          one JSON result (docs/cli-contract.md) instead of text
  --corpus DIR    answer from the articles in DIR (default ./corpus)
  --batch         read {"command": ..., "query": ...} lines on stdin, write one JSON line each
  --help          this text
  --              the words after it are the query, even those starting with --

examples:
${QUERY_COMMANDS.map((c) => `  npm run ask -- ${c.name} ${JSON.stringify(c.example)}`).join('\n')}`;

export class UsageError extends UserError {}

/** --help: the usage, on stdout, exit 0. */
export class HelpRequested extends Error {}

interface Options {
  json: boolean;
  batch: boolean;
  corpus: string;
  rest: string[];
}

/**
 * Options anywhere on the line; an unknown option is a usage error, not words of the query (a query word
 * that starts with -- comes after `--`).
 */
export function parseArgs(argv: string[]): Options {
  const options: Options = { json: false, batch: false, corpus: 'corpus', rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      options.rest.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') options.json = true;
    else if (arg === '--batch') options.batch = true;
    else if (arg === '--corpus') {
      const dir = argv[++i];
      if (!dir) throw new UsageError('--corpus needs a folder');
      options.corpus = dir;
    } else if (arg.startsWith('--corpus=')) options.corpus = arg.slice('--corpus='.length);
    else if (arg === '--help' || arg === '-h') throw new HelpRequested(USAGE);
    else if (/^--?[a-z]/i.test(arg)) throw new UsageError(`unknown option ${arg} (see --help)`);
    else options.rest.push(arg);
  }
  if (options.batch && options.rest.length > 0)
    throw new UsageError('--batch reads its questions from standard input; give no question');
  return options;
}

/** One batch line in, one JSON value out: a result, or {error}. */
export function answerLine(index: Index, line: string): Result | { error: string } {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { error: 'not a JSON object: expected {"command": "search", "query": "..."}' };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { error: 'not a JSON object: expected {"command": "search", "query": "..."}' };
  }
  const { command, query } = request as { command?: unknown; query?: unknown };
  if (typeof command !== 'string' || !isQueryCommand(command)) {
    return { error: `unknown command ${JSON.stringify(command)}: expected one of ${COMMANDS.join(', ')}` };
  }
  if (typeof query !== 'string') return { error: 'query must be a string' };
  const answered = answerQuery(index, command, query);
  return answered.ok ? answered.result : { error: answered.reason };
}

async function runBatch(index: Index): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    let output: unknown;
    try {
      output = answerLine(index, line);
    } catch (error) {
      output = { error: `internal error: ${(error as Error).message}` };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
}

/** The program: exit 0 when the question was asked, 2 for a usage or corpus problem (src/program/run.ts). */
export function main(argv: string[]): Promise<number> {
  return exitCodeOf('accord', () => ask(argv));
}

async function ask(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof HelpRequested)) throw error;
    process.stdout.write(`${error.message}\n`);
    return 0;
  }
  let question: { command: QueryCommandName; query: string } | null = null;
  if (!options.batch) {
    const [command, ...words] = options.rest;
    if (!command) throw new UsageError(USAGE);
    if (!isQueryCommand(command))
      throw new UsageError(`unknown command "${command}": expected one of ${COMMANDS.join(', ')}`);
    // Checked before the corpus is read: a usage error is told at once.
    const checked = checkQuery(words.join(' '));
    if (!checked.ok) throw new UsageError(checked.reason);
    question = { command, query: checked.query };
  }

  const { index } = await loadIndex(options.corpus, {
    cacheDir: readCacheDir(),
    warn: (line) => process.stderr.write(`${line}\n`),
  });

  if (question === null) {
    await runBatch(index);
    return 0;
  }
  const answered = answerQuery(index, question.command, question.query);
  if (!answered.ok) throw new UsageError(answered.reason);
  const { result } = answered;
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      `${renderText(result, process.stdout.isTTY ? terminalStyle(process.stdout.columns) : PLAIN)}\n`,
    );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runProgram('accord', () => ask(process.argv.slice(2)));
}
