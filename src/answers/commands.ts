/**
 * The one table of Accord's commands: name, description, example and answer function. The command line,
 * the console's help, autocomplete, the evaluation and the Discord commands all read it.
 */
import type { Index } from '../index/build.ts';
import { ask } from './ask.ts';
import { when, whoSigned } from './facts.ts';
import { checkQuery } from './query.ts';
import { search } from './search.ts';
import type { QueryCommandName, Result } from './types.ts';

export interface QueryCommand<C extends QueryCommandName = QueryCommandName> {
  name: C;
  /** One line: what it answers (Discord's command description, at most 100 characters). */
  description: string;
  /** The query option: its name in Discord, and what to type, for help texts. */
  option: { name: string; description: string; usage: string };
  /** A query that works on the seed articles, for help texts. */
  example: string;
  /** `limit`: answers at most, where the kind has a choice (search); the default is the contract's. */
  answer(index: Index, query: string, options?: { limit?: number }): Result<C>;
  /** The answer may take a while (full-text search): the bot acknowledges first. */
  slow: boolean;
}

function command<C extends QueryCommandName>(spec: QueryCommand<C>): QueryCommand<C> {
  return spec;
}

export const QUERY_COMMANDS = [
  command({
    name: 'ask',
    description: 'Ask in words: who signed, when something happened, or anything the articles say',
    option: {
      name: 'question',
      description: 'A question, e.g. Who signed the agreement with Qingpu District?',
      usage: '<question>',
    },
    example: 'Who signed the agreement with Qingpu District?',
    answer: (index, query, options) => ask(index, query, options),
    slow: true,
  }),
  command({
    name: 'who-signed',
    description: 'Who signed an agreement: signers, their roles and organisations, and when',
    option: {
      name: 'party',
      description: 'A party, a signer or an agreement, e.g. Qingpu',
      usage: '<agreement or party>',
    },
    example: 'Qingpu',
    answer: whoSigned,
    slow: false,
  }),
  command({
    name: 'when',
    description: 'When something happened, as a calendar day, with the sentence that says so',
    option: {
      name: 'event',
      description: 'What happened, e.g. Innovation Center unveiled',
      usage: '<event>',
    },
    example: 'Innovation Center unveiled',
    answer: when,
    slow: false,
  }),
  command({
    name: 'search',
    description: 'The best passages for some keywords, ranked, with their articles',
    option: { name: 'query', description: 'Keywords, e.g. medical engineering', usage: '<keywords>' },
    example: 'suture needles',
    answer: (index, query, options) => search(index, query, options),
    slow: true,
  }),
] as const;

/** The commands that take no query, for help texts. */
export const OTHER_COMMANDS = [
  { name: 'about', description: 'The articles the answers come from: how many, their titles and dates' },
  { name: 'help', description: 'Each command with an example' },
] as const;

export const QUERY_COMMAND_NAMES: readonly QueryCommandName[] = QUERY_COMMANDS.map((c) => c.name);

export function isQueryCommand(name: string): name is QueryCommandName {
  return (QUERY_COMMAND_NAMES as readonly string[]).includes(name);
}

export function queryCommand<C extends QueryCommandName>(name: C): QueryCommand<C> {
  return QUERY_COMMANDS.find((c) => c.name === name) as QueryCommand<C>;
}

export type Answered = { ok: true; result: Result } | { ok: false; reason: string };

/** Checks what was typed, then answers it: the one path from a raw query to a result. */
export function answerQuery(
  index: Index,
  name: QueryCommandName,
  raw: string,
  options?: { limit?: number },
): Answered {
  const checked = checkQuery(raw);
  if (!checked.ok) return checked;
  return { ok: true, result: queryCommand(name).answer(index, checked.query, options) };
}
