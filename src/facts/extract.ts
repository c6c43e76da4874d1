/** Extracts the facts of every article once, at indexing. */
import type { Article } from '../corpus/types.ts';
import type { AliasTable } from '../index/aliases.ts';
import type { Facts } from './types.ts';

export function extractFacts(_articles: Article[], _aliases: AliasTable): Facts {
  return { signings: [], events: [] };
}
