/**
 * The command line (docs/cli-contract.md):
 *
 *   npm run ask -- who-signed Qingpu                     one question, printed for a person
 *   npm run --silent ask -- --json when "Centre unveiled" one question, as JSON
 *   npm run --silent ask -- --corpus DIR --json --batch   JSON lines in, one JSON line out per line
 *
 * Exit 0 when the question was asked (answered or not); 2 with one line on stderr for a usage error.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { answer, isCommandName, COMMANDS } from '../answers/index.ts';
import { checkQuery } from '../answers/query.ts';
import type { Result } from '../answers/types.ts';
import type { Index } from '../index/build.ts';
import { loadIndex } from '../index/load.ts';
import { CorpusFolderError } from '../index/folder.ts';
import { PLAIN, terminalStyle, renderText } from './render.ts';

const USAGE = `usage: npm run ask -- [--json] [--corpus DIR] <${COMMANDS.join('|')}> <query...>
       npm run ask -- [--corpus DIR] --batch < questions.jsonl`;

export class UsageError extends Error {}

interface Options {
  json: boolean;
  batch: boolean;
  corpus: string;
  rest: string[];
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { json: false, batch: false, corpus: 'corpus', rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') options.json = true;
    else if (arg === '--batch') options.batch = true;
    else if (arg === '--corpus') {
      const dir = argv[++i];
      if (!dir) throw new UsageError('--corpus needs a folder');
      options.corpus = dir;
    } else if (arg.startsWith('--corpus=')) options.corpus = arg.slice('--corpus='.length);
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('--') && options.rest.length === 0) throw new UsageError(`unknown option ${arg}`);
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
  if (typeof command !== 'string' || !isCommandName(command)) {
    return { error: `unknown command ${JSON.stringify(command)}: expected one of ${COMMANDS.join(', ')}` };
  }
  if (typeof query !== 'string') return { error: 'query must be a string' };
  const checked = checkQuery(query);
  if (!checked.ok) return { error: checked.reason };
  return answer(index, command, checked.query);
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

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  let question: { command: (typeof COMMANDS)[number]; query: string } | null = null;
  try {
    options = parseArgs(argv);
    if (!options.batch) {
      const [command, ...words] = options.rest;
      if (!command) throw new UsageError(USAGE);
      if (!isCommandName(command))
        throw new UsageError(`unknown command "${command}": expected one of ${COMMANDS.join(', ')}`);
      const checked = checkQuery(words.join(' '));
      if (!checked.ok) throw new UsageError(checked.reason);
      question = { command, query: checked.query };
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let index: Index;
  try {
    ({ index } = await loadIndex(options.corpus, { warn: (line) => process.stderr.write(`${line}\n`) }));
  } catch (error) {
    if (error instanceof CorpusFolderError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (question === null) {
    await runBatch(index);
    return 0;
  }
  const result = answer(index, question.command, question.query);
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      `${renderText(result, process.stdout.isTTY ? terminalStyle(process.stdout.columns) : PLAIN)}\n`,
    );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`accord: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
