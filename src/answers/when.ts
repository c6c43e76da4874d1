/** `/when`: the dated events that match the query, best first. */
import type { Index } from '../index/build.ts';
import { didYouMean } from './search.ts';
import type { Result } from './types.ts';

export function when(index: Index, query: string): Result<'when'> {
  return { command: 'when', query, answers: [], suggestions: didYouMean(index, query) };
}
