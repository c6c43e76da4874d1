/**
 * Finding facts by what a person types: any name of a party (acronym, short name, other word order,
 * typo), a signer, the agreement, the event, words of the sentence.
 *
 * A small inverted index over the facts' fields, built from the facts on first use (cheap). A fact
 * answers a query only when it covers most of the query's weight: each query word weighs by its rarity
 * among the facts, and words every question of the kind has ("signed", "agreement", "ceremony") weigh
 * little, so "Innovation Center agreement" does not find an agreement on an innovation institute.
 */
import type { Index } from '../index/build.ts';
import { foldForMatch } from '../text/normalize.ts';
import { words } from '../text/terms.ts';
import {
  editDistance,
  findOrganizations,
  isAcronym,
  matchTerm,
  resolveOrganization,
} from './organizations.ts';
import type { Organization } from './types.ts';

export type FactKind = 'signing' | 'event';

/** Field weights: a party or agreement name counts more than a word of the sentence. */
const FIELD = { names: 3, what: 2.5, text: 1, context: 0.4, title: 0.6 } as const;
type FieldName = keyof typeof FIELD;

/** Words every question of the kind has: they weigh a quarter. */
const GENERIC: Record<FactKind, Set<string>> = {
  signing: new Set([
    'who',
    'sign',
    'signatori',
    'agreement',
    'mou',
    'memorandum',
    'understand',
    'contract',
    'ink',
    'deal',
  ]),
  event: new Set([
    'when',
    'date',
    'held',
    'hold',
    'happen',
    'event',
    'take',
    'place',
    'day',
    'ceremoni',
    'time',
  ]),
};

/** Share of the query's weight a fact must cover to answer it. */
export const MIN_COVERAGE = 0.6;

interface Doc {
  fact: number;
  /** Term -> best field weight. */
  terms: Map<string, number>;
  /** The single names (party, alias, agreement, signer, event), as term lists, for whole-name matches. */
  names: string[][];
}

export interface FactHit {
  fact: number;
  score: number;
  coverage: number;
  /** The fact's terms that matched, for highlighting. */
  terms: Set<string>;
}

export interface FactFields {
  /** Parties, their aliases, signers and their organisations. */
  names: string[];
  /** The agreement or the event. */
  what: string[];
  text: string;
  context: string;
  title: string;
}

export class FactIndex {
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();
  /** Folded word as written -> its term, for typo matching. */
  private readonly vocabulary = new Map<string, string>();

  constructor(
    readonly kind: FactKind,
    fields: FactFields[],
  ) {
    fields.forEach((f, fact) => {
      const doc: Doc = { fact, terms: new Map(), names: [] };
      const add = (text: string, field: FieldName) => {
        for (const w of words(text)) {
          const term = matchTerm(w.text);
          if (term === null) continue;
          if ((doc.terms.get(term) ?? 0) < FIELD[field]) doc.terms.set(term, FIELD[field]);
          const lower = w.text.toLowerCase();
          if (!this.vocabulary.has(lower)) this.vocabulary.set(lower, term);
        }
      };
      for (const name of f.names) {
        add(name, 'names');
        doc.names.push(termsOf(name));
      }
      for (const what of f.what) {
        add(what, 'what');
        doc.names.push(termsOf(what));
      }
      add(f.text, 'text');
      add(f.context, 'context');
      add(f.title, 'title');
      for (const term of doc.terms.keys()) {
        const list = this.postings.get(term);
        if (list) list.push(fact);
        else this.postings.set(term, [fact]);
      }
      this.docs.push(doc);
    });
  }

  /** The facts that answer `query` (coverage at least MIN_COVERAGE), best first; and the near misses. */
  search(query: string): { hits: FactHit[]; near: FactHit[] } {
    const groups = this.queryGroups(query);
    if (groups.length === 0 || this.docs.length === 0) return { hits: [], near: [] };
    const n = this.docs.length;
    const weights = groups.map((g) => {
      const df = Math.max(...g.alternatives.map((t) => this.postings.get(t)?.length ?? 0), 0);
      const idf = Math.log(1 + n / (1 + df));
      return idf * (GENERIC[this.kind].has(g.term) ? 0.25 : 1);
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const candidates = new Set<number>();
    for (const g of groups)
      for (const t of g.alternatives) for (const d of this.postings.get(t) ?? []) candidates.add(d);
    const scored: FactHit[] = [];
    for (const d of candidates) {
      const doc = this.docs[d]!;
      let covered = 0;
      let score = 0;
      const matched = new Set<string>();
      const matchedGroups: number[] = [];
      groups.forEach((g, k) => {
        let best = 0;
        for (const t of g.alternatives) {
          const field = doc.terms.get(t);
          if (field === undefined) continue;
          const value = field * (t === g.term ? 1 : 0.8);
          if (value > best) best = value;
          matched.add(t);
        }
        if (best > 0) {
          covered += weights[k]!;
          score += weights[k]! * best;
          matchedGroups.push(k);
        }
      });
      const coverage = total > 0 ? covered / total : 0;
      // A whole name that holds most of the query ("Shanghai University of Engineering and Technology").
      let nameCover = 0;
      for (const name of doc.names) {
        const inName = matchedGroups.filter((k) => groups[k]!.alternatives.some((t) => name.includes(t)));
        nameCover = Math.max(nameCover, inName.length / groups.length);
      }
      scored.push({
        fact: doc.fact,
        score: score * coverage * coverage * (1 + nameCover),
        coverage,
        terms: matched,
      });
    }
    scored.sort((a, b) => b.score - a.score);
    const hasDistinctive = (h: FactHit) =>
      groups.some(
        (g, k) =>
          weights[k]! > 0 && !GENERIC[this.kind].has(g.term) && g.alternatives.some((t) => h.terms.has(t)),
      );
    const hits = scored.filter((h) => h.coverage >= MIN_COVERAGE && hasDistinctive(h));
    const near = scored.filter((h) => !hits.includes(h)).slice(0, 3);
    return { hits, near };
  }

  /** Each query word with the fact terms it may match: itself, a typo of it, an acronym's long form. */
  private queryGroups(query: string): { term: string; alternatives: string[] }[] {
    const groups: { term: string; alternatives: string[] }[] = [];
    for (const w of words(query)) {
      const term = matchTerm(w.text);
      if (term === null || groups.some((g) => g.term === term)) continue;
      const alternatives = new Set<string>([term]);
      const folded = w.text.toLowerCase();
      if (folded.length >= 5 && (!this.postings.has(term) || folded.length >= 8)) {
        const max = folded.length >= 8 ? 2 : 1;
        for (const [word, t] of this.vocabulary) {
          if (Math.abs(word.length - folded.length) > max) continue;
          if (editDistance(word, folded, max) <= max) alternatives.add(t);
        }
      }
      if (folded.length >= 4 && !this.postings.has(term)) {
        for (const [word, t] of this.vocabulary) if (word.startsWith(folded)) alternatives.add(t);
      }
      groups.push({ term, alternatives: [...alternatives] });
    }
    return groups;
  }
}

function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = matchTerm(w.text);
    if (t !== null && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Every name of an organisation a fact names: the article's own aliases, and across the corpus the long
 * forms of its acronyms and the acronyms of its long forms (index.aliases).
 */
export function namesOf(index: Index, orgs: Organization[], name: string): string[] {
  const org = resolveOrganization(orgs, name);
  const names = new Set<string>([name, ...(org ? [org.name, ...org.aliases] : [])]);
  const shorts = shortForms(index);
  for (const n of [...names]) {
    if (isAcronym(n)) for (const long of index.aliases.longForms(n)) names.add(long);
    for (const short of shorts.get(foldForMatch(n)) ?? []) names.add(short);
  }
  return [...names];
}

const SHORT_FORMS = new WeakMap<Index, Map<string, string[]>>();

/** Folded long form -> the acronyms the corpus defines for it. */
function shortForms(index: Index): Map<string, string[]> {
  let map = SHORT_FORMS.get(index);
  if (!map) {
    map = new Map();
    for (const alias of index.aliases.aliases) {
      const key = foldForMatch(alias.long);
      map.set(key, [...(map.get(key) ?? []), alias.short]);
    }
    SHORT_FORMS.set(index, map);
  }
  return map;
}

/** The fullest name of an acronym party across the corpus: "USST" -> "University of Shanghai for ...". */
export function displayParty(index: Index, party: string): string {
  if (!isAcronym(party)) return party;
  const longs = [...new Set(index.aliases.longForms(party))];
  return longs.length === 1 ? longs[0]! : party;
}

const CACHE = new WeakMap<Index, { signings: FactIndex; events: FactIndex }>();

/** The fact indexes of an index, built on first use. */
export function factIndexes(index: Index): { signings: FactIndex; events: FactIndex } {
  const cached = CACHE.get(index);
  if (cached) return cached;
  const { facts, articles } = index;
  const sentenceText = (a: number, s: number) => articles[a]?.sentences[s]?.text ?? '';
  const signings = new FactIndex(
    'signing',
    facts.signings.map((f) => {
      const orgs = f.organizations;
      const names = [
        ...f.parties.flatMap((p) => namesOf(index, orgs, p)),
        ...f.signers.flatMap((s) => [
          s.name,
          ...(s.organization ? namesOf(index, orgs, s.organization) : []),
        ]),
      ];
      return {
        names: [...new Set(names)],
        what: f.agreement ? [f.agreement] : [],
        text: f.sentences.map((s) => sentenceText(f.article, s)).join(' '),
        context: '',
        title: articles[f.article]?.title ?? '',
      };
    }),
  );
  const events = new FactIndex(
    'event',
    facts.events.map((f) => {
      const orgs = f.organizations;
      const article = articles[f.article];
      const sentence = article?.sentences[f.sentence];
      const text = f.sentences.map((s) => sentenceText(f.article, s)).join(' ');
      const mentioned = findOrganizations(sentence?.text ?? '').map((o) => o.name);
      // The sentences around it in its paragraph, for what the event sentence leaves implicit.
      const context = (article?.sentences ?? [])
        .slice(Math.max(0, f.sentence - 2), f.sentence + 2)
        .filter((s) => s.paragraph === sentence?.paragraph && !f.sentences.includes(s.index))
        .map((s) => s.text)
        .join(' ');
      return {
        names: [...new Set(mentioned.flatMap((m) => namesOf(index, orgs, m)))],
        what: [f.event],
        text,
        context,
        title: article?.title ?? '',
      };
    }),
  );
  const built = { signings, events };
  CACHE.set(index, built);
  return built;
}

/** The words of `text` whose terms are among `terms`: the highlights of a quote. */
export function highlightTerms(text: string, terms: Set<string>): string[] {
  const found = new Set<string>();
  for (const w of words(text)) {
    const t = matchTerm(w.text);
    if (t !== null && terms.has(t)) found.add(w.text);
  }
  return [...found];
}
