/**
 * Organisations an article names, and the other names it gives them.
 *
 * A name is a run of capitalised words (with "of", "for", "and", "the" inside) that holds an
 * organisation word ("University", "Hospital", "Institutet", "GmbH"...), or an acronym. The article's
 * names of one organisation are grouped: acronyms it defines ("(USST)", "(HUM hereafter)"), acronyms it
 * uses whose letters are the initials of a name ("SHSMU"), shorter forms ("Gongli Hospital" for
 * "Shanghai Gongli Hospital"), other word orders ("Engineering and Technology University") and typos
 * ("Engieering"). Keys fold case, accents and British spellings, so "Centre" and "Center" are one.
 */
import { editDistance } from '../text/distance.ts';
import { findAliases } from './aliases.ts';
import { foldForMatch } from '../text/normalize.ts';
import { matchTerm, words } from '../text/terms.ts';
import { findNames } from './names.ts';
import type { Organization } from './types.ts';

export interface OrgMention {
  name: string;
  start: number;
  end: number;
}

const HEADS = new Set(
  (
    'University Universities College School Hospital Institute Institutet Institution Centre Center Clinic ' +
    'Academy Faculty Department Ministry Government Commission Committee Council Bureau District Company ' +
    'Corporation Group GmbH AG Inc Ltd LLC PLC Foundation Trust Laboratory Lab Alliance Association Society ' +
    'Agency Authority Health Universität Universitätsmedizin Université Universidad Hochschule Klinikum ' +
    'Charité Polytechnic Infirmary Consortium Network Bank Board Office Administration Service Services ' +
    'Clinics Hospitals Centres Centers Institutes Colleges Schools Laboratories Labs Networks'
  ).split(' '),
);

/** Words that end an organisation run on their left: a role or an honorific before the name. */
const ROLE_SPLIT = new Set(
  (
    'President Vice Dean Director Chancellor Vice-Chancellor Pro-Vice-Chancellor Secretary Governor Mayor ' +
    'Minister Chairman Chairwoman CEO Officer Professor Prof Dr Mr Ms Mrs Ambassador Provost Rector Principal ' +
    'Head Manager Executive Chief Deputy Member Representative Delegation Leader Party'
  ).split(' '),
);

const LEADING = new Set(
  (
    'The A An On At In By For With From During After Before Afterwards Witnessed Present Also Both This That ' +
    'Its Their Our Under Between Meanwhile Finally Then Later Last Today Yesterday And Of About Contact ' +
    'MOU MOUs MoU MoUs MOA MOAs MoA MoAs'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'for', 'and', 'the', '&', 'de', 'du', 'des', 'la', 'für', 'und']);
/** Words that continue a role ("Pro Vice Chancellor International of ..."), not an organisation. */
const ROLE_TAIL = new Set([
  'International',
  'Operations',
  'Affairs',
  'Academic',
  'Global',
  'Engagement',
  'Partnerships',
  'Education',
  // "Secretary of the Party Committee of X": the committee is the role's, X the organisation.
  'Committee',
]);
/** Words after an organisation's name in a headline: "... Centre Unveiled", "... Hospital Sign Agreement". */
const HEADLINE_VERB =
  /^(?:\p{Lu}\p{Ll}+ed|Signs?|Launch(?:es)?|Opens?|Unveils?|Partners?|Renews?|Hosts?|Links?|Announces?|Welcomes?|Inks?|Agrees?|Joins?|Celebrates?|To|Sign|Agreement|Memorandum|MoU|MOU)$/u;
/** Organisation words too generic to be a name alone ("the Clinic"). */
const GENERIC_HEADS = new Set(
  'University Universities College School Hospital Institute Institution Centre Center Clinic Academy Faculty Department Ministry Government Commission Committee Council Bureau District Company Corporation Group Foundation Trust Laboratory Lab Alliance Association Society Agency Authority Health Office Board Administration Service Services Network Bank Consortium'.split(
    ' ',
  ),
);
/** Capitals that are not organisations. */
const NOT_ACRONYM = new Set([
  'MOU',
  'MOA',
  'AI',
  'CEO',
  'CFO',
  'COO',
  'VIP',
  'PHD',
  'AM',
  'PM',
  'II',
  'III',
  'IV',
  'UK',
  'US',
  'USA',
  'EU',
  'DR',
  'RD',
]);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*|[–—]/gu;

function isCapitalized(t: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(t);
}

export function isAcronym(t: string): boolean {
  return /^[A-Z][A-Z&]{1,7}$/.test(t) && !NOT_ACRONYM.has(t);
}

/** The organisations named in `text`, in order. */
export function findOrganizations(text: string): OrgMention[] {
  const people = findNames(text);
  const tokens = [...text.matchAll(TOKEN)]
    .map((m) => {
      // "Lancaster University’s Vice Chancellor": the possessive is not part of the name.
      const stem = m[0].replace(/[’']s$/, '');
      const t = (HEADS.has(stem) ? stem : m[0]).replace(/[.’']$/, '');
      return { text: t, start: m.index, end: m.index + t.length };
    })
    .filter((t) => !people.some((p) => t.start >= p.start && t.end <= p.end) || (t.text = '·'));
  const found: OrgMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalized(tokens[i]!.text) || tokens[i]!.text === '·') {
      i++;
      continue;
    }
    // A run: capitalised words, connectors between them, only spaces in between.
    let j = i;
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
      if (!/^[ \t]+$/.test(gap) && !(tokens[j]!.text === 'St' && /^\.[ \t]+$/.test(gap))) break;
      if (tokens[j + 1]!.text === '·') break;
      const next = tokens[j + 1]!.text;
      if (isCapitalized(next)) j++;
      else if (
        // "University of the West of Ireland": "of the" between capitalised words.
        next === 'of' &&
        tokens[j + 2]?.text === 'the' &&
        tokens[j + 3] &&
        isCapitalized(tokens[j + 3]!.text) &&
        /^[ \t]+$/.test(text.slice(tokens[j + 1]!.end, tokens[j + 2]!.start)) &&
        /^[ \t]+$/.test(text.slice(tokens[j + 2]!.end, tokens[j + 3]!.start))
      )
        j += 2;
      else if (CONNECTORS.has(next) && tokens[j + 2] && isCapitalized(tokens[j + 2]!.text)) {
        const gap2 = text.slice(tokens[j + 1]!.end, tokens[j + 2]!.start);
        if (!/^[ \t]+$/.test(gap2)) break;
        j++;
      } else break;
    }
    for (let segment of splitRun(tokens.slice(i, j + 1))) {
      const lastHead = segment.map((t) => HEADS.has(t.text)).lastIndexOf(true);
      const verb = segment.findIndex((t, k) => k > lastHead && lastHead >= 0 && HEADLINE_VERB.test(t.text));
      if (verb > 0) segment = segment.slice(0, verb);
      while (segment.length && CONNECTORS.has(segment[segment.length - 1]!.text)) segment.pop();
      const first = segment[0];
      const last = segment[segment.length - 1];
      if (!first || !last) continue;
      const hasHead = segment.some((t) => HEADS.has(t.text));
      const single = segment.length === 1;
      if ((hasHead && !(single && GENERIC_HEADS.has(first.text))) || (single && isAcronym(first.text))) {
        found.push({ name: text.slice(first.start, last.end), start: first.start, end: last.end });
      } else if (!hasHead) {
        for (const t of segment)
          if (isAcronym(t.text)) found.push({ name: t.text, start: t.start, end: t.end });
      }
    }
    i = j + 1;
  }
  return found;
}

type Tok = { text: string; start: number; end: number };

/** Cuts a run at roles ("Vice President of"), and at "and" between two organisations. */
function splitRun(run: Tok[]): Tok[][] {
  const segments: Tok[][] = [];
  let current: Tok[] = [];
  const flush = () => {
    while (current.length && (LEADING.has(current[0]!.text) || CONNECTORS.has(current[0]!.text)))
      current.shift();
    while (current.length && CONNECTORS.has(current[current.length - 1]!.text)) current.pop();
    if (current.length) segments.push(current);
    current = [];
  };
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    if (ROLE_SPLIT.has(t.text) || /^(?:Vice|Pro)-/.test(t.text)) {
      // "USST President": the organisation before the role stays a segment.
      flush();
      while (
        k + 1 < run.length &&
        (ROLE_SPLIT.has(run[k + 1]!.text) ||
          ROLE_TAIL.has(run[k + 1]!.text) ||
          /^(?:of|at)$/.test(run[k + 1]!.text))
      )
        k++;
      continue;
    }
    if (t.text === '–' || t.text === '—') {
      current.push(t);
      continue;
    }
    if (t.text === 'and' || t.text === '&') {
      const rest = run.slice(k + 1);
      const restIsOrg = rest.some((r) => HEADS.has(r.text)) || (rest[0] && isAcronym(rest[0].text));
      const soFarIsOrg =
        current.some((c) => HEADS.has(c.text)) || (current.length === 1 && isAcronym(current[0]!.text));
      // "Science and Technology" stays; "USST and Shanghai Gongli Hospital" is two.
      const restHead = rest.findIndex((r) => HEADS.has(r.text) || isAcronym(r.text));
      const endsWithHead = current.length > 0 && HEADS.has(current[current.length - 1]!.text);
      const topic =
        rest[0] !== undefined &&
        /^(?:Technology|Science|Sciences|Engineering|Medicine|Health|Research|Innovation|Development|Application|Information|Economic|Economics|Arts|Design|Management)$/.test(
          rest[0].text,
        );
      const restIsOwn = restIsOrg && restHead >= 0 && !rest.slice(0, restHead).some((r) => r.text === 'and');
      if (
        (soFarIsOrg && endsWithHead) ||
        (restIsOwn && !topic && (soFarIsOrg || !current.some((c) => HEADS.has(c.text))))
      ) {
        flush();
        continue;
      }
    }
    current.push(t);
  }
  flush();
  // A dash joins "Charité – Universitätsmedizin Berlin" only when words follow it.
  return segments
    .map((s) => (s[s.length - 1]?.text === '–' ? s.slice(0, -1) : s))
    .filter((s) => s.length > 0);
}

/** The significant terms of a name, in order: "The University of Leeds" -> [univers, leed]. */
export function nameTerms(name: string): string[] {
  const terms: string[] = [];
  for (const w of words(name)) {
    const t = matchTerm(w.text);
    if (t !== null && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

/** A key for a name that ignores word order, case, accents and spelling variants. */
export function orgKey(name: string): string {
  return [...nameTerms(name)].sort().join(' ');
}

/**
 * Whether an acronym can be read off a name's words in any order, at most one significant word left
 * over: "SHSMU" ~ "Shanghai Jiaotong University School of Medicine", "USST", "KI" ~ "Karolinska Institutet".
 */
export function acronymFits(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const ws = words(name)
    .map((w) => foldForMatch(w.text))
    .filter((w) => !CONNECTORS.has(w));
  // A long name may leave two words out: "UHMBT" for "University Hospitals of Morecambe Bay NHS Foundation Trust".
  const spare = ws.length > 5 ? 2 : ws.length > 3 ? 1 : 0;
  if (letters.length < 2 || ws.length === 0 || ws.length > letters.length + spare) return false;
  if (ws.length === 1) return false;
  const used = new Array<boolean>(ws.length).fill(false);
  const fit = (li: number): boolean => {
    if (li === letters.length) return used.filter((u) => !u).length <= spare;
    for (let k = 0; k < ws.length; k++) {
      if (used[k]) continue;
      const w = ws[k]!;
      for (let n = Math.min(2, w.length); n >= 1; n--) {
        if (w.slice(0, n) !== letters.slice(li, li + n)) continue;
        used[k] = true;
        if (fit(li + n)) return true;
        used[k] = false;
      }
    }
    return false;
  };
  // The acronym's first letter is the first letter of the name's first or last significant word.
  if (
    letters[0] !== ws[0]![0] &&
    letters[0] !== ws[ws.length - 1]![0] &&
    !ws.some((w) => w.startsWith(letters.slice(0, 2)))
  ) {
    return false;
  }
  return fit(0);
}

/** Whether every term of `small` is in `big` (or a typo of one of its long terms). */
function termsWithin(small: string[], big: string[]): boolean {
  return small.every(
    (t) => big.includes(t) || (t.length >= 5 && big.some((b) => b.length >= 5 && editDistance(t, b, 2) <= 2)),
  );
}

/** Whether every significant word of `name` is in `big` as a term, or as a word with a typo. */
function nameWithin(name: string, big: string[]): boolean {
  return words(name).every((w) => {
    const term = matchTerm(w.text);
    if (term === null || big.includes(term)) return true;
    const raw = foldForMatch(w.text);
    return raw.length >= 5 && big.some((b) => b.length >= 5 && editDistance(raw, b, 2) <= 2);
  });
}

/** The terms of a name plus its words as written (folded), so typos compare on whole words. */
function looseTerms(name: string): string[] {
  return [
    ...nameTerms(name),
    ...words(name)
      .map((w) => foldForMatch(w.text))
      .filter((w) => w.length >= 5),
  ];
}

/** The organisations of an article, each with the names the article gives it. */
export function articleOrganizations(title: string, text: string): Organization[] {
  const full = `${title}\n${text}`;
  const groups: { names: string[]; terms: string[] }[] = [];
  const mentions = findOrganizations(full).map((m) => m.name);
  const defined = findAliases(full);
  const acronyms = new Set<string>();
  // Fullest names first, so shorter forms join them.
  const names = [...new Set(mentions.filter((n) => !isAcronym(n)))].sort(
    (a, b) => nameTerms(b).length - nameTerms(a).length,
  );
  for (const m of mentions) if (isAcronym(m)) acronyms.add(m);
  for (const alias of defined) acronyms.delete(alias.short);

  for (const name of names) {
    const terms = looseTerms(name);
    if (terms.length === 0) continue;
    const into = groups.filter((g) => nameWithin(name, g.terms));
    // A shorter form joins the one fuller name that holds it; if several hold it, it stays its own.
    if (into.length === 1) into[0]!.names.push(name);
    else groups.push({ names: [name], terms });
  }
  // "Fraunhofer Institute for Digital Medicine (MEVIS)": a parenthesised acronym right after a name.
  for (const m of full.matchAll(
    /\(\s*(?:hereinafter|hereafter)?\s*["“]?([A-Z][A-Za-z&]{1,10})["”]?(?:\s*,?\s*(?:hereinafter|hereafter|for short))?\s*\)/g,
  )) {
    const short = m[1]!;
    if (defined.some((d) => d.short === short)) continue;
    const before = findOrganizations(full.slice(Math.max(0, m.index - 160), m.index)).pop();
    if (before && /^\s*$/.test(full.slice(Math.max(0, m.index - 160) + before.end, m.index))) {
      defined.push({ short, long: before.name });
      acronyms.delete(short);
    }
  }
  for (const alias of defined) {
    const terms = looseTerms(alias.long);
    const group =
      groups.find((g) => nameWithin(alias.long, g.terms) && termsWithin(nameTerms(g.names[0]!), terms)) ??
      groups.find((g) => nameWithin(alias.long, g.terms));
    if (group) group.names.push(alias.short);
    else groups.push({ names: [alias.long, alias.short], terms });
  }
  for (const acronym of acronyms) {
    const fits = groups.filter((g) => g.names.some((n) => acronymFits(acronym, n)));
    if (fits.length === 1) fits[0]!.names.push(acronym);
    else if (fits.length === 0 && !groups.some((g) => g.names.includes(acronym)))
      groups.push({ names: [acronym], terms: [acronym.toLowerCase()] });
  }
  return groups.map((g) => {
    const unique = [...new Set(g.names)];
    const name = unique.filter((n) => !isAcronym(n)).sort((a, b) => b.length - a.length)[0] ?? unique[0]!;
    return { name, aliases: unique.filter((n) => n !== name) };
  });
}

/** The organisation of `orgs` that `name` names (by any of its names), or null. */
export function resolveOrganization(orgs: Organization[], name: string): Organization | null {
  const key = orgKey(name);
  for (const org of orgs) {
    if (org.name === name || org.aliases.includes(name)) return org;
  }
  for (const org of orgs) {
    if ([org.name, ...org.aliases].some((n) => orgKey(n) === key)) return org;
  }
  if (nameTerms(name).length === 0) return null;
  const holders = orgs.filter((o) => nameWithin(name, [o.name, ...o.aliases].flatMap(looseTerms)));
  return holders.length === 1 ? holders[0]! : null;
}

export { editDistance };
