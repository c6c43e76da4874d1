/**
 * Signings in one sentence: who signed (only the people the text says signed), what, for whom.
 *
 * Forms handled: "A and B signed X"; "A, Vice President of P, B, Dean of Q, signed X on behalf of the two
 * universities"; "A, on behalf of the university, signed a contract with Mr. B, ..."; "X was signed by
 * A and B"; "A and B inked X"; "Witnessed by C, A and B signed X" (C is not a signer). A plan to sign
 * ("hope to sign", "will sign") is not a signing; neither is "the signing ceremony" alone.
 */
import type { Signer } from './types.ts';
import { findNames, splitTitle, titleBefore, type NameMatch } from './names.ts';
import { findOrganizations } from './organizations.ts';

export interface SigningMatch {
  signers: Signer[];
  agreement: string | null;
  /** Organisation names the sentence gives for the parties, as written. */
  parties: string[];
  /** Offset of the verb in the sentence. */
  verbAt: number;
  /** The subject is "they", "the two" or "both" with no name: the signers are named in the sentence before. */
  pronoun?: boolean;
  /** Titles that stand for the signers ("by the Vice-Chancellor and Provost"): people the article names elsewhere. */
  titles?: string[];
  /** The titles name signers beside the named ones ("The Rector and Prof. B signed"). */
  titledBeside?: boolean;
  /** Some signer is named by a surname alone that the article does not give in full. */
  partial?: boolean;
  /** Several agreements signed by different people in one sentence ("... respectively"): one signing each. */
  split?: { signers: Signer[]; parties: string[] }[];
}

/** A person the article names in full, by whom a later mention of the surname alone is known. */
export interface KnownPerson {
  name: string;
  /** The words a later mention may use alone: the surname (and, for Chinese names, the family name first). */
  keys: string[];
}

const AGREEMENT_NOUN =
  '(?:agreements?|memorand\\w*|MoUs?|MOUs?|MoAs?|MOAs?|contracts?|accords?|pacts?|letters?\\s+of\\s+intent)';
const VERB = new RegExp(
  '\\b(?:co-)?(?:signed|inked|signs|inks|initial(?:l)?ed)\\b|\\bput\\s+(?:their\\s+)?pens?\\s+to\\s+paper\\b' +
    // "concluded this agreement", "renewed their exchange agreement": a signing when an agreement is the object.
    `|\\b(?:concluded|renewed)(?=\\s+(?:(?:the|a|an|this|that|their|its|two)\\s+)?(?:[\\w-]+\\s+){0,5}${AGREEMENT_NOUN}\\b)` +
    // "formalised their partnership", "formalized an MoU": making an agreement formal is signing it.
    `|\\bformali[sz]ed(?=\\s+(?:(?:the|a|an|this|that|their|its|two)\\s+)?(?:[\\w-]+\\s+){0,5}(?:${AGREEMENT_NOUN}|partnerships?)\\b)` +
    // "A and B signing the memorandum" (a caption), "the signing of the MoU by A and B".
    '|\\bsigning(?=\\s+(?:the|a|an|their|of)\\s)|^Signing(?=\\s+(?:the|a|an|this|their)\\s)' +
    // "A (left) and B sign the agreement on 3 March" (a caption in the present tense).
    `|\\bsign(?=\\s+(?:the|a|an|their|this)\\s+(?:[\\w-]+\\s+){0,5}${AGREEMENT_NOUN}\\b)`,
  'g',
);
/** More than one agreement: "both the MOUs", "the agreements", "two contracts". */
const SEVERAL = new RegExp(
  `\\b(?:both|all|two|three)\\s+(?:of\\s+)?(?:the\\s+)?${AGREEMENT_NOUN}|\\bthe\\s+(?:MOUs|MoUs|MoAs|agreements|memoranda|contracts)\\b`,
);
/** "A signed for X, and B signed for Y": a verb that names the side the signer signed for. */
const FOR_SIDE = /^\s+(?:for|on\s+behalf\s+of)\b/;
// Case-sensitive: "Anthony May signed" is no modal.
const NOT_DONE =
  /\b(?:[Tt]o|[Ww]ill|[Ww]ould|[Ss]hall|[Ss]hould|[Cc]ould|may|[Mm]ight|[Cc]an|[Cc]annot|[Pp]lan(?:s|ned)?\s+to|[Hh]ope[sd]?\s+to|expected\s+to|yet\s+to|not|never|be)\s+(?:\w+ly\s+)?(?:be\s+)?$/;
const PASSIVE =
  /\b(?:was|were|been|being|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:also\s+|both\s+|jointly\s+|formally\s+)?$/i;
/** Stretches that name people who did not sign. */
const EXCLUDE_FROM =
  /\b(?:witnessed\s+by|in\s+the\s+(?:presence|witness)\s+of|under\s+the\s+witness\s+of|with\s+the\s+witness\s+of|accompanied\s+by|attended\s+by|hosted\s+by|chaired\s+by|moderated\s+by|presided\s+over\s+by|officiated\s+by|present\s+(?:at|were)|and\s+witnessed|as\s+witness(?:es)?|while|who\s+(?:witnessed|attended|hosted|chaired|spoke|delivered|gave|was|were))\b/gi;
const GENERIC_AGREEMENT =
  /^(?:the|a|an|this|that|its|their)?\s*(?:agreement|agreements|contract|memorandum|mou|moa|deal|document|accord|pact)$/i;
/** Lowercase words a photo caption has beside its names: "Pictured: A (left) and B signing the MoU". */
const CAPTION_WORDS =
  /^(?:and|&|of|the|from|at|left|right|centre|center|l|r|pictured|above|below|photo|president|chancellor|vice-chancellor|vice|chair|ceo|dean|director|professor|prof|dr)$/;

/** Finds the signing a sentence states, or null. `people` are those the article names in full. */
export function findSigning(
  sentence: string,
  people: KnownPerson[] | (() => KnownPerson[]) = [],
): SigningMatch | null {
  let found: NameMatch[] | undefined;
  for (const m of sentence.matchAll(VERB)) {
    const at = m.index;
    const before = sentence.slice(0, at);
    if (NOT_DONE.test(before)) continue;
    if (/^\s+up\b/.test(sentence.slice(at + m[0].length))) continue; // "signed up"
    // Names only once a verb of signing is there: this runs on every sentence of every article.
    const named = (found ??= namesIn(sentence, people));
    const form = verbForm(sentence, m[0], at, named);
    if (!form) continue;
    // "put pen to paper on the agreement": the agreement follows "on".
    const after = sentence.slice(at + m[0].length);
    const excluded = exclusionZones(sentence);
    const clause: SigningClause = {
      sentence,
      verb: m[0],
      at,
      before,
      after,
      object: after.replace(/^(\s+)(?:on|of|in)\s+(?=(?:the|a|an|both|all)\b)/, '$1'),
      clauseStart: Math.max(before.lastIndexOf(';') + 1, 0),
      named,
      excluded,
      isSigner: (n: NameMatch) => !excluded.some(([s, e]) => n.start >= s && n.start < e),
      ...form,
    };
    const told = clause.passive ? passiveSigners(clause) : activeSigners(clause);
    const match = signingMatch(clause, told);
    if (match.signers.length === 0) unnamedSigners(clause, match, told.agent);
    else if (!clause.passive) titledBeside(match, told.agent);
    return match;
  }
  return null;
}

/** One verb of signing in its sentence, and what is around it. */
interface SigningClause {
  sentence: string;
  verb: string;
  /** Where the verb starts. */
  at: number;
  before: string;
  after: string;
  /** What follows the verb, "on"/"of"/"in" dropped before the agreement. */
  object: string;
  /** Where the verb's clause starts (after the last ";" before it). */
  clauseStart: number;
  named: NameMatch[];
  excluded: [number, number][];
  /** Not named in a stretch of people who did not sign (witnesses, hosts). */
  isSigner: (n: NameMatch) => boolean;
  /** "signing", not "signed". */
  nominal: boolean;
  passive: boolean;
  /** "Signing the agreement were A and B": the signers follow "were". */
  inverted: RegExpExecArray | null;
}

/** Who signed what, as the clause tells it, before the signers are described. */
interface ToldSigning {
  signerNames: NameMatch[];
  agreement: string | null;
  /** The stretch that names the signers. */
  agent: string;
  split: { names: NameMatch[]; parties: string[] }[] | null;
}

/**
 * Whether the verb is a passive, an inverted "Signing the agreement were ...", or a caption's "signing";
 * null for a nominal "signing" that reports no signing.
 */
function verbForm(
  sentence: string,
  verb: string,
  at: number,
  named: NameMatch[],
): Pick<SigningClause, 'nominal' | 'passive' | 'inverted'> | null {
  const before = sentence.slice(0, at);
  const nominal = verb === 'signing' || verb === 'Signing';
  let passive = PASSIVE.test(before);
  let inverted: RegExpExecArray | null = null;
  if (nominal) {
    // "the formal signing of the MoU by A and B": a passive; "A and B signing the MoU": a caption.
    const of = /^\s+of\s+[^,;]{1,150}?\s+by\s+/.exec(sentence.slice(at + verb.length));
    inverted = /^\s*$/.test(before)
      ? /^\s+(?:the|a|an|this|their)\s+[^,;]{1,100}?\s(were|was)\s/.exec(sentence.slice(at + verb.length))
      : null;
    if (of || inverted) passive = true;
    else if (!isCaption(before, named)) return null;
  }
  return { nominal, passive, inverted };
}

/** "The MoU was signed by A and B", "An MoA was signed between A and B", "Signing it were A and B". */
function passiveSigners(c: SigningClause): ToldSigning {
  const { sentence, verb, at, before, after, object, clauseStart, named, isSigner, nominal, inverted } = c;
  const by = inverted ? { index: inverted[0].length - 5 } : /\bby\b/.exec(after);
  // "An MoA was signed between A and B": people after "between" signed.
  const between = by ? null : /\bbetween\b/.exec(after);
  const agentMark = by ?? between;
  const agentStart = agentMark ? at + verb.length + agentMark.index : sentence.length;
  const signerNames = agentMark ? named.filter((n) => n.start > agentStart && isSigner(n)) : [];
  const agent = by ? sentence.slice(agentStart) : '';
  const subject = before.replace(PASSIVE, '').slice(clauseStart);
  const agreement = inverted
    ? cleanAgreement(after.slice(0, inverted.index + inverted[0].length - inverted[1]!.length - 2))
    : nominal
      ? cleanAgreement(object)
      : cleanAgreement(subject.slice(subject.lastIndexOf(',') + 1));
  return { signerNames, agreement, agent, split: null };
}

/** "A and B signed the agreement", "... signed a contract with Mr. B", "A signed for X, and B signed for Y". */
function activeSigners(c: SigningClause): ToldSigning {
  const { sentence, verb, at, after, object, clauseStart, named, isSigner } = c;
  const subjectNames = named.filter((n) => n.start >= clauseStart && n.end <= at && isSigner(n));
  const agent = sentence.slice(clauseStart, at);
  // "... signed a contract with Mr. B": the counterpart named after "with".
  const withMatch = /\bwith\s+/.exec(after);
  const objectNames = withMatch
    ? named.filter((n) => n.start >= at + verb.length + withMatch.index && isSigner(n))
    : [];
  const signerNames = [
    ...subjectNames,
    ...objectNames.filter((n) => n.start < at + verb.length + withMatch!.index + 40),
  ];
  // "X and Y signed the agreement, with A signing for X and B for Y".
  const sides = /,\s*with\s+(?=[^;]*?\bsigning\s+(?:for|on\s+behalf\s+of)\b)/.exec(after);
  if (sides) {
    const from = at + verb.length + sides.index;
    signerNames.push(...named.filter((n) => n.start > from && isSigner(n)));
  }
  const split = laterSigners(c, signerNames);
  // "signed for the university": a side, not an agreement.
  const agreement = FOR_SIDE.test(after) ? null : cleanAgreement(object);
  return { signerNames, agreement, agent, split };
}

/**
 * "A signed for X, and B signed for Y", "A signed the MoU for P while B signed it for Q": each later
 * signing verb's subject signed too (added to signerNames). With "respectively", two agreements: the
 * groups that signed each, else null.
 */
function laterSigners(c: SigningClause, signerNames: NameMatch[]): ToldSigning['split'] {
  const { sentence, verb, at, named, isSigner } = c;
  let split: ToldSigning['split'] = null;
  let from = at + verb.length;
  const firstClause = signerNames.length;
  for (const next of sentence.slice(from).matchAll(VERB)) {
    const to = from + next.index;
    if (next[0] === 'signing' || NOT_DONE.test(sentence.slice(0, to)) || PASSIVE.test(sentence.slice(0, to)))
      continue;
    const clause = named.filter((n) => n.start > from && n.end <= to && isSigner(n));
    signerNames.push(...clause);
    // "A signed both MOUs for P while B and C signed the MOUs for Q and R respectively": two agreements,
    // A and B signed one, A and C the other.
    if (
      firstClause > 0 &&
      clause.length >= 2 &&
      /\brespectively\b/.test(sentence.slice(to)) &&
      SEVERAL.test(sentence)
    ) {
      const common = signerNames.slice(0, firstClause);
      const sides = findOrganizations(sentence.slice(to)).map((o) => o.name);
      const own = findOrganizations(sentence.slice(at, to))
        .map((o) => o.name)
        .slice(0, 1);
      split = clause.map((n, k) => ({
        names: [...common, n],
        parties: [...own, ...(sides.length === clause.length ? [sides[k]!] : [])],
      }));
    }
    from = to + next[0].length;
  }
  return split;
}

/** The signing match: each signer once and described, the parties, the groups of a split signing. */
function signingMatch(c: SigningClause, { signerNames, agreement, split }: ToldSigning): SigningMatch {
  const { sentence, at, excluded } = c;
  const seen = new Set<string>();
  const signers: Signer[] = [];
  let partial = false;
  for (const n of signerNames) {
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    if (n.partial) partial = true;
    signers.push(describePerson(sentence, n));
  }
  const parties = partiesOf(sentence, at, excluded, signers);
  const match: SigningMatch = { signers, agreement, parties, verbAt: at };
  if (partial) match.partial = true;
  if (split)
    match.split = split.map((g) => ({
      signers: g.names.map((n) => describePerson(sentence, n)),
      parties: g.parties,
    }));
  return match;
}

/**
 * No signer named at the verb: "after the two signed", "They renewed the agreement" are the people named
 * before (or a pronoun to resolve from the sentence before); titles alone ("the Rector signed") are kept.
 */
function unnamedSigners(c: SigningClause, match: SigningMatch, agent: string): void {
  const { sentence, at, clauseStart, named, isSigner, passive } = c;
  const subject = sentence.slice(clauseStart, at);
  // "after the two signed", "They renewed the agreement": people named before, here or in the sentence before.
  if (
    !passive &&
    /(?:^|\b)(?:[Tt]hey|[Tt]he\s+two|[Bb]oth(?:\s+(?:men|women|leaders|presidents))?|[Tt]he\s+pair)\s+(?:(?:then|also|jointly|formally|officially|later)\s+)?(?:have\s+|had\s+)?$/.test(
      subject,
    )
  ) {
    const earlier = named.filter((n) => n.end <= at && isSigner(n) && !n.partial);
    if (earlier.length === 2) match.signers = earlier.map((n) => describePerson(sentence, n));
    else if (earlier.length === 0) match.pronoun = true;
  }
  const titles = titleReferences(agent);
  if (titles.length) match.titles = titles;
}

/** "The Rector and Prof. Dr. B then signed": a title alone beside a named signer is a signer too. */
function titledBeside(match: SigningMatch, agent: string): void {
  const lead = /^\s*[Tt]he\s+((?:\p{Lu}[\p{L}-]*\s+){1,4}?)(?:of\s+[^,;]+?\s+)?(?:and|&)\s+\S/u.exec(agent);
  const titles = lead ? titleReferences(`the ${lead[1]!.trim()}`) : [];
  if (titles.length === 1 && match.signers.every((x) => !agent.slice(0, lead![0].length).includes(x.name))) {
    match.titles = titles;
    match.titledBeside = true;
  }
}

/** People of a sentence: full names, and surnames alone of people the article names in full. */
function namesIn(sentence: string, known: KnownPerson[] | (() => KnownPerson[])): NameMatch[] {
  const found = findNames(sentence, { partial: true });
  let people: KnownPerson[] | undefined;
  const list = () => (people ??= typeof known === 'function' ? known() : known);
  const resolve = (word: string): string | null => {
    const matches = list().filter((p) => p.keys.includes(word));
    const names = [...new Set(matches.map((p) => p.name))];
    return names.length === 1 ? names[0]! : null;
  };
  const out: NameMatch[] = [];
  for (const n of found) {
    if (!n.partial) {
      out.push(n);
      continue;
    }
    const full = resolve(n.name);
    out.push(full ? { name: full, start: n.start, end: n.end } : n);
  }
  // A surname alone with no title ("signed by Okonkwo and Engr. Musa K. Danjuma"), looked for when the
  // sentence names fewer than two people in full.
  if (out.filter((n) => !n.partial).length < 2 && list().length) {
    for (const m of sentence.matchAll(/\p{Lu}[\p{L}'’-]+/gu)) {
      if (out.some((n) => m.index < n.end && n.start < m.index + m[0].length)) continue;
      const full = resolve(m[0]);
      // Not the first word of a name written out ("Okonkwo Adaeze"): the next word is no capitalised one.
      if (!full || /^\s+\p{Lu}/u.test(sentence.slice(m.index + m[0].length))) continue;
      out.push({ name: full, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether the words before "signing" are a caption's: names, titles, "and", "(left)". */
function isCaption(before: string, named: NameMatch[]): boolean {
  const inNames = named.filter((n) => n.end <= before.length);
  if (inNames.length === 0) return false;
  let rest = before;
  for (const n of [...inNames].reverse()) rest = rest.slice(0, n.start) + ' ' + rest.slice(n.end);
  const words = rest.match(/(?<!\p{L})\p{Ll}[\p{L}-]*/gu) ?? [];
  return words.every((w) => CAPTION_WORDS.test(w));
}

/** Titles that stand for people in an agent phrase: "by the Vice-Chancellor and Provost" -> both titles. */
function titleReferences(agent: string): string[] {
  const m =
    /^\s*(?:by\s+)?the\s+([^,;.()]+?)(?=\s*[,;.(]|\s+(?:on|at|in|during|for|followed|after|before)\s|$)/.exec(
      agent,
    );
  if (!m) return [];
  const parts = m[1]!.split(/\s+(?:and|&)\s+(?:the\s+)?/).map((t) => t.replace(/\s+of\s+.*$/, '').trim());
  const title = /^(?:\p{Lu}[\p{L}-]*\s?)+$/u;
  const role =
    /\b(?:Chancellor|President|Provost|Rector|Dean|Director|Principal|Registrar|Secretary|Governor|Mayor|Minister|Chair\w*|CEO|Vice-Chancellor|Head|Executive|Officer)\b/;
  return parts.every((t) => title.test(t) && role.test(t)) ? parts : [];
}

function exclusionZones(sentence: string): [number, number][] {
  const zones: [number, number][] = [];
  for (const m of sentence.matchAll(EXCLUDE_FROM)) {
    const start = m.index;
    const from = start + m[0].length;
    // "A signed for P while B signed for Q": B signed too.
    if (
      /^while$/i.test(m[0]) &&
      /\b(?:signed|inked|initial(?:l)?ed)\b/.test(sentence.slice(from).split(';')[0]!)
    )
      continue;
    zones.push([start, from + witnessListLength(sentence.slice(from))]);
  }
  return zones;
}

/**
 * How far a list of witnesses runs: to the comma that starts the signers ("Witnessed by C, A and B
 * signed"), past the commas of a witness's title ("In the presence of C, Deputy Mayor of X and D, Dean of
 * Y, A and B signed"), or to the end of the sentence ("signed by A and B in the presence of C, Dean of Y").
 */
const TITLE_START =
  /^(?:the\s+)?(?:Vice|Deputy|Pro|Executive|Chief|Senior|Acting|Associate|Assistant|President|Dean|Director|Chancellor|Vice-Chancellor|Secretary|Governor|Mayor|Minister|Chair\w*|Head|Consul|Ambassador|Commissioner|Professor|Provost|Principal|Rector|CEO|General|Party|Member)\b/;

function witnessListLength(rest: string): number {
  for (const comma of rest.matchAll(/[,;]|\b(?:signed|inked|put\s+pen)\b/g)) {
    if (comma[0] !== ',') return comma.index;
    const next = rest.slice(comma.index + 1);
    const segment = /^[^,;]*/.exec(next)![0];
    // A title after the comma ("Deputy Director of ..."), with no person before it: still the witnesses.
    const person = findNames(segment)[0];
    const personFirst =
      person !== undefined &&
      titleBefore(segment, person.start).length === segment.slice(0, person.start).trim().length;
    if (!personFirst && TITLE_START.test(segment.trimStart())) continue;
    return comma.index;
  }
  return rest.length;
}

/** The agreement named after the verb (or before a passive one), without its article. */
function cleanAgreement(text: string): string | null {
  let t = text.trim();
  // "put pen to paper on Thursday at ...": a time or a place where the agreement would be is no agreement.
  if (
    /^(?:on|in|at)\s+(?:the\s+)?(?:morning|afternoon|evening|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|^at\s/.test(
      t,
    )
  )
    return null;
  const stops = [
    /\s+on\s+behalf\b/,
    /\s+between\b/,
    /\s+with\s+(?!the\s+aim)/,
    /\s+by\s+/,
    /\s+at\s+/,
    /\s+during\b/,
    /\s+to\s+[a-z]/,
    /\s+(?:which|that|who|where|and\s+(?:the|a|an|[a-z]+ed)\b)/,
    /\s+(?:on|in)\s+(?:the\s+)?(?:morning|afternoon|evening|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/,
    /\s+(?:last|this|yesterday|today)\b/i,
    /\s+(?:while|whilst|whereas)\b/,
    /\s+on\s+for\b/,
    /\s*\(/,
    /[,;:.]\s|[,;:.]$|\.$/,
    /\s+for\s+(?:a|the)\s+(?:period|term|next)/,
  ];
  let cut = t.length;
  for (const stop of stops) {
    const m = stop.exec(t);
    if (m && m.index < cut) cut = m.index;
  }
  // " in ": cut after a finished name ("Agreement in Beijing"), not inside one ("Research in Urban Water").
  for (const m of t.slice(0, cut).matchAll(/\s+in\s+/g)) {
    const head = t.slice(0, m.index);
    if (
      /(?:agreement|memorandum|understanding|contract|mou|moa|deal|accord|pact)$/i.test(head) ||
      /^[a-z]/.test(t.slice(m.index + m[0].length))
    ) {
      cut = m.index;
      break;
    }
  }
  t = t
    .slice(0, cut)
    .replace(/^(?:the|a|an|its|their|this)\s+/i, '')
    .trim();
  if (!t || t.length > 200) return null;
  return t;
}

export function isGenericAgreement(agreement: string | null): boolean {
  return agreement === null || GENERIC_AGREEMENT.test(agreement.trim());
}

/** A signer with the role and organisation the sentence gives: appositive after the name, or title before. */
export function describePerson(sentence: string, n: NameMatch): Signer {
  // The appositive ends where the next person starts ("president of CSU and Ary Bruand, president of ...").
  const nextPerson = /\s(?:and|&)\s/.test(sentence.slice(n.end))
    ? findNames(sentence).find((o) => o.start > n.end)
    : undefined;
  const rest = sentence.slice(n.end, nextPerson ? nextPerson.start : undefined);
  const appositive = /^,\s*([^,;]+?)\s*(?=,|;|\s+signed\b|\s+inked\b|$)/.exec(rest);
  if (appositive) {
    const text = appositive[1]!.replace(/\s+(?:and|&)\s*$/, '').replace(/[.\s]+$/, '');
    if (
      /^(?:the\s+)?(?:\p{Lu}|vice|deputy|president|dean|director|chief|head|chair)/u.test(text) &&
      !/^on behalf\b/i.test(text) &&
      findNames(text).length === 0
    ) {
      const { role, organization } = splitTitle(text.replace(/^the\s+/, ''));
      if (role) return { name: n.name, role, organization };
    }
  }
  const title = titleBefore(sentence, n.start);
  if (title) {
    const { role, organization } = splitTitle(title);
    return { name: n.name, role, organization };
  }
  return { name: n.name, role: null, organization: null };
}

/** The parties: organisations after "between", signers' organisations, "with X", or the subject's organisations. */
function partiesOf(
  sentence: string,
  verbAt: number,
  excluded: [number, number][],
  signers: Signer[],
): string[] {
  const parties: string[] = [];
  const add = (name: string | null) => {
    if (name && !parties.includes(name)) parties.push(name);
  };
  const orgs = findOrganizations(sentence).filter(
    (o) => !excluded.some(([s, e]) => o.start >= s && o.start < e),
  );
  const between = /\bbetween\s+/.exec(sentence);
  if (between)
    for (const o of orgs) if (o.start >= between.index && o.start < between.index + 200) add(o.name);
  // "... signed X on behalf of P and Q (respectively)".
  const behalf = /\bon\s+behalf\s+of\s+(?!(?:the\s+)?(?:two|both|their|its|his|her)\b)/.exec(sentence);
  if (behalf)
    for (const o of orgs)
      if (o.start >= behalf.index && /^[\s\w'’&.-]*$/.test(sentence.slice(behalf.index, o.start)))
        add(o.name);
  for (const s of signers) add(s.organization);
  // "A signed for X, and B signed for Y", "with A signing for X and B for Y": the sides.
  for (const o of orgs) {
    const before = sentence.slice(Math.max(0, o.start - 80), o.start);
    const side = /\b(?:signed|signing|signs)\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?$/.test(before);
    const second =
      /\bfor\s+(?:the\s+)?$/.test(before) &&
      signers.some((s) => before.trimEnd().slice(0, -3).trimEnd().endsWith(s.name));
    if (side || second) add(o.name);
  }
  const withMatch = /\bwith\s+/.exec(sentence.slice(verbAt));
  if (withMatch) {
    const from = verbAt + withMatch.index;
    const o = orgs.find((x) => x.start >= from && x.start < from + 60);
    if (o && !signers.length) add(o.name);
  }
  if (signers.length === 0 || /,\s*with\s+[^;]*\bsigning\s+for\b/.test(sentence.slice(verbAt)))
    for (const o of orgs) if (o.end <= verbAt) add(o.name);
  return parties;
}

/** Organisations named after "between" in a sentence (a ceremony's parties). */
export function partiesBetween(sentence: string): string[] {
  const between = /\bbetween\s+/.exec(sentence);
  if (!between) return [];
  return findOrganizations(sentence.slice(between.index, between.index + 200)).map((o) => o.name);
}
