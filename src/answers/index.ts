/** The answers Accord gives, one function per command, all pure functions of the index and the query. */
import type { Index } from '../index/build.ts';
import { queryCommand } from './commands.ts';
import { ask } from './ask.ts';
import { when, whoSigned } from './facts.ts';
import { search } from './search.ts';
import type { QueryCommandName, Result } from './types.ts';

export { isQueryCommand as isCommandName, QUERY_COMMAND_NAMES as COMMANDS } from './commands.ts';

/** Answers a cleaned, non-empty query (see checkQuery). */
export function answer<C extends QueryCommandName>(index: Index, command: C, query: string): Result<C> {
  return queryCommand(command).answer(index, query);
}

export { ask, search, whoSigned, when };
