/**
 * Derives gold questions from the facts of the generated articles. A question is kept only when what its
 * query says picks out one fact in the whole corpus (the same two partners sign several agreements over
 * the years, so "USST Gongli" alone is often not enough), and a search question only when its keywords
 * occur together in one sentence of the corpus.
 */
import { type Day, isoDay, monthDay } from './dates.ts';
import type { ArticleFacts, EventClass, EventFact, Facility, NegativeFact, SigningFact } from './facts.ts';
import type { Random } from '../../src/bench/random.ts';
import { type Org, OrgNames, type World } from './world.ts';

/** A gold question, in the shape of the project's evaluation files. */
export interface GoldQuestion {
  kind: 'who-signed' | 'when' | 'search';
  query: string;
  signers?: string[];
  date?: string | null;
  article: string;
  evidence: string;
  note?: string;
}

interface Candidate {
  question: GoldQuestion;
  /** For search questions: the folded keywords, checked against the whole corpus. */
  keywords?: string[];
  /** Index of the evidence sentence in the corpus, for search questions. */
  sentenceId?: number;
}

const STOPWORDS = new Set(
  `a an the and or of for to in on at by with from as is are was were be been has have had that this which who its
  it their his her he she they we our both two sides will would should also into more than over such other all
  under said says after before during while not but has been being per each any can could may new said about`
    .split(/\s+/)
    .filter(Boolean),
);

export function buildQuestions(
  rng: Random,
  world: World,
  articles: ArticleFacts[],
  perArticle: number,
): GoldQuestion[] {
  const names = new OrgNames(world.orgs);
  const index = new FactIndex(articles);
  const candidates: Candidate[][] = articles.map((article) => [
    ...article.signings.slice(0, 2).flatMap((s) => whoSigned(rng, names, index, article, s)),
    ...article.negatives.filter((n) => !n.facility.inAgreement).map((n) => negative(rng, article, n)),
    ...article.events.slice(0, 2).flatMap((e) => when(rng, names, index, article, e)),
    ...article.searchable.slice(0, 4).flatMap((sentence) => search(rng, article, sentence)),
  ]);
  keepUniqueSearches(articles, candidates);

  const out: GoldQuestion[] = [];
  candidates.forEach((list) => {
    const byKind = new Map<string, Candidate[]>();
    for (const c of list) {
      const key =
        c.question.kind === 'who-signed' && c.question.signers?.length === 0 ? 'negative' : c.question.kind;
      const pool = byKind.get(key);
      if (pool) pool.push(c);
      else byKind.set(key, [c]);
    }
    // One question of each kind first, in a random order, then more of the same kinds.
    const order = rng.shuffle([...byKind.keys()]);
    const chosen: GoldQuestion[] = [];
    for (let round = 0; chosen.length < perArticle && round < 4; round++) {
      for (const kind of order) {
        const pool = byKind.get(kind) ?? [];
        if (pool.length > round && chosen.length < perArticle && (kind !== 'negative' || rng.chance(0.6))) {
          chosen.push((pool[round] as Candidate).question);
        }
      }
    }
    out.push(...chosen);
  });
  return out;
}

// ---------------------------------------------------------------- counting facts across the corpus

/** Counts the facts of the corpus that a query could mean, to keep only queries that mean one. */
class FactIndex {
  private readonly signingsByOrg = new Map<Org, SigningFact[]>();
  private readonly signingNames = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  private readonly facilities = new Map<Facility, number>();
  private readonly years = new Map<string, (number | null)[]>();

  private addYear(a: Org, b: Org, year: number | null): void {
    const key = pairKey(a, b);
    const list = this.years.get(key);
    if (list) list.push(year);
    else this.years.set(key, [year]);
  }

  constructor(articles: ArticleFacts[]) {
    for (const article of articles) {
      for (const s of article.signings) {
        for (const org of new Set(s.orgs)) {
          const list = this.signingsByOrg.get(org);
          if (list) list.push(s);
          else this.signingsByOrg.set(org, [s]);
        }
        const year = s.date && (article.published || s.explicitYear) ? s.date.year : null;
        for (let i = 0; i < s.orgs.length; i++) {
          for (let j = i + 1; j < s.orgs.length; j++) this.addYear(s.orgs[i] as Org, s.orgs[j] as Org, year);
        }
        const name = fold(s.agreement.name ?? '');
        if (name) this.signingNames.set(name, (this.signingNames.get(name) ?? 0) + 1);
      }
      for (const e of article.events) {
        if (e.facility) this.facilities.set(e.facility, (this.facilities.get(e.facility) ?? 0) + 1);
        const key =
          e.cls === 'visit'
            ? `visit|${pairKey(e.orgs[0] as Org, e.orgs[1] as Org)}`
            : e.cls === 'present'
              ? `present|${(e.orgs[0] as Org).id}|${e.subject}`
              : null;
        if (key) this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
        if (e.cls === 'visit') {
          const year = article.published || e.explicitYear ? e.date.year : null;
          this.addYear(e.orgs[0] as Org, e.orgs[1] as Org, year);
        }
      }
    }
  }

  countSignings(spec: SigningSpec): number {
    const first = spec.orgs[0];
    if (!first) return spec.name !== undefined ? (this.signingNames.get(fold(spec.name)) ?? 0) : Infinity;
    return (this.signingsByOrg.get(first) ?? []).filter((s) => matchesSigning(spec, s)).length;
  }

  /** The years of the signings and visits between two organisations (null when the year is not known). */
  pairYears(a: Org, b: Org): (number | null)[] {
    return this.years.get(pairKey(a, b)) ?? [];
  }

  countFacility(f: Facility): number {
    return this.facilities.get(f) ?? 0;
  }

  count(key: string): number {
    return this.keys.get(key) ?? 0;
  }
}

function pairKey(a: Org, b: Org): string {
  return a.id < b.id ? `${a.id}-${b.id}` : `${b.id}-${a.id}`;
}

// ---------------------------------------------------------------- who signed

interface SigningSpec {
  orgs: Org[];
  year?: number;
  kind?: string;
  name?: string;
}

function matchesSigning(spec: SigningSpec, s: SigningFact): boolean {
  if (!spec.orgs.every((o) => s.orgs.includes(o))) return false;
  // An undated signing might be the one a year asks for: it counts as a match.
  if (spec.year !== undefined && s.date && s.date.year !== spec.year) return false;
  if (spec.kind !== undefined && s.agreement.kind !== spec.kind) return false;
  if (spec.name !== undefined && fold(s.agreement.name ?? '') !== fold(spec.name)) return false;
  return true;
}

function whoSigned(
  rng: Random,
  names: OrgNames,
  index: FactIndex,
  article: ArticleFacts,
  s: SigningFact,
): Candidate[] {
  const [P, Q] = s.orgs as [Org, Org];
  const knownYear = s.date && (article.published || s.explicitYear) ? s.date.year : undefined;
  const name = s.agreement.name && articleSays(article, s.agreement.name) ? s.agreement.name : null;
  const kindWords =
    s.agreement.kind === 'mou' ? rng.pick(['MoU', 'memorandum of understanding']) : s.agreement.kindWords;
  const specs: { spec: SigningSpec; text: () => string; weight: number }[] = [];
  const q = () => orgQuery(rng, names, Q);
  const p = () => orgQuery(rng, names, P);
  specs.push({
    spec: { orgs: [Q] },
    text: () => rng.pick([q(), `${q()} agreement`, `Who signed the agreement with ${q()}?`]),
    weight: 3,
  });
  specs.push({
    spec: { orgs: [P, Q] },
    text: () => rng.pick([`${p()} ${q()}`, `who signed for ${p()} and ${q()}`]),
    weight: 2,
  });
  const kindSaid = kindInText(article, s);
  if (kindSaid)
    specs.push({
      spec: { orgs: [P, Q], kind: s.agreement.kind },
      text: () =>
        rng.pick([`${p()} ${q()} ${kindWords}`, `Who signed the ${kindWords} between ${p()} and ${q()}?`]),
      weight: 3,
    });
  if (knownYear !== undefined) {
    specs.push({
      spec: { orgs: [Q], year: knownYear },
      text: () => rng.pick([`${q()} ${knownYear}`, `who signed with ${q()} in ${knownYear}`]),
      weight: 2,
    });
    if (kindSaid)
      specs.push({
        spec: { orgs: [P, Q], kind: s.agreement.kind, year: knownYear },
        text: () =>
          rng.pick([
            `${p()} ${q()} ${kindWords} ${knownYear}`,
            `Who signed the ${knownYear} ${kindWords} between ${q()} and ${p()}?`,
          ]),
        weight: 2,
      });
  }
  if (name)
    specs.push({
      spec: { orgs: [], name },
      text: () => rng.pick([name, `Who signed the ${name}?`, `${name} signatories`]),
      weight: 4,
    });

  const out: Candidate[] = [];
  for (const { spec, text } of rng.shuffle(specs)) {
    if (out.length >= 2) break;
    if (index.countSignings(spec) !== 1) continue;
    let query = text();
    let typoNote = '';
    if (rng.chance(0.1)) {
      const typo = addTypo(rng, query);
      if (typo) {
        typoNote = ` The query has a deliberate typo ("${typo.word}").`;
        query = typo.text;
      }
    }
    out.push({
      question: {
        kind: 'who-signed',
        query,
        signers: s.signers.map((p) => p.name),
        date: s.date ? goldDate(s.date, s.explicitYear, article.published) : null,
        article: article.file,
        evidence: s.sentence,
        note: signingNote(article, s) + typoNote,
      },
    });
  }
  return out;
}

function signingNote(article: ArticleFacts, s: SigningFact): string {
  const parts: string[] = [];
  if (!s.date)
    parts.push('The text gives no date for the signing (the publication date is not the signing date).');
  else if (s.dateSentence)
    parts.push(
      `Date from "${s.dateText}" in an earlier sentence; the signing sentence itself carries no date.`,
    );
  if (s.date && !s.explicitYear) {
    parts.push(
      article.published
        ? `Year from the publication date ${isoDay(article.published)}.`
        : 'The article has no publication date: month and day only.',
    );
  }
  const others = s.others.map((p) => p.name).filter((n) => !s.signers.some((x) => x.name === n));
  if (others.length > 0) parts.push(`Present but not signers: ${[...new Set(others)].join(', ')}.`);
  if (/\u00a0/.test(s.sentence))
    parts.push('Evidence contains U+00A0 no-break spaces exactly as in the file.');
  return parts.join(' ');
}

function negative(rng: Random, article: ArticleFacts, n: NegativeFact): Candidate {
  const f = n.facility.name;
  const query = rng.pick([
    `${f} agreement`,
    `Who signed the agreement on the ${f}?`,
    `${f} signing`,
    `who signed for the ${f}`,
  ]);
  return {
    question: {
      kind: 'who-signed',
      query,
      signers: [],
      date: null,
      article: article.file,
      evidence: n.sentence,
      note: `Negative case: the article describes ${describe(n.cls)}, not a signing; nobody is said to sign anything.`,
    },
  };
}

// ---------------------------------------------------------------- when

function when(
  rng: Random,
  names: OrgNames,
  index: FactIndex,
  article: ArticleFacts,
  e: EventFact,
): Candidate[] {
  let query: string | null = null;
  const p = (o: Org) => orgQuery(rng, names, o);
  switch (e.cls) {
    case 'signing': {
      const s = e.signing;
      if (!s) return [];
      const [P, Q] = s.orgs as [Org, Org];
      const name = s.agreement.name && articleSays(article, s.agreement.name) ? s.agreement.name : null;
      const byKind =
        kindInText(article, s) && index.countSignings({ orgs: [P, Q], kind: s.agreement.kind }) === 1;
      const byPair = index.countSignings({ orgs: [P, Q] }) === 1;
      const byName = name !== null && index.countSignings({ orgs: [], name }) === 1;
      const kindWords = s.agreement.kind === 'mou' ? 'memorandum of understanding' : s.agreement.kindWords;
      if (byName && (rng.chance(0.4) || !byKind)) {
        query = rng.pick([`When was the ${name} signed?`, `${name} signing date`]);
      } else if (byKind) {
        query = rng.pick([
          `${p(P)} ${p(Q)} ${kindWords} signing ceremony`,
          `When did ${p(P)} and ${p(Q)} sign the ${kindWords}?`,
          `date of the ${kindWords} between ${p(Q)} and ${p(P)}`,
        ]);
      } else if (byPair) {
        query = rng.pick([
          `When did ${p(P)} and ${p(Q)} sign their agreement?`,
          `${p(P)} ${p(Q)} signing ceremony`,
        ]);
      }
      break;
    }
    case 'visit': {
      const [Q, P] = e.orgs as [Org, Org];
      // Signing articles of the same pair often report a visit too: a year may be needed to tell them apart.
      const years = index.pairYears(P, Q);
      const year = article.published || e.explicitYear ? e.date.year : null;
      if (years.length === 1) {
        query = rng.pick([
          `${p(Q)} delegation visit to ${p(P)}`,
          `When did the ${p(Q)} delegation visit ${p(P)}?`,
        ]);
      } else if (year !== null && years.filter((y) => y === year || y === null).length === 1) {
        query = rng.pick([
          `${p(Q)} delegation visit to ${p(P)} in ${year}`,
          `When in ${year} did the ${p(Q)} delegation visit ${p(P)}?`,
        ]);
      }
      break;
    }
    case 'present': {
      const P = e.orgs[0] as Org;
      const same = index.count(`present|${P.id}|${e.subject}`);
      if (same === 1) {
        query = rng.pick([
          `When did ${p(P)} researchers present their ${e.detail} at the ${e.subject}?`,
          `${p(P)} ${e.detail} ${e.subject} presentation`,
        ]);
      }
      break;
    }
    default: {
      const f = e.facility;
      if (!f || index.countFacility(f) !== 1) break;
      query = facilityWhenQuery(rng, names, e.cls, f);
    }
  }
  if (!query) return [];
  const notes: string[] = [];
  if (e.explicitYear) notes.push('The sentence states the full date.');
  else if (article.published)
    notes.push(`Year from the publication date ${isoDay(article.published)} ("${e.dateText}" in the text).`);
  else notes.push(`The article has no publication date: only "${e.dateText}" is known.`);
  if (/\u00a0/.test(e.sentence))
    notes.push('Evidence contains U+00A0 no-break spaces exactly as in the file.');
  return [
    {
      question: {
        kind: 'when',
        query,
        date: goldDate(e.date, e.explicitYear, article.published),
        article: article.file,
        evidence: e.sentence,
        note: notes.join(' '),
      },
    },
  ];
}

function facilityWhenQuery(rng: Random, names: OrgNames, cls: EventClass, f: Facility): string {
  const name = rng.chance(0.3) ? swapSpelling(f.name) : f.name;
  const where = rng.chance(0.3) ? ` at ${orgQuery(rng, names, f.owner)}` : '';
  switch (cls) {
    case 'unveil':
      return rng.pick([
        `${name} unveiling ceremony`,
        `When was the ${name} unveiled?`,
        `plaque unveiling for the ${name}${where}`,
      ]);
    case 'open':
      return rng.pick([
        `When did the ${name} open?`,
        `official opening of the ${name}${where}`,
        `${name} inauguration`,
      ]);
    case 'establish':
      return rng.pick([`When was the ${name} founded?`, `establishment of the ${name}${where}`]);
    case 'launch':
      return rng.pick([
        `When was the ${name} launched?`,
        `${name} kick-off${where}`,
        `launch of the ${name}`,
      ]);
    default:
      return rng.pick([`${name} start-up meeting`, `kick-off meeting of the ${name}`]);
  }
}

function describe(cls: EventClass): string {
  switch (cls) {
    case 'unveil':
      return 'an unveiling';
    case 'open':
      return 'an opening';
    case 'establish':
      return 'an establishment';
    case 'launch':
      return 'a launch';
    case 'startup':
      return 'a start-up meeting';
    default:
      return 'an event';
  }
}

// ---------------------------------------------------------------- search

function search(rng: Random, article: ArticleFacts, sentence: string): Candidate[] {
  const plain = sentence.replace(/\u00a0/g, ' ');
  const words = plain.match(/\d[\d,.]*\d|[\p{L}\p{N}][\p{L}\p{N}'’+&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  const content = (word: string) => !STOPWORDS.has(word.toLowerCase()) && word.length >= 2;
  const scored = words.map((word, i) => {
    let score = rng.next();
    if (!content(word)) score -= 10;
    if (/\d/.test(word)) score += word.length >= 3 ? 3 : 0.5;
    if (i > 0 && /^\p{Lu}/u.test(word)) score += 2.5;
    if (word.length >= 8) score += 1;
    return { word, i, score };
  });
  let keywords: string[] = [];
  if (rng.chance(0.3)) {
    // A phrase as written: "psychological counseling services for students".
    const best = scored.reduce(
      (a, b) => (b.score > a.score ? b : a),
      scored[0] ?? { word: '', i: 0, score: 0 },
    );
    let start = best.i;
    const back = rng.int(0, 2);
    for (let k = 0; k < back && start > 0 && content(words[start - 1] ?? ''); k++) start--;
    let end = Math.min(words.length, start + rng.int(3, 6));
    while (end > start && !content(words[end - 1] ?? '')) end--;
    const phrase = words.slice(start, end);
    if (phrase.filter(content).length >= 2) keywords = phrase;
  }
  if (keywords.length < 3) {
    const top = scored
      .filter((s) => s.score > 0.5)
      .sort((a, b) => b.score - a.score)
      .slice(0, 8);
    const picked = rng.sample(top, rng.int(3, 6)).sort((a, b) => a.i - b.i);
    keywords = [...new Set(picked.map((s) => s.word))];
  }
  const tokens = [...new Set(tokenize(keywords.join(' ')))];
  if (keywords.length < 3 || tokens.length < 3) return [];
  const id = article.sentences.indexOf(sentence);
  if (id < 0) return [];
  return [
    {
      question: {
        kind: 'search',
        query: keywords.join(' '),
        article: article.file,
        evidence: sentence,
        ...(/\u00a0/.test(sentence)
          ? { note: 'Evidence contains U+00A0 no-break spaces exactly as in the file.' }
          : {}),
      },
      keywords: tokens,
      sentenceId: id,
    },
  ];
}

/** Drops search questions whose keywords also occur together in another sentence of the corpus. */
function keepUniqueSearches(articles: ArticleFacts[], candidates: Candidate[][]): void {
  const needed = new Set<string>();
  for (const list of candidates) for (const c of list) for (const k of c.keywords ?? []) needed.add(k);
  const postings = new Map<string, number[]>();
  let count = 0;
  const offsets: number[] = [];
  for (const article of articles) {
    offsets.push(count);
    for (const sentence of article.sentences) {
      const tokens = tokenize(sentence);
      const id = count++;
      for (const t of new Set(tokens))
        if (needed.has(t)) (postings.get(t) ?? postings.set(t, []).get(t))?.push(id);
    }
  }
  candidates.forEach((list, a) => {
    const kept = list.filter((c) => {
      if (!c.keywords || c.sentenceId === undefined) return true;
      const self = (offsets[a] ?? 0) + c.sentenceId;
      const lists = c.keywords.map((k) => postings.get(k) ?? []).sort((x, y) => x.length - y.length);
      // Intersect the posting lists, rarest first; each list is sorted by sentence id.
      let hits = lists[0] ?? [];
      // Keywords that are all common words do not make a distinctive search.
      if (hits.length > 50) return false;
      for (const list of lists.slice(1)) {
        hits = hits.filter((id) => contains(list, id));
      }
      return hits.length === 1 && hits[0] === self;
    });
    list.splice(0, list.length, ...kept);
  });
}

// ---------------------------------------------------------------- helpers

/** Binary search in an ascending list. */
function contains(list: number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid] as number;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A name for the organisation as a user might type it: full, acronym, short, or a unique part of the name. */
/** Words of organisation names that do not tell one organisation from another. */
const GENERIC = new Set(
  `University Universities Hospital Institute Research Science Technology Engineering Medical Medicine Normal
  People's District Government County College School General Traditional Chinese State Children's Affiliated
  Metropolitan Teaching Health Service Trust Foundation Centre Center Academy Polytechnic Agricultural Ocean
  Finance Economics Economic Development Zone Group Limited Holdings First Second Third Fourth Fifth Sixth Seventh
  Ninth Tenth Cancer Royal Infirmary Memorial Applied Sciences Technische Universität Jiaotong`.split(/\s+/),
);

function orgQuery(rng: Random, names: OrgNames, org: Org): string {
  const options: string[] = [org.name, org.name];
  if (org.acronym) options.push(org.acronym, org.acronym);
  options.push(...org.aliases);
  const words = org.name.split(' ');
  if (words.length >= 3 && rng.chance(0.5)) {
    const length = rng.int(2, words.length - 1);
    const start = rng.int(0, words.length - length);
    const part = words.slice(start, start + length).join(' ');
    const edges = [words[start] ?? '', words[start + length - 1] ?? ''];
    const distinctive = part.split(' ').some((word) => /^[A-Z][a-z]{3,}/.test(word) && !GENERIC.has(word));
    if (edges.every((word) => /^[A-Z]/.test(word)) && distinctive && names.unique(org, part)) {
      options.push(part);
    }
  }
  return rng.pick(options);
}

function addTypo(rng: Random, text: string): { text: string; word: string } | null {
  const words = [...text.matchAll(/\b[A-Za-z][a-z]{5,}\b/g)].filter(
    (m) => !STOPWORDS.has(m[0].toLowerCase()),
  );
  if (words.length === 0) return null;
  const m = rng.pick(words);
  const word = m[0];
  const i = rng.int(1, word.length - 3);
  const typo = rng.chance(0.5)
    ? word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
  if (typo === word) return null;
  const at = m.index ?? 0;
  return { text: text.slice(0, at) + typo + text.slice(at + word.length), word: typo };
}

function swapSpelling(name: string): string {
  return name
    .replace(/\bCentre\b/, '\u0000')
    .replace(/\bCenter\b/, 'Centre')
    .replace('\u0000', 'Center')
    .replace(/\bProgramme\b/, 'Program');
}

/** The gold date: YYYY-MM-DD when the year is known (stated, or from the publication date), else --MM-DD. */
export function goldDate(date: Day, explicitYear: boolean, published: Day | null): string {
  return explicitYear || published ? isoDay(date) : monthDay(date);
}

/** Words that show the text says what kind of agreement was signed. */
const KIND_WORDS: Record<string, string[]> = {
  strategic: ['strategic cooperation'],
  mou: ['memorandum', 'mou'],
  construction: ['joint construction'],
  exchange: ['student exchange'],
  degree: ['dual degree'],
  research: ['joint research agreement'],
  talent: ['talent training', 'talent cultivation'],
  consortium: ['medical consortium'],
  iur: ['industry-university-research'],
  transfer: ['technology transfer'],
  contract: ['contract'],
  intent: ['letter of intent'],
};

function kindInText(article: ArticleFacts, s: SigningFact): boolean {
  return (KIND_WORDS[s.agreement.kind] ?? []).some((words) => articleSays(article, words));
}

const foldedText = new WeakMap<ArticleFacts, string>();

/** True when the title or a sentence of the article contains the phrase (case and spacing aside). */
function articleSays(article: ArticleFacts, phrase: string): boolean {
  let text = foldedText.get(article);
  if (text === undefined) {
    text = [article.title, ...article.sentences].map(fold).join('\n');
    foldedText.set(article, text);
  }
  return text.includes(fold(phrase));
}

function fold(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}
