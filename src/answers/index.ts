/** The answers Accord gives, one function per command, all pure functions of the index and the query. */
import type { Index } from '../index/build.ts';
import { search } from './search.ts';
import type { CommandName, Result } from './types.ts';
import { when } from './when.ts';
import { whoSigned } from './whoSigned.ts';

export const COMMANDS: readonly CommandName[] = ['who-signed', 'when', 'search'];

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/** Answers a cleaned, non-empty query (see checkQuery). */
export function answer<C extends CommandName>(index: Index, command: C, query: string): Result<C> {
  switch (command) {
    case 'who-signed':
      return whoSigned(index, query) as Result<C>;
    case 'when':
      return when(index, query) as Result<C>;
    default:
      return search(index, query) as Result<C>;
  }
}

export { search, whoSigned, when };
