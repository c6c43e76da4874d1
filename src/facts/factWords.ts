/**
 * What the facts of an article are found by, read from that article alone when it is indexed: kept in
 * its record (so in the cache) and computed on the indexing threads. The fact search (index/factSearch.ts)
 * indexes these words.
 */
import type { Article } from '../corpus/types.ts';
import { matchTerm, wordsOf } from '../text/terms.ts';
import { findOrganizations, resolveOrganization } from './organizations.ts';
import type { ArticleFactWords, Facts, Organization } from './types.ts';

/** What the facts of an article are found by, from that article alone: computed when it is indexed. */
export function articleFactWords(article: Article, facts: Facts): ArticleFactWords {
  const sentences = (indexes: number[]) => indexes.map((s) => article.sentences[s]?.text ?? '').join(' ');
  // The organisations of the first paragraph: who reports, what an event sentence may leave implicit.
  const lead = unique(findOrganizations(article.paragraphs[0] ?? '').map((o) => o.name));
  return {
    title: wordList(article.title),
    lead: wordList(lead.join(' ')),
    leadNames: lead,
    signings: facts.signings.map((f) => ({
      organizations: unique(
        [...f.parties, ...f.signers.flatMap((s) => (s.organization ? [s.organization] : []))].flatMap(
          (name) => articleNames(f.organizations, name),
        ),
      ),
      people: unique(f.signers.map((s) => s.name)),
      what: f.agreement ? [f.agreement] : [],
      text: wordList(sentences(f.sentences)),
      context: [],
    })),
    events: facts.events.map((f) => {
      const own = article.sentences[f.sentence];
      // The sentences around it in its paragraph, for what the event sentence leaves implicit.
      const context = article.sentences
        .slice(Math.max(0, f.sentence - 2), f.sentence + 2)
        .filter((s) => s.paragraph === own?.paragraph && !f.sentences.includes(s.index))
        .map((s) => s.index);
      const mentioned = findOrganizations(own?.text ?? '').map((o) => o.name);
      return {
        organizations: unique(mentioned.flatMap((name) => articleNames(f.organizations, name))),
        people: [],
        what: [f.event],
        text: wordList(sentences(f.sentences)),
        context: wordList(sentences(context)),
      };
    }),
  };
}

/** An organisation's names in its article: as the fact gives it, the fullest, and the article's aliases. */
function articleNames(orgs: Organization[], name: string): string[] {
  const org = resolveOrganization(orgs, name);
  return [name, ...(org ? [org.name, ...org.aliases] : [])];
}

/** The distinct words of a text that have a term, in lowercase. */
function wordList(text: string): string[] {
  const found = new Set<string>();
  for (const word of wordsOf(text)) if (matchTerm(word) !== null) found.add(word.toLowerCase());
  return [...found];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
